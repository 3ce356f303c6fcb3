// Small enhancements for every page of the site; the pages work without them.
(function () {
  'use strict';
  var root = document.documentElement;
  var KEY = 'fangzhi-font-size';

  // 字号 switch (适老化): three steps, remembered in this browser.
  function applyFontSize(size) {
    if (size === 'normal') delete root.dataset.fontSize;
    else root.dataset.fontSize = size;
    document.querySelectorAll('.font-size button').forEach(function (button) {
      button.setAttribute('aria-pressed', String(button.dataset.fontSize === size));
    });
  }
  applyFontSize(root.dataset.fontSize || 'normal');
  document.querySelectorAll('.font-size button').forEach(function (button) {
    button.addEventListener('click', function () {
      var size = button.dataset.fontSize;
      applyFontSize(size);
      try { localStorage.setItem(KEY, size); } catch (error) { /* private mode: the choice lasts for this page */ }
    });
  });

  // Back to top: shown once the reader has scrolled a screen down.
  var back = document.querySelector('.back-to-top');
  if (back) {
    var update = function () { back.classList.toggle('visible', window.scrollY > window.innerHeight); };
    window.addEventListener('scroll', update, { passive: true });
    update();
    back.addEventListener('click', function (event) {
      event.preventDefault();
      window.scrollTo({ top: 0, behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      var skip = document.querySelector('.site-name');
      if (skip) skip.focus({ preventScroll: true });
    });
  }

  // Permalinks: a click copies the entry's full address; the link itself still works without a clipboard.
  document.querySelectorAll('a[data-permalink]').forEach(function (link) {
    link.addEventListener('click', function () {
      var url = new URL(link.getAttribute('href'), window.location.href).href;
      if (!navigator.clipboard) return;
      navigator.clipboard.writeText(url).then(function () {
        link.classList.add('copied');
        link.setAttribute('data-label', '已复制链接');
        setTimeout(function () { link.classList.remove('copied'); }, 1800);
      }, function () { /* no permission: the address bar shows the link */ });
    });
  });

  // The sidebar starts folded on narrow screens, where it sits above the text.
  var toc = document.querySelector('.sidebar-toc');
  if (toc && window.matchMedia('(max-width: 63.99em)').matches) toc.removeAttribute('open');
})();
