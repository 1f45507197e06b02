/**
 * The configurator: form → the owner's input → the exact install code, checked by the
 * script's own validate() and shown live in a preview.
 */
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
let integrity: string | null = null;
let version: string | undefined;

// The demo's stand-in also guards this page; the preview itself is walled off by its CSP.
void registerStandIn();
buildColourFields();

function buildColourFields(): void {
  const box = document.querySelector<HTMLFieldSetElement>('#colours')!;
  for (const key of COLOUR_KEYS) {
    const field = document.createElement('div');
    field.className = 'field';
    const id = `theme-${key}`;
    field.innerHTML = `<label for="${id}">${COLOUR_LABELS[key]}</label><div class="colour"><input type="color" aria-label="Velg ${COLOUR_LABELS[key].toLowerCase()}" data-for="${id}"><input id="${id}" name="${id}" placeholder="#2f6f5e" aria-describedby="${id}-msg"></div><p class="msg" id="${id}-msg" aria-live="polite"></p>`;
    const [picker, text] = Array.from(field.querySelectorAll('input'));
    // The picker is a convenience; the text field is the value (it also takes names and rgb()).
    picker!.addEventListener('input', () => {
      text!.value = picker!.value;
      update();
    });
    box.append(field);
  }
}

/** A top-level field by id (service fieldsets reuse names such as privacyUrl), or the checked radio. */
function value(name: string): string {
  const el = document.getElementById(name);
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) return el.value;
  return form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';
}

function state(): FormState {
  return {
    hosting: value('hosting') === 'self' ? 'self' : 'cdn',
    selfUrl: value('selfUrl'),
    googleAds: value('googleAds'),
    googleAnalytics: value('googleAnalytics'),
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
    line.textContent = `${m.level === 'error' ? 'Feil' : 'Merk'}: [samtykke] ${m.text}`;
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
    messages = [{ level: 'error', field: 'siteUrl', text: 'siteUrl: give the full address of your site, e.g. https://www.stressfri.no/' }];
  }
  show(messages);
  code.textContent = installCode(g, scriptSrc(s, version), s.hosting === 'cdn' ? integrity : null);
  // The preview reloads only when typing pauses; a reload per keystroke would flicker.
  clearTimeout(timer);
  timer = window.setTimeout(() => {
    preview.srcdoc = previewDocument(g, new URL('/samtykke.js', location.href).href, siteUrl);
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

// The integrity hash of the file the build made; published files have the same hash.
fetch('/__samtykke/sri.json')
  .then((r) => (r.ok ? (r.json() as Promise<{ integrity?: unknown; version?: unknown }>) : null))
  .then((sri) => {
    integrity = typeof sri?.integrity === 'string' ? sri.integrity : null;
    version = typeof sri?.version === 'string' ? sri.version : undefined;
    update();
  })
  .catch(() => undefined);

update();
