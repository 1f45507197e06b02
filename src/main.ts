import { createApi, isOurs, type SamtykkeApi, type SamtykkeListener } from './api';
import { readGlobal, readInput } from './config/read';
import { validate } from './config/validate';
import type { OptionalPurpose } from './config/types';
import { report, reportError } from './core/report';
import { missingBuiltins, placementFixes, reportPlacement, withoutOptional } from './core/environment';
import { whenBody, whenParsed } from './core/ready';
import { createStore, type ConsentStore } from './core/store';
import { view } from './core/view';
import { activateBlocked } from './effects/activate';
import { announceChanges } from './effects/events';
import { consentDefault, googleConsentMode } from './effects/google';
import { defineGtag } from './effects/gtag';
import { guardGtag } from './effects/gtag-guard';
import { holdTrackers, type HoldSettings } from './effects/hold';
import { release } from './effects/held';
import type { Tracker } from './config/trackers';
import type { Config } from './config/types';
import { DECLARATION_ATTR, OPENERS, PURPOSES_ATTR, purposesOf } from './markup';
import { watchLeaks } from './effects/watch';
import { syncTabs } from './effects/tabs';
import { enforceWithdrawal } from './effects/withdraw';
import { cookieStore, type CookieStore } from './storage/cookie';
import { safeConfig } from './config/safe';
import { visitorLang } from './i18n/lang';
import type { CreateFace } from './shell/hook';
import type { FetchFace } from './shell/load';
import { startLog, type FetchLog } from './shell/log';
import { offerCheck } from './check/open';
import { drawReopen } from './shell/reopen';

declare const __VERSION__: string;

/**
 * What the visitor sees, handed to the engine (fetched as a second file, or bundled in the full
 * builds) so the engine never imports it: the banner and the placeholders of held frames.
 */
export interface Face {
  /**
   * Shows the banner when a decision is asked for and returns how to open the preferences;
   * after a choice focus goes to `reopen`, the engine's button (none when `reopen` is 'none').
   */
  mount(store: ConsentStore, reopen: HTMLElement | null): { open(): void };
  /** Puts a placeholder in place of a held frame; `show` loads it, `choose` opens the preferences. */
  holdFrame(frame: HTMLIFrameElement, tracker: Tracker | null, show: () => void, choose: (() => void) | null): void;
}

/** How the engine gets its parts: fetched beside the tag, or at hand (the one-file and bundler builds). */
export interface Parts {
  readonly face: FetchFace;
  readonly log: FetchLog;
}

type Host = Window & { samtykke?: SamtykkeApi; samtykkeConfig?: unknown };

/** A cookie jar that holds nothing: the safe settings', which no decision reaches. */
const NO_COOKIE: CookieStore = { read: () => null, write() {}, clear() {} };

/**
 * Wires the layers, once per page. Everything up to the UI runs synchronously while the tag
 * is parsed, so the Consent Mode default and the blocking are in place before any later
 * script in `<head>`. The face is asked for only when something must be shown: at once when
 * the visitor must decide (so it arrives while `<head>` is parsed), else when the visitor opens
 * the preferences, or a declaration or a held frame is on the page.
 */
