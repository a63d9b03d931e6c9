// The service worker of HoaHung.Learning (docs/architecture.md §3, "Offline"). Hand-written, not Workbox: what it
// does is four small rules, and Workbox's runtime for them would be several times this file's size.
// - Pages always come from the network while there is one; only with no connection does it answer, from what the
//   reader saved (kept by offline.js, the anonymous copy only) or else from the offline page. It stores nothing it
//   was not asked to, never a personal page, never an error.
// - Saved media, CSS and JS answer from the cache (with ranges, for video); pictures answer for their wider renditions.
// - "Tôi đã học xong bài này" and the video position, sent with no connection, are kept in the outbox and sent when
//   the connection returns, with the id the phone made for them: the server counts each once.
'use strict';
const SHELL = 'hh-shell-1', SAVED = 'hh-saved', OUTBOX = 'hh-outbox', INDEX = '/__hh/saved.json', OFFLINE = '/ngoai-tuyen', SAVED_PAGE = '/da-luu';
const ANY = { ignoreSearch: true, ignoreVary: true };
// The page's own CSS, JS and icons, written relative to <base href="/"> ("css/site.….css") or from the root.
const assets = (html) => [...new Set([...html.matchAll(/\b(?:href|src|data-more)="\/?((?:css|js|icons)\/[^"?#]+)"/g)].map((m) => `/${m[1]}`))];

// The offline page and "Bài đã lưu" as every anonymous reader gets them (no cookies), and what they load.
async function keepShell() {
  const shell = await caches.open(SHELL);
  for (const url of [OFFLINE, SAVED_PAGE]) {
    const res = await fetch(url, { credentials: 'omit', cache: 'no-store' });
    if (!res.ok) continue;
    await shell.addAll(assets(await res.clone().text()));
    await shell.put(url, res);
  }
}

self.addEventListener('install', (e) => e.waitUntil(keepShell().catch(() => null).then(() => self.skipWaiting())));
self.addEventListener('activate', (e) => e.waitUntil(caches.keys()
  .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hh-shell-') && k !== SHELL).map((k) => caches.delete(k))))
  .then(() => self.clients.claim()).then(flush)));
self.addEventListener('sync', (e) => { if (e.tag === OUTBOX) e.waitUntil(flush()); });
self.addEventListener('message', (e) => { if (e.data === 'flush') e.waitUntil(flush()); });

self.addEventListener('fetch', (e) => {
  const r = e.request, url = new URL(r.url);
  if (url.origin !== location.origin) return;
  if (r.method === 'POST' && /^\/tien-do\/[^/]+\/(hoan-thanh|video)$/.test(url.pathname)) e.respondWith(sendOrKeep(r, url));
  else if (r.method !== 'GET' || url.pathname === '/sw.js') return;
  else if (r.mode === 'navigate') e.respondWith(page(r, url, e));
  else if (url.pathname.startsWith('/media/')) e.respondWith(media(r, url));
  else if (/^\/(css|js|icons)\//.test(url.pathname)) e.respondWith(fetch(r).catch((err) => caches.match(url.pathname, ANY).then((hit) => hit || Promise.reject(err))));
});

async function page(r, url, e) {
  try {
    const res = await fetch(r);
    e.waitUntil(flush());
    return res;
  } catch (err) {
    const kept = await (await caches.open(SAVED)).match(url.pathname, ANY) || await (await caches.open(SHELL)).match(url.pathname, ANY);
    return kept || (await caches.match(OFFLINE, ANY)) || Promise.reject(err);
  }
}

async function media(r, url) {
  let hit = await caches.match(url.pathname, ANY);
  if (!hit) {
    try { return await fetch(r); } catch (err) {
      const ix = await caches.match(INDEX);
      const items = ix ? Object.values((await ix.json()).items) : [];
      const main = items.map((i) => i.also && i.also[url.pathname]).find(Boolean);
      hit = main && await caches.match(main, ANY);
      if (!hit) throw err;
    }
  }
  const range = /^bytes=(\d+)-(\d*)$/.exec(r.headers.get('range') || '');
  if (!range) return hit;
  const body = await hit.blob(), start = +range[1], end = range[2] ? Math.min(+range[2], body.size - 1) : body.size - 1;
  if (start >= body.size) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${body.size}` } });
  return new Response(body.slice(start, end + 1), { status: 206, headers: {
    'Content-Type': hit.headers.get('Content-Type') || '', 'Content-Range': `bytes ${start}-${end}/${body.size}`, 'Content-Length': String(end - start + 1),
  } });
}

async function sendOrKeep(r, url) {
  const copy = r.clone();
  try {
    return await fetch(r);
  } catch (err) {
    const form = new URLSearchParams(await copy.text());
    if (!form.get('request-id')) form.set('request-id', crypto.randomUUID());
    const slug = url.pathname.split('/')[2], video = url.pathname.endsWith('/video');
    // The latest video position per lesson is enough; every "done" tap is kept under its own id.
    const key = `/__hh/outbox/${video ? 'video' : 'done'}/${slug}/${video ? '' : form.get('request-id')}`;
    await (await caches.open(OUTBOX)).put(key, new Response(JSON.stringify({ url: url.pathname, body: form.toString() })));
    if (self.registration.sync) self.registration.sync.register(OUTBOX).catch(() => null);
    return video ? Response.json({ completed: false, kept: true }, { status: 202 }) : Response.redirect(`/bai-hoc/${slug}`, 303);
  }
}

let flushing = null;
function flush() {
  return flushing || (flushing = send().catch(() => null).finally(() => { flushing = null; }));
}

async function send() {
  const box = await caches.open(OUTBOX);
  let sent = 0;
  for (const key of await box.keys()) {
    const item = await (await box.match(key)).json();
    const res = await fetch(item.url, { method: 'POST', body: new URLSearchParams(item.body), credentials: 'same-origin', redirect: 'manual' });
    // Counted (2xx, 3xx) or refused for good (4xx but "too many"): never sent again. Otherwise try again later.
    if (res.status >= 500 || res.status === 429) return;
    await box.delete(key);
    sent++;
  }
  if (sent) (await self.clients.matchAll()).forEach((c) => c.postMessage('flushed'));
}
