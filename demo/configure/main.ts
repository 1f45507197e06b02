/**
 * The configurator: form → the owner's input → the exact install code, checked by the
 * script's own validate() and shown live in a preview.
 */
import { inBokmal } from './bokmal';
import { findIntegrity, releaseFolder, type Integrity } from './integrity';
import { check, type FieldMessage } from './messages';
import { COLOUR_KEYS, generate, installCode, scriptSrc, type ColourKey, type FormState } from './model';
import { previewDocument } from './preview';
import { readService, serviceFieldset } from './services';
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
const integrityNote = document.querySelector<HTMLParagraphElement>('#integrity-msg')!;
const cdnChoice = document.querySelector<HTMLInputElement>('input[name="hosting"][value="cdn"]')!;
let integrity: Integrity | null = null;
/** The form speaks bokmål (or nynorsk): the script's messages are shown in bokmål too. */
const norwegian = /^n[bno]\b/.test(document.documentElement.lang);

// The demo's stand-in also guards this page; the preview itself is walled off by its CSP.
void registerStandIn();
buildColourFields();

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

/** A top-level field by id (service fieldsets reuse names such as privacyUrl), or the checked radio. */
function value(name: string): string {
  const el = document.getElementById(name);
  if (el instanceof HTMLInputElement && el.type === 'checkbox') return el.checked ? 'true' : '';
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) return el.value;
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

function state(): FormState {
  return {
    hosting: value('hosting') === 'self' ? 'self' : 'cdn',
    selfUrl: value('selfUrl'),
    googleAds: value('googleAds'),
    googleAnalytics: value('googleAnalytics'),
    metaPixel: value('metaPixel'),
    strict: value('strict') === 'true',
    logUrl: value('logUrl'),
    privacyUrl: value('privacyUrl'),
    lang: value('lang') as FormState['lang'],
    reopen: value('reopen') as FormState['reopen'],
    theme: Object.fromEntries(COLOUR_KEYS.map((k) => [k, value(`theme-${k}`)])) as Record<ColourKey, string>,
    services: Array.from(servicesBox.querySelectorAll<HTMLFieldSetElement>('fieldset.service')).map(readService),
  };
}

/** Where a message goes: next to its field, in its service's box, or in the general list. */
function targetOf(m: FieldMessage): { msg: HTMLElement; input: HTMLElement | null } {
  const service = /^services\[(\d+)\](?:\.(\w+))?/.exec(m.field);
  if (service) {
    const set = servicesBox.querySelectorAll<HTMLFieldSetElement>('fieldset.service')[Number(service[1])];
    if (set) return { msg: set.querySelector('.msg')!, input: service[2] ? set.querySelector(`[name="${service[2]}"]`) : null };
  }
  const theme = /^theme\.(\w+)$/.exec(m.field);
  const id = theme ? `theme-${theme[1]}` : m.field === 'services' ? 'services' : m.field;
  const msg = id ? document.getElementById(`${id}-msg`) : null;
  return msg ? { msg, input: document.getElementById(id) } : { msg: general, input: null };
}

function show(messages: FieldMessage[]): void {
  for (const el of document.querySelectorAll('.msg')) el.replaceChildren();
  general.replaceChildren();
  for (const el of document.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const m of messages) {
    const { msg, input } = targetOf(m);
    const line = document.createElement('span');
    line.className = m.level;
    line.dataset.field = m.field;
    line.textContent = `${m.level === 'error' ? 'Feil' : 'Merk'}: [samtykke] ${(norwegian && inBokmal(m.text)) || m.text}`;
    if (msg.childNodes.length) msg.append(document.createElement('br'));
    msg.append(line);
    if (input && m.level === 'error') input.setAttribute('aria-invalid', 'true');
  }
}

let timer = 0;
function update(): void {
  const s = state();
  const g = generate(s);
  const siteUrl = value('siteUrl') || 'https://www.example.no/';
  let messages: FieldMessage[];
  try {
    messages = check(g.input, siteUrl);
  } catch {
    messages = [{ level: 'error', field: 'siteUrl', text: 'siteUrl: skriv hele adressen til nettstedet ditt, f.eks. https://www.dittnettsted.no/' }];
  }
  show(messages);
  code.textContent = installCode(g, scriptSrc(s, integrity?.version ?? null), integrity?.value ?? null);
  // The preview reloads only when typing pauses; a reload per keystroke would flicker.
  clearTimeout(timer);
  timer = window.setTimeout(() => {
    preview.srcdoc = previewDocument(g, new URL('samtykke.js', releaseFolder()).href, siteUrl);
  }, 300);
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
  const done = document.querySelector('#copied')!;
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
    done.textContent = 'Kopiert.';
  } catch {
    // Clipboard needs permission in some browsers: select the code so Ctrl+C works.
    getSelection()?.selectAllChildren(code);
    done.textContent = 'Merket — trykk Ctrl+C.';
  }
});

form.addEventListener('input', update);
form.addEventListener('change', update);
form.addEventListener('submit', (e) => e.preventDefault());

// The hash of the built file (sri.json, or computed here); the tag can be made before it is known.
void findIntegrity().then((found) => {
  integrity = found;
  integrityNote.textContent = found.note;
  // jsDelivr needs the exact version, which only sri.json tells.
  cdnChoice.disabled = !found.version;
  if (cdnChoice.disabled && cdnChoice.checked) form.querySelector<HTMLInputElement>('input[name="hosting"][value="self"]')!.checked = true;
  update();
});

update();
