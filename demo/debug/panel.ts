import type { Lang } from '../../src/config/types';
import type { StandInState } from '../standin/register';
import { loggedEntries } from './consent-log';
import { h, replace } from './dom';
import { consentEntries, observe, pageCookies, type PageWindow } from './observe';
import { readSettings, saveSettings, SCHEMES, type SchemeName } from './settings';
import { PANEL_CSS } from './style';

const STANDIN_TEXT: Record<StandInState | 'starting', string> = {
  starting: 'starter …',
  active: 'aktiv — Googles verter besvares lokalt',
  real: 'AV — forespørsler går til ekte Google (?real=0 for å skru på igjen)',
  unsupported: 'ikke støttet i denne nettleseren',
  failed: 'fikk ikke kontroll (hard reload?) — last siden vanlig på nytt',
};

/**
 * The demo's debug panel. It lives in the page (outside samtykke's shadow root) and only in the
 * demo; it never changes the consent itself except through `window.samtykke`, like an owner would.
 */
export function mountPanel(standIn: Promise<StandInState>): void {
  const w = window as PageWindow;
  const settings = readSettings();
  const open = sessionStorage.getItem('samtykke-demo-panel') !== 'closed';

  const status = h('p', { class: 'sd-status' });
  const record = h('pre', { class: 'sd-pre', 'data-demo': 'record' });
  const cookies = h('ul', { 'data-demo': 'cookies' });
  const layer = h('ul', { 'data-demo': 'datalayer' });
  const scripts = h('ul', { 'data-demo': 'blocked' });
  const requests = h('ol', { 'data-demo': 'google' });
  const logged = h('ol', { 'data-demo': 'consent-log' });
  let standInState: StandInState | 'starting' = 'starting';

  const lang = h('select', { 'aria-label': 'Språk' }, ...(['', 'nb', 'nn', 'en'] as const).map((l) => option(l, l || 'auto (<html lang>)', settings.lang === l || (!l && !settings.lang))));
  lang.addEventListener('change', () => {
    saveSettings({ ...readSettings(), lang: (lang.value || undefined) as Lang | undefined });
    location.reload();
  });
  const scheme = h('select', { 'aria-label': 'Fargeskjema' }, ...(Object.keys(SCHEMES) as SchemeName[]).map((s) => option(s, s, (settings.scheme ?? 'standard') === s)));
  scheme.addEventListener('change', () => {
    const name = scheme.value as SchemeName;
    saveSettings({ ...readSettings(), scheme: name, theme: SCHEMES[name].theme, dark: SCHEMES[name].dark });
    location.reload();
  });
  const reset = h('button', { type: 'button' }, 'Nullstill valget');
  reset.addEventListener('click', () => w.samtykke?.reset());
  const accept = h('button', { type: 'button' }, 'Godta alle');
  accept.addEventListener('click', () => w.samtykke?.acceptAll());
  const reject = h('button', { type: 'button' }, 'Avvis alle');
  reject.addEventListener('click', () => w.samtykke?.rejectAll());
  // The owner's self-check, as an owner opens it with ?samtykke=sjekk on their own site.
  const check = h('button', { type: 'button' }, 'Eierens sjekk');
  check.addEventListener('click', () => w.samtykke?.check());

  const details = h(
    'details',
    open ? { open: '' } : {},
    h('summary', {}, 'samtykke · demo'),
    status,
    h('div', { class: 'sd-buttons' }, reset, accept, reject, check),
    h('div', { class: 'sd-buttons' }, h('label', {}, 'Språk ', lang), h('label', {}, 'Farger ', scheme)),
    section('Valget (samtykke.get())', record),
    section('Informasjonskapsler på siden', cookies),
    section('dataLayer: samtykke og Google-kommandoer', layer),
    section('Tilbakeholdte skript', scripts),
    section('Forespørsler til Google (stand-in)', requests),
    section('Samtykkeloggen (mottakeren på /v1/consents), nyeste først', logged),
  );
  details.addEventListener('toggle', () => sessionStorage.setItem('samtykke-demo-panel', details.open ? 'open' : 'closed'));

  const panel = h('aside', { id: 'samtykke-demo-panel', 'aria-label': 'Demo-panel for samtykke' }, h('style', {}, PANEL_CSS), details);
  document.body.append(panel);

  const observed = observe(render);
  void standIn.then((s) => {
    standInState = s;
    render();
  });

  function render(): void {
    status.textContent = `Google-stand-in: ${STANDIN_TEXT[standInState]}`;
    status.dataset.state = standInState;
    const state = w.samtykke?.get();
    if (!w.samtykke) record.textContent = 'window.samtykke finnes ikke (se konsollen).';
    else if (!state) record.textContent = 'Ingen valg ennå: banneret spør.';
    else {
      const choices = Object.entries(state.choices).map(([p, v]) => `${p}: ${v ? 'ja' : 'nei'}`).join(', ');
      record.replaceChildren(`${choices || 'bare nødvendige'}\n${state.time} · id ${state.id} · revisjon ${state.revision}\n`, h('details', {}, h('summary', {}, 'hele posten'), JSON.stringify(state, null, 1)));
    }
    list(cookies, pageCookies(), 'ingen');
    list(layer, consentEntries(), 'tom');
    list(scripts, observed.blocked.map((b) => `${released(b.el) ? 'KJØRT ' : 'venter'} [${b.purposes}] ${b.label}`), 'ingen på denne siden');
    list(
      requests,
      observed.google.map((g) => `${relative(g.at, observed.decisionAt, observed.decisionStored, readAhead(g.url))}  ${shorten(g.url)}`),
      'ingen — Google har ikke fått noe fra denne siden',
    );
  }

  render();
  window.addEventListener('samtykke:ready', render);
  // Cookies change without events (gtag sets them), so look again now and then while open.
  setInterval(() => details.open && render(), 700);

  // The log is read as it fills: each entry arrives after the paint that follows a choice.
  let reading = false;
  const readLog = () => {
    if (reading || !details.open) return;
    reading = true;
    loggedEntries()
      .then(
        (entries) => (entries ? list(logged, entries, 'ingen ennå') : logged.closest('section')?.remove()),
        (error: unknown) => list(logged, [`kunne ikke lese loggen: ${String(error)}`], ''),
      )
      .finally(() => (reading = false));
  };
  readLog();
  setInterval(readLog, 1000);
}

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  return h('option', selected ? { value, selected: '' } : { value }, text);
}

