import type { Purpose } from '../config/types';
import { say } from '../core/report';
import { DECLARATION_ATTR } from '../markup';
import type { Ctx } from './context';
import { Services } from './services';
import { adopt } from './style';
import { fill } from './text';

/**
 * A shadow root, with the face's rules, on each `[data-samtykke-declaration]` of the page that
 * has none yet: the new ones. Only some elements can hold a shadow root; one on the wrong tag is
 * named and skipped, and must not cost the others.
 */
export function declarationRoots(nonce: string): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  for (const el of document.querySelectorAll(`[${DECLARATION_ATTR}]`)) {
    if (el.shadowRoot) continue;
    try {
      const root = el.attachShadow({ mode: 'open' });
      adopt(root, nonce);
      roots.push(root);
    } catch {
      say('warn', `${DECLARATION_ATTR}: put it on a <div>, not a <${el.localName}>; skipped.`);
    }
  }
  return roots;
}

/** The cookie declaration for the privacy page: what is used, and what this visitor chose. */
export function Declaration({ ctx }: { ctx: Ctx }) {
  const { t, config, lang } = ctx;
  const rec = ctx.store.record;
  return (
    <div class="declaration" lang={lang}>
      {(['necessary', ...config.purposes] as Purpose[]).map((p) => (
        <section key={p}>
          <h3>{t[p]}</h3>
          <p>{t[`${p}Text`]}</p>
          <Services ctx={ctx} purpose={p} />
        </section>
      ))}
      <h3>{t.choice}</h3>
      <p aria-live="polite">
        {rec ? config.purposes.map((p) => `${t[p]}: ${rec.choices[p] ? t.granted : t.denied}`).join(', ') + '. ' : t.none + ' '}
        {rec && fill(t.stamp, { date: new Date(rec.time).toLocaleString(lang === 'en' ? 'en-GB' : `${lang}-NO`, { dateStyle: 'long', timeStyle: 'short' }), id: <code>{rec.id}</code> })}
      </p>
      <button type="button" class="button" onClick={(e) => ctx.open(e.currentTarget)}>
        {t.change}
      </button>
    </div>
  );
}
