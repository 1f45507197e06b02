import { describe, expect, it } from 'vitest';
import { folderFiles, scriptFile, type Release } from '../../../demo/configure/hosting';
import { pasteTag, settingFlags, settingsFromArgs } from '../../../demo/configure/tag';
import { ENGINE_ATTR, ENGINE_INTEGRITY_ATTR, faceHashAttr } from '../../../src/start/protocol';
import { readInput } from '../../../src/config/read';
import { SETTINGS } from '../../../src/config/settings';

const FILE = { src: 'https://stressfri.github.io/samtykke/v/1.2.3/samtykke.js', integrity: 'sha384-abc' };
const RELEASE: Release = {
  version: '1.2.3',
  files: { 'samtykke.js': 'sha384-engine', 'samtykke-start.js': 'sha384-start', 'samtykke-face.nb.js': 'sha384-nb', 'samtykke-help.js': 'sha384-help', 'samtykke.full.js': 'sha384-full', 'samtykke.mjs': 'sha384-esm' },
};

/** The paste, parsed back by the browser and read by the engine's own reader. */
function readBack(paste: string): Record<string, unknown> {
  // Parsed, not inserted: nothing is fetched.
  const scripts = new DOMParser().parseFromString(paste, 'text/html').querySelectorAll('script');
  return { ...readInput(scripts[scripts.length - 1]!, undefined) };
}

describe('pasteTag', () => {
  it('gives the address, its integrity with crossorigin, then the settings as the attributes the engine reads', () => {
    expect(pasteTag({ googleAds: 'AW-1', privacyUrl: '/personvern/' }, FILE)).toBe(
      '<script src="https://stressfri.github.io/samtykke/v/1.2.3/samtykke.js" integrity="sha384-abc" crossorigin="anonymous" data-google-ads="AW-1" data-privacy-url="/personvern/"></script>',
    );
    expect(pasteTag({}, { src: '/samtykke.js', integrity: null })).toBe('<script src="/samtykke.js"></script>');
  });

  it('names every attribute setting so the engine reads it back as given, and puts structures in samtykkeConfig', () => {
    const settings = { validityDays: 30, strict: true, embeds: 'youtube vimeo', logUrl: 'https://logg.example.no/"x"', cookieDomain: 'example.no', theme: { accent: '#aa0000' } };
    const paste = pasteTag(settings, FILE);
    expect(paste.startsWith('<script>\nwindow.samtykkeConfig = {\n  "theme": {\n    "accent": "#aa0000"\n  }\n};\n</script>\n')).toBe(true);
    const { theme: _, ...attributes } = settings;
    expect(readBack(paste)).toEqual(attributes);
  });

  it('leaves out what is empty, and cannot end its config block early', () => {
    expect(pasteTag({ googleAds: '  ', lang: undefined, services: [{ id: 'x', description: '</script><script>alert(1)' }] }, FILE)).not.toContain('</script><script>alert');
    expect(pasteTag({ googleAds: '  ', lang: undefined }, FILE)).toBe(pasteTag({}, FILE));
  });
});

