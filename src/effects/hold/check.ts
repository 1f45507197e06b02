import type { Config } from '../../config/types';
import { report, reportError } from '../../core/report';
import type { ConsentStore } from '../../core/store';
import { HELD_ATTR, PURPOSES_ATTR } from '../../markup';
import { hold, trusted } from '../held';
import { adoptGoogleTag } from './detect';
import { isLiveLoader, mustWait, stranger } from './policy';

/** Holds `el` if it is about to load `src` (default: its `src` attribute) too early; true when it did. */
export type Check = (el: Element, src?: string | null) => boolean;
/** Checks a node and the elements matching `tags` inside it; true when any was held. */
export type CheckTree = (node: Node, tags: string) => boolean;

/**
 * The check every patch point calls, applying the policy and warning once per unknown tracker
 * and once per unknown host. `adopting` says whether a detected Google tag may still join the
 * services (until the visitor is shown the banner).
 */
export function createCheck(config: Config, store: ConsentStore, adopting: () => boolean): { check: Check; checkTree: CheckTree; unheld: (script: HTMLScriptElement) => void } {
  const warned = new Set<string>();

  const check: Check = (el, src = el.getAttribute('src')) => {
    if (!src || !isLiveLoader(el) || trusted.has(el)) return false;
    try {
      if (adopting()) adoptGoogleTag(src, config, store);
      const tracker = mustWait(src, config, store) ?? (el instanceof HTMLImageElement ? null : stranger(src, config, warned));
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
      if (script.src && mustWait(script.src, config, store)) {
        report('warn', 'hold.documentWrite', script.src);
      }
    } catch {
      /* naming it is a courtesy; the page's write has happened */
    }
  };

  return { check, checkTree, unheld };
}
