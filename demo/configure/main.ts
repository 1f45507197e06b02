/**
 * The configurator: form → the owner's settings → the exact paste (tag.ts, the same function
 * the `npm run -s tag` command uses), checked by the script's own validate() and shown live in
 * a preview.
 */
import { embedPresets } from '../../src/config/presets';
import { showAddress } from './address-lines';
import { addressErrors, SITE_HINT, siteAddress } from './addresses';
import { ENGINE, folderFiles, ONE_FILE, scriptFile, type Hosting, type Release } from './hosting';
import { explainIds } from './ids';
import { check, type FieldMessage } from './messages';
import { COLOUR_KEYS, settingsOf, validatorInput, type ColourKey, type FormState } from './model';
import { previewDocument } from './preview';
import { localFolder, onNpm, startText, thisRelease, version } from './release';
import { readService, serviceFieldset } from './services';
import { pasteTag } from './tag';
import { wording } from './wording';
import { registerStandIn } from '../standin/register';

const COLOUR_LABELS: Record<ColourKey, string> = {
  accent: 'Knappefarge',
  accentText: 'Tekst på knapper',
  background: 'Bakgrunn',
  text: 'Tekst',
};

const form = document.querySelector<HTMLFormElement>('#form')!;
const servicesBox = document.querySelector<HTMLDivElement>('#services')!;
const code = document.querySelector<HTMLPreElement>('#code')!;
const general = document.querySelector<HTMLDivElement>('#general-msg')!;
const preview = document.querySelector<HTMLIFrameElement>('#preview')!;
const releaseNote = document.querySelector<HTMLParagraphElement>('#release-msg')!;
const cdnNote = document.querySelector<HTMLParagraphElement>('#cdn-msg')!;
const cdnChoice = document.querySelector<HTMLInputElement>('input[name="hosting"][value="cdn"]')!;
const own = document.querySelector<HTMLDivElement>('#own')!;
const ownFiles = document.querySelector<HTMLDivElement>('#own-files')!;
const checkLink = document.querySelector<HTMLAnchorElement>('#check-link')!;
const copied = document.querySelector<HTMLSpanElement>('#copied')!;
const technical = document.querySelector<HTMLDetailsElement>('#technical')!;
/** The page's example link, shown until the owner's address can be read. */
const exampleCheck = checkLink.href;
/** What the engine's checks are run against until the owner's address is given. */
const EXAMPLE_SITE = new URL('https://www.example.no/');
/** The errors of the form as it stands: while there are any, the code is not copied. */
let errors: FieldMessage[] = [];
/** The code for the form as it stands, shown (and copied) only while there are no errors. */
let tag = '';
/** Until this version's sri.json is read, the tag has its address but no hash. */
let release: Release = { version, files: {} };
/** This version's inline start, once read and checked: until then (or without it) the paste is the single tag. */
let start: string | null = null;
/** The form speaks bokmål (or nynorsk): the script's messages are shown in bokmål too. */
const norwegian = /^n[bno]\b/.test(document.documentElement.lang);

// The demo's stand-in also guards this page; the preview itself is walled off by its CSP.
void registerStandIn();
buildColourFields();
buildEmbedFields();

