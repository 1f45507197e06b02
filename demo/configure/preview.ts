import { pasteTag, type Settings } from './tag';

/**
 * The live preview: a sandboxed iframe (own opaque origin, so its choices never touch the
 * demo's cookie) holding a small page with exactly the generated code, except that the script
 * comes from this site's own copy of the version and there is no consent log. Its CSP allows
 * inline code and scripts from that folder only (the engine fetches its face and its console
 * texts from there), so a click on "accept" in the preview cannot reach Google.
 */
export function previewDocument(settings: Settings, scriptUrl: string, siteUrl: string): string {
  const csp = `script-src 'unsafe-inline' ${new URL('./', scriptUrl).href}; connect-src 'none'; img-src data:; frame-src 'none'`;
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${pasteTag(forPreview(settings, siteUrl), { src: scriptUrl, integrity: null })}
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1f2a2e}header{padding:14px 20px;border-bottom:1px solid #ddd;font-weight:800}main{padding:20px}</style>
</head><body><header>Ditt nettsted</header><main><h1>Velkommen</h1>
<p>Slik ser banneret ut for en ny besøkende. <a href="#samtykke" data-samtykke-open>Informasjonskapsler</a></p>
<h2>Erklæringen (på personvernsiden)</h2><div data-samtykke-declaration></div></main></body></html>`;
}

/**
 * An about:srcdoc page has no address to resolve "/personvern/" against, so the script would
 * call a correct relative address wrong: the preview gets them made absolute with the site's
 * address (the code to copy keeps them as the owner wrote them). A choice made in the preview
 * is no visitor's decision, so it has no consent log.
 */
function forPreview(settings: Settings, siteUrl: string): Settings {
  const fix = (v: unknown): unknown => {
    if (typeof v !== 'string' || !v.startsWith('/')) return v;
    try {
      return new URL(v, siteUrl).href;
    } catch {
      return v;
    }
  };
  const services = Array.isArray(settings.services)
    ? settings.services.map((s: Record<string, unknown>) => ({ ...s, privacyUrl: fix(s.privacyUrl), src: Array.isArray(s.src) ? s.src.map(fix) : fix(s.src) }))
    : settings.services;
  return { ...settings, privacyUrl: fix(settings.privacyUrl), services, logUrl: undefined };
}
