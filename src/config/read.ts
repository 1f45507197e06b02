import { report, reportError } from '../core/report';
import { isObject } from './fields';
import { attributeKind } from './settings';

/** How deep owner settings go (services → cookies → texts); deeper is not a setting. */
const MAX_DEPTH = 8;

/**
 * `window.samtykkeConfig`, read once and never throwing: a getter that throws or a revoked
 * proxy is reported and reads as "not given".
 */
export function readGlobal(host: object): unknown {
  try {
    return Object.prototype.hasOwnProperty.call(host, 'samtykkeConfig') ? (host as { samtykkeConfig?: unknown }).samtykkeConfig : undefined;
  } catch (error) {
    reportError('error', 'samtykkeConfig.unreadable', error);
    return undefined;
  }
}

/**
 * The script tag's `data-*` attributes, typed (settings.ts says which settings are
 * attributes, and of which kind). Attributes are always text, so the few that are numbers or
 * switches are converted here and the validator sees one shape of input.
 *
 * Collects the owner's settings: `window.samtykkeConfig` first, then the tag's attributes,
 * which win because they are the more specific of the two. What comes out is plain data the
 * validator can read without surprises: own keys only (a key another script put on
 * `Object.prototype` is not a setting), objects without a prototype, no getters, no cycles.
 */
export function readInput(script: HTMLOrSVGScriptElement | null, global: unknown): Record<string, unknown> {
  let input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (global !== undefined) {
    const copy = plain(global, 'window.samtykkeConfig', []);
    if (isObject(copy)) input = copy;
    else report('error', 'samtykkeConfig.shape');
  }
  const data = script instanceof HTMLElement ? script.dataset : {};
  // A dataset's values are always text.
  for (const [key, raw] of Object.entries(data) as [string, string][]) {
    const kind = attributeKind(key);
    if (!kind) report('warn', 'attribute.unknown', key);
    else input[key] = kind === 'number' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : kind === 'boolean' && /^(true|false)$/.test(raw) ? raw === 'true' : raw;
  }
  return input;
}

/**
 * A copy of an owner value made of own data only. Each read is inside `try`: a part that
 * cannot be read (a throwing getter, a revoked proxy) or that contains itself is reported
 * with where it is, and left out.
 */
function plain(value: unknown, at: string, parents: object[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  try {
    if (parents.includes(value) || parents.length >= MAX_DEPTH) {
      report('error', 'value.nested', at);
      return undefined;
    }
    const inside = [...parents, value];
    if (Array.isArray(value)) {
      const length = Math.min(Number(value.length) || 0, 1000);
      return Array.from({ length }, (_, i) => plain(read(value, String(i), at), `${at}[${i}]`, inside));
    }
    const copy = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value)) {
      const v = plain(read(value, key, at), `${at}.${key}`, inside);
      if (v !== undefined) copy[key] = v;
    }
    return copy;
  } catch (error) {
    reportError('error', 'value.unreadable', error, at);
    return undefined;
  }
}

function read(from: object, key: string, at: string): unknown {
  try {
    return (from as Record<string, unknown>)[key];
  } catch (error) {
    reportError('error', 'value.unreadable', error, `${at}.${key}`);
    return undefined;
  }
}
