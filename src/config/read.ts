import { report } from '../core/report';
import { attributeKind } from './settings';

/**
 * The script tag's `data-*` attributes, typed (settings.ts says which settings are
 * attributes, and of which kind). Attributes are always text, so the few that are numbers or
 * switches are converted here and the validator sees one shape of input.
 *
 * Collects the owner's settings: `window.samtykkeConfig` first, then the tag's attributes,
 * which win because they are the more specific of the two.
 */
export function readInput(script: HTMLOrSVGScriptElement | null, global: unknown): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (global !== undefined) {
    if (typeof global === 'object' && global !== null && !Array.isArray(global)) Object.assign(input, global);
    else report('error', 'window.samtykkeConfig: must be an object set before the samtykke tag, e.g. window.samtykkeConfig = { googleAds: "AW-123456789" }; it is ignored.');
  }
  const data = script instanceof HTMLElement ? script.dataset : {};
  for (const [key, raw] of Object.entries(data)) {
    const kind = attributeKind(key);
    if (!kind || raw === undefined) {
      if (kind === undefined) report('warn', `unknown attribute data-${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} is ignored.`);
      continue;
    }
    input[key] = kind === 'number' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : kind === 'boolean' && /^(true|false)$/.test(raw) ? raw === 'true' : raw;
  }
  return input;
}
