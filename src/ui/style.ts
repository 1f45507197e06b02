import type { Theme } from '../config/types';
import banner from './banner.css?inline';
import preferences from './preferences.css?inline';

// One sheet for every root: the preferences' rules come after the rest, as they were written.
const css = banner + preferences;

let sheet: CSSStyleSheet | null | undefined;

/**
 * A constructed sheet is allowed by a strict CSP without a nonce and shared by every root;
 * where the browser lacks one, a `<style>` carrying our script's nonce does the same.
 */
export function adopt(root: ShadowRoot, nonce: string): void {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
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
