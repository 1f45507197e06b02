/**
 * Words an owner without a developer does not know: the owner's guide (docs/veiledning.md,
 * test/package/docs.test.ts) and the self-check's panel (test/unit/check/words.test.ts) say none
 * of them outside what the owner is asked to paste, or the ⟨…⟩ terms kept for a helper.
 */
export const DEVELOPER_WORDS = [
  '<head>',
  '<body>',
  'SRI',
  'crossorigin',
  'CORS',
  'preload',
  'dataLayer',
  'shadow',
  'DevTools',
  'console',
  'script',
  'CSP',
  'Content Security',
  'nonce',
  'async',
  'defer',
  'integrity',
  'Resource Timing',
  'Trusted Types',
  '_storage',
  'localStorage',
  'sessionStorage',
  'data-',
  'MutationObserver',
  // Marketing jargon an owner need not know either (the guide says «søkemotorer»).
  'SEO',
];
