import { classify, type Tracker } from '../../config/trackers';
import type { Config } from '../../config/types';
import type { ConsentStore } from '../../core/store';
import { release } from '../held';
import { createCheck } from './check';
import { all, observeParser, patchDocumentWrite, patchHtmlStrings, patchInsertion, patchSrc, stopBeforeScriptExecute } from './patches';

export interface Hold {
  /** Loads one held frame whatever the purposes say: the visitor asked for it (its placeholder). */
  show(frame: HTMLIFrameElement): void;
  /** Takes every patch out again (tests; the page itself keeps them for its lifetime). */
  uninstall(): void;
}

/**
 * Zero-markup blocking: a tracker's `<script>`, `<iframe>` or pixel that the owner pasted
 * without marking it up is turned into the marked-up form (`type="text/plain"` or `data-src`,
 * plus `data-samtykke`) before it can load, so the markup path releases it on grant. Each
 * place it could start loading is patched by one function in patches.ts; the decision is
 * policy.ts's. `onFrame` is given each held frame, to put a placeholder in its place;
 * `adopting` says whether a Google tag found now may still be asked about (detect.ts).
 */
export function holdTrackers(config: Config, store: ConsentStore, onFrame: (frame: HTMLIFrameElement, tracker: Tracker | null) => void, adopting: () => boolean = () => false): Hold {
  const { check, checkTree, unheld } = createCheck(config, store, adopting);
  const uninstall = all([
    observeParser(checkTree, (frame, src) => onFrame(frame, classify(src, config))),
    stopBeforeScriptExecute(check),
    patchInsertion(checkTree),
    patchSrc(check),
    patchHtmlStrings(checkTree),
    patchDocumentWrite(checkTree, unheld),
  ]);
  return {
    show: (frame) => release(frame),
    uninstall,
  };
}