function buildColourFields(): void {
  const box = document.querySelector<HTMLFieldSetElement>('#colours')!;
  for (const key of COLOUR_KEYS) {
    const field = document.createElement('div');
    field.className = 'field';
    const id = `theme-${key}`;
    field.innerHTML = `<label for="${id}">${COLOUR_LABELS[key]}</label><div class="colour"><input type="color" aria-label="Velg ${COLOUR_LABELS[key].toLowerCase()}" data-for="${id}"><span class="standard" aria-hidden="true">standard</span><input id="${id}" name="${id}" placeholder="standard" aria-describedby="${id}-msg"></div><p class="msg" id="${id}-msg" aria-live="polite"></p>`;
    const [picker, text] = Array.from(field.querySelectorAll('input')) as [HTMLInputElement, HTMLInputElement];
    // An empty field means the built-in colour, which a colour input cannot show (it would say
    // black): the picker is dimmed and "standard" shown until a colour is chosen or typed.
    const sync = () => {
      const empty = !text.value.trim();
      field.classList.toggle('is-standard', empty);
      if (/^#[0-9a-f]{6}$/i.test(text.value.trim())) picker.value = text.value.trim();
    };
    // The picker is a convenience; the text field is the value (it also takes names and rgb()).
    picker.addEventListener('input', () => {
      text.value = picker.value;
      sync();
      update();
    });
    text.addEventListener('input', sync);
    sync();
    box.append(field);
  }
}

/** One box per embed the engine knows (its presets), named as the banner names it. */
function buildEmbedFields(): void {
  const help = document.querySelector('#embeds-help')!;
  for (const preset of embedPresets) {
    const label = document.createElement('label');
    label.className = 'inline';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'embeds';
    box.value = preset.id;
    label.append(box, ` ${preset.name}`);
    help.before(label);
  }
}

/** A top-level field by id (service fieldsets reuse names such as privacyUrl), or the checked radio. */
function value(name: string): string {
  const el = document.getElementById(name);
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked ? 'true' : '';
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) return el.value;
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

function state(): FormState {
  return {
    hosting: value('hosting') as Hosting,
    ownFolder: value('ownFolder'),
    googleAds: value('googleAds'),
    googleAnalytics: value('googleAnalytics'),
    metaPixel: value('metaPixel'),
    embeds: Array.from(form.querySelectorAll<HTMLInputElement>('input[name="embeds"]:checked'), (box) => box.value),
    strict: value('strict') === 'true',
    logUrl: value('logUrl'),
    privacyUrl: value('privacyUrl'),
    lang: value('lang') as FormState['lang'],
    reopen: value('reopen') as FormState['reopen'],
    theme: Object.fromEntries(COLOUR_KEYS.map((k) => [k, value(`theme-${k}`)])) as Record<ColourKey, string>,
    services: Array.from(servicesBox.querySelectorAll<HTMLFieldSetElement>('fieldset.service')).map(readService),
  };
}

/** Where a message goes: under its own field (`own`), in its service's box, or in the general list; and the input it marks. */
interface Target {
  readonly msg: HTMLElement;
  readonly input: HTMLElement | null;
  readonly own: boolean;
}

function targetOf(m: FieldMessage): Target {
  const service = /^services\[(\d+)\](?:\.(\w+))?/.exec(m.field);
  if (service) {
    const set = servicesBox.querySelectorAll<HTMLFieldSetElement>('fieldset.service')[Number(service[1])];
    if (set) return { msg: set.querySelector('.msg')!, input: service[2] ? set.querySelector(`[name="${service[2]}"]`) : null, own: false };
  }
  const theme = /^theme\.(\w+)$/.exec(m.field);
  const id = theme ? `theme-${theme[1]}` : m.field === 'services' ? 'services' : m.field;
  const msg = id ? document.getElementById(`${id}-msg`) : null;
  return msg ? { msg, input: document.getElementById(id), own: true } : { msg: general, input: null, own: false };
}

/**
 * What the owner calls the place of a message: its field's label, or its box's legend. Only
 * the label's own text: a label around a select would otherwise read out every option.
 */
function placeOf({ msg, input }: Target): string | undefined {
  const field = input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement ? input : null;
  const named = field?.labels?.[0] ?? msg.closest('fieldset')?.querySelector('legend');
  const text = named && Array.from(named.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : '')).join('');
  return text?.trim() || undefined;
}

function show(messages: FieldMessage[]): void {
  for (const el of document.querySelectorAll('.msg')) el.replaceChildren();
  general.replaceChildren();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const m of messages) {
    const target = targetOf(m);
    const { msg, input } = target;
    const text = wording(m, norwegian, target.own, placeOf(target));
    // The engine speaks once per wrong value ("aw 123456789" is two wrong ids); worded alike, said once.
    if (Array.from(msg.children, (el) => el.textContent).includes(text)) continue;
    const line = document.createElement('span');
    line.className = m.level;
    line.dataset.field = m.field;
    line.textContent = text;
    if (msg.childNodes.length) msg.append(document.createElement('br'));
    msg.append(line);
    if (input && m.level === 'error') input.setAttribute('aria-invalid', 'true');
  }
}

/** Where the errors are, as the owner calls the places: ` (Google Ads-ID, …)`, or nothing when no place has a name. */
function errorPlaces(): string {
  const places = [...new Set(errors.map((m) => placeOf(targetOf(m))).filter((p) => p !== undefined))];
  return places.length ? ` (${places.join(', ')})` : '';
}

/** What the owner uploads for a self-hosted choice, each file a download from this version's folder. */
function showOwnFiles(hosting: Hosting): void {
  own.hidden = hosting !== 'file' && hosting !== 'folder';
  const files = hosting === 'file' ? [ONE_FILE] : folderFiles(release);
  const list = document.createElement('ul');
  for (const file of files) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = new URL(file, localFolder()).href;
    link.download = file;
    link.textContent = file;
    item.append(link);
    list.append(item);
  }
  const lead = document.createElement('p');
  lead.textContent = hosting === 'file' ? `Last ned denne filen (versjon ${version}) og last den opp i mappen:` : `Last ned alle disse ${files.length} filene (versjon ${version}) og last dem opp i samme mappe, uten å endre navnene:`;
  ownFiles.replaceChildren(lead, list);
}

