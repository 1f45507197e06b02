import type { Theme } from '../config/types';

const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * Gives a shadow root its rules. A constructed sheet is allowed by a strict CSP without a nonce
 * and shared by every root with the same rules; where the browser lacks one, a `<style>`
 * carrying our script's nonce does the same.
 */
export function adoptCss(root: ShadowRoot, css: string, nonce: string): void {
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
    sheets.set(css, sheet);
  }
  if (sheet && 'adoptedStyleSheets' in root) {
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.nonce = nonce;
  style.textContent = css;
  root.append(style);
}

/**
 * Config theme keys become `--samtykke-*` on the host, set through the CSSOM (which CSP
 * allows, unlike style attributes); the page's own `--samtykke-*` rules work the same way.
 */
export function theme(host: HTMLElement, t: Theme): void {
  for (const [key, value] of Object.entries(t)) {
    if (typeof value === 'string') host.style.setProperty('--samtykke-' + key.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase()), value);
  }
}
