import { classify, foreignHost } from '../config/trackers';
import type { OptionalPurpose } from '../config/types';
import type { Messages } from '../help/messages';
import { HELP_HOOK } from '../shell/hook';
import { SRC_ATTR } from '../markup';
import { bad, ok, saidOf, warn, type Line, type Look, type Tone } from './model';
import { purposeName } from './texts';

/** What asking the privacy page gave: still asking, its status, or another site's (not readable from here). */
export type PrivacyAnswer = { readonly state: 'asking' } | { readonly state: 'answered'; readonly status: number } | { readonly state: 'elsewhere' } | { readonly state: 'failed' };

/** The setting a found Google id belongs on. */
const ID_ATTR: Record<string, string> = { 'google-ads': 'data-google-ads', 'google-analytics': 'data-google-analytics' };

/** The ids and purposes in use, the services named, the privacy link, unknown hosts. */
export function settings(look: Look, privacy: PrivacyAnswer): Line[] {
  const { t, config } = look;
  const lines: Line[] = [];
  const found = new Set(saidOf(look, 'google.found').map(([id]) => String(id)));
  for (const service of config.services) {
    for (const id of service.googleIds) {
      lines.push(found.has(id) ? warn(t.idFound(service.name, id), t.idFoundFix(ID_ATTR[service.id] ?? 'data-google-ads', id)) : ok(t.idGiven(service.name, id)));
    }
  }
  if (!config.services.some((s) => s.googleIds.length)) lines.push(ok(t.noIds));
  lines.push(ok(config.purposes.length ? t.purposes(config.purposes.map((p: OptionalPurpose) => purposeName(look, p)).join(', ')) : t.noPurposes));
  lines.push(ok(t.services(config.services.map((s) => s.name).join(', '))));
  lines.push(privacyLine(look, privacy));
  const hosts = unknownHosts(look);
  lines.push(...(hosts.length ? hosts.map((h) => warn(t.unknownHost(h), t.unknownHostFix)) : [ok(t.noUnknown)]));
  return lines;
}

function privacyLine({ t, config }: Look, answer: PrivacyAnswer): Line {
  const url = config.privacyUrl;
  if (!url) return bad(t.privacyMissing, t.privacyMissingFix);
  if (answer.state === 'asking') return ok(t.privacyChecking(url));
  if (answer.state === 'elsewhere') return warn(t.privacyElsewhere(url), t.privacyElsewhereFix);
  if (answer.state === 'answered' && answer.status >= 200 && answer.status < 400) return ok(t.privacyOk(url));
  return bad(t.privacyBad(url, answer.state === 'answered' ? String(answer.status) : '—'), t.privacyBadFix);
}

/**
 * Asks the privacy page whether it is there (HEAD, this site only: another site's answer cannot
 * be read without its leave, so it is not asked). Sends nothing but the address.
 */
export async function askPrivacy(url: string | null): Promise<PrivacyAnswer> {
  if (!url) return { state: 'failed' };
  const at = new URL(url, document.baseURI);
  if (at.origin !== location.origin) return { state: 'elsewhere' };
  try {
    const response = await fetch(at.href, { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' });
    return { state: 'answered', status: response.status };
  } catch {
    return { state: 'failed' };
  }
}

/** The hosts of another site that loaded or wait in the page, that no service or known tracker claims. */
function unknownHosts({ config, said, tag }: Look): string[] {
  const own = tag?.src ? new URL(tag.src).hostname : null;
  const hosts = new Set(saidOf({ said }, 'host.unknown').map(([h]) => String(h)));
  const urls = [
    ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name),
    ...Array.from(document.querySelectorAll<HTMLElement>(`script[src],iframe[src],iframe[${SRC_ATTR}],img[${SRC_ATTR}]`)).map((el) => el.getAttribute('src') ?? el.getAttribute(SRC_ATTR) ?? ''),
  ];
  for (const url of urls) {
    const host = foreignHost(url, location.hostname, config.cookieDomain);
    if (host && host !== own && !classify(url, config)) hosts.add(host);
  }
  return [...hosts].sort();
}

/** The console messages' texts when they are at hand (the bundler build); else samtykke-help.js's, which the engine fetched when it had something to say. */
let atHand: Messages | undefined;

/** The bundler build hands the texts over, as it does to the engine (`helpFrom`): the check carries none of its own. */
export function explainWith(table: Messages): void {
  atHand = table;
}

/** Every console message samtykke gave, in the words of samtykke-help.js (without them: its key and values, as the console shows). */
export function messages({ said }: Look): Line[] {
  return said.map(({ level, key, values }) => {
    let text: string;
    try {
      const table = atHand ?? (window as unknown as Record<symbol, Messages | undefined>)[HELP_HOOK]!;
      text = (table[key] as (...v: unknown[]) => string)(...values);
    } catch {
      text = `${key} ${values.map(String).join(' ')}`;
    }
    // Each message says its fix itself.
    const tone: Tone = level === 'error' ? 'bad' : 'warn';
    return { tone, text };
  });
}
