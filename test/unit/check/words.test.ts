import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { forOwner } from '../../../src/check/model';
import { CHECK_TEXTS } from '../../../src/check/texts';
import { DEVELOPER_WORDS } from '../../developer-words';

/**
 * The panel speaks to the owner: none of the guide's developer words in any of its texts as the
 * owner reads them (the ⟨…⟩ terms left out), in any language, console messages included.
 */

/** Where the owner must see the word itself: the fix is to find it on the tag and delete it. */
const ASKED_TO_DELETE: Record<string, string> = { 'placementFix.async': 'async', 'placementFix.defer': 'defer' };

/** Every text of a language by its path; a function's with a placeholder for each of its values. */
function* texts(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (typeof value === 'function') yield [path, String(value(...Array.from({ length: value.length }, (_, i) => `«v${i}»`)))];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* texts(item, `${path}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* texts(item, path ? `${path}.${key}` : key);
}

/** A word as a whole word's start ("scripts" is caught, "description" is not). */
const asWord = (word: string) => new RegExp((/^\p{L}/u.test(word) ? '(?<!\\p{L})' : '') + word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu');

describe('the self-check speaks no developer words to the owner', () => {
  for (const [lang, t] of Object.entries(CHECK_TEXTS)) {
    it(lang, () => {
      const found: string[] = [];
      for (const [path, text] of texts(t, '')) {
        const owner = forOwner(text);
        for (const word of DEVELOPER_WORDS) if (ASKED_TO_DELETE[path] !== word && asWord(word).test(owner)) found.push(`${path}: "${word}" in ${owner}`);
      }
      expect(found).toEqual([]);
    });
  }

  it('the test sees a developer word where one is', () => {
    const caught = (text: string) => DEVELOPER_WORDS.some((word) => asWord(word).test(forOwner(text)));
    expect([caught('Rett data-privacy-url.'), caught('Legg til en nonce.'), caught('Two scripts.'), caught('A description ⟨nonce⟩.')]).toEqual([true, true, true, false]);
  });
});

describe('the fixes send the owner to what the guide shows (docs/veiledning.md), in every language', () => {
  const steps = { nb: /\(steg 5 i veiledningen\).*samtykke-verktøyet \(steg 2\)/, nn: /\(steg 5 i rettleiinga\).*samtykke-verktøyet \(steg 2\)/, en: /\(step 5 of the guide\).*samtykke tool \(step 2\)/ };
  for (const [lang, t] of Object.entries(CHECK_TEXTS)) {
    it(`${lang}: a tracker outside samtykke: remove the code (step 5), enter the ID in the tool (step 2); no "mark the code"`, () => {
      const fixes = [t.leakFix(false, null), t.said['leak.preload'][1], t.said['leak.request'][1], t.said['hold.unwatched'][1]].map(forOwner);
      for (const fix of fixes) expect(fix).toMatch(steps[lang as keyof typeof steps]);
      expect(fixes.join(' ')).not.toMatch(/\b(merk|mark)\b/i);
    });

    it(`${lang}: the privacy link, missing or broken, is set in the tool's step 2, then the new code pasted (steps 3 and 4)`, () => {
      for (const fix of [t.privacyBadFix, t.privacyMissingFix, t.said['privacyUrl.missing'][1]].map(forOwner)) expect(fix).toMatch(/\((steg|step) 2 (i|of) (veiledningen|rettleiinga|the guide)\).*\((steg|steps) 3 (og|and) 4\)/);
    });

    it(`${lang}: a video not ticked is ticked in the tool's step 2, by the name the tool shows, then the new code pasted (steps 3 and 4)`, () => {
      expect(forOwner(t.embedUnnamedFix('YouTube', 'youtube'))).toMatch(/YouTube .*\((steg|step) 2 (i|of) (veiledningen|rettleiinga|the guide)\).*\((steg|steps) 3 (og|and) 4\)\.$/);
    });

    it(`${lang}: code a grant let run, still fetching after a withdrawal that did not reload the page: the code made again in the tool (steps 1–3) and pasted (step 4), not old code to remove`, () => {
      const fix = forOwner(t.stillRunningFix);
      expect(fix).toMatch(/\((steg|steps) 1–3 (i|of) (veiledningen|rettleiinga|the guide)\).*\((steg|step) 4\)/);
      expect(fix).not.toMatch(/\((steg|step) 5/);
    });
  }
});

describe('the fixes for old Google code say what the page shows, in every language', () => {
  const header = { nb: 'feltet for HTML-kode i Header', nn: 'feltet for HTML-kode i Header', en: 'HTML code field in Header' };
  for (const [lang, t] of Object.entries(CHECK_TEXTS)) {
    it(`${lang}: found in the page's head, it names the guide's field only; its ID already given, it asks only to remove the old code`, () => {
      const inHead = forOwner(t.leakFix(true, 'AW-123456789'));
      expect(inHead).toContain(header[lang as keyof typeof header]);
      expect(inHead).not.toMatch(/HTML-blokk|HTML block|\((steg|step) 2\)/);
      expect(inHead).toContain('AW-123456789');
      expect(forOwner(t.leakFix(false, null))).toMatch(/\((steg|step) 2\)/);
    });
  }
});

