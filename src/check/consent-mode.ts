import { isArguments } from '../core/gtag-layer';
import { bad, ok, type Line, type Look } from './model';

/**
 * `Reklame: nei, statistikk: nei`: the two signals the owner chose about, in plain words; every
 * signal of the command, by Google's names, kept for the helper in the report.
 */
function signals({ t }: Look, value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const given = Object.entries(value).filter(([, v]) => v === 'granted' || v === 'denied');
  const plain = given.filter(([k]) => t.signal[k]).map(([k, v]) => `${t.signal[k]}: ${t.signalState[v as string]}`);
  return `${plain.join(', ')} ⟨${given.map(([k, v]) => `${k}: ${v}`).join(', ')}⟩`;
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
