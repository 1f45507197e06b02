import { all, type Ctx } from './context';
import { fill } from './text';

/** The first layer (D2): a labelled region, never modal, with Accept and Reject side by side. */
export function Banner({ ctx }: { ctx: Ctx }) {
  const { t, config } = ctx;
  const url = config.privacyUrl;
  return (
    <section class="banner" aria-labelledby="st">
      <h2 id="st">{t.title}</h2>
      <p>{t.intro}</p>
      <ul>
        {config.purposes.map((p) => (
          <li key={p}>
            <b>{t[p]}</b>: {t[`${p}Text`]}
          </li>
        ))}
      </ul>
      {config.services.some((s) => s.googleIds.length) && <p>{t.google}</p>}
      <p>{fill(t.more, { privacy: url ? <a href={url}>{t.privacy}</a> : t.privacy })}</p>
      <Buttons ctx={ctx} />
    </section>
  );
}

/** Accept and Reject get the same class, so nothing but their words can tell them apart (UI-02). */
export function Buttons({ ctx, save }: { ctx: Ctx; save?: boolean }) {
  const { t } = ctx;
  return (
    <div class="actions">
      <button type="button" class="button" onClick={() => ctx.decide(all(ctx.config))}>
        {t.accept}
      </button>
      <button type="button" class="button" onClick={() => ctx.decide({})}>
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
