import { classify, foreignHost } from '../config/trackers';
import { HELD_ATTR, INERT_TYPE, PURPOSES_ATTR } from '../markup';
import { FACE_HOOK, HELP_HOOK, LOG_HOOK } from '../shell/hook';
import { ENGINE_ATTR, START_HOOK, START_VERSION, type StartHandoff } from '../start/protocol';
import { bad, ok, saidOf, same, warn, type Line, type Look } from './model';

declare const __VERSION__: string;

/** samtykke's own files by name, as the tag and the one-file build are called. */
const OWN_TAG = /\/samtykke(\.full)?\.js([?#]|$)/;

/** What the inline start left on the page (src/start/protocol.ts): the engine was loaded by it; undefined for the single tag. */
function startOf(): Partial<StartHandoff> | undefined {
  const left = (window as unknown as Record<symbol, unknown>)[START_HOOK];
  return typeof left === 'object' && left !== null ? (left as Partial<StartHandoff>) : undefined;
}

/**
 * Whether samtykke is where it can hold things back (the tag, or the inline start that loaded
 * it), there once, its version and the start's, with its files and its nonce.
 */
export function installation(look: Look): Line[] {
  const { t, tag } = look;
  const start = startOf();
  // What the owner pasted and what must come first: the inline start when it loaded the engine, else the tag.
  const first = start ? (start.script ?? null) : tag;
  const lines: Line[] = [];
  const placement = saidOf(look, 'tag.placement')[0]?.[0] as readonly string[] | undefined;
  if (placement) lines.push(bad(t.placementBad, placement.map((f) => t.placementFix[f] ?? t.placementAbove(f)).join('; ') + '.'));
  else if (first && !document.head?.contains(first)) lines.push(warn(t.inBody, t.inBodyFix));
  else lines.push(ok(start ? t.placementInline : tag ? t.placementOk : t.bundled));
  if (start) lines.push(start.version === START_VERSION ? ok(t.startVersionOk) : bad(t.startVersionBad, t.pasteAgainFix));
  lines.push(...before(look, first));

  // The owner's pastes: the starts, and the tags but the engine a start loaded.
  const copies = Array.from(document.scripts).filter((s) => s.hasAttribute(ENGINE_ATTR) || (OWN_TAG.test(s.src) && !(start && s === tag))).length;
  if (copies > 1) lines.push(warn(t.twice(copies), t.twiceFix));
  else if (tag) lines.push(ok(start ? t.onceInline : t.once));
  lines.push(ok(t.version(__VERSION__)));
  // The start fetches the engine with the hash the configurator wrote beside it.
  const engine: string[] = [];
  if (start && tag) {
    if (tag.integrity) engine.push('samtykke.js');
    else lines.push(warn(t.engineUnchecked, t.pasteAgainFix));
  }
  lines.push(...parts(look, engine));
  lines.push(...security(look));
  lines.push(...googleOutside(look));
  return lines;
}

/**
 * The files the tag fetched beside it (`checked` already known whole): it left its hook only if
 * it arrived and its hash matched. The owner reads one line when all did; each file is named for the helper.
 */
function parts(look: Look, checked: string[]): Line[] {
  const { t, tag } = look;
  if (!tag || !/\/samtykke\.js([?#]|$)/.test(tag.src)) return [ok(t.oneFile), ...checked.map((file) => ok(t.partsOk(file)))];
  const w = window as unknown as Record<symbol, unknown>;
  const lines: Line[] = [];
  const whole = [...checked];
  const fetched = new Set(
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => /\/(samtykke-[\w.]+\.js)([?#]|$)/.exec(e.name)?.[1]).filter((f): f is string => !!f),
  );
  const hooks: [RegExp, symbol][] = [
    [/^samtykke-face\./, FACE_HOOK],
    [/^samtykke-help\./, HELP_HOOK],
    [/^samtykke-log\./, LOG_HOOK],
  ];
  for (const file of fetched) {
    const hook = hooks.find(([name]) => name.test(file))?.[1];
    // Still on its way (a message's texts) or failed: a script of ours still in the page is on its way.
    const pending = Array.from(document.scripts).some((s) => s.src.endsWith('/' + file));
    if (!hook || pending || w[hook] !== undefined) whole.push(file);
    else lines.push(bad(t.partBad(file), t.partFix));
  }
  for (const [lang] of saidOf(look, 'face.load')) if (!fetched.has(`samtykke-face.${lang}.js`)) lines.push(bad(t.partBad(`samtykke-face.${lang}.js`), t.partFix));
  return whole.length ? [ok(t.partsOk(whole.join(', '))), ...lines] : lines;
}

/** The nonce a page with a CSP must give the tag, and the Trusted Types policy it must allow. */
function security(look: Look): Line[] {
  const { t, tag } = look;
  const lines: Line[] = [];
  const csp = !!document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  if (tag?.nonce) lines.push(ok(t.nonceOk));
  else if (csp) lines.push(warn(t.cspNoNonce, t.cspNoNonceFix));
  else lines.push(ok(t.noCsp));
  if (saidOf(look, 'trustedTypes.policy').length) lines.push(bad(t.trustedTypes, t.trustedTypesFix));
  return lines;
}

/**
 * A Google tag that ran without samtykke's say: one before the tag (pasted above it, or put
 * there by the platform, such as Webnode's own Google Analytics field), not held back.
 */
function googleOutside(look: Look): Line[] {
  const { t, tag, config } = look;
  const found = new Set(saidOf(look, 'leak.before').map(([src]) => String(src)));
  for (const s of Array.from(document.scripts)) {
    if (s === tag) break;
    if (s.src && !s.hasAttribute(PURPOSES_ATTR) && !s.hasAttribute(HELD_ATTR) && classify(s.src, config)?.google) found.add(s.src);
  }
  if (found.size) return [...found].map((src) => bad(t.googleOutside(src), t.googleOutsideFix));
  // None ran outside samtykke; a file fetched ahead is red under "before the choice": say so, not
  // "all well", and in grey, as a line that points at a red one (green would contradict it).
  return [saidOf(look, 'leak.preload').length + saidOf(look, 'leak.request').length ? same(t.googleFetched) : ok(t.googleNone)];
}

/**
 * Code from another site that runs before samtykke: nothing holds it, whatever it does. Google's
 * is named red by `googleOutside`; samtykke's own files and code samtykke holds are left out.
 */
function before(look: Look, first: HTMLScriptElement | null): Line[] {
  const { t, config, tag } = look;
  if (!first) return [];
  const hosts = new Set<string>();
  for (const s of Array.from(document.scripts)) {
    if (s === first) break;
    if (!s.src || s === tag || OWN_TAG.test(s.src) || s.type.toLowerCase() === INERT_TYPE || classify(s.src, config)?.google) continue;
    const host = foreignHost(s.src, location.hostname, config.cookieDomain);
    if (host) hosts.add(host);
  }
  return hosts.size ? [warn(t.codeBefore([...hosts].join(', ')), t.codeBeforeFix)] : [];
}
