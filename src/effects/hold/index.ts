import { classify } from '../../config/trackers';
import { createCheck } from './check';
import { all, heldFrame, observeParser, patchDocumentWrite, patchHtmlStrings, patchInsertion, patchSrc, stopBeforeScriptExecute } from './patches';
import { takeOver } from './takeover';
import type { HoldSettings, Uninstall } from './types';

/** The blocker once installed: how to take it out (tests; the page keeps it), and how to take over what the inline start held. */
export interface Blocker {
  readonly uninstall: Uninstall;
  takeOver(held: readonly Element[]): void;
}

/**
 * Zero-markup blocking: a tracker's `<script>`, `<iframe>` or pixel that the owner pasted
 * without marking it up is turned into the marked-up form (`type="text/plain"` or `data-src`,
 * plus `data-samtykke`) before it can load, so the markup path releases it on grant. Each
 * place it could start loading is patched by one function in patches.ts, once per page; the
 * decision is policy.ts's, with the settings `current` gives at that moment.
 */
export function holdTrackers(current: () => HoldSettings): Blocker {
  const { check, checkTree, unheld, keep } = createCheck(current);
  // Each held frame gets one placeholder, whether the parser's watch or the takeover found it.
  const offered = new WeakSet<Element>();
  const offer = (frame: HTMLIFrameElement, src: string) => {
    if (offered.has(frame)) return;
    offered.add(frame);
    const { config, onFrame } = current();
    onFrame(frame, classify(src, config));
  };
  const met = heldFrame(offer);
  return {
    uninstall: all([
      observeParser(check, met),
      stopBeforeScriptExecute(check),
      patchInsertion(checkTree),
      patchSrc(check),
      patchHtmlStrings(checkTree),
      patchDocumentWrite(checkTree, unheld),
    ]),
    takeOver: (held) => {
      takeOver(held, keep, offer);
      // The owner's marked-up frames the parser put in before the async engine came: the
      // parser's watch never meets them, so their placeholders are drawn here.
      for (const frame of document.querySelectorAll('iframe')) met(frame);
    },
  };
}