describe('the owner reads «koden» for the paste, as the guide says, and the guide’s name for the header field', () => {
  for (const [lang, t] of Object.entries(CHECK_TEXTS).filter(([lang]) => lang !== 'en')) {
    it(lang, () => {
      const found: string[] = [];
      // «Én kort tag» is the name of the tool's other option, so it stays.
      for (const [path, text] of texts(t, '')) if (/\btagg?(en)?\b|toppteksten|topptekstane/i.test(forOwner(text).replace(/«Én kort tag»/g, ''))) found.push(`${path}: ${forOwner(text)}`);
      expect(found).toEqual([]);
    });
  }
});

/**
 * «samtykke» is Norwegian for consent: the product the owner pasted is «banneret», its paste
 * «koden til banneret», as the guide says. The word stands alone only for consent (after «før»,
 * «etter», «uten» …); a name the owner must type («samtykke», ?samtykke=sjekk in an address), a
 * file or a compound stays.
 */
const PRODUCT_NAMED = /(?<!(?:før|etter|uten|utan|trenger|treng|på) )(?<![\p{L}«?])samtykke(?:s\b)?(?![\p{L}»-]|\.\p{L})/iu;

describe('the owner reads «banneret» for the product, never «samtykke», which is the word for consent', () => {
  it('the test sees the name where one is', () => {
    const named = ['Koden fra samtykke står feil.', 'Kode fra x kjører før samtykke, så samtykke kan ikke holde den tilbake.', 'samtykkes egen informasjonskapsel', 'Beskjeder fra samtykke'].map((text) => PRODUCT_NAMED.test(text));
    const consent = ['hentet før samtykke.', 'etter samtykke (Markedsføring)', 'lastet uten samtykke: x', 'å tillate «samtykke».', 'samtykke.js og samtykke-verktøyet', 'legg til ?samtykke=sjekk i adressen'].map((text) => PRODUCT_NAMED.test(text));
    expect([named, consent]).toEqual([[true, true, true, true], [false, false, false, false, false, false]]);
  });

  for (const [lang, t] of Object.entries(CHECK_TEXTS).filter(([lang]) => lang !== 'en')) {
    it(lang, () => {
      const found: string[] = [];
      for (const [path, text] of texts(t, '')) if (PRODUCT_NAMED.test(forOwner(text))) found.push(`${path}: ${forOwner(text)}`);
      expect(found).toEqual([]);
    });
  }
});

describe('the guide (docs/veiledning.md) uses the panel’s own words', () => {
  const guide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/veiledning.md'), 'utf8').replace(/\s+/g, ' ');
  const t = CHECK_TEXTS.nb;

  it('names the colours by the words the panel shows, and its list and buttons by their labels', () => {
    for (const word of Object.values(t.tone)) expect(guide).toContain(`**${word}**`);
    for (const label of [t.toFix, t.fresh, t.copy]) expect(guide).toContain(`«${label}»`);
  });

  it('names the header field as the panel’s fixes do, and says no length of the code that would drift', () => {
    expect(guide).toMatch(/\*HTML-kode\* og \*Header\*/);
    expect(forOwner(t.leakFix(true, null))).toContain('feltet for HTML-kode i Header');
    expect(guide).not.toMatch(/\d[\d  ]* tegn/);
  });
});

describe('a choice the tool folds away is named with the section it is under (demo/configure.html), in every language', () => {
  const tool = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../demo/configure.html'), 'utf8');
  const folded = /<details id="technical">([\s\S]*?)<\/details>/.exec(tool)![1]!;
  const section = /<summary>([^<]+)<\/summary>/.exec(folded)![1]!.trim();
  // Its questions and their choices, as the tool shows them.
  const names = Array.from(folded.matchAll(/<(?:legend|label)[^>]*>(?:<input[^>]*>)?([^<]+)</g), ([, name]) => name!.trim());

  it('the tool’s folded section holds the choices the check names', () => {
    expect([section, ...names]).toEqual(expect.arrayContaining(['For den som hjelper deg med nettstedet', 'Hvordan skal koden se ut?', 'Én kort tag', 'Hvor skal filen hentes fra?']));
  });

  for (const [lang, t] of Object.entries(CHECK_TEXTS)) {
    it(lang, () => {
      const unplaced: string[] = [];
      for (const [path, text] of texts(t, '')) if (names.some((name) => text.includes(`«${name}»`)) && !text.includes(`«${section}»`)) unplaced.push(`${path}: ${forOwner(text)}`);
      expect(unplaced).toEqual([]);
      // The one that names one today: the short tag, which the strict setting needs.
      expect(forOwner(t.said['start.strict'][1])).toContain(`«Én kort tag»${lang === 'en' ? ' (one short tag)' : ''} under «${section}»`);
    });
  }
});
