/**
 * The script's setting messages in bokmål, for the configurator's Norwegian form. The script
 * itself reports in English (what a developer searching the console expects); the owner filling
 * in a Norwegian form reads them here in Norwegian. Each rule matches the text after the setting
 * name ("googleAds: …"); test/unit/configure/bokmal.test.ts checks every message validate() can
 * give has a rule, so a new message cannot slip through in English.
 */
type Rule = readonly [RegExp, (...parts: string[]) => string];

const LEFT_OUT = ' The service is left out.';

/**
 * The engine's values and examples, which it quotes as JSON (`"AW-12"`, a list `"a", "b"`), in
 * Norwegian quotes: «AW-12». Only what the rules below pass through it: a shape of code
 * (`{ key: "text" }`) keeps its straight quotes, as it is code.
 */
function q(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => {
    try {
      return `«${JSON.parse(literal) as string}»`;
    } catch {
      // Not a JSON string (a value the engine cut short inside an escape): left as written.
      return literal;
    }
  });
}

/** Messages about one setting, after "setting: ". */
const FIXES: readonly Rule[] = [
  [/^(.+) is not allowed; use one of (.+)\. Using (.+)\.$/s, (v, list, fallback) => `${q(v)} er ikke tillatt; bruk en av ${q(list)}. Bruker ${q(fallback)}.`],
  [/^must be true or false, not (.+)\. Using (.+)\.$/s, (v, fallback) => `må være true eller false, ikke ${q(v)}. Bruker ${fallback}.`],
  [/^must be a whole number from (\d+) to (\d+), not (.+)\. Using (.+)\.$/s, (min, max, v, fallback) => `må være et heltall fra ${min} til ${max}, ikke ${q(v)}. Bruker ${fallback}.`],
  [/^(.+) is not a web address; give a path like "\/personvern\/" or a full https:\/\/ address\.$/s, (v) => `${q(v)} er ikke en nettadresse; skriv en sti som «/personvern/» eller en full https://-adresse.`],
  // Without the value: a field with several wrong ids then gets the same line for each, shown once (wording.ts).
  [/^.+ is not a valid id; it looks like (".+")\. Nothing is loaded for it\.$/s, (example) => `ID-en skal se ut som ${q(example)}. Banneret bruker ikke en ID som er skrevet feil.`],
  [/^(.+) must be 1–32 letters, digits, "-" or "_" \(e\.g\. "2025-01"\)\. Using "1"\.$/s, (v) => `${q(v)} må være 1–32 bokstaver, sifre, «-» eller «_» (f.eks. «2025-01»). Bruker «1».`],
  [/^(".+") is not this site's domain \((.+)\); use it or a parent of it, or leave it out\.$/s, (v, host) => `${q(v)} er ikke domenet til dette nettstedet (${host}); bruk det eller et overordnet domene, eller la feltet stå tomt.`],
  [/^must list embeds the site uses, e\.g\. "youtube vimeo google-maps"; none are named in the preferences\.$/s, () => 'må liste innbyggingene nettstedet bruker, f.eks. «youtube vimeo google-maps»; ingen vises i innstillingene.'],
  [/^(.+) is not known; use (.+), or describe it under services\.$/s, (v, list) => `${q(v)} er ukjent; bruk ${q(list)}, eller beskriv den under egne tjenester.`],
  [/^must be a list: services: (.+)\.$/s, (shape) => `må være en liste: services: ${shape}.`],
  [/^must be an object (\{.+\}); the service is left out\.$/s, (shape) => `må være et objekt ${shape}; tjenesten blir utelatt.`],
  [/^must be lower-case letters, digits and "-", e\.g\. "facebook-pixel"\.$/s, () => 'må være små bokstaver, sifre og «-», f.eks. «facebook-pixel».'],
  [/^must be the name visitors know the service by\.$/s, () => 'må være navnet de besøkende kjenner tjenesten under.'],
  [/^must be one of (.+)\.$/s, (list) => `må være en av ${q(list)}.`],
  [/^must name the company that receives the data\.$/s, () => 'må nevne selskapet som mottar opplysningene.'],
  [/^must be a text, or \{ nb, nn, en \} texts, saying what it does\.$/s, () => 'må være en tekst, eller { nb, nn, en }-tekster, som sier hva den gjør.'],
  [/^must be a list of \{ name, purpose, lifetime \}\.$/s, () => 'må være en liste med { name, purpose, lifetime }.'],
  [/^must be (\{ name: .+ \}) \(a name ending in \* matches a prefix\)\.$/s, (shape) => `må være ${shape} (et navn som slutter på * gjelder alle som begynner slik).`],
  [/^(.+) must be a host with an optional path, like "connect\.facebook\.net" or "\*\.hotjar\.com"\.$/s, (v) => `${q(v)} må være et vertsnavn, eventuelt med sti, som «connect.facebook.net» eller «*.hotjar.com».`],
  [/^must be \{ nb: \{ key: "text" \}, en: \{ … \} \}\.$/s, () => 'må være { nb: { key: "tekst" }, en: { … } }.'],
  [/^use a language code \((.+)\) holding \{ key: "text" \} pairs; ignored\.$/s, (list) => `bruk en språkkode (${list}) med { key: "tekst" }-par; blir oversett.`],
  [/^must be a text; the built-in text is used\.$/s, () => 'må være en tekst; den innebygde teksten brukes.'],
  [/^must be an object with any of (.+)\.$/s, (list) => `må være et objekt med noen av ${list}.`],
  [/^is not a theme setting; use (.+)\. Ignored\.$/s, (list) => `er ikke en tema-innstilling; bruk ${list}. Blir oversett.`],
  [/^(.+) is not allowed; give a colour such as ("#[0-9a-f]+")\. Ignored\.$/s, (v, example) => `${q(v)} er ikke tillatt; gi en farge som ${q(example)}. Blir oversett.`],
  [/^(.+) is not allowed; give a length such as "8px"\. Ignored\.$/s, (v) => `${q(v)} er ikke tillatt; gi en lengde som «8px». Blir oversett.`],
  [/^(.+) is not allowed; give font names such as "Inter, sans-serif"\. Ignored\.$/s, (v) => `${q(v)} er ikke tillatt; gi skriftnavn som «Inter, sans-serif». Blir oversett.`],
];

/** Whole messages that do not start with "setting: ". */
const WHOLE: readonly Rule[] = [
  [/^unknown setting (".+") is ignored\. Known settings: (.+)\.$/s, (name, list) => `ukjent innstilling ${q(name)} blir oversett. Kjente innstillinger: ${list}.`],
  [
    /^privacyUrl is not set: the banner must link to your privacy notice\. Add data-privacy-url="\/personvern\/" to the script tag\.$/s,
    // Worded like the others ("setting: …"), so under its field the name goes as theirs does
    // (wording.ts); and it names no tag attribute: the owner fills in the field, not the tag.
    () => 'privacyUrl: skriv adressen til personvernerklæringen din: banneret må lenke til den.',
  ],
];

function apply(rules: readonly Rule[], text: string): string | null {
  for (const [pattern, say] of rules) {
    const match = pattern.exec(text);
    if (match) return say(...match.slice(1));
  }
  return null;
}

/** The message in bokmål, or null when no rule knows it (it is then shown as the script wrote it). */
export function inBokmal(message: string): string | null {
  const whole = apply(WHOLE, message);
  if (whole) return whole;
  const setting = /^([a-zA-Z]+(?:\[\d+\])?(?:\.[a-zA-Z]+(?:\[\d+\])?)*): (.*)$/s.exec(message);
  if (!setting) return null;
  const [, name, fix] = setting as unknown as [string, string, string];
  const leftOut = fix.endsWith(LEFT_OUT);
  const said = apply(FIXES, leftOut ? fix.slice(0, -LEFT_OUT.length) : fix);
  return said && `${name}: ${said}${leftOut ? ' Tjenesten blir utelatt.' : ''}`;
}
