import { classify } from '../../config/trackers';
import { report, reportError } from '../../core/report';
import { HELD_ATTR, PURPOSES_ATTR } from '../../markup';
import { hold, trusted } from '../inert';
import { adoptGoogleTag } from './detect';
import { isLiveLoader, mustWait, stranger } from './policy';
import type { Check, CheckTree, HoldSettings } from './types';

/**
 * The check every patch point calls, applying the policy with the settings in force and
 * warning once per unknown tracker and once per unknown host.
 */
export function createCheck(current: () => HoldSettings): { check: Check; checkTree: CheckTree; unheld: (script: HTMLScriptElement) => void } {
  const warned = new Set<string>();

  const check: Check = (el, src = el.getAttribute('src')) => {
    if (!src || !isLiveLoader(el) || trusted.has(el)) return false;
    try {
      const { config, store, adopting } = current();
      let known = classify(src, config);
      // A Google tag taken in is declared from now on.
      if (known && adopting() && adoptGoogleTag(src, known, config, store)) known = classify(src, config);
      const tracker = known ? mustWait(known, config, store) : el instanceof HTMLImageElement ? null : stranger(src, config, warned);
      if (!tracker) return false;
      hold(el, tracker.declared ? PURPOSES_ATTR : HELD_ATTR, tracker.service.purpose, src);
      if (!tracker.declared && !warned.has(src)) {
        warned.add(src);
        const { name, id, purpose } = tracker.service;
        report('warn', 'hold.undeclared', src, name, id, purpose, tracker.google ? 'google' : tracker.stranger ? 'stranger' : 'preset');
      }
      return true;
    } catch (error) {
      // Our watch must never break the page's own DOM calls; this element goes unwatched.
      reportError('error', 'hold.failed', error);
      return false;
    }
  };

  const checkTree: CheckTree = (node, tags) => {
    let held = node instanceof Element && check(node);
    if ((node instanceof Element || node instanceof DocumentFragment) && node.firstElementChild) {
      for (const el of node.querySelectorAll(tags)) held = check(el) || held;
    }
    return held;
  };

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

  return { check, checkTree, unheld };
}
