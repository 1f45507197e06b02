import { Banner } from './banner';
import type { Ctx } from './context';
import { Prefs } from './prefs';

/**
 * Everything in the page-wide shadow root; which parts show follows the store alone. The reopen
 * button is the engine's (shell/reopen.ts), in a root of its own after this one.
 */
export function App({ ctx, msg, onClose }: { ctx: Ctx; msg: string; onClose: () => void }) {
  const asking = ctx.store.needsDecision();
  return (
    <div class="root" lang={ctx.lang}>
      {asking && <Banner ctx={ctx} />}
      <Prefs ctx={ctx} onClose={onClose} />
      {/* Focus lands here after a choice when there is no reopen button, so it is never lost to <body>. */}
      <p class="visually-hidden" role="status" tabIndex={-1}>
        {msg}
      </p>
    </div>
  );
}
