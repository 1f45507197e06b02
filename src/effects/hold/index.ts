import { classify } from '../../config/trackers';
import { createCheck } from './check';
import { all, observeParser, patchDocumentWrite, patchHtmlStrings, patchInsertion, patchSrc, stopBeforeScriptExecute } from './patches';
import type { HoldSettings, Uninstall } from './types';

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
