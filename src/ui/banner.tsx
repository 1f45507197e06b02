import type { OptionalPurpose } from '../config/types';
import { OPENERS } from '../markup';
import { answer, asked, type Ctx } from './context';
import { fill } from './text';

/** The first layer (D2): a labelled region, never modal, with Accept and Reject side by side. */
export function Banner({ ctx }: { ctx: Ctx }) {
  const { t, config } = ctx;
  const url = config.privacyUrl;
  const purposes = asked(ctx);
  // Everyone who receives data once these purposes are granted, each named once (GDPR Art. 13(1)(e)).
  const services = config.services.filter((s) => (purposes as string[]).includes(s.purpose));
  const providers = [...new Set(services.map((s) => s.provider))];
  return (
    <section class="banner" aria-labelledby="st">
      {/* The words scroll on their own, under the choice, so no button ever hides below the fold
          and nothing the keyboard reaches is ever covered by them (WCAG 2.4.11). */}
      <div>
        <h2 id="st">{t.title}</h2>
        <p>{t.intro}</p>
        <ul>
          {purposes.map((p) => {
            // The services a purpose lets in, named beside it, so a visitor sees on the first
            // screen what «Avvis alle» also turns away (the videos, say), not only under «Tilpass».
            const names = [...new Set(services.filter((s) => s.purpose === p).map((s) => s.name))];
            return (
              <li key={p}>
                <b>{t[p]}</b>
                {names.length > 0 && ` (${list(names, t.and)})`}: {t[`${p}Text`]}
              </li>
            );
          })}
        </ul>
        {providers.length > 0 && (
          <p>
            {fill(t.recipients, { providers: list(providers, t.and) })}
            {services.some((s) => s.transfer) && ' ' + t.usa}
          </p>
        )}
        <p>{fill(t.more, { control: control(ctx), privacy: url ? <a href={url}>{t.privacy}</a> : t.privacy })}</p>
      </div>
      <Buttons ctx={ctx} purposes={purposes} />
    </section>
  );
}

/** "A", "A og B", "A, B og C". */
const list = (items: readonly string[], and: string): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;

/**
 * Where the visitor withdraws, in words: the reopen button's corner, or the page's own link to
 * the settings when the owner turned the button off (its text, once the page has it).
 */
function control({ t, config }: Ctx): string {
  if (config.reopen !== 'none') return config.reopen === 'bottom-right' ? t.buttonRight : t.buttonLeft;
  const link = document.querySelector(OPENERS)?.textContent?.trim();
  return fill(t.link, { link: link || t.settings }).join('');
}

/**
 * Accept and Reject get the same class, so nothing but their words can tell them apart (UI-02).
 * In the banner they answer the purposes it asks about; in the preferences, every purpose.
 */
export function Buttons({ ctx, save, purposes = ctx.config.purposes }: { ctx: Ctx; save?: boolean; purposes?: readonly OptionalPurpose[] }) {
  const { t } = ctx;
  return (
    <div class="actions">
      <button type="button" class="button" onClick={() => ctx.decide(answer(ctx, purposes, true))}>
        {t.accept}
      </button>
      <button type="button" class="button" onClick={() => ctx.decide(answer(ctx, purposes, false))}>
        {t.reject}
      </button>
      {save ? (
        <button type="button" class="button secondary" onClick={() => ctx.decide(ctx.draft)}>
          {t.save}
        </button>
      ) : (
        <button type="button" class="button secondary" onClick={(e) => ctx.open(e.currentTarget)}>
          {t.customize}
        </button>
      )}
    </div>
  );
}
