// Staff pages appear (prerendered) before their live connection is up; until then their buttons have no handler and
// a tap would do nothing and say nothing. Until the page says it is live (hhStaff.live(), called by StaffLayout once
// it renders interactively), the page shows "Đang kết nối…" and its controls look disabled (staff.css); a tap on a
// control is held, the control marked as waiting, and replayed once live; typing is held back (the prerendered field
// is replaced when the page goes live, and what was typed into it would be lost). docs/architecture.md §8.
(() => {
  const root = document.documentElement;
  const control = 'button, [role=tab], [role=button], [role=checkbox], [role=switch], input, select, textarea, label';
  let held = null;

  // The same control after the live render replaced the prerendered one: same tag, same words, same place among them.
  const describe = el => {
    const text = (el.getAttribute('aria-label') || el.textContent || '').trim();
    const same = [...document.querySelectorAll(el.tagName)].filter(e => (e.getAttribute('aria-label') || e.textContent || '').trim() === text);
    return { tag: el.tagName, text, index: same.indexOf(el) };
  };
  const find = d => [...document.querySelectorAll(d.tag)]
    .filter(e => (e.getAttribute('aria-label') || e.textContent || '').trim() === d.text)[d.index];

  // A link tapped before the page is live is followed by the browser itself, as a plain page load: in that window
  // Blazor may already intercept it (for its enhanced or interactive navigation) before its connection can carry it,
  // and the tap would be lost (a reviewer's tap on her queue, once in a CI run).
  const follow = e => {
    const link = e.type === 'click' && e.target instanceof Element ? e.target.closest('a[href]') : null;
    if (!link || e.defaultPrevented || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return false;
    if (link.target || link.hasAttribute('download') || link.origin !== location.origin) return false;
    if (link.pathname === location.pathname && link.search === location.search && link.hash) return false;
    e.preventDefault();
    e.stopImmediatePropagation();
    location.assign(link.href);
    return true;
  };

  const hold = e => {
    if (root.classList.contains('hh-live') || follow(e)) return;
    const target = e.target instanceof Element ? e.target.closest(control) : null;
    if (!target || !target.closest('#main')) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.type !== 'click') return;
    document.querySelectorAll('.hh-waiting').forEach(w => w.classList.remove('hh-waiting'));
    target.classList.add('hh-waiting');
    root.classList.add('hh-held');
    held = describe(target);
  };
  for (const type of ['click', 'beforeinput', 'keydown', 'change', 'submit'])
    window.addEventListener(type, e => { if (type !== 'keydown' || e.key.length === 1 || e.key === 'Enter' || e.key === ' ') hold(e); }, true);

  window.hhStaff = {
    live() {
      if (root.classList.contains('hh-live')) return;
      root.classList.add('hh-live');
      root.classList.remove('hh-held');
      const again = held && find(held);
      held = null;
      document.querySelectorAll('.hh-waiting').forEach(w => w.classList.remove('hh-waiting'));
      if (again && !again.disabled) again.click();
    },
  };
})();
