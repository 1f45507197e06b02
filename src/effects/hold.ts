import { classify, type Tracker } from '../config/trackers';
import type { Config } from '../config/types';
import { report } from '../core/report';
import type { ConsentStore } from '../core/store';

/** Marks what no purpose grant releases: a service visitors were never told of. */
export const HELD = 'data-samtykke-held';

/** Elements released on purpose (a grant, "Vis innhold"), which must load as they are. */
export const trusted = new WeakSet<Element>();

type Loader = HTMLScriptElement | HTMLIFrameElement | HTMLImageElement;

export interface Hold {
  /** Loads one held frame whatever the purposes say: the visitor asked for it (its placeholder). */
  show(frame: HTMLIFrameElement): void;
}

const isLoader = (n: unknown): n is Loader => n instanceof HTMLScriptElement || n instanceof HTMLIFrameElement || n instanceof HTMLImageElement;

/**
 * Zero-markup blocking: a tracker's `<script>`, `<iframe>` or pixel that the owner pasted
 * without marking it up is turned into the marked-up form (`type="text/plain"` or `data-src`,
 * plus `data-samtykke`) before it can load, so the markup path releases it on grant.
 *
 * Parser-inserted elements are caught by a MutationObserver, whose callback runs at the
 * microtask checkpoint the parser performs before it prepares each script (and before a
 * frame navigates); Firefox gets `beforescriptexecute` as well. Code-inserted ones are caught
 * where they could start loading: on insertion, on `src` (property or attribute) and in HTML
 * strings given to `innerHTML` / `insertAdjacentHTML`.
 */
