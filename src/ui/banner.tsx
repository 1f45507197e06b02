import { all, type Ctx } from './context';
import { fill } from './text';

/** The first layer (D2): a labelled region, never modal, with Accept and Reject side by side. */
export function Banner({ c }: { c: Ctx }) {
  const { t, config } = c;
  const url = config.privacyUrl;
  return (
    <section class="b" aria-labelledby="st">
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
      <Buttons c={c} />
    </section>
  );
}

/** Accept and Reject get the same class, so nothing but their words can tell them apart (UI-02). */
export function Buttons({ c, save }: { c: Ctx; save?: boolean }) {
  const { t } = c;
  return (
    <div class="a">
      <button type="button" class="x" onClick={() => c.decide(all(c.config))}>
        {t.accept}
      </button>
      <button type="button" class="x" onClick={() => c.decide({})}>
        {t.reject}
      </button>
      {save ? (
        <button type="button" class="x s" onClick={() => c.decide(c.draft)}>
          {t.save}
        </button>
      ) : (
        <button type="button" class="x s" onClick={(e) => c.open(e.currentTarget)}>
          {t.customize}
        </button>
      )}
    </div>
  );
}
