/**
 * The one function that turns the owner's settings into what they paste: the configurator, the
 * `npm run -s tag` command and `npm run docs:tag` all call it, so the three can never disagree.
 * Which setting is a tag attribute, and its name, comes from the settings table
 * (src/config/settings.ts); nothing here restates it. It imports nothing that needs a browser,
 * so Node loads it too (scripts/tag.mjs, through vite's runnerImport).
 */
import { LANGS, SETTINGS } from '../../src/config/settings';
import type { Lang } from '../../src/config/types';
import { ENGINE_ATTR, ENGINE_INTEGRITY_ATTR, faceHashAttr } from '../../src/start/protocol';

type SettingName = keyof typeof SETTINGS;

/**
 * The owner's settings as the engine reads them (`window.samtykkeConfig` and the tag's
 * attributes merged): a switch is true or false, a list of embeds is text. Left out, or empty
 * text: not in the paste, so the engine's default (or its warning) applies.
 */
export type Settings = { readonly [K in SettingName]?: unknown };

/** Where the tag loads samtykke from, and the hash the browser checks it against. */
export interface ScriptFile {
  readonly src: string;
  /** `sha384-…`; null leaves `integrity` out (the file then runs unchecked). */
  readonly integrity: string | null;
  /** The faces' hashes beside it, by language (none for the one-file build, which has them in it). */
  readonly faces?: Readonly<Partial<Record<Lang, string>>>;
}

/**
 * The language whose face the inline start may preload: the owner's `lang`, else bokmål, what
 * the engine shows a page whose `<html lang>` is Norwegian or unknown. A page in another language
 * gets no preload; its engine fetches the face itself, a round trip later.
 */
const expectedLang = (settings: Settings): Lang => LANGS.find((l) => l === settings.lang) ?? 'nb';

/** `validityDays` → `data-validity-days`: the name `dataset` reads the setting under. */
const attributeName = (setting: string): string => 'data-' + setting.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

const isAttribute = (name: SettingName): boolean => 'attribute' in SETTINGS[name];

/** Whether a setting is given at all: empty text is not a value an owner means. */
const given = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'string' && !v.trim());

/**
 * The settings split as the paste carries them, in the table's order: simple values as tag
 * attributes (what an owner expects to edit), structures (colours, own services) in a
 * `window.samtykkeConfig` block before the tag.
 */
function placed(settings: Settings): { attributes: [string, string][]; config: Record<string, unknown> | null } {
  const attributes: [string, string][] = [];
  const config: Record<string, unknown> = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const value = settings[name];
    if (!given(value)) continue;
    const simple = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    if (simple && isAttribute(name)) attributes.push([attributeName(name), String(value).trim()]);
    else config[name] = value;
  }
  return { attributes, config: Object.keys(config).length ? config : null };
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * Script text that cannot end its `<script>` early nor open an HTML comment in it: `</script`
 * and `<!--` are written with a backslash, which means the same inside a JavaScript string,
 * template or regular expression (the only places they can stand in valid code).
 */
const inScript = (code: string): string => code.replace(/<(\/script|!--)/gi, '<\\$1');

/**
 * Whether the paste is the inline form: the start's text, unless the owner chose `strict`,
 * which only the synchronous tag can keep from the page's first script on (docs/inline-start.md).
 */
export const inlineForm = (settings: Settings, start: string | null): start is string => start !== null && !(settings.strict === true || settings.strict === 'true');

/**
 * Exactly what the owner pastes into Webnode's header code field. With `start` (the built
 * samtykke-start.js), the inline form: that text inline in a `<script>` carrying the settings,
 * the engine's address and hash, which it loads `async`, and the hash of the one face it may
 * preload. Without it (or with `strict`), the single synchronous tag, for a CSP that forbids
 * inline scripts and for `strict`.
 */
export function pasteTag(settings: Settings, file: ScriptFile, start: string | null = null): string {
  const { attributes, config } = placed(settings);
  const parts: string[] = [];
  if (config) parts.push(`<script>\nwindow.samtykkeConfig = ${inScript(JSON.stringify(config, null, 2))};\n</script>`);
  const inline = inlineForm(settings, start);
  const attrs = inline ? [`${ENGINE_ATTR}="${escapeAttr(file.src)}"`] : [`src="${escapeAttr(file.src)}"`];
  if (file.integrity) attrs.push(inline ? `${ENGINE_INTEGRITY_ATTR}="${file.integrity}"` : `integrity="${file.integrity}" crossorigin="anonymous"`);
  // The one face the start preloads on a first visit, checked like the engine (src/start/face.ts).
  const lang = expectedLang(settings);
  const face = file.faces?.[lang];
  if (inline && face) attrs.push(`${faceHashAttr(lang)}="${face}"`);
  for (const [name, value] of attributes) attrs.push(`${name}="${escapeAttr(value)}"`);
  parts.push(`<script ${attrs.join(' ')}>${inline ? inScript(start.trim()) : ''}</script>`);
  return parts.join('\n');
}

const ATTRIBUTE_SETTINGS = (Object.keys(SETTINGS) as SettingName[]).filter(isAttribute);
/** A setting's command-line flag: its attribute's name (`--google-ads`). */
const flag = (name: string): string => attributeName(name).replace(/^data-/, '--');
/** Every setting flag, for a command's help. */
export const settingFlags = (): string[] => ATTRIBUTE_SETTINGS.map(flag);

/**
 * The settings a command line gives (`--google-ads AW-1 --privacy-url /personvern/`): one flag
 * per attribute setting, named as its attribute. Values stay text, as in the tag; the rest of
 * the arguments are returned for the command to read.
 */
export function settingsFromArgs(args: readonly string[]): { settings: Settings; rest: string[] } {
  const byFlag = new Map(ATTRIBUTE_SETTINGS.map((name) => [flag(name), name]));
  const settings: Record<string, unknown> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = byFlag.get(args[i]!);
    if (!name) {
      rest.push(args[i]!);
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`${args[i - 1]} needs a value`);
    settings[name] = value;
  }
  return { settings, rest };
}
