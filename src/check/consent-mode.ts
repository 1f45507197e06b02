import { isArguments } from '../core/gtag-layer';
import { bad, ok, type Line, type Look } from './model';

/** `reklame-informasjonskapsler: nektet, …`: the signals of one consent command in the owner's words (Google's names kept for the helper). */
function signals({ t }: Look, value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value)
    .filter(([, v]) => v === 'granted' || v === 'denied')
    .map(([k, v]) => `${t.signal[k] ?? k}: ${t.signalState[v as string]} ⟨${k}⟩`)
    .join(', ');
}

/** Google Consent Mode as `dataLayer` holds it: the default, then each update, in order. */
export function consentMode(look: Look): Line[] {
  const { t } = look;
  const layer = (window as unknown as { dataLayer?: unknown }).dataLayer;
  const commands = (Array.isArray(layer) ? layer : []).filter((e): e is IArguments => isArguments(e) && e[0] === 'consent');
  const lines = commands.map((c) => ok(c[1] === 'default' ? t.cmDefault(signals(look, c[2])) : t.cmUpdate(signals(look, c[2]))));
  if (!commands.some((c) => c[1] === 'default')) lines.unshift(bad(t.cmNone, t.cmNoneFix));
  return lines;
}
