import type { Purpose } from '../config/types';
import { Buttons } from './banner';
import type { Ctx } from './context';
import { Services } from './services';

/**
 * The second layer: a native `<dialog>` the caller opens with `showModal()`, so the browser
 * traps focus, makes the page inert and turns Escape into a close that records nothing.
 */
export function Prefs({ ctx, onClose }: { ctx: Ctx; onClose: () => void }) {
  const { t, config } = ctx;
  return (
    <dialog class="preferences" aria-labelledby="sp" onClose={onClose} onKeyDown={wrap}>
      {ctx.shown && <div>
        <h2 id="sp">{t.settings}</h2>
        <p>{t.law}</p>
        {(['necessary', ...config.purposes] as Purpose[]).map((p) => {
          const fixed = p === 'necessary';
          const on = fixed || ctx.draft[p] === true;
          return (
            <div key={p} class="purpose">
              <div class="purpose-head">
                <h3>
                  <label for={`i-${p}`}>{t[p]}</label>
                </h3>
                <span aria-hidden="true">{fixed ? t.always : on ? t.on : t.off}</span>
                <input
                  id={`i-${p}`}
                  type="checkbox"
                  role="switch"
                  name={p}
                  checked={on}
                  disabled={fixed}
                  aria-describedby={`t-${p}`}
                  onChange={fixed ? undefined : (e) => ctx.toggle(p, e.currentTarget.checked)}
                />
              </div>
              <p id={`t-${p}`}>{t[`${p}Text`]}</p>
              <details>
                <summary>{t.details}</summary>
                <Services ctx={ctx} purpose={p} />
              </details>
            </div>
          );
        })}
      </div>}
      {ctx.shown && <Buttons ctx={ctx} save />}
    </dialog>
  );
}

/**
 * Chromium lets Tab leave a modal dialog for the browser's own UI and then lands on <body>;
 * wrapping at the ends keeps keyboard users inside, as the APG pattern asks (A11Y-02).
 */
function wrap(e: KeyboardEvent) {
  if (e.key !== 'Tab') return;
  const d = e.currentTarget as HTMLElement;
  const f = d.querySelectorAll<HTMLElement>('summary,button');
  const [first, last] = [f[0], f[f.length - 1]];
  const active = (d.getRootNode() as ShadowRoot).activeElement;
  if (active === (e.shiftKey ? first : last)) {
    e.preventDefault();
    (e.shiftKey ? last : first)?.focus();
  }
}
