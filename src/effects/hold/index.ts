import { classify, type Tracker } from '../../config/trackers';
import type { Config } from '../../config/types';
import type { ConsentStore } from '../../core/store';
import { createCheck } from './check';
import { all, observeParser, patchDocumentWrite, patchHtmlStrings, patchInsertion, patchSrc, stopBeforeScriptExecute, type Uninstall } from './patches';

/**
 * What the blocker decides with. It is read at every check, never kept, so the page is held
 * with safe settings from the first moment and the owner's take over by swapping one value.
 */
export interface HoldSettings {
  readonly config: Config;
  readonly store: ConsentStore;
  /** Given each held frame, to put a placeholder in its place. */
  onFrame(frame: HTMLIFrameElement, tracker: Tracker | null): void;
  /** Whether a Google tag found now may still be asked about (detect.ts). */
  adopting(): boolean;
}

/**
 * Zero-markup blocking: a tracker's `<script>`, `<iframe>` or pixel that the owner pasted
 * without marking it up is turned into the marked-up form (`type="text/plain"` or `data-src`,
 * plus `data-samtykke`) before it can load, so the markup path releases it on grant. Each
 * place it could start loading is patched by one function in patches.ts, once per page; the
 * decision is policy.ts's, with the settings `current` gives at that moment. Returns how to
 * take every patch out again (tests; the page itself keeps them for its lifetime).
 */
export function holdTrackers(current: () => HoldSettings): Uninstall {
  const { check, checkTree, unheld } = createCheck(current);
  return all([
    observeParser(check, (frame, src) => {
      const { config, onFrame } = current();
      onFrame(frame, classify(src, config));
    }),
    stopBeforeScriptExecute(check),
    patchInsertion(checkTree),
    patchSrc(check),
    patchHtmlStrings(checkTree),
    patchDocumentWrite(checkTree, unheld),
  ]);
}
