// Lesson suggestions under the header search box, as an ARIA 1.2 combobox with a listbox popup.
// Progressive enhancement: without this file (or without fetch) the box stays a plain GET form to /tim-kiem.
// page.js loads it when she first focuses, taps or types in the box.
(() => {
  const input = document.getElementById('site-search');
  if (!input || !input.form || !window.fetch || !window.AbortController) return;
  const form = input.form;
  const list = document.createElement('ul');
  const status = document.createElement('p');
  list.id = 'site-search-list';
  list.className = 'suggest';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', input.labels && input.labels[0] ? input.labels[0].textContent : '');
  list.hidden = true;
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.classList.add('search-box--suggest');
  form.append(list, status);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', list.id);
  input.setAttribute('aria-expanded', 'false');

  let items = [], active = -1, timer = 0, request = null, shown = '';

  const setActive = (i) => {
    active = i;
    [...list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i < 0) input.removeAttribute('aria-activedescendant');
    else {
      input.setAttribute('aria-activedescendant', list.children[i].id);
      list.children[i].scrollIntoView({ block: 'nearest' });
    }
  };

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const show = (data) => {
    items = data.items || [];
    list.replaceChildren(...items.map((item, i) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      const title = document.createElement('span');
      const meta = document.createElement('span');
      li.id = `${list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      a.href = '/bai-hoc/' + encodeURIComponent(item.slug);
      a.tabIndex = -1;
      title.className = 'suggest__title';
      title.textContent = item.title;            // text, never markup
      meta.className = 'suggest__meta';
      meta.textContent = item.topic ? item.topic.title : '';
      a.append(title, meta);
      li.append(a);
      return li;
    }));
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (items.length === 0) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = (input.dataset.suggestStatus || '{0}').replace('{0}', items.length);
  };

  const load = async (q) => {
    if (request) request.abort();
    request = new AbortController();
    try {
      const response = await fetch('/api/v1/search/suggestions?limit=6&q=' + encodeURIComponent(q),
        { signal: request.signal, headers: { Accept: 'application/json' } });
      if (!response.ok) return close();
      const data = await response.json();
      if (input.value.trim() !== q) return;       // typed on meanwhile
      shown = q;
      show(data);
    } catch (e) {
      if (e.name !== 'AbortError') close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      if (request) request.abort();
      shown = '';
      return close();
    }
    if (q === shown && !list.hidden) return;
    timer = setTimeout(() => load(q), 250);
  });

  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && items.length > 0;
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive(active < items.length - 1 ? active + 1 : 0);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive(active > 0 ? active - 1 : items.length - 1);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      list.children[active].querySelector('a').click();
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  });

  // Keep the focus in the box while a suggestion is pressed, so the list is still there for the click.
  list.addEventListener('mousedown', (e) => e.preventDefault());
  input.addEventListener('blur', close);
  input.addEventListener('focus', () => {
    if (items.length > 0 && input.value.trim() === shown) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });
  form.addEventListener('submit', () => { if (request) request.abort(); close(); });
  // What she typed while this file was on its way.
  if (document.activeElement === input && input.value.trim().length >= 2) input.dispatchEvent(new Event('input'));
})();
