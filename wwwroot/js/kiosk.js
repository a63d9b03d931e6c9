// The kiosk at the one-stop counter (docs/architecture.md §11), on kiosk pages only (KioskChrome).
// After data-idle seconds without a touch it asks "Bạn còn dùng máy không?" for data-countdown seconds, then forgets the
// visitor: her storage and typed text here, her cookies and the browser's cache at the reset endpoint, and the pages
// she saw in this tab's history. "Xong, dành cho người sau" does the same at once. Without JavaScript a refresh in the
// page's head goes to the reset endpoint after the same time.
(() => {
  'use strict';
  const bar = document.getElementById('kiosk');
  if (!bar) return;
  const idleMs = Number(bar.dataset.idle) * 1000;
  const countdown = Number(bar.dataset.countdown);
  const resetUrl = bar.dataset.reset;
  const pending = 'hh.kiosk.forget';
  const dialog = document.getElementById('kiosk-idle');
  const left = document.getElementById('kiosk-idle-left');
  let idleTimer = 0;
  let tick = 0;
  let asking = false;
  let leaving = false;

  const wipe = () => {
    try { localStorage.clear(); } catch { /* storage may be blocked */ }
    try { sessionStorage.clear(); } catch { /* storage may be blocked */ }
    if (window.caches) caches.keys().then((keys) => keys.forEach((k) => caches.delete(k))).catch(() => {});
    for (const box of document.querySelectorAll('input, textarea')) {
      if (box.type !== 'hidden' && box.type !== 'submit') box.value = '';
    }
  };

  // The reset endpoint answers with a redirect to the kiosk home. Reached by a new history entry from the tab's
  // first entry, it drops every later entry (the visitor's pages): Back then reaches only the kiosk's own start.
  const finish = () => {
    leaving = true;
    wipe();
    if (document.readyState === 'complete') location.assign(resetUrl);
    else addEventListener('load', () => setTimeout(() => location.assign(resetUrl), 0), { once: true });
  };

  const forget = () => {
    if (leaving) return;
    leaving = true;
    clearTimeout(idleTimer);
    clearInterval(tick);
    wipe();
    // The Navigation API lists this tab's entries of this site that sit together; the first is the kiosk's own start.
    const first = window.navigation && navigation.currentEntry ? navigation.entries()[0] : null;
    if (first && first.key !== navigation.currentEntry.key) {
      try { sessionStorage.setItem(pending, '1'); } catch { /* without storage the replace below still resets */ }
      navigation.traverseTo(first.key).finished.catch(() => location.replace(resetUrl));
      // If the traversal does not happen, reset in place.
      setTimeout(() => location.replace(resetUrl), 2000);
    } else {
      location.replace(resetUrl);
    }
  };

  const resume = () => {
    try {
      if (sessionStorage.getItem(pending) === '1') {
        sessionStorage.removeItem(pending);
        finish();
        return true;
      }
    } catch { /* storage blocked: nothing pending */ }
    return false;
  };
  if (resume()) return;
  addEventListener('pageshow', (e) => { if (e.persisted) resume(); });

  const arm = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(ask, idleMs);
  };

  const show = (n) => { left.textContent = left.dataset.template.replace('{0}', String(n)); };

  function ask() {
    asking = true;
    let n = countdown;
    show(n);
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute('open', '');
    tick = setInterval(() => {
      n -= 1;
      show(Math.max(n, 0));
      if (n <= 0) forget();
    }, 1000);
  }

  const stay = () => {
    asking = false;
    clearInterval(tick);
    if (dialog.open) dialog.close();
    arm();
  };

  for (const type of ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input', 'scroll']) {
    addEventListener(type, () => { if (!asking && !leaving) arm(); }, { capture: true, passive: true });
  }
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); stay(); });
  for (const button of document.querySelectorAll('[data-kiosk-stay]')) button.addEventListener('click', stay);
  for (const link of document.querySelectorAll('[data-kiosk-done]')) {
    link.addEventListener('click', (e) => { e.preventDefault(); forget(); });
  }
  // No link leaves the site: the server already turns them into text; this catches any left.
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (a && new URL(a.href, location.href).origin !== location.origin) e.preventDefault();
  }, true);
  arm();
})();
