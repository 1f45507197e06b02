import { createApi, isOurs, type SamtykkeApi, type SamtykkeListener } from './api';
import { readGlobal, readInput } from './config/read';
import { validate } from './config/validate';
import type { OptionalPurpose } from './config/types';
import { report } from './core/report';
import { missingBuiltins, placementFixes, reportPlacement, withoutOptional } from './core/environment';
import { whenBody, whenParsed } from './core/ready';
import { createStore, type ConsentStore } from './core/store';
import { view } from './core/view';
import { activateBlocked } from './effects/activate';
import { announceChanges } from './effects/events';
import { googleConsentMode } from './effects/google';
import { defineGtag } from './effects/gtag';
import { guardGtag } from './effects/gtag-guard';
import { holdTrackers } from './effects/hold';
import { logDecisions } from './effects/log';
import type { Tracker } from './config/trackers';
import type { Config } from './config/types';
import { PURPOSES_ATTR, purposesOf } from './markup';
import { watchLeaks } from './effects/watch';
import { syncTabs } from './effects/tabs';
import { enforceWithdrawal } from './effects/withdraw';
import { cookieStore } from './storage/cookie';

declare const __VERSION__: string;

/**
 * What the visitor sees, given to the engine so the engine never imports it: the banner and
 * the placeholders of held frames.
 */
export interface Face {
  /** Shows the banner (or only the reopen button) and returns how to open the preferences. */
  mount(store: ConsentStore): { open(): void };
  /** Puts a placeholder in place of a held frame; `show` loads it, `choose` opens the preferences. */
  holdFrame(frame: HTMLIFrameElement, tracker: Tracker | null, show: () => void, choose: (() => void) | null): void;
}

type Host = Window & { samtykke?: SamtykkeApi; samtykkeConfig?: unknown };

/**
 * Wires the layers, once per page. Everything up to the UI runs synchronously while the tag
 * is parsed, so the Consent Mode default and the blocking are in place before any later
 * script in `<head>`; the UI waits only for `<body>`.
 */
export function start(createFace: (config: Config) => Face, asTag = false): SamtykkeApi | undefined {
  const w = window as Host;
  let existing: unknown;
  try {
    existing = w.samtykke;
  } catch {
    /* a getter that throws is not ours */
  }
  // WN-03: a second copy of the tag must not add a second banner or a second default.
  if (isOurs(existing)) return existing;
  try {
    const missing = missingBuiltins();
    if (missing) {
      report('error', `an earlier script deleted or replaced ${missing}; samtykke cannot hold trackers without them, so nothing optional runs. Remove that script or load it after samtykke.`);
      return undefined;
    }
    const script = document.currentScript;
    // The one-tag build must run as the parser meets it; misplaced, it holds everything.
    const fixes = asTag ? placementFixes(script) : [];
    if (fixes.length) reportPlacement(fixes);
    const input = readInput(script, readGlobal(w));
    const config = validate(fixes.length ? withoutOptional(input) : input, {
      href: document.baseURI,
      hostname: location.hostname,
      nonce: (script as HTMLScriptElement | null)?.nonce ?? '',
    });
    const store = createStore(config, cookieStore({ name: config.cookieName, domain: config.cookieDomain, validityDays: config.validityDays }));
    const ran = new Set<OptionalPurpose>();
    const face = createFace(config);

    defineGtag();
    // Until the visitor is shown the banner (or the reopen button), a Google tag found in the page may still be asked about.
    let shown = false;
    try {
      const hold = holdTrackers(config, store, (frame, tracker) => {
        const purposes = purposesOf(frame);
        const choosable = frame.hasAttribute(PURPOSES_ATTR) && purposes.length > 0 && purposes.every((p) => (config.purposes as string[]).includes(p));
        face.holdFrame(frame, tracker, () => hold.show(frame), choosable ? () => api.open() : null);
      }, () => !shown);
    } catch (error) {
      // Marked-up blocking and Consent Mode still hold; only unmarked tags go unwatched.
      report('error', 'could not watch for unmarked tags; mark them up (see the README).', error);
    }
    watchLeaks(config, store, script);
    guardGtag(config, store);
    googleConsentMode(config, store, ran);
    const activate = activateBlocked(config, store, ran);
    announceChanges(store);
    syncTabs(store, config.cookieName);
    logDecisions(config, store, __VERSION__);
    // Last, so a reload it triggers comes after every other listener has seen the change.
    enforceWithdrawal(config, store, ran);

    let ui: { open(): void } | null = null;
    // A link's onclick or an owner script may ask before <body> exists; honour it once it does.
    let openWhenMounted = false;
    let ready: Set<SamtykkeListener> | null = new Set();
    const api = createApi(
      config,
      store,
      {
        open: () => (ui ? ui.open() : (openWhenMounted = true)),
        get ready() {
          return ready;
        },
      },
      __VERSION__,
    );
    try {
      w.samtykke = api;
    } catch (error) {
      report('error', 'window.samtykke is taken by another script; the API is not available (the banner works).', error);
    }

    const mount = () => {
      shown = true;
      try {
        ui = face.mount(store);
      } catch (error) {
        // The engine keeps working without a face; the visitor is simply not asked yet.
        return report('error', 'could not show the banner; nothing optional runs until a choice is made.', error);
      }
      if (openWhenMounted) ui.open();
      const waiting = ready!;
      ready = null;
      const state = view(store.record);
      for (const listener of waiting) api.on('ready', listener);
      window.dispatchEvent(new CustomEvent('samtykke:ready', { detail: state }));
    };
    // A visitor who must be asked sees the banner as soon as <body> opens; one who has chosen
    // needs only the reopen button, which can wait until the page is parsed instead of
    // holding up the parser.
    whenBody(() => (store.needsDecision() ? mount() : whenParsed(mount)));
    whenParsed(activate);
    return api;
  } catch (error) {
    // Nothing optional has been released at this point, so failing here fails closed.
    report('error', 'could not start; nothing optional will run. Please report this.', error);
    return undefined;
  }
}
