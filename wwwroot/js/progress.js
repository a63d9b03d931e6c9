// Lesson page progress (progressive enhancement; the page works without it). Records the visit of a reader
// without an account, shows "done" if she finished the lesson before, resumes the video where she stopped and
// saves its position every few seconds and when she leaves. Requests are sent one after another so that the
// anonymous progress cookie each response rewrites is never overwritten by an older one.
(() => {
  'use strict';
  const article = document.querySelector('article[data-progress]');
  if (!article || !window.fetch) return;
  const base = article.dataset.progress;
  const video = article.querySelector('video');
  let queue = Promise.resolve();

  const showDone = () => {
    const state = article.querySelector('[data-done-state]');
    if (state) state.hidden = false;
  };

  // Each request carries an id made here: one kept offline by the service worker and sent again counts once.
  const post = (path, data) => {
    const body = new URLSearchParams(data || {});
    if (window.crypto && crypto.randomUUID) body.set('request-id', crypto.randomUUID());
    queue = queue.then(() => fetch(base + path, {
      method: 'POST', body, credentials: 'same-origin', keepalive: true,
    }).then((r) => (r.ok && r.status !== 204 ? r.json() : null)).catch(() => null));
    return queue;
  };

  // A reader without an account records her visit and gets her state in the same request; a signed-in one asks.
  const ask = () => fetch(base, { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
  queue = (article.dataset.signedIn !== '1' ? post('/mo') : queue.then(ask))
    .then((state) => {
      if (!state) return;
      if (state.completed) showDone();
      if (video && state.position > 5) {
        const resume = () => {
          if (!isFinite(video.duration) || state.position < video.duration - 5) video.currentTime = state.position;
        };
        if (video.readyState >= 1) resume(); else video.addEventListener('loadedmetadata', resume, { once: true });
      }
    })
    .catch(() => null);

  if (!video) return;
  let lastSaved = -1;
  const save = (force) => {
    const position = Math.floor(video.currentTime || 0);
    if (!force && Math.abs(position - lastSaved) < 10) return;
    lastSaved = position;
    const duration = isFinite(video.duration) ? Math.floor(video.duration) : 0;
    post('/video', { position: String(position), duration: String(duration) })
      .then((result) => { if (result && result.completed) showDone(); });
  };
  video.addEventListener('timeupdate', () => save(false));
  video.addEventListener('pause', () => save(true));
  video.addEventListener('ended', () => save(true));
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') save(true); });
  window.addEventListener('pagehide', () => save(true));
})();
