import { webAddress } from '../config/hosts';
import { treeCheck } from '../effects/hold/tree';
import { all, observeParsing, patchHtmlStrings, patchSrc, stopBeforeScriptExecute } from '../effects/hold/patches';
import { isLiveLoader } from '../effects/hold/live';
import type { Check, Uninstall } from '../effects/hold/types';
import { hold } from '../effects/inert';
import { HELD_ATTR } from '../markup';
import { recognised } from './recognise';

/**
 * The start's blocker: the engine's own patch points (effects/hold/patches.ts), with a check
 * that needs no settings. A tracker it recognises is put in the held form the engine uses
 * (`type="text/plain"` or `data-src`), marked `data-samtykke-held` (no grant releases it: only
 * the engine, which knows the owner's settings, may) and listed in `held`. Anything else is
 * left exactly as the page wrote it, so the page's own scripts keep their order.
 */
export function holdRecognised(held: Element[]): Uninstall {
  const check: Check = (el, src = el.getAttribute('src')) => {
    if (!src || !isLiveLoader(el)) return false;
    const url = webAddress(src);
    if (!url || !recognised(url)) return false;
    hold(el, HELD_ATTR, '', src);
    held.push(el);
    return true;
  };
  // What the start leaves to the engine, to stay small: a script put in whole once the page is
  // parsed (cloned, imported or made in another document, which carries its src without
  // setting it here; the parser watch holds frames only then, observeParsing) and
  // `document.write`. Trackers' own snippets set `src` on an element they made, which is held.
  return all([observeParsing(check), stopBeforeScriptExecute(check), patchSrc(check), patchHtmlStrings(treeCheck(check))]);
}
