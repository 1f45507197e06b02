import type { Config, Lang } from '../config/types';
import type { ConsentStore } from '../core/store';
import { NAMES } from '../i18n/names';
import { dodgeFocus, reopenClass } from './dodge';
import { COOKIE } from './icon';
import css from './reopen.css?inline';
import { styles, theme } from './sheet';

export interface Reopen {
  /** Takes the button away: the face, once here, draws its own. */
  remove(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The reopen button for a visitor who has chosen, drawn by the engine with a few DOM calls so
 * a page view that needs nothing else never fetches the face: the same look (reopen.css), names,
 * place and focus-dodging rule as the face's, first in `<body>` in its own shadow root. Hidden
 * while a decision is asked for. `open` is given the click; the face does the rest.
 */
export function drawReopen(config: Config, store: ConsentStore, lang: Lang, open: () => void): Reopen {
  const host = document.createElement('samtykke-ui');
  const root = host.attachShadow({ mode: 'open' });
  styles(css)(root, config.nonce);
  theme(host, config.theme);
  // The owner's wording wins here as it does in the face.
  const own = config.texts[lang] ?? {};
  const name = (key: 'title' | 'settings') => (typeof own[key] === 'string' ? own[key] : NAMES[lang][key]);

  // The face's landmark and button, without the rest of its root.
  const aside = root.appendChild(document.createElement('aside'));
  aside.className = 'root';
  aside.lang = lang;
  aside.setAttribute('aria-label', name('title'));
  const button = aside.appendChild(document.createElement('button'));
  button.type = 'button';
  button.setAttribute('aria-label', name('settings'));
  button.onclick = open;
  const svg = button.appendChild(document.createElementNS(SVG, 'svg'));
  svg.setAttribute('aria-hidden', 'true');
  for (const d of COOKIE) svg.appendChild(document.createElementNS(SVG, 'path')).setAttribute('d', d);

  let dodging = false;
  const draw = () => {
    button.className = reopenClass(config, dodging);
    button.hidden = store.needsDecision();
  };
  const stop = dodgeFocus(host, () => button, (moved) => {
    dodging = moved;
    draw();
  });
  const unsubscribe = store.subscribe(draw);
  draw();
  document.body.prepend(host);
  return {
    remove() {
      stop();
      unsubscribe();
      host.remove();
    },
  };
}
