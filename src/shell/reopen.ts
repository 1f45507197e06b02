import type { Config, Lang } from '../config/types';
import type { ConsentStore } from '../core/store';
import { NAMES } from '../i18n/names';
import base from '../ui/base.css?inline';
import { dodges } from './dodge';
import { ICON_SHAPES, ICON_SVG } from './icon';
import { adoptCss, theme } from './sheet';

export interface Reopen {
  /** Takes the button away: the face, once here, draws its own. */
  remove(): void;
}

const SVG = 'http://www.w3.org/2000/svg';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}

/**
 * The reopen button for a visitor who has chosen, drawn by the engine with a few DOM calls so
 * a page view that needs nothing else never fetches the face: the same look (base.css), name,
 * place and focus-dodging rule as the face's, first in `<body>` in its own shadow root. Hidden
 * while a decision is asked for. `open` is given the click; the face does the rest.
 */
export function drawReopen(config: Config, store: ConsentStore, lang: Lang, open: () => void): Reopen {
  const host = document.createElement('samtykke-ui');
  const root = host.attachShadow({ mode: 'open' });
  adoptCss(root, base, config.nonce);
  theme(host, config.theme);
  // The owner's wording wins here as it does in the face.
  const own = config.texts[lang] ?? {};
  const text = (key: 'title' | 'settings') => (typeof own[key] === 'string' ? own[key] : NAMES[lang][key]);

  const wrap = element('div', { class: 'root', lang });
  const aside = element('aside', { 'aria-label': text('title') });
  const button = element('button', { type: 'button', 'aria-label': text('settings') });
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries(ICON_SVG)) svg.setAttribute(name, value);
  for (const [tag, attributes] of ICON_SHAPES) {
    const shape = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  button.append(svg);
  aside.append(button);
  wrap.append(aside);
  root.append(wrap);
  button.addEventListener('click', open);

  let dodging = false;
  const draw = () => {
    button.className = (config.reopen === 'bottom-right') !== dodging ? 'button reopen bottom-right' : 'button reopen';
    button.hidden = store.needsDecision();
  };
  const onFocus = (e: FocusEvent) => {
    if (e.target === host || !(e.target instanceof Element)) return;
    const next = dodges(button, e.target, dodging);
    if (next !== dodging) {
      dodging = next;
      draw();
    }
  };
  document.addEventListener('focusin', onFocus);
  const unsubscribe = store.subscribe(draw);
  draw();
  document.body.prepend(host);
  return {
    remove() {
      document.removeEventListener('focusin', onFocus);
      unsubscribe();
      host.remove();
    },
  };
}