export function holdTrackers(config: Config, store: ConsentStore, onFrame: (frame: HTMLIFrameElement, tracker: Tracker | null) => void): Hold {
  const E = Element.prototype;
  const setAttr = E.setAttribute;
  const framed = new WeakSet<Element>();
  const warned = new Set<string>();

  /** The tracker an element must wait for, or null when it may load now. */
  const pending = (src: string): Tracker | null => {
    const t = classify(src, config);
    if (!t) return null;
    if ((t.google && config.mode === 'advanced') || (t.declared && store.granted(t.service.purpose))) return null;
    return t;
  };

  const hold = (el: Loader, src: string, t: Tracker): void => {
    setAttr.call(el, t.declared ? 'data-samtykke' : HELD, t.service.purpose);
    if (el instanceof HTMLScriptElement) {
      const type = el.getAttribute('type');
      if (type) setAttr.call(el, 'data-type', type);
      setAttr.call(el, 'type', 'text/plain');
    } else {
      setAttr.call(el, 'data-src', src);
      el.removeAttribute('src');
      // A frame in the document has begun to navigate; only taking it out stops that.
      const parent = el.parentNode;
      const next = el.nextSibling;
      if (el instanceof HTMLIFrameElement && parent) el.remove(), parent.insertBefore(el, next);
    }
    if (!t.declared && !warned.has(src)) {
      warned.add(src);
      const fix = t.google
        ? `give its id to samtykke (data-google-${t.service.purpose === 'analytics' ? 'analytics' : 'ads'}) so visitors are asked about it`
        : `add data-embeds="${t.service.id}" so visitors are asked about it; until then they can load it from its placeholder`;
      report('warn', `held back ${src}: visitors have not been told of ${t.service.name}, so no choice releases it. To use it, ${fix}.`);
    }
  };

  /** Holds `el` if it is about to load a tracker; true when it did. */
  const check = (el: Element, src = el.getAttribute('src')): boolean => {
    // A script whose type is not JavaScript never runs: owner markup, or already held.
    if (!isLoader(el) || !src || (el instanceof HTMLScriptElement && el.type && el.type !== 'module' && !/(java|ecma)script/i.test(el.type))) return false;
    if (trusted.has(el)) return false;
    try {
      const t = pending(src);
      if (t) hold(el, src, t);
      return !!t;
    } catch (error) {
      // Our watch must never break the page's own DOM calls; this element goes unwatched.
      report('error', 'could not check a tag; it loads unwatched. Please report this.', error);
      return false;
    }
  };

  const checkTree = (node: Node, tags: string): boolean => {
    let held = node instanceof Element && check(node);
    if ((node instanceof Element || node instanceof DocumentFragment) && node.firstElementChild) {
      for (const el of node.querySelectorAll(tags)) held = check(el) || held;
    }
    return held;
  };

  const frames = (node: Node) => {
    const list = node instanceof HTMLIFrameElement ? [node] : node instanceof Element ? node.querySelectorAll('iframe') : [];
    for (const f of list) {
      const src = f.getAttribute('data-src');
      if (framed.has(f) || !src || (!f.hasAttribute('data-samtykke') && !f.hasAttribute(HELD))) continue;
      framed.add(f);
      onFrame(f, classify(src, config));
    }
  };

  // Parser-inserted scripts and frames. A script is only touched while the parser runs: one
  // inserted later by a means not patched below has started already, and holding it would run
  // it twice. Images the parser met were requested already (the preload scanner sees them
  // first), so they are left alone; watch.ts names them.
  new MutationObserver((records) => {
    const tags = document.readyState === 'loading' ? 'script,iframe' : 'iframe';
    for (const r of records) {
      for (const node of r.addedNodes) {
        if (!(node instanceof HTMLImageElement)) checkTree(node, tags);
        frames(node);
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  document.addEventListener('beforescriptexecute', (e) => {
    if (e.target instanceof Element && check(e.target)) e.preventDefault();
  });

  // Code-inserted elements: a script or frame starts loading when it is inserted.
  const N = Node.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const Ep = E as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const [proto, names] of [[N, ['appendChild', 'insertBefore', 'replaceChild']], [Ep, ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren']]] as const) {
    for (const name of names) {
      const original = proto[name]!;
      proto[name] = function (this: unknown, ...args: unknown[]) {
        for (const a of args) if (a instanceof Node && !a.isConnected) checkTree(a, 'script,iframe');
        return original.apply(this, args);
      };
    }
  }

  // A frame or pixel starts loading the moment its src is set, in the document or not; a
  // script already in the document does too, when it had none. A script keeps its src (held
  // by its type); a frame or pixel gets data-src instead.
  const passes = (el: Element, v: unknown) => !check(el, String(v)) || el instanceof HTMLScriptElement;
  for (const proto of [HTMLScriptElement.prototype, HTMLIFrameElement.prototype, HTMLImageElement.prototype]) {
    wrapSetter(proto, 'src', (el, v, set) => passes(el, v) && set(v));
  }
  E.setAttribute = function (this: Element, name: string, value: string) {
    if (String(name).toLowerCase() !== 'src' || passes(this, value)) setAttr.call(this, name, value);
  };

  // HTML strings: parsed first in an inert <template> (nothing there loads); only when that
  // finds a tracker is the held copy inserted instead of the string, so every other call
  // keeps the browser's own parsing exactly.
  const parse = (html: string): DocumentFragment | null => {
    if (!/<(iframe|img)\b/i.test(html)) return null;
    const t = document.createElement('template');
    t.innerHTML = html;
    // Scripts in an HTML string never run, so only frames and pixels are looked at.
    return checkTree(t.content, 'iframe,img') ? t.content : null;
  };
  wrapSetter(E, 'innerHTML', (el, html, set) => {
    const held = el instanceof HTMLTemplateElement ? null : parse(String(html));
    if (held) el.replaceChildren(held);
    else set(html);
  });
  const adjacent = E.insertAdjacentHTML;
  const AT: Record<string, 'before' | 'prepend' | 'append' | 'after'> = { beforebegin: 'before', afterbegin: 'prepend', beforeend: 'append', afterend: 'after' };
  E.insertAdjacentHTML = function (this: Element, where: string, html: string) {
    const held = parse(String(html));
    const at = AT[String(where).toLowerCase()];
    if (held && at) this[at](held);
    else adjacent.call(this, where as InsertPosition, html);
  };

  return {
    show(frame) {
      trusted.add(frame);
      frame.removeAttribute('data-samtykke');
      frame.removeAttribute(HELD);
      frame.setAttribute('src', frame.getAttribute('data-src') ?? '');
      frame.removeAttribute('data-src');
    },
  };
}

/** Runs `fn` in place of a property's setter, with the original to call; skipped where absent. */
function wrapSetter<T extends Element>(proto: T, name: string, fn: (el: T, v: unknown, set: (v: unknown) => void) => void): void {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  if (!d?.set) return;
  const original = d.set;
  Object.defineProperty(proto, name, {
    ...d,
    set(this: T, v: unknown) {
      fn(this, v, (x) => original.call(this, x));
    },
  });
}
