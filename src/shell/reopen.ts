import type { Config, Lang } from '../config/types';
import type { ConsentStore } from '../core/store';
import { NAMES } from '../i18n/names';
import { UI_ELEMENT } from '../markup';
import { dodgeFocus, reopenClass } from './dodge';
import { COOKIE } from './icon';
import base from './base.css?inline';
import reopen from './reopen.css?inline';
import { createShadowHost, styles } from './sheet';

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The one reopen button, drawn by the engine with a few DOM calls so a page view that needs
 * nothing else never fetches the face, and kept for the page's life (the face draws none):
 * first in `<body>` in its own shadow root, until the face puts its own root before it. Hidden
 * while a decision is asked for, unless `faceFailed()`: with no banner to ask, the button is the
 * visitor's way to try again. `open` is given the click; the face does the rest. Returns the
 * button, where focus goes after a choice, and `draw`, to call when `faceFailed()` changes.
 */
export function drawReopen(config: Config, store: ConsentStore, lang: Lang, open: () => void, faceFailed: () => boolean): [HTMLButtonElement, () => void] {
  const [host, root] = createShadowHost(UI_ELEMENT, styles(base + reopen), config);
  // The owner's wording wins here as it does in the face (validate kept only strings).
  const name = (key: 'title' | 'settings') => config.texts[lang]?.[key] ?? NAMES[lang][key];

  // A landmark named as the banner's region is, holding the button.
  const aside = root.appendChild(document.createElement('aside'));
  aside.className = 'root';
  aside.lang = lang;
  aside.setAttribute('aria-label', name('title'));
  // No `type`: alone in its own shadow root, the button belongs to no form, so it submits none.
  const button = aside.appendChild(document.createElement('button'));
  button.setAttribute('aria-label', name('settings'));
  button.onclick = open;
  const svg = button.appendChild(document.createElementNS(SVG, 'svg'));
  svg.setAttribute('aria-hidden', 'true');
  for (const d of COOKIE) svg.appendChild(document.createElementNS(SVG, 'path')).setAttribute('d', d);

  let dodging = false;
  const draw = () => {
    button.className = reopenClass(config, dodging);
    button.hidden = store.needsDecision() && !faceFailed();
  };
  dodgeFocus(host, button, (moved) => {
    dodging = moved;
    draw();
  });
  store.subscribe(draw);
  draw();
  document.body.prepend(host);
  return [button, draw];
}
