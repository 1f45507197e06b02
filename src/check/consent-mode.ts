import { bad, ok, type Line, type Look } from './model';

const isArguments = (e: unknown): e is IArguments => Object.prototype.toString.call(e) === '[object Arguments]';

/** `ad_storage=denied, …`: the signals of one consent command. */
function signals(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  return Object.entries(value)
    .filter(([, v]) => v === 'granted' || v === 'denied')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

/** Google Consent Mode as `dataLayer` holds it: the default, then each update, in order. */
export function consentMode({ t }: Look): Line[] {
  const layer = (window as unknown as { dataLayer?: unknown }).dataLayer;
  const commands = (Array.isArray(layer) ? layer : []).filter((e): e is IArguments => isArguments(e) && e[0] === 'consent');
  const lines = commands.map((c) => ok(c[1] === 'default' ? t.cmDefault(signals(c[2])) : t.cmUpdate(signals(c[2]))));
  if (!commands.some((c) => c[1] === 'default')) lines.unshift(bad(t.cmNone, t.cmNoneFix));
  return lines;
}
