import { describe, report } from '../core/report';
import { REVISION_PATTERN } from '../consent/record';
import { simpleSettings, texts, theme, url, type Input } from './fields';
import { OPTIONAL_PURPOSES, type OptionalPurpose } from './purposes';
import { services as checkedServices } from './services';
import { safeConfig } from './safe';
import { SETTINGS } from './settings';
import type { Config, Service } from './types';

/** Where the page is, for the checks that depend on it (cookie domain, relative URLs). */
export interface Place {
  readonly href: string;
  readonly hostname: string;
  readonly nonce: string;
}

/**
 * Turns the owner's input into the one frozen Config. A wrong value never throws: it is
 * reported once, naming the setting and the fix, and replaced by the safe choice — which for
 * anything that would load a tracker means "leave it out". The simple settings follow their
 * rows in settings.ts; the field checks are in fields.ts, the service rules in services.ts.
 */
export function validate(input: Input, place: Place): Config {
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(SETTINGS, key)) report('warn', 'setting.unknown', key);
  }
  // The simple values first, in the table's order: their messages come in that order too.
  const simple = simpleSettings(input);

  let privacyUrl: string | null = null;
  if (input.privacyUrl === undefined) {
    report('warn', 'privacyUrl.missing');
  } else privacyUrl = url('privacyUrl', input.privacyUrl, place.href);

  let revision = '1';
  if (input.revision !== undefined) {
    // A number is fine (revision: 2); anything else is not a revision, however it prints.
    const r = typeof input.revision === 'string' || typeof input.revision === 'number' ? String(input.revision) : '';
    if (REVISION_PATTERN.test(r)) revision = r;
    else report('error', 'revision.format', describe(input.revision));
  }

  let cookieDomain: string | null = null;
  if (input.cookieDomain !== undefined) {
    const d = typeof input.cookieDomain === 'string' ? input.cookieDomain.replace(/^\./, '').toLowerCase() : '';
    if (place.hostname === d || place.hostname.endsWith('.' + d)) cookieDomain = d;
    else report('error', 'cookieDomain.site', describe(input.cookieDomain), place.hostname);
  }

  const services = checkedServices(input, place.href, place.hostname);
  const purposes = purposesOf(services);

  const config: Config = {
    ...safeConfig(place.nonce),
    ...simple,
    purposes,
    services,
    privacyUrl,
    revision,
    cookieDomain,
    texts: texts(input.texts),
    theme: theme(input.theme),
    logUrl: input.logUrl === undefined ? null : url('logUrl', input.logUrl, place.href),
  };
  // Frozen all the way down, except the two lists a detected Google tag may add to (addService);
  // every other value is text, a number, true/false or null.
  [config.texts, config.theme, ...services].forEach(deepFreeze);
  Object.freeze(config);
  growing.set(config, { services, purposes });
  return config;
}

/**
 * The two lists of each Config that may grow, writable here only: everyone else sees them
 * read-only, and addService is the one door.
 */
const growing = new WeakMap<Config, { readonly services: Service[]; readonly purposes: OptionalPurpose[] }>();

/** The purposes the services use, in display order (never `necessary`). */
const purposesOf = (services: readonly Service[]): OptionalPurpose[] => OPTIONAL_PURPOSES.filter((p) => services.some((s) => s.purpose === p));

/**
 * The one change a Config takes after it is made: a Google tag found in the page while it is
 * parsed, before the visitor is asked, joins the services as if the owner had given its id, so
 * the banner asks about it (effects/hold/detect.ts). Nothing else changes a Config.
 */
export function addService(config: Config, service: Service): void {
  // Every Config is made by validate, which left its lists here.
  const { services, purposes } = growing.get(config)!;
  services.push(deepFreeze(service));
  purposes.splice(0, Infinity, ...purposesOf(services));
}

// No cycles to guard against: read.ts copies the owner's settings without them, and presets are trees.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
