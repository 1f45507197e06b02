import { reopenClass } from '../shell/dodge';
import { Banner } from './banner';
import type { Ctx } from './context';
import { CookieIcon } from './icon';
import { Prefs } from './prefs';

/** Everything in the page-wide shadow root; which parts show follows the store alone. */
export function App({ ctx, msg, onClose, dodge }: { ctx: Ctx; msg: string; onClose: () => void; dodge: boolean }) {
  const { t, config, lang } = ctx;
  const asking = ctx.store.needsDecision();
  return (
    <div class="root" lang={lang}>
      {asking && <Banner ctx={ctx} />}
      <Prefs ctx={ctx} onClose={onClose} />
      <aside aria-label={t.title}>
        {/* Focus lands here after a choice when there is no reopen button, so it is never lost to <body>. */}
        <p class="visually-hidden" role="status" tabIndex={-1}>
          {msg}
        </p>
        {!asking && config.reopen !== 'none' && (
          <button type="button" class={reopenClass(config, dodge)} aria-label={t.settings} onClick={(e) => ctx.open(e.currentTarget)}>
            <CookieIcon />
          </button>
        )}
      </aside>
    </div>
  );
}
