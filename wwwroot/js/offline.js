// The small part of learning offline that every lesson and path page carries (docs/architecture.md §3, "Offline").
// It shows the save button, gives "Tôi đã học xong bài này" an id made on the phone (a tap kept offline and sent
// again counts once), and loads saved.js — which registers the service worker — only from the reader's second page,
// on "Bài đã lưu" and the offline page, or when she taps save: a first visit stays light.
(() => {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.caches || !window.crypto || !crypto.randomUUID) return;
  const more = document.currentScript && document.currentScript.dataset.more;
  const box = document.querySelector('[data-save]');
  const done = document.querySelector('form[action$="/hoan-thanh"]');
  let loaded = false;
  const load = () => {
    if (loaded || !more) return;
    loaded = true;
    const s = document.createElement('script');
    s.src = more;
    document.head.append(s);
  };
  if (done) {
    done.addEventListener('submit', () => {
      const id = document.createElement('input');
      id.type = 'hidden';
      id.name = 'request-id';
      id.value = crypto.randomUUID();
      done.append(id);
    });
  }
  if (box) {
    box.hidden = false;
    box.querySelector('button').addEventListener('click', () => { if (!loaded) { box.dataset.go = '1'; load(); } });
  }
  let seen = null;
  try { seen = localStorage.getItem('hh.seen'); localStorage.setItem('hh.seen', '1'); } catch (e) { seen = '1'; }
  if (seen || navigator.serviceWorker.controller || document.querySelector('[data-saved-list]')) load();
})();
