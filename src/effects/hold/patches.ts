import { HELD_ATTR, PURPOSES_ATTR, SRC_ATTR } from '../../markup';
import type { Check, CheckTree, Uninstall } from './types';

/**
 * One function per place a tracker could start loading. Each installs its patch and returns
 * the function that takes it out again, so a test can install one patch alone.
 */

type Method = (...args: unknown[]) => unknown;

/**
 * Parser-inserted scripts and frames. A MutationObserver's callback runs at the microtask
 * checkpoint the parser performs before it prepares each script. Firefox and WebKit start a
 * frame's load after that checkpoint too; Chromium starts it as the parser inserts it, so by
 * then it has connected to the frame's host (at times sent the request): taking the frame out
 * cancels it, and watch.ts names it. Nothing a script can do runs earlier; only markup holds it.
 * A script is only touched while the parser runs: one inserted later by a means
 * not patched here has started already, and holding it would run it twice. Images the parser
 * met were requested already (the preload scanner sees them first), so they are left alone;
 * watch.ts names them. Each script and frame met after its check is handed to `met` (the
 * engine's heldFrame; the inline start, which draws no placeholders, gives none). Once the page
 * is parsed, the records go to `added` (the engine's); without one (the start, observeParsing)
 * the lists are still gone through, for frames only.
 */
