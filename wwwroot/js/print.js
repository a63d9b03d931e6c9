// Shows the "print" button (printing needs JavaScript; without it the browser's own menu prints the page).
(() => {
  'use strict';
  for (const button of document.querySelectorAll('[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
})();
