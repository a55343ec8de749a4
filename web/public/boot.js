// Runs before the body is parsed (a classic script: the page's policy allows no inline script).
// index.html holds the default link's page; for any other link its numbers would be wrong for
// the moment the engine takes to load, so only the chrome shows until then (styles.css).
(function () {
  var fragment = location.hash.replace(/^#+/, '');
  if (fragment !== '' && fragment !== 'v=1') document.documentElement.classList.add('linked');
})();
