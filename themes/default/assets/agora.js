/* Agora default theme: remembers the reader's language and picks it on the site root.
   No framework, no network requests. Without JavaScript the root page shows plain links. */
(function () {
  'use strict';

  var KEY = 'agora.lang';

  function remember(code) {
    try { window.localStorage.setItem(KEY, code); } catch (e) { /* storage disabled */ }
  }

  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function primary(tag) {
    return String(tag || '').toLowerCase().split(/[-_]/)[0];
  }

  // (1) A click on a language-switcher link remembers the language.
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.closest) return;
    var link = target.closest('a[data-lang-choice]');
    if (link) remember(link.getAttribute('data-lang-choice'));
  });

  // (2) On the site root, go to the remembered or preferred language.
  var root = document.documentElement;
  if (!root.hasAttribute('data-agora-root')) return;

  var links = document.querySelectorAll('a[data-lang-choice]');
  if (!links.length) return;

  function find(test) {
    for (var i = 0; i < links.length; i++) {
      if (test(links[i].getAttribute('data-lang-choice'))) return links[i];
    }
    return null;
  }

  var choice = null;
  var saved = remembered();
  if (saved) {
    choice = find(function (code) { return code === saved; });
  }
  if (!choice) {
    var wanted = (navigator.languages && navigator.languages.length)
      ? navigator.languages
      : [navigator.language || navigator.userLanguage || ''];
    for (var j = 0; j < wanted.length && !choice; j++) {
      var p = primary(wanted[j]);
      if (p) choice = find(function (code) { return primary(code) === p; });
    }
  }
  if (choice && choice.href) {
    window.location.replace(choice.href);
  }
})();