function watchParser(check: Check, met?: (el: Element) => void, added?: (records: MutationRecord[]) => void): Uninstall {
  const loaders = () => [...document.scripts, ...document.getElementsByTagName('iframe')];
  // What the page holds already was met before us: it has started, so it is not ours to hold
  // (watch.ts names it).
  const checked = new WeakSet<Element>(loaders());
  const observer = new MutationObserver((records) => {
    const parsed = document.readyState !== 'loading';
    if (parsed && added) return added(records);
    // The parser adds the page one node at a time: going through the page's scripts and
    // frames (lists the browser keeps) for those not checked yet costs far less than looking
    // at each node it added. Every one is handed to `met` again, as a frame held since
    // (its src set by a script) is taken out and put back.
    for (const el of loaders()) {
      if (!checked.has(el)) {
        checked.add(el);
        // The parser's last nodes (after its last script: often a frame in <body>) reach the
        // start's callback only once the page is parsed, as the parser makes no checkpoint before
        // it ends: their frames are held then; a script not checked by then was inserted whole
        // by code and has started.
        if (!parsed || !(el instanceof HTMLScriptElement)) check(el);
      }
      met?.(el);
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}

/**
 * The inline start's watch: scripts and frames while the page is parsed, frames after it. What
 * is inserted by code through `src`, `setAttribute` or an HTML string is held by the start's
 * other patches; a script inserted whole (cloned or imported with its src) after parsing is
 * left to the engine (docs/inline-start.md), as holding a script that has started would only
 * let the engine run it a second time.
 */
export const observeParsing = (check: Check): Uninstall => watchParser(check);

/** The engine's watch: while the page is parsed, and after it every element added (its frames checked) handed to `met`. */
export const observeParser = (check: Check, met: (el: Element) => void): Uninstall =>
  watchParser(check, met, (records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        // One look inside per added element (not a pixel; a leaf's look finds nothing, and costs
        // fewer bytes than telling it apart): each frame is checked, then handed to `met`. A
        // script is not: inserted now by a means not patched, it has started already.
        if (node instanceof Element && !(node instanceof HTMLImageElement)) {
          for (const el of [node, ...node.querySelectorAll('iframe')]) {
            if (!(el instanceof HTMLScriptElement)) check(el);
            met(el);
          }
        }
      }
    }
  });

/**
 * For observeParser: every held frame it meets (its address in `data-src`, marked by the owner or
 * held) is handed to `onFrame` for its placeholder, as often as it is met (the caller gives each
 * one placeholder).
 */
export const heldFrame =
  (onFrame: (frame: HTMLIFrameElement, src: string) => void) =>
  (el: Element): void => {
    const src = el instanceof HTMLIFrameElement && el.getAttribute(SRC_ATTR);
    if (src && (el.hasAttribute(PURPOSES_ATTR) || el.hasAttribute(HELD_ATTR))) onFrame(el as HTMLIFrameElement, src);
  };

/** Firefox tells before it runs a parser-inserted script, and lets us stop it. */
export function stopBeforeScriptExecute(check: Check): Uninstall {
  const listener = (e: Event) => {
    if (e.target instanceof Element && check(e.target)) e.preventDefault();
  };
  document.addEventListener('beforescriptexecute', listener);
  return () => document.removeEventListener('beforescriptexecute', listener);
}

/** Code-inserted elements: a script or frame starts loading when it is inserted. */
export function patchInsertion(checkTree: CheckTree): Uninstall {
  const targets = [
    [Node.prototype, ['appendChild', 'insertBefore', 'replaceChild']],
    [Element.prototype, ['append', 'prepend', 'before', 'after', 'replaceWith', 'replaceChildren']],
  ] as const;
  return all(
    targets.flatMap(([proto, names]) =>
      names.map((name) =>
        replaceMethod(proto, name, (original) => function (this: unknown, ...args: unknown[]) {
          for (const a of args) if (a instanceof Node && !a.isConnected) checkTree(a, 'script,iframe');
          return original.apply(this, args);
        }),
      ),
    ),
  );
}

/**
 * A frame or pixel starts loading the moment its src is set, in the document or not; a script
 * already in the document does too, when it had none. A script keeps its src (held by its
 * type); a frame or pixel gets data-src instead. Covers the `src` property and setAttribute.
 */
export function patchSrc(check: Check): Uninstall {
  const passes = (el: Element, v: unknown) => !check(el, String(v)) || el instanceof HTMLScriptElement;
  return all([
    ...[HTMLScriptElement.prototype, HTMLIFrameElement.prototype, HTMLImageElement.prototype].map((proto) =>
      wrapSetter(proto, 'src', (el, v, set) => passes(el, v) && set(v)),
    ),
    replaceMethod(Element.prototype, 'setAttribute', (setAttribute) => function (this: Element, name: unknown, value: unknown) {
      if (String(name).toLowerCase() !== 'src' || passes(this, value)) setAttribute.call(this, name, value);
    }),
  ]);
}

/**
 * HTML strings: parsed first in an inert <template> (nothing there loads); only when that
 * finds a tracker is the held copy inserted instead of the string, so every other call keeps
 * the browser's own parsing exactly. Covers `innerHTML` and `insertAdjacentHTML`.
 */
export function patchHtmlStrings(checkTree: CheckTree): Uninstall {
  // The value is looked at as text but parsed as given, so a page's TrustedHTML stays trusted
  // (`require-trusted-types-for 'script'` refuses a plain string here). Any failure means
  // "not ours to hold": the browser then handles the call exactly as it would without us.
  const parse = (html: unknown): DocumentFragment | undefined => {
    try {
      if (/<(iframe|img)\b/i.test(String(html))) {
        const template = document.createElement('template');
        template.innerHTML = html as string;
        // Scripts in an HTML string never run, so only frames and pixels are looked at.
        if (checkTree(template.content, 'iframe,img')) return template.content;
      }
    } catch {
      /* not ours to hold */
    }
  };
  // Without a prototype, so a position such as "constructor" finds nothing and the browser answers it.
  const METHOD_AT = { __proto__: null, beforebegin: 'before', afterbegin: 'prepend', beforeend: 'append', afterend: 'after' } as unknown as Partial<Record<string, 'before' | 'prepend' | 'append' | 'after'>>;
  return all([
    wrapSetter(Element.prototype, 'innerHTML', (el, html, set) => {
      const held = !(el instanceof HTMLTemplateElement) && parse(html);
      if (held) el.replaceChildren(held);
      else set(html);
    }),
    replaceMethod(Element.prototype, 'insertAdjacentHTML', (adjacent) => function (this: Element, where: unknown, html: unknown) {
      // (The browser reads `where` as text too.)
      const method = METHOD_AT[String(where).toLowerCase()];
      const held = method && parse(html);
      if (held) this[method!](held);
      else adjacent.call(this, where, html);
    }),
  ]);
}

/**
 * `document.write` while the page is parsed: the parser takes the written HTML at once and
 * prepares a script in it before any observer sees it, so holding it afterwards would not stop
 * it (and releasing it later would run it a second time). Written text is checked first and
 * written in its held form when it holds a tracker. What cannot be read first (a TrustedHTML,
 * or text the page's Trusted Types refuse) is written as given; its scripts are handed to
 * `unheld`, to be left alone and, if they are trackers, named truthfully.
 */
export function patchDocumentWrite(checkTree: CheckTree, unheld: (script: HTMLScriptElement) => void): Uninstall {
  const rewrite = (doc: Document, parts: unknown[]): string | null | undefined => {
    try {
      if (!parts.every((p): p is string => typeof p === 'string')) return undefined;
      const html = parts.join('');
      if (!/<(script|iframe|img)\b/i.test(html)) return null;
      const template = doc.createElement('template');
      template.innerHTML = html;
      return checkTree(template.content, 'script,iframe,img') ? template.innerHTML : null;
    } catch {
      return undefined;
    }
  };
  return all(
    (['write', 'writeln'] as const).map((name) =>
      replaceMethod(Document.prototype, name, (original) => function (this: Document, ...parts: unknown[]) {
        const held = rewrite(this, parts);
        if (typeof held === 'string') return original.call(this, held);
        if (held === null) return original.apply(this, parts);
        const before = new Set(this.scripts);
        const result = original.apply(this, parts);
        for (const script of this.scripts) if (!before.has(script)) unheld(script);
        return result;
      }),
    ),
  );
}

/** Puts `make(original)` in place of a method; returns how to put the original back. */
function replaceMethod(proto: object, name: string, make: (original: Method) => Method): Uninstall {
  const methods = proto as Record<string, Method>;
  const original = methods[name]!;
  methods[name] = make(original);
  return () => (methods[name] = original);
}

/** Runs `fn` in place of a property's setter, with the original to call; skipped where absent. */
function wrapSetter<T extends Element>(proto: T, name: string, fn: (el: T, v: unknown, set: (v: unknown) => void) => void): Uninstall {
  const descriptor = Object.getOwnPropertyDescriptor(proto, name);
  const original = descriptor?.set;
  if (!original) return () => {};
  Object.defineProperty(proto, name, {
    ...descriptor,
    set(this: T, v: unknown) {
      fn(this, v, (x) => original.call(this, x));
    },
  });
  return () => Object.defineProperty(proto, name, descriptor);
}

/** One uninstall for several. */
export const all = (undo: readonly Uninstall[]): Uninstall => () => undo.forEach((fn) => fn());
