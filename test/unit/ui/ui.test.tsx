import { fireEvent, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../../../src/config/validate';
import type { ConsentRecord } from '../../../src/consent/record';
import { createStore } from '../../../src/core/store';
import type { CookieStore } from '../../../src/storage/cookie';
import { drawReopen } from '../../../src/shell/reopen';
import { mountUi } from '../../../src/ui';
import { fill } from '../../../src/ui/text';

// By what they are, not by class: the banner is the one region, the reopen button the one
// button named only by its aria-label.
const BANNER = 'section[aria-labelledby]';
const REOPEN = 'button[aria-label]';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: 'n0nce' };

function setup(input: Record<string, unknown> = {}, saved: ConsentRecord | null = null) {
  let kept = saved;
  const cookie: CookieStore = { read: () => kept, write: (r) => void (kept = r), clear: () => void (kept = null) };
  const config = validate({ privacyUrl: '/personvern/', googleAds: 'AW-123456789', googleAnalytics: 'G-ABC1234567', ...input }, place);
  const store = createStore(config, cookie);
  // The reopen button is the engine's, drawn before the face mounts (as main.ts does).
  const reopen = config.reopen === 'none' ? null : drawReopen(config, store, 'nb', () => ui.open(), () => false)[0];
  const ui = mountUi(config, store, undefined, reopen);
  const root = document.querySelector('samtykke-ui')!.shadowRoot!;
  return { ui, store, root, reopen, q: within(root.querySelector<HTMLElement>('[lang]')!), banner: () => within(root.querySelector<HTMLElement>(BANNER)!) };
}

beforeEach(() => {
  document.body.innerHTML = '<main><h1>Side</h1><a href="#samtykke">Endre</a><div data-samtykke-declaration></div></main>';
  document.documentElement.lang = 'nb';
  // happy-dom's dialog is enough for state, but showModal may be missing or partial.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(() => {
  for (const host of document.querySelectorAll('samtykke-ui')) host.remove();
  vi.restoreAllMocks();
});

describe('mount', () => {
  it('puts its host first in <body>, with an open shadow root carrying lang', () => {
    const { root } = setup();
    expect(document.body.firstElementChild?.tagName).toBe('SAMTYKKE-UI');
    expect(root.querySelector('[lang]')!.getAttribute('lang')).toBe('nb');
  });

  it('maps the theme to --samtykke-* custom properties on the host', () => {
    setup({ theme: { accent: '#0b5cad', accentText: '#fff', radius: '0' } });
    const host = document.querySelector<HTMLElement>('samtykke-ui')!;
    expect(host.style.getPropertyValue('--samtykke-accent')).toBe('#0b5cad');
    expect(host.style.getPropertyValue('--samtykke-accent-text')).toBe('#fff');
    expect(host.style.getPropertyValue('--samtykke-radius')).toBe('0');
  });
});

describe('first layer', () => {
  it('names each purpose and Google, links the privacy notice and offers the three buttons', () => {
    const { q } = setup();
    const region = q.getByRole('region', { name: 'Informasjonskapsler' });
    expect(region.textContent).toContain('Statistikk');
    expect(region.textContent).toContain('Markedsføring');
    expect(region.textContent).toContain('Google');
    expect(within(region).getByRole('link').getAttribute('href')).toBe('/personvern/');
    expect(within(region).getAllByRole('button').map((b) => b.textContent)).toEqual(['Godta alle', 'Avvis alle', 'Tilpass']);
  });

  it('names each purpose’s services beside it, so a ticked YouTube shows before «Tilpass»', () => {
    const { banner } = setup({ googleAnalytics: undefined, embeds: 'youtube' });
    const items = banner()
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([expect.stringMatching(/^Markedsføring \(Google Ads og YouTube\): Måler/)]);
  });

  it('leaves Google out when no Google service is configured', () => {
    const { root } = setup({ googleAds: undefined, googleAnalytics: undefined, services: [{ id: 'x', name: 'X', purpose: 'analytics', provider: 'X AS', description: 'Teller', cookies: [] }] });
    expect(root.querySelector(BANNER)!.textContent).not.toContain('Google');
  });

  it('gives Accept and Reject the same class', () => {
    const { banner } = setup();
    expect(banner().getByText('Godta alle').className).toBe(banner().getByText('Avvis alle').className);
  });

  it('hides itself at once, then records the choice, announces it and focuses the reopen button', async () => {
    const { q, store, root, banner, reopen } = setup();
    expect(reopen!.hidden).toBe(true);
    fireEvent.click(banner().getByText('Avvis alle'));
    // The click only hides the banner, so the next frame can paint without waiting for the rest.
    expect(root.querySelector<HTMLElement>(BANNER)!.style.display).toBe('none');
    await vi.waitFor(() => expect(store.record?.choices).toEqual({ analytics: false, marketing: false }));
    expect(root.querySelector(BANNER)).toBeNull();
    expect(q.getByRole('status').textContent).toBe('Valget ditt er lagret.');
    expect(reopen!.hidden).toBe(false);
    expect((reopen!.getRootNode() as ShadowRoot).activeElement).toBe(reopen);
    // The one reopen button: the face draws none of its own.
    expect(root.querySelector(REOPEN)).toBeNull();
  });

  it('stores the choice at once when the page is left before the next frame', () => {
    const { store, banner } = setup();
    fireEvent.click(banner().getByText('Godta alle'));
    window.dispatchEvent(new Event('pagehide'));
    expect(store.record?.choices).toEqual({ analytics: true, marketing: true });
  });

  it('is not shown to a visitor who has decided', async () => {
    const { banner, store } = setup();
    fireEvent.click(banner().getByText('Godta alle'));
    await vi.waitFor(() => expect(store.record).not.toBeNull());
    for (const host of document.querySelectorAll('samtykke-ui')) host.remove();
    // The store keeps the record; a second mount (next page) sees it.
    const again = setup({}, store.record);
    expect(again.root.querySelector(BANNER)).toBeNull();
    expect(again.reopen!.hidden).toBe(false);
  });

  it('has no reopen button when reopen is none, and focuses the status instead', async () => {
    const { root, banner } = setup({ reopen: 'none' });
    fireEvent.click(banner().getByText('Godta alle'));
    await vi.waitFor(() => expect(root.activeElement).toBe(root.querySelector('[role=status]')));
    expect(root.querySelector(REOPEN)).toBeNull();
    expect(document.querySelectorAll('samtykke-ui')).toHaveLength(1);
  });
});

