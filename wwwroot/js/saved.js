// Saving lessons to learn without a connection (docs/architecture.md §3, "Offline"), loaded by offline.js from the
// second page a reader opens, on "Bài đã lưu" and the offline page, or when she taps the save button: a first visit
// does not carry it. It registers the worker, saves a lesson or a path (the anonymous page, its phone-sized pictures
// and every file the save list names), lists what is saved and brings saved lessons up to date when republished.
(() => {
  'use strict';
  if (!('serviceWorker' in navigator) || !window.caches || !window.crypto || !crypto.randomUUID) return;
  const SAVED = 'hh-saved', SHELL = 'hh-shell-1', OUTBOX = 'hh-outbox', INDEX = '/__hh/saved.json';
  const $ = (s, r) => (r || document).querySelector(s);
  const fill = (t, ...a) => a.reduce((s, v, i) => s.replace(`{${i}}`, v), t);
  const mb = (n) => `${(n >= 1e7 ? Math.round(n / 1048576) : Math.max(0.1, Math.round(n / 104857.6) / 10)).toLocaleString(document.documentElement.lang || 'vi')} MB`;
  const sw = navigator.serviceWorker;
  sw.register('/sw.js', { scope: '/' }).catch(() => null);

  const readIndex = async () => { const r = await caches.match(INDEX); return r ? r.json() : { items: {} }; };
  const writeIndex = async (ix) => (await caches.open(SAVED)).put(INDEX, new Response(JSON.stringify(ix), { headers: { 'Content-Type': 'application/json' } }));
  const isPublic = (res) => res.ok && /\bpublic\b/.test(res.headers.get('Cache-Control') || '');
  const getJson = async (u) => { const r = await fetch(u, { cache: 'no-store' }); if (!r.ok) throw new Error(u); return r.json(); };

  // The page as every anonymous reader gets it: a signed-in reader's own page is never kept.
  const publicPage = async (url) => {
    let res = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    if (!isPublic(res)) res = await fetch(url, { credentials: 'omit', cache: 'no-store' });
    if (!isPublic(res)) throw new Error(url);
    return res;
  };

  const keepPage = async (url, cache) => {
    const res = await publicPage(url), html = await res.clone().text();
    const shell = await caches.open(SHELL);
    for (const m of html.matchAll(/\b(?:href|src|data-more)="\/?((?:css|js|icons)\/[^"?#]+)"/g)) {
      if (!(await shell.match(`/${m[1]}`))) await shell.add(`/${m[1]}`);
    }
    await cache.put(url, res);
    return { html, bytes: new Blob([html]).size };
  };

  const saveLesson = async (m, ix, cache) => {
    const { html, bytes } = await keepPage(m.page, cache);
    const files = m.files.map((f) => f.url), also = {};
    m.files.forEach((f) => f.also.forEach((a) => { also[a] = f.url; }));
    // Whatever else the page plays or reads aloud (audio, captions) joins the save list.
    for (const x of html.matchAll(/<(?:audio|track|source)\b[^>]*?\bsrc="(\/media\/[^"]+)"/g)) {
      if (!files.includes(x[1]) && !also[x[1]] && !/\.(mp4|webm)$/.test(x[1])) files.push(x[1]);
    }
    let total = bytes;
    for (const u of files) {
      const hit = await cache.match(u);
      const res = hit || await fetch(u);
      if (!res.ok) throw new Error(u);
      total += (await res.clone().blob()).size;
      if (!hit) await cache.put(u, res);
    }
    ix.items[m.page] = { kind: 'lesson', title: m.title, page: m.page, list: `/ngoai-tuyen/bai-hoc/${m.slug}`, version: m.version, bytes: total, files, also };
    return total;
  };

  const save = async (list, ix) => {
    const m = await getJson(list), cache = await caches.open(SAVED);
    if (!m.lessons) return saveLesson(m, ix, cache);
    let total = (await keepPage(m.page, cache)).bytes;
    for (const l of m.lessons) total += await saveLesson(l, ix, cache);
    ix.items[m.page] = { kind: 'path', title: m.title, page: m.page, list, lessons: m.lessons.map((l) => l.page), versions: m.lessons.map((l) => l.version).join(), bytes: total };
    return total;
  };

  // Removes an item, and its files no other saved item uses.
  const remove = async (page, ix) => {
    const item = ix.items[page], cache = await caches.open(SAVED);
    if (!item) return;
    delete ix.items[page];
    (item.lessons || []).forEach((p) => { delete ix.items[p]; });
    const used = new Set(Object.values(ix.items).flatMap((i) => [i.page, ...(i.files || [])]));
    const gone = [page, ...(item.lessons || [])].flatMap((p) => [p, ...((p === page ? item : {}).files || [])]);
    for (const u of gone) if (!used.has(u)) await cache.delete(u);
    await writeIndex(ix);
  };

  const space = async () => {
    const e = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate().catch(() => null) : null;
    return e && e.quota ? Math.max(0, e.quota - (e.usage || 0)) : Infinity;
  };

  // The save button of a lesson or path page.
  const box = $('[data-save]');
  if (box) {
    const t = box.dataset, button = $('button', box), label = $('[data-save-label]', box), size = $('[data-save-size]', box), note = $('[data-save-note]', box);
    const saved = (bytes) => { label.textContent = `✓ ${t.tSaved}`; size.textContent = `(${mb(bytes)})`; };
    const need = +t.bytes || 0;
    readIndex().then((ix) => { if (ix.items[t.page]) saved(ix.items[t.page].bytes); });
    button.addEventListener('click', async () => {
      if (button.disabled) return;
      const free = await space();
      if (need && free < need * 1.2 + 1048576) { note.textContent = fill(t.tFull, mb(need), mb(free)); return; }
      button.disabled = true;
      note.textContent = t.tSaving;
      const ix = await readIndex(), before = JSON.stringify(ix);
      try {
        if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => null);
        const bytes = await save(t.save, ix);
        await writeIndex(ix);
        saved(bytes);
        note.textContent = t.tNote;
      } catch (e) {
        await remove(t.page, ix).catch(() => null);
        await writeIndex(JSON.parse(before)).catch(() => null);
        note.textContent = e && e.name === 'QuotaExceededError' ? fill(t.tFull, mb(need), mb(await space())) : t.tFailed;
      }
      button.disabled = false;
    });
    if (t.go) { delete t.go; button.click(); } // the tap that loaded this script
  }

  // "Bài đã lưu" and the offline page: the list, from this phone's own storage.
  const listBox = $('[data-saved-list]');
  const showList = async () => {
    const t = listBox.dataset, ul = $('[data-saved-items]', listBox), none = $('[data-saved-none]', listBox), spaceLine = $('[data-saved-space]', listBox);
    const ix = await readIndex(), items = Object.values(ix.items).sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title, 'vi') : a.kind === 'path' ? -1 : 1));
    ul.replaceChildren(...items.map((i) => {
      const li = document.createElement('li'), a = document.createElement('a'), s = document.createElement('span');
      a.href = i.page;
      a.textContent = i.title;
      s.className = 'saved__size';
      s.textContent = i.kind === 'path' ? `${fill(t.tPath, i.lessons.length)} · ${mb(i.bytes)}` : mb(i.bytes);
      li.append(a, ' ', s);
      if (t.delete) {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'button saved__delete';
        b.textContent = t.tDelete;
        b.setAttribute('aria-label', `${t.tDelete}: ${i.title}`);
        b.addEventListener('click', async () => { await remove(i.page, await readIndex()); showList(); });
        li.append(' ', b);
      }
      return li;
    }));
    ul.hidden = items.length === 0;
    none.textContent = t.tEmpty;
    none.hidden = items.length > 0;
    const used = items.filter((i) => i.kind === 'lesson').reduce((n, i) => n + i.bytes, 0), free = await space();
    spaceLine.textContent = fill(t.tSpace, mb(used), free === Infinity ? '?' : mb(free));
    spaceLine.hidden = items.length === 0;
  };
  if (listBox) showList();

  const doneForm = $('form[action$="/hoan-thanh"]');
  const queued = async () => {
    const q = $('[data-done-queued]'), slug = doneForm && doneForm.getAttribute('action').split('/')[2];
    if (!q) return;
    const keys = await (await caches.open(OUTBOX)).keys();
    q.hidden = !keys.some((k) => new URL(k.url).pathname.startsWith(`/__hh/outbox/done/${slug}/`));
  };
  queued();
  const flush = () => { if (sw.controller) sw.controller.postMessage('flush'); };
  window.addEventListener('online', flush);
  sw.addEventListener('message', (e) => {
    if (e.data !== 'flushed') return;
    const q = $('[data-done-queued]');
    if (q && !q.hidden) { q.hidden = true; const d = $('[data-done-state]'); if (d) d.hidden = false; }
  });

  // Saved lessons follow the library: at most once an hour, online, each saved item's list is read again and an
  // item whose lessons were republished is saved again.
  if (navigator.onLine) {
    flush();
    const last = +(localStorage.getItem('hh.saved-checked') || 0);
    if (Date.now() - last > 3600e3) {
      localStorage.setItem('hh.saved-checked', String(Date.now()));
      readIndex().then(async (ix) => {
        let changed = false;
        for (const i of Object.values(ix.items)) {
          try {
            const m = await getJson(i.list);
            const now = m.lessons ? m.lessons.map((l) => l.version).join() : m.version;
            if (now !== (i.kind === 'path' ? i.versions : i.version)) { await save(i.list, ix); changed = true; }
          } catch (e) { /* offline again, or the lesson is gone: the saved copy stays */ }
        }
        if (changed) await writeIndex(ix);
      });
    }
  }
})();
