// THROWAWAY, issue 26's experiment (docs/performance.md, "Inline start: the experiment"); not
// samtykke's code. An inline start pasted first in <head>: Consent Mode's denied default, then
// Google's hosts held however a script arrives (parsed, `src` set, `setAttribute`), then the
// engine loaded async. The bench and bench/experiment/hold.mjs put it in a page with
// `__ENGINE__` and `__ATTRS__` replaced.
(function (engine, attrs) {
  var G = /^https?:\/\/([^/]*\.)?(googletagmanager\.com|google-analytics\.com|googleadservices\.com|doubleclick\.net|googlesyndication\.com)\//;
  var held = (window.__held = []);
  var w = window;
  w.dataLayer = w.dataLayer || [];
  w.dataLayer.push(['consent', 'default', { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied' }]);
  var setAttr = Element.prototype.setAttribute;
  var src = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src');
  function hold(el, url) {
    el.type = 'text/plain';
    setAttr.call(el, 'data-held-src', url);
    held.push([url, performance.now(), el.isConnected]);
  }
  Object.defineProperty(HTMLScriptElement.prototype, 'src', {
    configurable: true, enumerable: true, get: src.get,
    set: function (v) { if (G.test(String(v))) hold(this, String(v)); else src.set.call(this, v); },
  });
  Element.prototype.setAttribute = function (n, v) {
    if (this instanceof HTMLScriptElement && String(n).toLowerCase() === 'src' && G.test(String(v))) return hold(this, String(v));
    return setAttr.call(this, n, v);
  };
  // A parsed script is in the DOM from its start tag; the parser's checkpoint before it prepares
  // the script (at its end tag) runs this observer, so it is held before it can be fetched.
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.localName === 'script' && n.type !== 'text/plain' && G.test(n.src)) { hold(n, n.src); n.removeAttribute('src'); }
      });
    });
  }).observe(document, { childList: true, subtree: true });
  var s = document.createElement('script');
  for (var k in attrs) setAttr.call(s, k, attrs[k]);
  s.src = engine;
  document.head.appendChild(s);
})(__ENGINE__, __ATTRS__);
