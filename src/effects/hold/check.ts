import { classify } from '../../config/trackers';
import { report, reportError } from '../../core/report';
import { HELD_ATTR, PURPOSES_ATTR } from '../../markup';
import { hold, trusted } from '../inert';
import { adoptGoogleTag } from './detect';
import { isLiveLoader } from './live';
import { mustWait, stranger } from './policy';
import { treeCheck } from './tree';
import type { Check, CheckTree, HoldSettings } from './types';

/** Which attribute marks a held element, and the purpose it names. */
type Mark = (attribute: typeof PURPOSES_ATTR | typeof HELD_ATTR, purpose: string) => void;

/**
 * The check every patch point calls, applying the policy with the settings in force and
 * warning once per unknown tracker and once per unknown host; and `keep`, the same judgement
 * for an element the inline start held already (src/start/), which only needs its mark.
 */
export function createCheck(current: () => HoldSettings): { check: Check; checkTree: CheckTree; unheld: (script: HTMLScriptElement) => void; keep: (el: Element, src: string) => boolean } {
  const warned = new Set<string>();

  /** Marks `el` when `src` must wait; true when it did. `failed`: what a failure counts as. */
  const judge = (el: Element, src: string, mark: Mark, failed: boolean): boolean => {
    try {
      const { config, store, adopting } = current();
      let known = classify(src, config);
      // A Google tag taken in is declared from now on.
      if (known && adopting() && adoptGoogleTag(src, known, config, store)) known = classify(src, config);
      const tracker = known ? mustWait(known, config, store) : el instanceof HTMLImageElement ? null : stranger(src, config, warned);
      if (!tracker) return false;
      mark(tracker.declared ? PURPOSES_ATTR : HELD_ATTR, tracker.service.purpose);
      if (!tracker.declared && !warned.has(src)) {
        warned.add(src);
        const { name, id, purpose } = tracker.service;
        report('warn', 'hold.undeclared', src, name, id, purpose, tracker.google ? 'google' : tracker.stranger ? 'stranger' : 'preset');
      }
      return true;
    } catch (error) {
      // Our watch must never break the page's own DOM calls; this element goes unwatched.
      reportError('error', 'hold.failed', error);
      return failed;
    }
  };

  const check: Check = (el, src = el.getAttribute('src')) =>
    !!src && isLiveLoader(el) && !trusted.has(el) && judge(el, src, (attribute, purpose) => hold(el, attribute, purpose, src), false);

  /** Held by the start already (inert): only the mark changes. Fails closed: it stays held. */
  const keep = (el: Element, src: string) =>
    judge(
      el,
      src,
      (attribute, purpose) => {
        el.removeAttribute(HELD_ATTR);
        el.setAttribute(attribute, purpose);
      },
      true,
    );

  /** A script that started before it could be checked: never held (it would run twice), but named. */
  const unheld = (script: HTMLScriptElement) => {
    trusted.add(script);
    try {
      const { config, store } = current();
      if (script.src && mustWait(classify(script.src, config), config, store)) {
        report('warn', 'hold.documentWrite', script.src);
      }
    } catch {
      /* naming it is a courtesy; the page's write has happened */
    }
  };

  return { check, checkTree: treeCheck(check), unheld, keep };
}
