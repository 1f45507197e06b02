import type { Purpose } from '../config/types';
import type { Ctx } from './context';
import { fill } from './text';

/** The services of one purpose and their cookies; shared by the preferences and the declaration. */
export function Services({ ctx, purpose }: { ctx: Ctx; purpose: Purpose }) {
  const { t, local } = ctx;
  return (
    <>
      {ctx.config.services
        .filter((s) => s.purpose === purpose)
        .map((s) => (
          <div key={s.id}>
            <h4>{s.name}</h4>
            <p>
              {s.provider && `${s.provider}. `}
              {local(s.description)}
              {s.privacyUrl && ' '}
              {s.privacyUrl && <a href={s.privacyUrl}>{fill(t.providerPrivacy, { provider: s.provider || s.name })}</a>}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.name}</th>
                  <th scope="col">{t.purpose}</th>
                  <th scope="col">{t.lifetime}</th>
                </tr>
              </thead>
              <tbody>
                {s.cookies.map((k) => (
                  <tr key={k.name}>
                    <td>
                      <code>{k.name}</code>
                    </td>
                    <td>{local(k.purpose)}</td>
                    <td>{fill(local(k.lifetime), { days: ctx.config.validityDays })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}