describe('pasteTag, the inline form', () => {
  /** A start with what could end a script early, in a string as the built one could have it. */
  const START = 'window.__start = "</script><script>alert(1)</script> <!-- </SCRIPT";\n';
  const parsed = (paste: string) => Array.from(new DOMParser().parseFromString(paste, 'text/html').querySelectorAll('script'));

  it('puts the start inline in one <script> with the engine’s address and hash and the settings the engine gets copied', () => {
    const scripts = parsed(pasteTag({ googleAds: 'AW-1', privacyUrl: '/personvern/' }, FILE, START));
    expect(scripts).toHaveLength(1);
    const [start] = scripts as [HTMLScriptElement];
    expect(start.hasAttribute('src')).toBe(false);
    expect(start.getAttribute(ENGINE_ATTR)).toBe(FILE.src);
    expect(start.getAttribute(ENGINE_INTEGRITY_ATTR)).toBe(FILE.integrity);
    // What the start copies onto the engine's tag (every data-* but its own two) reads back as given.
    const engine = document.createElement('script');
    for (const { name, value } of Array.from(start.attributes)) if (name !== ENGINE_ATTR && name !== ENGINE_INTEGRITY_ATTR) engine.setAttribute(name, value);
    expect({ ...readInput(engine, undefined) }).toEqual({ googleAds: 'AW-1', privacyUrl: '/personvern/' });
  });

  it('writes the hash of the one face the start may preload: the owner’s language, else bokmål; none in the single tag', () => {
    const file = { ...FILE, faces: { nb: 'sha384-nb', nn: 'sha384-nn', en: 'sha384-en' } };
    const faceHashes = (paste: string) => (parsed(paste)[0]!.getAttributeNames().filter((n) => n.startsWith(`${ENGINE_ATTR}-face-`)) as string[]).map((n) => [n, parsed(paste)[0]!.getAttribute(n)]);
    expect(faceHashes(pasteTag({}, file, START))).toEqual([[faceHashAttr('nb'), 'sha384-nb']]);
    expect(faceHashes(pasteTag({ lang: 'en' }, file, START))).toEqual([[faceHashAttr('en'), 'sha384-en']]);
    expect(faceHashes(pasteTag({}, FILE, START))).toEqual([]);
    expect(pasteTag({}, file)).toBe(pasteTag({}, FILE));
  });

  it('cannot be ended early by its own text: the script holds the whole start, the same code', () => {
    const [start] = parsed(pasteTag({}, FILE, START)) as [HTMLScriptElement];
    expect(start.text).not.toMatch(/<\/script|<!--/i);
    // Run as JavaScript, the escaped text gives the same string.
    const scope: { __start?: string } = {};
    new Function('window', start.text)(scope);
    expect(scope.__start).toBe('</script><script>alert(1)</script> <!-- </SCRIPT');
  });

  it('is the single tag for strict, which only the synchronous tag keeps from the first script on', () => {
    expect(pasteTag({ strict: true }, FILE, START)).toBe(pasteTag({ strict: true }, FILE));
    expect(pasteTag({ strict: 'true' }, FILE, START)).toContain(`src="${FILE.src}"`);
  });
});

describe('settingsFromArgs', () => {
  it('reads one flag per attribute setting, named as its attribute, and returns the rest', () => {
    expect(settingsFromArgs(['--google-ads', 'AW-1', '--sync', '--privacy-url', '/p/', '--base', 'https://x/'])).toEqual({ settings: { googleAds: 'AW-1', privacyUrl: '/p/' }, rest: ['--sync', '--base', 'https://x/'] });
    expect(settingFlags()).toHaveLength(Object.values(SETTINGS).filter((s) => 'attribute' in s).length);
    expect(settingFlags()).toContain('--validity-days');
    expect(() => settingsFromArgs(['--lang'])).toThrow('--lang needs a value');
  });
});

describe('scriptFile', () => {
  it('points each hosting choice at a file that exists, with that file’s hash', () => {
    // The faces beside the engine, whose hashes the inline form carries for its preload; none beside the one file, which has them in it.
    const faces = { nb: 'sha384-nb' };
    expect(scriptFile('pages', RELEASE, '')).toEqual({ src: 'https://stressfri.github.io/samtykke/v/1.2.3/samtykke.js', integrity: 'sha384-engine', faces });
    expect(scriptFile('cdn', RELEASE, '')).toEqual({ src: 'https://cdn.jsdelivr.net/npm/samtykke@1.2.3/dist/samtykke.js', integrity: 'sha384-engine', faces });
    expect(scriptFile('file', RELEASE, 'https://www.example.no/filer')).toEqual({ src: 'https://www.example.no/filer/samtykke.full.js', integrity: 'sha384-full' });
    expect(scriptFile('folder', RELEASE, '/filer/')).toEqual({ src: '/filer/samtykke.js', integrity: 'sha384-engine', faces });
  });

  it('names the folder’s files as the tag may fetch them: not the one-file build, the pasted start nor the bundlers’ module', () => {
    expect(folderFiles(RELEASE)).toEqual(['samtykke.js', 'samtykke-face.nb.js', 'samtykke-help.js']);
  });
});
