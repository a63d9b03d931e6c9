// The header box's suggestions (search-suggest.js) load when she first uses the box: most pages are read, not
// searched, and a phone's first visit is a kilobyte lighter. Without JavaScript the box is a plain GET form.
(() => {
  const input = document.getElementById('site-search');
  const src = document.currentScript && document.currentScript.dataset.suggest;
  if (!input || !src) return;
  let loaded = false;
  const load = () => {
    if (loaded) return;
    loaded = true;
    const script = document.createElement('script');
    script.src = src;
    document.head.append(script);
  };
  for (const name of ['focus', 'pointerdown', 'keydown', 'input']) input.addEventListener(name, load, { once: true });
  if (document.activeElement === input) load();
})();