describe('preferences', () => {
  it('opens with optional switches off and necessary on and disabled, then saves the draft', () => {
    const { q, store, root } = setup();
    fireEvent.click(q.getByText('Tilpass'));
    expect(root.querySelector('dialog')!.open).toBe(true);
    const switches = [...root.querySelectorAll<HTMLInputElement>('input[role=switch]')];
    expect(switches.map((s) => [s.name, s.checked, s.disabled])).toEqual([
      ['necessary', true, true],
      ['analytics', false, false],
      ['marketing', false, false],
    ]);
    fireEvent.click(switches[2]!);
    expect(root.querySelector('dialog')!.textContent).toContain('På');
    fireEvent.click(q.getByText('Lagre valg'));
    expect(store.record?.choices).toEqual({ analytics: false, marketing: true });
  });

  it('shows the stored state each time it is reopened, by the API or for a settings link (the engine hears its click)', () => {
    const { ui, store, root } = setup();
    store.decide({ analytics: true });
    ui.open();
    expect(root.querySelector<HTMLInputElement>('input[name=analytics]')!.checked).toBe(true);
    root.querySelector('dialog')!.close();
    root.querySelector('dialog')!.open = false;
    store.decide({ analytics: false });
    ui.open(document.querySelector('a[href="#samtykke"]')!);
    expect(root.querySelector('dialog')!.open).toBe(true);
    expect(root.querySelector<HTMLInputElement>('input[name=analytics]')!.checked).toBe(false);
  });

  it('closed without a choice while the banner asks, with no opener to go back to, gives focus to the banner’s "Tilpass"', async () => {
    const { ui, root, banner } = setup();
    // Opened by a script (samtykke.open()) with focus nowhere: nothing to give it back to.
    ui.open();
    const dialog = root.querySelector('dialog')!;
    dialog.close();
    dialog.open = false;
    dialog.dispatchEvent(new Event('close'));
    // As when the preferences are opened from the banner: the banner still asks, and its way back to them has focus.
    await vi.waitFor(() => expect(root.activeElement).toBe(banner().getByText('Tilpass')));
  });

  it('builds its contents only when opened, then lists services with provider, privacy link and cookies', () => {
    const { root, ui } = setup();
    expect(root.querySelector('dialog')!.textContent).toBe('');
    ui.open();
    const text = root.querySelector('dialog')!.textContent!;
    for (const s of ['Google Ads', 'Google Analytics', 'Google Ireland Limited', '_gcl_*', '_ga_*', '90 dager', '2 år', 'ekomloven § 3-15']) expect(text).toContain(s);
    expect(root.querySelector('dialog a')!.getAttribute('href')).toBe('https://policies.google.com/technologies/partner-sites');
  });

  it("gives samtykke's own cookie the owner's validity period as its lifetime", () => {
    const { root, ui } = setup({ validityDays: 30 });
    ui.open();
    const row = [...root.querySelectorAll('dialog tr')].find((tr) => tr.querySelector('code')?.textContent === 'samtykke');
    expect([...row!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['samtykke', 'Lagrer valget ditt og når du tok det.', '30 dager']);
  });
});

describe('declaration', () => {
  it('renders tables after parsing and follows the store', async () => {
    const { store } = setup();
    const decl = document.querySelector('[data-samtykke-declaration]')!.shadowRoot!;
    expect(decl.querySelectorAll('table').length).toBe(3);
    expect(decl.textContent).toContain('Du har ikke gjort noe valg ennå.');
    const rec = store.decide({ marketing: true });
    expect(decl.textContent).toContain('Markedsføring: godtatt');
    expect(decl.textContent).toContain('Statistikk: avvist');
    expect(decl.textContent).toContain(rec.id);
  });
});

describe('fill', () => {
  it('swaps placeholders for nodes and never parses markup', () => {
    expect(fill('Les {privacy}.', { privacy: 'X' })).toEqual(['Les ', 'X', '.']);
    expect(fill('<b>{ukjent}</b>', {})).toEqual(['<b>', '{ukjent}', '</b>']);
  });
});