function section(title: string, body: HTMLElement): HTMLElement {
  return h('section', {}, h('h3', {}, title), body);
}

function list(el: HTMLElement, items: string[], empty: string): void {
  replace(el, ...(items.length ? items.map((t) => h('li', {}, t)) : [h('li', { class: 'sd-empty' }, empty)]));
}

function relative(at: number, decisionAt: number | null, stored: boolean, readAhead: boolean): string {
  if (decisionAt === null || at < decisionAt) return readAhead ? 'før valg: nettleseren leste i forveien, koden ble holdt tilbake' : 'FØR VALG!';
  return `+${at - decisionAt} ms etter ${stored ? 'sidelasting (lagret valg)' : 'valget'}`;
}

/**
 * A fetch, before the choice, of a script that is in the page's HTML: Chromium's preload
 * scanner reads the HTML ahead of every script, so it fetches the pasted tag that samtykke
 * then holds back (and releases later, as a new element with the same src).
 */
function readAhead(url: string): boolean {
  return Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]')).some((s) => s.src === url);
}

/** A held script is replaced by a new one when it runs; a held frame or image gets its src back. */
function released(el: Element): boolean {
  return el instanceof HTMLScriptElement ? !el.isConnected : el.hasAttribute('src');
}

function shorten(url: string): string {
  const u = new URL(url);
  const query = u.search.length > 60 ? u.search.slice(0, 57) + '…' : u.search;
  return u.hostname + u.pathname + query;
}
