// Staff tools: what a person types in a field marked data-keep="name" stays in this browser (localStorage, by page
// and name) until the page says it was saved, and comes back when the page is opened again after the connection,
// the laptop's sleep or a server restart lost the circuit and with it the field's value.
// The page calls hhKeepTyping.restore() once it is interactive (a value set before that would be lost), and
// hhKeepTyping.forget(name) once the text is saved. Kept text older than a week is dropped.
(() => {
  const week = 7 * 24 * 3600 * 1000;
  const key = name => `hh.keep:${location.pathname}#${name}`;
  const fieldOf = holder => holder.matches('input, textarea') ? holder : holder.querySelector('input, textarea');
  const read = name => {
    try {
      const saved = JSON.parse(localStorage.getItem(key(name)) || 'null');
      return saved && typeof saved.v === 'string' && Date.now() - saved.t < week ? saved.v : null;
    } catch { return null; }
  };

  document.addEventListener('input', e => {
    const holder = e.target instanceof Element ? e.target.closest('[data-keep]') : null;
    if (!holder || fieldOf(holder) !== e.target) return;
    try {
      if (e.target.value) localStorage.setItem(key(holder.dataset.keep), JSON.stringify({ v: e.target.value, t: Date.now() }));
      else localStorage.removeItem(key(holder.dataset.keep));
    } catch { /* storage full or disabled: nothing kept, nothing broken */ }
  }, true);

  const restoreIn = root => {
    const holders = root.matches?.('[data-keep]') ? [root] : [...root.querySelectorAll('[data-keep]')];
    for (const holder of holders) {
      const field = fieldOf(holder);
      if (!field || field.dataset.keepRestored) continue;
      field.dataset.keepRestored = '1';
      const text = read(holder.dataset.keep);
      if (!text || field.value) continue;
      field.value = text;
      // What a person's typing sends: the circuit's bound value follows.
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      holder.classList.add('keep-typing--restored');
    }
  };

  let observer = null;
  window.hhKeepTyping = {
    restore() {
      restoreIn(document.body);
      // Fields rendered later (another tab, a panel opened) are restored when they appear.
      observer ??= new MutationObserver(changes => {
        for (const change of changes)
          for (const node of change.addedNodes)
            if (node instanceof Element) restoreIn(node);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    },
    forget(name) {
      try { localStorage.removeItem(key(name)); } catch { /* nothing kept */ }
    },
  };
})();
