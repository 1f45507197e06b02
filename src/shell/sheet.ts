import type { Config, Theme } from '../config/types';

/**
 * How to give a shadow root these rules. A constructed sheet is allowed by a strict CSP without
 * a nonce and shared by every root given it; where the browser lacks one, a `<style>` carrying
 * our script's nonce does the same. The sheet is made when the first root needs it.
 */
export function styles(css: string): (root: ShadowRoot, nonce: string) => void {
  let sheet: CSSStyleSheet | null | undefined;
  return (root, nonce) => {
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
  };
}

/**
 * A host element of ours (`name`, from markup.ts) with an open shadow root the page's CSS cannot
 * reach, given its rules by `adopt` (a `styles(…)`) and the owner's theme.
 */
export function createShadowHost(name: string, adopt: (root: ShadowRoot, nonce: string) => void, config: Pick<Config, 'nonce' | 'theme'>): [HTMLElement, ShadowRoot] {
  const host = document.createElement(name);
  const root = host.attachShadow({ mode: 'open' });
  adopt(root, config.nonce);
  theme(host, config.theme);
  return [host, root];
}

/**
 * Config theme keys become `--samtykke-*` on the host, set through the CSSOM (which CSP
 * allows, unlike style attributes); the page's own `--samtykke-*` rules work the same way.
 */
function theme(host: HTMLElement, t: Theme): void {
  for (const [key, value] of Object.entries(t)) {
    if (typeof value === 'string') host.style.setProperty('--samtykke-' + key.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase()), value);
  }
}
