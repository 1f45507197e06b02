import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeConfig } from '../../../src/config/safe';
import { classify } from '../../../src/config/trackers';
import { validate } from '../../../src/config/validate';
import { createStore } from '../../../src/core/store';
import type { CookieStore } from '../../../src/storage/cookie';
import { createCheck } from '../../../src/effects/hold/check';
import { holdTrackers } from '../../../src/effects/hold';
import { release } from '../../../src/effects/inert';
import { isLiveLoader } from '../../../src/effects/hold/live';
import { mustWait } from '../../../src/effects/hold/policy';
import { heldFrame, observeParser, patchHtmlStrings, patchInsertion, patchSrc, stopBeforeScriptExecute } from '../../../src/effects/hold/patches';
import type { Uninstall } from '../../../src/effects/hold/types';

const place = { href: 'https://www.stressfri.no/', hostname: 'www.stressfri.no', nonce: '' };
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=AW-123456789';
const VIDEO = 'https://www.youtube.com/embed/abc';
const noCookie: CookieStore = { read: () => null, write: () => undefined, clear: () => undefined };

function setup(input: Record<string, unknown> = {}) {
  const config = validate({ privacyUrl: '/p/', googleAds: 'AW-123456789', embeds: 'youtube', ...input }, place);
  const store = createStore(config, noCookie);
  return { config, store, ...createCheck(() => ({ config, store, onFrame() {}, adopting: () => false })) };
}

// Every patch is taken out after its test, so one test's patch never changes the next one's DOM.
let installed: Uninstall[] = [];
const install = (undo: Uninstall) => void installed.push(undo);
afterEach(() => {
  installed.forEach((undo) => undo());
  installed = [];
  document.body.replaceChildren();
});

describe('the hold policy', () => {
  it('holds a declared tracker until its purpose is granted, and never a plain address', () => {
    const { config, store } = setup();
    expect(mustWait(classify(GTAG, config), config, store)?.service.id).toBe('google-ads');
    expect(mustWait(classify('https://cdn.example.no/app.js', config), config, store)).toBeNull();
    store.decide({ marketing: true, functional: true });
    expect(mustWait(classify(GTAG, config), config, store)).toBeNull();
  });

  it("lets Google's tags load in advanced mode, where they wait for the signals", () => {
    const { config, store } = setup({ mode: 'advanced' });
    expect(mustWait(classify(GTAG, config), config, store)).toBeNull();
  });

  it('treats a script whose type is not JavaScript as one that will not run', () => {
    const inert = document.createElement('script');
    inert.type = 'text/plain';
    const moduleScript = document.createElement('script');
    moduleScript.type = 'module';
    expect(isLiveLoader(inert)).toBe(false);
    expect(isLiveLoader(moduleScript)).toBe(true);
    // The old JavaScript types the HTML standard still runs.
    for (const type of ['text/jscript', 'text/livescript', 'application/x-javascript', 'TEXT/ECMAScript']) {
      const old = document.createElement('script');
      old.type = type;
      expect(isLiveLoader(old), type).toBe(true);
    }
    expect(isLiveLoader(document.createElement('div'))).toBe(false);
  });
});

