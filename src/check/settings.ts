import { classify, foreignHost } from '../config/trackers';
import type { OptionalPurpose, Service } from '../config/types';
import { dataAttribute, type Messages } from '../help/messages';
import { fill } from '../ui/text';
import { ownHosts } from './addresses';
import { isMap } from './embeds';
import { bad, ok, saidOf, same, warn, type Line, type Look } from './model';
import { purposeName } from './texts';

/** What asking the privacy page gave: still asking, its status, or another site's (not readable from here). */
export type PrivacyAnswer = { readonly state: 'asking' } | { readonly state: 'answered'; readonly status: number } | { readonly state: 'elsewhere' } | { readonly state: 'failed' };

/** The setting a found Google id belongs on. */
const ID_ATTR: Record<string, string> = { 'google-ads': 'data-google-ads', 'google-analytics': 'data-google-analytics' };

/**
 * The ids and purposes in use, the services named (and each video or map service on the page,
 * `unnamed`, that is not), the privacy link, the unknown hosts among the page's `addresses`.
 */
export function settings(look: Look, privacy: PrivacyAnswer, addresses: readonly string[], unnamed: readonly Service[]): Line[] {
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
  // REQUIREMENTS LAW-03, UI-07: a video or map the visitor may release must have its recipient named to them.
  lines.push(...unnamed.map((s) => warn(t.embedUnnamed(s.name, isMap(s)), t.embedUnnamedFix(s.name, s.id))));
  lines.push(privacyLine(look, privacy));
  const hosts = unknownHosts(look, addresses);
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

/** The hosts of another site that loaded or wait in the page (`urls`), that no service or known tracker claims. */
function unknownHosts({ config, said, tag }: Look, urls: readonly string[]): string[] {
  const own = ownHosts(tag);
  const hosts = new Set(saidOf({ said }, 'host.unknown').map(([h]) => String(h)));
  for (const url of urls) {
    const host = foreignHost(url, location.hostname, config.cookieDomain);
    if (host && !own.has(host) && !classify(url, config)) hosts.add(host);
  }
  return [...hosts].sort();
}

/** A message's value as the owner reads it: a list as its items, anything else as text. */
const asText = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(', ') : String(value));

/** The values a message carries in samtykke's form that the owner wrote in another: an attribute by its name on the tag. */
const AS_WRITTEN: Partial<Record<keyof Messages, (values: readonly unknown[]) => readonly unknown[]>> = {
  'attribute.unknown': ([key]) => [dataAttribute(String(key))],
};

/**
 * Every console message samtykke gave, in the owner's words with the fix (texts/said.*.ts), its
 * values filled in; the copied report adds the message's key for whoever reads the console.
 * A message another line shows too (`echoOf` says which, and where: «Det samme som …») says so,
 * grey and without its fix: that line has it.
 */
export function messages({ said, t }: Look, echoOf: (key: string, values: readonly unknown[]) => string | undefined = () => undefined): Line[] {
  return said.map(({ level, key, values }) => {
    const term = ` ⟨${key}⟩`;
    const [what, fix] = t.said[key];
    let parts: Record<string, string>;
    try {
      parts = Object.fromEntries((AS_WRITTEN[key]?.(values) ?? values).map((v, i) => [i, asText(v)]));
    } catch {
      // A value that cannot be printed: its place stays a placeholder, the key still names the message.
      parts = {};
    }
    const filled = (text: string) => fill(text, parts).join('');
    const echoed = echoOf(key, values);
    if (echoed) return same(`${filled(what)} ${echoed}${term}`);
    return { tone: level === 'error' ? 'bad' : 'warn', text: filled(what) + term, fix: filled(fix) };
  });
}
