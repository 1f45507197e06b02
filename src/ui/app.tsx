import { Banner } from './banner';
import type { Ctx } from './context';
import { CookieIcon } from './icon';
import { Prefs } from './prefs';

/** Everything in the page-wide shadow root; which parts show follows the store alone. */
export function App({ c, msg, onClose, dodge }: { c: Ctx; msg: string; onClose: () => void; dodge: boolean }) {
  const { t, config, lang } = c;
  const asking = c.store.needsDecision();
  return (
    <div class="r" lang={lang}>
      {asking && <Banner c={c} />}
      <Prefs c={c} onClose={onClose} />
      <aside aria-label={t.title}>
        {/* Focus lands here after a choice when there is no reopen button, so it is never lost to <body>. */}
        <p class="sr" role="status" tabIndex={-1}>
          {msg}
        </p>
        {!asking && config.reopen !== 'none' && (
          <button type="button" class={(config.reopen === 'bottom-right') !== dodge ? 'x o bottom-right' : 'x o'} aria-label={t.settings} onClick={(e) => c.open(e.currentTarget)}>
            <CookieIcon />
          </button>
        )}
      </aside>
    </div>
  );
}
