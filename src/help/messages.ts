import { OPTIONAL_PURPOSES, PURPOSES } from '../config/purposes';
import { embedPresets } from '../config/presets';
import { LANGS, SETTINGS, type Rule } from '../config/settings';
import type { Theme } from '../config/types';
import { PURPOSES_ATTR } from '../markup';

/**
 * What each of samtykke's console messages says: the problem, the setting and the fix, by a
 * short key that names them. The engine reports a key and the values (core/report.ts) and
 * carries none of these texts: they reach the page only when something is wrong, in
 * `samtykke-help.js` (the bundler build and the tests have them at hand). Without the file, the
 * owner still sees the key and the values.
 *
 * Values are text, numbers or lists captured when reported (owner and page values through
 * `describe`), so a message says what was wrong at that moment. No work at module level: the
 * engine imports this file for its types only.
 */

/** A setting's rule from the settings table (only the simple settings have one). */
const ruleOf = (name: string): Rule => (SETTINGS as Record<string, { rule?: Rule }>)[name]!.rule!;
const quoted = (list: readonly string[]) => list.map((a) => `"${a}"`).join(', ');

/** What an id of each Google or Meta setting looks like. */
const ID_EXAMPLES: Record<string, string> = { googleAds: 'AW-123456789', googleAnalytics: 'G-ABC123XYZ', metaPixel: '123456789012345' };

/** What each theme setting takes (config/fields.ts checks the values). */
const THEME_EXAMPLES: Record<keyof Theme, string> = {
  accent: 'a colour such as "#0b5cad"',
  accentText: 'a colour such as "#ffffff"',
  background: 'a colour such as "#ffffff"',
  text: 'a colour such as "#1a1a1a"',
  radius: 'a length such as "8px"',
  font: 'font names such as "Inter, sans-serif"',
};
const themeKeys = () => Object.keys(THEME_EXAMPLES).join(', ');

/** The fixes `tag.placement` lists, by the code core/environment.ts gives (else: the Google script's address). */
const PLACEMENT_FIXES: Record<string, string> = {
  tag: 'paste the tag itself as a plain <script src="…/samtykke.js" data-…> without type="module", so its data-* settings can be read',
  async: 'remove "async" from the samtykke tag',
  defer: 'remove "defer" from the samtykke tag',
  snippet: 'move the samtykke tag above the Google snippet (gtag("js"/"config") ran before it)',
  google: "move the samtykke tag above Google's tag, first in the header code",
};

/** What the face's two messages tell the owner comes next (main.ts tries the face again on an open). */
const RETRY = "The visitor's next click on the reopen button or a settings link tries again.";

/** A setting's attribute on the tag as the owner wrote it: `privacyUrl` → `data-privacy-url`. */
export const dataAttribute = (key: string): string => 'data-' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** An owner's service that is left out: `services[i].field: fix`. */
const leftOut = (at: string, field: string, fix: string) => `${at}.${field}: ${fix} The service is left out.`;

