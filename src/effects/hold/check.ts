import { classify } from '../../config/trackers';
import { report } from '../../core/report';
import { HELD_ATTR, PURPOSES_ATTR } from '../../markup';
import { hold, trusted } from '../held';
import { adoptGoogleTag } from './detect';
import type { HoldSettings } from './index';
import { isLiveLoader, mustWait, stranger } from './policy';

/** Holds `el` if it is about to load `src` (default: its `src` attribute) too early; true when it did. */
export type Check = (el: Element, src?: string | null) => boolean;
/** Checks a node and the elements matching `tags` inside it; true when any was held. */
export type CheckTree = (node: Node, tags: string) => boolean;

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
        const fix = tracker.google
          ? `give its id to samtykke (data-google-${tracker.service.purpose === 'analytics' ? 'analytics' : 'ads'}) so visitors are asked about it`
          : tracker.service.id === 'meta-pixel'
            ? 'give your pixel id to samtykke (data-meta-pixel="…") so visitors are asked about it'
            : tracker.stranger
              ? 'declare it as a service with `block` patterns'
              : `add data-embeds="${tracker.service.id}" so visitors are asked about it; until then they can load it from its placeholder`;
        report('warn', `held back ${src}: visitors have not been told of ${tracker.service.name}, so no choice releases it. To use it, ${fix}.`);
      }
      return true;
    } catch (error) {
      // Our watch must never break the page's own DOM calls; this element goes unwatched.
      report('error', 'could not check a tag; it loads unwatched. Please report this.', error);
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
        report('warn', `${script.src} was written with document.write in a form samtykke cannot read first (Trusted Types), so it could not be held and loaded without consent. Put it in the page's HTML instead.`);
      }
    } catch {
      /* naming it is a courtesy; the page's write has happened */
    }
  };

  return { check, checkTree, unheld };
}