export function start(parts: Parts, asTag = false): SamtykkeApi | undefined {
  const w = window as Host;
  let existing: unknown;
  try {
    existing = w.samtykke;
  } catch {
    /* a getter that throws is not ours */
  }
  // WN-03: a second copy of the tag must not add a second banner or a second default.
  if (isOurs(existing)) return existing;
  const script = document.currentScript as HTMLScriptElement | null;
  const nonce = script?.nonce ?? '';
  // Fail closed before anything the owner wrote is read: every tracker the classifier knows is
  // held (none declared, none granted), so whatever fails below leaves it held. The blocker is
  // installed once; the owner's settings take over by replacing `blocking` once they are read.
  let blocking: HoldSettings | undefined;
  let unwatched: unknown = null;
  try {
    const safe = safeConfig(nonce);
    blocking = { config: safe, store: createStore(safe, NO_COOKIE), onFrame() {}, adopting: () => false };
    holdTrackers(() => blocking!);
  } catch (error) {
    unwatched = error;
  }
  /** Consent Mode's default with nothing granted, for a start that goes no further (its message says why). */
  const holdAll = (): undefined => {
    try {
      defineGtag();
      consentDefault(safeConfig(nonce));
    } catch {
      /* the built-ins it needs may be what an earlier script broke; the message says so */
    }
  };
  const missing = missingBuiltins();
  // The missing built-in is what the blocker failed on: one message, naming the cause.
  if (missing) {
    report('error', 'page.builtins', missing);
    return holdAll();
  }
  if (unwatched) reportError('error', 'hold.unwatched', unwatched);
  // The tag must run as the parser meets it; misplaced, it holds everything and asks about nothing new.
  const fixes = asTag ? placementFixes(script) : [];
  if (fixes.length) reportPlacement(fixes);
  let config: Config;
  try {
    const input = readInput(script, readGlobal(w));
    config = validate(fixes.length ? withoutOptional(input) : input, { href: document.baseURI, hostname: location.hostname, nonce });
  } catch (error) {
    reportError('error', 'settings.unreadable', error);
    return holdAll();
  }
  try {
    const store = createStore(config, cookieStore(config));
    const ran = new Set<OptionalPurpose>();
    const frames: Parameters<Face['holdFrame']>[] = [];
    let face: Face | null = null;
    let ui: { open(): void } | null = null;
    let reopen: HTMLElement | null = null;
    // Draws the reopen button again, once it is there, when the face fails or mounts.
    let redraw: (() => void) | undefined;
    // From asking for the face until it is mounted (once <body> is there) or has failed: one attempt at a time.
    let pending = false;
    // A face that could not be had or mounted is tried again only when the visitor asks (one error,
    // not one per reason to show it); until it mounts, the reopen button shows even while a
    // decision is asked for, so a first-time visitor has something to ask with.
    let failed = false;
    // A link's onclick, the reopen button or an owner script may ask before the face is here;
    // the preferences open once it is.
    let openWhenMounted = false;
    let ready: Set<SamtykkeListener> | null = new Set();

    defineGtag();
    consentDefault(config);
    // Until the visitor is shown the banner or the reopen button, a Google tag found in the page
    // may still be asked about; never from a misplaced tag, which cannot hold it in time.
    let shown = false;
    blocking = {
      config,
      store,
      onFrame(frame, tracker) {
        const purposes = purposesOf(frame);
        const choosable = frame.hasAttribute(PURPOSES_ATTR) && purposes.length > 0 && purposes.every((p) => (config.purposes as string[]).includes(p));
        const args: Parameters<Face['holdFrame']> = [frame, tracker, () => release(frame), choosable ? () => api.open() : null];
        // Its placeholder is the face's: drawn now, or once the face is here.
        if (face) return face.holdFrame(...args);
        frames.push(args);
        need();
      },
      adopting: () => !shown && !fixes.length,
    };
    watchLeaks(config, store, script);
    guardGtag(config, store);
    googleConsentMode(config, store, ran);
    const activate = activateBlocked(config, store, ran);
    announceChanges(store);
    syncTabs(store, config.cookieName);
    startLog(config, store, parts.log, __VERSION__);
    offerCheck(config, store, script);
    // Last, so a reload it triggers comes after every other listener has seen the change.
    enforceWithdrawal(config, store, ran);

    const api = createApi(
      config,
      store,
      {
        open() {
          if (ui) return ui.open();
          openWhenMounted = true;
          need(true);
        },
        get ready() {
          return ready;
        },
      },
      __VERSION__,
    );
    try {
      w.samtykke = api;
    } catch (error) {
      reportError('error', 'api.taken', error);
    }

    // Once per page: the UI is in place (the face, the engine's reopen button, or as much as could be shown).
    const settle = () => {
      if (!ready) return;
      const waiting = ready;
      ready = null;
      const state = view(store.record);
      for (const listener of waiting) api.on('ready', listener);
      window.dispatchEvent(new CustomEvent('samtykke:ready', { detail: state }));
    };
    const lang = visitorLang(config);
    // The one reopen button, the engine's, for the page's life (hidden while the banner asks for a decision).
    const drawButton = () => {
      if (!reopen && config.reopen !== 'none') [reopen, redraw] = drawReopen(config, store, lang, () => api.open(), () => failed && !ui);
    };
    // Nothing optional has run without a choice; the visitor's next open tries again.
    const fail = () => {
      failed = true;
      redraw?.();
      settle();
    };
    const mount = () => {
      pending = false;
      shown = true;
      // Drawn first, so the face's root, put first in <body> after it, comes first in the tab order.
      drawButton();
      try {
        ui = face!.mount(store, reopen);
      } catch (error) {
        // The engine keeps working without a face; the visitor is simply not asked yet, and their
        // next open (reopen button, link, samtykke.open()) mounts it again.
        reportError('error', 'face.mount', error);
        return fail();
      }
      // The banner asks now: the reopen button hides while it does.
      redraw?.();
      if (openWhenMounted) ui.open();
      settle();
    };
    function need(asked = false) {
      if (ui || pending || (failed && !asked)) return;
      pending = true;
      // A face that came but could not be mounted is mounted again, not fetched again.
      if (face) mount();
      else
        parts.face(lang, (create: CreateFace | null) => {
          let problem: unknown;
          try {
            face = create ? create(config) : null;
          } catch (error) {
            problem = error;
          }
          if (!face) {
            pending = false;
            reportError('error', 'face.load', problem, lang);
            return fail();
          }
          for (const args of frames.splice(0)) face.holdFrame(...args);
          whenBody(mount);
        });
    }

    if (store.needsDecision()) need();
    store.subscribe(() => store.needsDecision() && need());
    document.addEventListener('click', (e) => {
      const el = !ui && e.target instanceof Element ? e.target.closest(OPENERS) : null;
      if (!el) return;
      e.preventDefault();
      api.open();
    });
    whenParsed(() => {
      shown = true;
      // A Google tag found while parsing may have added a purpose no answer covers yet.
      if (store.needsDecision() || document.querySelector(`[${DECLARATION_ATTR}]`)) need();
      // A visitor who has chosen and only browses gets the reopen button without the face.
      drawButton();
      if (!pending) settle();
    });
    whenParsed(activate);
    return api;
  } catch (error) {
    // The blocker holds what it held; nothing optional has been released by a decision here.
    reportError('error', 'start.failed', error);
    return undefined;
  }
}
