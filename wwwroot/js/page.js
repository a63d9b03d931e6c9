// What every learner page gets, in one small deferred request (docs/architecture.md §4):
// - the header box's suggestions (search-suggest.js) load when she first uses the box: most pages are read, not
//   searched, and a phone's first visit is a kilobyte lighter. Without JavaScript the box is a plain GET form;
// - the print buttons ("In bài", the certificate's, the class poster's) are shown and print. Printing needs
//   JavaScript for a button; without it the browser's own menu prints the page.
(() => {
  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }

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