describe('each patch point', () => {
  it('appendChild and append hold a tracker script before it is inserted', () => {
    const { checkTree } = setup();
    install(patchInsertion(checkTree));
    const script = document.createElement('script');
    script.setAttribute('src', GTAG);
    document.head.appendChild(script);
    expect(script.type).toBe('text/plain');
    expect(script.getAttribute('data-samtykke')).toBe('marketing');
    script.remove();
  });

  it('once uninstalled, insertion is the browser’s own again', () => {
    const { checkTree } = setup();
    patchInsertion(checkTree)();
    const script = document.createElement('script');
    script.setAttribute('src', GTAG);
    document.body.append(script);
    expect(script.hasAttribute('type')).toBe(false);
  });

  it('setting src (property or attribute) on a frame moves the address to data-src', () => {
    const { check } = setup();
    install(patchSrc(check));
    const byProperty = document.createElement('iframe');
    byProperty.src = VIDEO;
    const byAttribute = document.createElement('iframe');
    byAttribute.setAttribute('src', VIDEO);
    for (const frame of [byProperty, byAttribute]) {
      expect(frame.hasAttribute('src')).toBe(false);
      expect(frame.getAttribute('data-src')).toBe(VIDEO);
      expect(frame.getAttribute('data-samtykke')).toBe('marketing');
    }
    const plain = document.createElement('img');
    plain.setAttribute('src', 'https://www.stressfri.no/logo.png');
    expect(plain.getAttribute('src')).toBe('https://www.stressfri.no/logo.png');
  });

  it('innerHTML and insertAdjacentHTML insert a held copy of a tracker frame', () => {
    const { checkTree } = setup();
    install(patchHtmlStrings(checkTree));
    const box = document.createElement('div');
    box.innerHTML = `<p>Film</p><iframe src="${VIDEO}"></iframe>`;
    box.insertAdjacentHTML('beforeend', `<iframe src="${VIDEO}"></iframe>`);
    const frames = box.querySelectorAll('iframe');
    expect(frames).toHaveLength(2);
    for (const frame of frames) expect([frame.getAttribute('src'), frame.getAttribute('data-src')]).toEqual([null, VIDEO]);
    expect(box.querySelector('p')?.textContent).toBe('Film');
    box.innerHTML = '<b>plain</b>';
    expect(box.innerHTML).toBe('<b>plain</b>');
  });

  it('the parser watch hands each held frame to its placeholder once', async () => {
    const onFrame = vi.fn();
    install(observeParser(() => false, heldFrame(onFrame)));
    const frame = document.createElement('iframe');
    frame.setAttribute('data-samtykke', 'marketing');
    frame.setAttribute('data-src', VIDEO);
    document.body.append(frame);
    document.body.append(document.createElement('iframe'));
    await new Promise((r) => setTimeout(r));
    expect(onFrame).toHaveBeenCalledExactlyOnceWith(frame, VIDEO);
  });

  it('after the page is parsed, the watch checks a frame put in whole, but never a script, which has started already', async () => {
    const checked: string[] = [];
    install(
      observeParser((el) => {
        checked.push(el.localName);
        return false;
      }, () => undefined),
    );
    const box = document.createElement('div');
    box.append(document.createElement('script'), document.createElement('iframe'));
    // Put in by a means no patch covers (a Range), as a cloned or imported node can be.
    const range = document.createRange();
    range.selectNodeContents(document.body);
    range.insertNode(box.cloneNode(true));
    range.insertNode(document.createElement('script'));
    await new Promise((r) => setTimeout(r));
    expect(checked).toEqual(['div', 'iframe']);
  });

  it('beforescriptexecute is cancelled for a script the check holds', () => {
    install(stopBeforeScriptExecute((el) => el.id === 'tracker'));
    const fire = (id: string) => {
      const script = document.createElement('script');
      script.id = id;
      document.body.append(script);
      const event = new Event('beforescriptexecute', { bubbles: true, cancelable: true });
      script.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(fire('tracker')).toBe(true);
    expect(fire('own')).toBe(false);
  });
});

describe('the installer', () => {
  it('holds through every patch, shows one frame on request, and uninstalls', () => {
    const { config, store } = setup();
    const { uninstall } = holdTrackers(() => ({ config, store, onFrame() {}, adopting: () => false }));
    installed.push(uninstall);
    const frame = document.createElement('iframe');
    frame.src = VIDEO;
    expect(frame.getAttribute('data-src')).toBe(VIDEO);
    release(frame);
    expect([frame.getAttribute('src'), frame.hasAttribute('data-src'), frame.hasAttribute('data-samtykke')]).toEqual([VIDEO, false, false]);
    uninstall();
    installed = [];
    const later = document.createElement('iframe');
    later.setAttribute('src', VIDEO);
    expect(later.getAttribute('src')).toBe(VIDEO);
  });

  it('decides with the settings in force at each check: safe ones hold everything it knows, the owner\'s granted purpose lets it load', () => {
    const safe = safeConfig('');
    const owner = setup();
    let settings = { config: safe, store: createStore(safe, noCookie), onFrame() {}, adopting: () => false };
    installed.push(holdTrackers(() => settings).uninstall);
    const script = (src: string) => {
      const el = document.createElement('script');
      el.src = src;
      document.head.append(el);
      el.remove();
      return [el.type, el.getAttribute('data-samtykke'), el.getAttribute('data-samtykke-held')];
    };
    // Nothing declared yet: held as a service visitors were never told of, which no grant releases.
    expect(script(GTAG)).toEqual(['text/plain', null, 'marketing']);
    settings = { ...settings, config: owner.config, store: owner.store };
    expect(script(GTAG)).toEqual(['text/plain', 'marketing', null]);
    owner.store.decide({ marketing: true });
    expect(script(GTAG)).toEqual(['', null, null]);
  });
});