export const MESSAGES = {
  // The settings (config/read.ts, validate.ts, fields.ts, services.ts)
  'samtykkeConfig.unreadable': () => 'window.samtykkeConfig could not be read; it is ignored. Set it as a plain object: window.samtykkeConfig = { … }.',
  'samtykkeConfig.shape': () => 'window.samtykkeConfig: must be an object set before the samtykke tag, e.g. window.samtykkeConfig = { googleAds: "AW-123456789" }; it is ignored.',
  'attribute.unknown': (key: string) => `unknown attribute ${dataAttribute(key)} is ignored.`,
  'value.nested': (at: string) => `${at}: contains itself or is nested too deeply; it is ignored.`,
  'value.unreadable': (at: string) => `${at}: could not be read; it is ignored.`,
  'settings.unreadable': () =>
    "could not read the settings (window.samtykkeConfig and the tag's data-* attributes); everything optional stays held. Give plain text, numbers, true/false, lists and objects only.",
  'setting.unknown': (key: string) => `unknown setting "${key}" is ignored. Known settings: ${Object.keys(SETTINGS).join(', ')}.`,
  'setting.allowed': (name: string, value: string) => {
    const rule = ruleOf(name) as { allowed: readonly string[]; fallback: string };
    return `${name}: ${value} is not allowed; use one of ${quoted(rule.allowed)}. Using "${rule.fallback}".`;
  },
  'setting.range': (name: string, value: string) => {
    const rule = ruleOf(name) as { range: readonly [number, number]; fallback: number };
    return `${name}: must be a whole number from ${rule.range[0]} to ${rule.range[1]}, not ${value}. Using ${rule.fallback}.`;
  },
  'setting.boolean': (name: string, value: string) => `${name}: must be true or false, not ${value}. Using ${ruleOf(name).fallback}.`,
  'privacyUrl.missing': () => 'privacyUrl is not set: the banner must link to your privacy notice. Add data-privacy-url="/personvern/" to the script tag.',
  'address.invalid': (field: string, value: string) => `${field}: ${value} is not a web address; give a path like "/personvern/" or a full https:// address.`,
  'revision.format': (value: string) => `revision: ${value} must be 1–32 letters, digits, "-" or "_" (e.g. "2025-01"). Using "1".`,
  'cookieDomain.site': (value: string, hostname: string) =>
    `cookieDomain: ${value} is not this site's domain (${hostname}); use it or a parent of it, or leave it out.`,
  'id.invalid': (field: string, value: string) => `${field}: ${value} is not a valid id; it looks like "${ID_EXAMPLES[field]}". Nothing is loaded for it.`,
  'embeds.shape': () => 'embeds: must list embeds the site uses, e.g. "youtube vimeo google-maps"; none are named in the preferences.',
  'embeds.unknown': (value: string) => `embeds: ${value} is not known; use ${quoted(embedPresets.map((e) => e.id))}, or describe it under services.`,
  'services.shape': () => 'services: must be a list: services: [{ id, name, purpose, provider, description, cookies }].',
  'service.shape': (at: string) => `${at}: must be an object { id, name, purpose, provider, description, cookies }; the service is left out.`,
  'service.id': (at: string) => leftOut(at, 'id', 'must be lower-case letters, digits and "-", e.g. "facebook-pixel".'),
  'service.name': (at: string) => leftOut(at, 'name', 'must be the name visitors know the service by.'),
  'service.purpose': (at: string) => leftOut(at, 'purpose', `must be one of "necessary", "${OPTIONAL_PURPOSES.join('", "')}".`),
  'service.provider': (at: string) => leftOut(at, 'provider', 'must name the company that receives the data.'),
  'service.description': (at: string) => leftOut(at, 'description', 'must be a text, or { nb, nn, en } texts, saying what it does.'),
  'service.cookies': (at: string) => leftOut(at, 'cookies', 'must be a list of { name, purpose, lifetime }.'),
  'service.cookie': (at: string, index: number) =>
    leftOut(at, `cookies[${index}]`, 'must be { name: "_fbp", purpose: "…", lifetime: "90 dager" } (a name ending in * matches a prefix).'),
  'service.block': (at: string, value: string) => leftOut(at, 'block', `${value} must be a host with an optional path, like "connect.facebook.net" or "*.hotjar.com".`),
  'service.transfer': (at: string) =>
    leftOut(at, 'transfer', 'must be true when the provider may move the data to the USA (or another country outside the EEA), else false.'),
  'texts.shape': () => 'texts: must be { nb: { key: "text" }, en: { … } }.',
  'texts.lang': (lang: string) => `texts.${lang}: use a language code (${LANGS.join(', ')}) holding { key: "text" } pairs; ignored.`,
  'texts.text': (lang: string, key: string) => `texts.${lang}.${key}: must be a text; the built-in text is used.`,
  'theme.shape': () => `theme: must be an object with any of ${themeKeys()}.`,
  'theme.key': (key: string) => `theme.${key}: is not a theme setting; use ${themeKeys()}. Ignored.`,
  'theme.value': (key: string, value: string) => `theme.${key}: ${value} is not allowed; give ${THEME_EXAMPLES[key as keyof Theme]}. Ignored.`,
  'logUrl.part': () =>
    "logUrl: could not load samtykke-log.js from samtykke.js's folder (blocked, offline or altered); this page's decisions are not logged. Upload it beside samtykke.js.",

  // The page (core/environment.ts, main.ts)
  'tag.placement': (fixes: readonly string[]) =>
    `the tag is in the wrong place, so it cannot hold trackers back in time. To fix: ${fixes
      .map((f) => PLACEMENT_FIXES[f] ?? `move the samtykke tag above ${f}, first in the header code`)
      .join('; ')}. Until then nothing optional runs.`,
  'page.builtins': (missing: string) =>
    `an earlier script deleted or replaced ${missing}; samtykke cannot hold trackers without them, so nothing optional runs. Remove that script or load it after samtykke.`,
  'hold.unwatched': () => 'could not watch for unmarked tags; mark them up (see the README).',
  'hold.failed': () => 'could not check a tag; it loads unwatched. Please report this.',
  'start.failed': () => 'could not start; nothing optional will run. Please report this.',
  'start.version': (version: string, known: number) =>
    `the inline start pasted in the page is version ${version}, which this samtykke.js does not read (it reads version ${known}); everything the start held stays held. Paste the start again from the configurator or \`npm run -s tag\`, with the samtykke.js it names.`,
  'start.strict': () =>
    'strict holds every unknown host, which only the synchronous tag can do from the first script on: the inline start knows no settings, so hosts it did not recognise may have loaded before samtykke.js came. Paste the single tag (the configurator writes it when strict is on, `npm run -s tag -- --sync`).',
  'api.taken': () => 'window.samtykke is taken by another script; the API is not available (the banner works).',
  'face.mount': () => `could not show the banner; nothing optional runs until a choice is made. ${RETRY}`,
  'face.load': (lang: string) =>
    `could not load samtykke-face.${lang}.js from samtykke.js's folder (blocked, offline or altered); nothing optional runs until a choice is made. ${RETRY}`,
  'trustedTypes.policy': (name: string) =>
    `the page's Content Security Policy does not allow the Trusted Types policy "${name}"; add it to trusted-types, or scripts released after consent may be refused.`,

  // The markup and the trackers (effects/)
  'markup.purposes': (names: string, tag: string) =>
    `${PURPOSES_ATTR}="${names}" on a <${tag}>: use ${PURPOSES.join(', ')} (several separated by spaces). It stays blocked.`,
  'release.address': (attribute: string, value: string, tag: string) =>
    `${attribute}="${value}" on a held <${tag}> is not a web address; give an https:// address or a path. It stays held.`,
  'hold.undeclared': (src: string, name: string, id: string, purpose: string, kind: 'google' | 'stranger' | 'preset') =>
    `held back ${src}: visitors have not been told of ${name}, so no choice releases it. To use it, ${
      kind === 'google'
        ? `give its id to samtykke (data-google-${purpose === 'analytics' ? 'analytics' : 'ads'}) so visitors are asked about it`
        : id === 'meta-pixel'
          ? 'give your pixel id to samtykke (data-meta-pixel="…") so visitors are asked about it'
          : kind === 'stranger'
            ? 'declare it as a service with `block` patterns'
            : `add data-embeds="${id}" so visitors are asked about it; until then they can load it from its placeholder`
    }.`,
  'hold.documentWrite': (src: string) =>
    `${src} was written with document.write in a form samtykke cannot read first (Trusted Types), so it could not be held and loaded without consent. Put it in the page's HTML instead.`,
  'host.unknown': (host: string) => `${host} loads without consent; if it stores or reads anything on the device, declare it as a service with \`block\` patterns.`,
  'google.found': (id: string, attribute: string) =>
    `found a Google tag with the id ${id} in the page; visitors are asked about it. Put ${attribute}="${id}" on the samtykke tag so it is declared on every page.`,
  'gtag.withoutConsent': (command: string, id: string) =>
    `Google tag called without consent: ${command === 'js' ? "gtag('js')" : `gtag('config', ${id})`} before the visitor agreed; samtykke holds Google's tag back until they do.`,
  'leak.before': (src: string) => `${src} comes before samtykke and loads without consent. Put samtykke first in the header code.`,
  'leak.preload': (src: string) =>
    `the browser fetched ${src} ahead of the page (preload) before consent; samtykke kept it from running. Mark the tag type="text/plain" data-samtykke="…" to stop the fetch too.`,
  'leak.request': (src: string, initiator: string) =>
    `${src} was requested before consent (by an <${initiator}>). Mark it up if it is in the page, or remove it if it comes before samtykke or from the site platform.`,
  'leak.cookies': (names: string) => `${names} present before a choice: set by a Google tag samtykke does not control, or left from an earlier visit.`,

  // The API (api.ts, core/store.ts)
  'api.failed': (method: string) => `samtykke.${method} failed; nothing was changed.`,
  'api.purpose': (call: string, value: string, purposes: readonly string[]) =>
    `${call}: ${value} is not a purpose on this site; use ${quoted(purposes) || 'none (no services configured)'}.`,
  'api.set': () => 'samtykke.set: give an object of purposes and true/false, e.g. samtykke.set({ marketing: false }). Nothing was changed.',
  'api.on': (event: string, listener: string) => `samtykke.on: use on("change" or "ready", function); got on(${event}, ${listener}).`,
  'api.readyListener': () => 'a ready listener threw.',
  'api.changeListener': () => 'a change listener threw; the choice itself is saved.',
} satisfies Record<string, (...values: never[]) => string>;

export type Messages = typeof MESSAGES;