let timer = 0;
function update(): void {
  const s = state();
  const settings = settingsOf(s);
  const typedSite = value('siteUrl');
  const site = siteAddress(typedSite);
  const siteUrl = (site ?? EXAMPLE_SITE).href;
  const said = check(validatorInput(settings), siteUrl);
  const messages = [...explainIds(said, settings), ...addressErrors(s, said), ...(typedSite.trim() && !site ? [SITE_HINT] : [])];
  errors = messages.filter((m) => m.level === 'error');
  show(messages);
  // An error in the folded-away choices is shown: the owner cannot fix what she cannot see.
  if (errors.some((m) => technical.contains(targetOf(m).msg))) technical.open = true;
  // What the status said was about the form as it was.
  copied.textContent = '';
  showOwnFiles(s.hosting);
  // The inline form first; the single tag when the owner asks for it (a CSP without inline scripts).
  tag = pasteTag(settings, scriptFile(s.hosting, release, s.ownFolder), value('form') === 'sync' ? null : start);
  // Code with an error would go onto her site as it is (an id that loads nothing, say), so it is
  // not there to select by hand either: the box says what to fix, and the code is back once it is.
  code.textContent = errors.length ? `Koden kommer her når du har rettet det som er merket «Feil»${errorPlaces()}.` : tag;
  code.classList.toggle('waiting', errors.length > 0);
  const selfCheck = new URL(site ?? exampleCheck);
  selfCheck.searchParams.set('samtykke', 'sjekk');
  showAddress(checkLink, selfCheck.href);
  // The preview reloads only when typing pauses; a reload per keystroke would flicker. The
  // first is drawn at once: nothing is being typed yet.
  const draw = () => (preview.srcdoc = previewDocument(settings, new URL(ENGINE, localFolder()).href, siteUrl));
  clearTimeout(timer);
  if (preview.srcdoc) timer = window.setTimeout(draw, 300);
  else draw();
}

let count = 0;
document.querySelector('#add-service')!.addEventListener('click', () => {
  const set = serviceFieldset(count++, update, () => {
    set.remove();
    renumber();
    update();
  });
  servicesBox.append(set);
  update();
});

function renumber(): void {
  servicesBox.querySelectorAll<HTMLFieldSetElement>('fieldset.service').forEach((set, i) => {
    set.dataset.index = String(i);
    set.querySelector('legend')!.textContent = `Tjeneste ${i + 1}`;
  });
  count = servicesBox.children.length;
}

document.querySelector('#copy')!.addEventListener('click', async () => {
  // No code with an error (see update()): she is told what to fix, in the status a screen reader
  // reads too. The button stays enabled, so it stays in the tab order and a click explains
  // itself. Hints and notes never stop a copy.
  if (errors.length) {
    copied.textContent = `Ikke kopiert: rett først det som er merket «Feil»${errorPlaces()}.`;
    return;
  }
  try {
    await navigator.clipboard.writeText(tag);
    copied.textContent = 'Kopiert.';
  } catch {
    // Clipboard needs permission in some browsers: select the code so the owner can copy it herself,
    // told how on a PC and on a phone (where there is no Ctrl).
    getSelection()?.selectAllChildren(code);
    copied.textContent = 'Koden er merket, men ikke kopiert. Trykk Ctrl+C (på Mac: Cmd+C), eller på mobilen: hold fingeren på den merkede koden og velg «Kopier».';
  }
});

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());

// The hashes of this version's files; the tag can be made before they are known.
void thisRelease().then(async (found) => {
  if (!found) {
    releaseNote.textContent = `Fant ikke filene til versjon ${version} her, så koden er uten kontrollnummeret som lar nettleseren sjekke filen. Den virker, men lag den heller på samtykke-prosjektets nettsted.`;
    cdnNote.textContent = 'jsDelivr kan ikke velges uten kontrollnummeret.';
    return;
  }
  release = found;
  start = await startText(found);
  releaseNote.textContent = `Koden gjelder versjon ${version}. Nettleseren sjekker at filen er nøyaktig den som ble gitt ut; kommer en ny versjon, lager du koden på nytt her.`;
  update();
  // jsDelivr only serves what is on npm: offered once this version is there.
  const there = await onNpm(found);
  cdnChoice.disabled = !there;
  cdnNote.textContent = there ? `Versjon ${version} ligger på jsDelivr og kan hentes derfra.` : `Versjon ${version} ligger ikke på jsDelivr ennå (den kommer dit når den er publisert på npm). Velg samtykke-prosjektets nettsted så lenge.`;
});

update();
