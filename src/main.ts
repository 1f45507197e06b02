import { createApi, isOurs, type SamtykkeApi, type SamtykkeListener } from './api';
import { readGlobal, readInput } from './config/read';
import { safeConfig } from './config/safe';
import type { Config, OptionalPurpose } from './config/types';
import { validate } from './config/validate';
import { missingBuiltins, placementFixes, reportPlacement, withoutOptional } from './core/environment';
import { whenIdle, whenParsed } from './core/ready';
import { report, reportError } from './core/report';
import { createStore } from './core/store';
import { view } from './core/public-state';
import { activateBlocked } from './effects/activate';
import { announceChanges } from './effects/events';
import { consentDefault, googleConsentMode } from './effects/google';
import { defineGtag } from './effects/gtag';
import { guardGtag } from './effects/gtag-guard';
import { release, trusted } from './effects/inert';
import { holdTrackers, type Blocker } from './effects/hold';
import type { HoldSettings } from './effects/hold/types';
import { syncTabs } from './effects/tabs';
import { takePolicy } from './effects/trusted-types';
import { watchLeaks } from './effects/watch';
import { enforceWithdrawal } from './effects/withdraw';
import { visitorLang } from './i18n/lang';
import { DECLARATION_ATTR, OPENERS, PURPOSES_ATTR, purposesOf, READY_EVENT } from './markup';
import type { Parts } from './parts';
import { faceLife } from './shell/face-life';
import { startLog } from './shell/consent-log';
import { offerCheck } from './check/open';
import { drawReopen } from './shell/reopen';
import { cookieStore, type CookieStore } from './storage/cookie';
import { fromStart, ownWait } from './start/handoff';
import type { StartHandoff } from './start/protocol';

declare const __VERSION__: string;

type Host = Window & { samtykke?: SamtykkeApi; samtykkeConfig?: unknown };

/** A cookie jar that holds nothing: the safe settings', which no decision reaches. */
const NO_COOKIE: CookieStore = { read: () => null, write() {}, clear() {} };

/**
 * Starts samtykke, once per page. As the single tag, everything up to the UI runs synchronously
 * while the tag is parsed, so the Consent Mode default and the blocking are in place before any
 * later script in `<head>`. Loaded `async` by the inline start (src/start/), which did those
 * first, it takes over: its own blocker in place of the start's, then what the start held judged
 * with the owner's settings. Fails closed: the blocker holds every tracker it knows before
 * anything the owner wrote is read, so whatever fails below leaves them held.
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
  // A start of a version this engine does not read is left as it is: what it held stays held.
  const started = fromStart();
  const handoff = typeof started === 'object' ? started : null;
  // The blocker is installed once; the owner's settings take over by replacing `blocking`.
  let blocking: HoldSettings | undefined;
  let blocker: Blocker | undefined;
  let unwatched: unknown = null;
  try {
    // The start's hooks out and ours in, in one run of script: nothing loads in between.
    handoff?.uninstall();
  } catch {
    /* the start's hooks stay; ours go in over them, and both hold */
  }
  try {
    takePolicy(handoff?.policy);
    const safe = safeConfig(nonce);
    blocking = { config: safe, store: createStore(safe, NO_COOKIE), onFrame() {}, adopting: () => false };
    blocker = holdTrackers(() => blocking!);
  } catch (error) {
    unwatched = error;
  }
  /** Consent Mode's default with nothing granted, for a start that goes no further (its message says why). */
  const holdAll = (): undefined => {
    try {
      defineGtag();
      // The inline start sent it already.
      if (!started) consentDefault(safeConfig(nonce));
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
  // Loaded by the start, the start's place is what counts (the engine is async by design).
  const fixes = asTag && started !== 'unknown' ? placementFixes(script, handoff) : [];
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
    return wire(config, parts, script, !fixes.length, (settings) => (blocking = settings), started, blocker);
  } catch (error) {
    // The blocker holds what it held; nothing optional has been released by a decision here.
    reportError('error', 'start.failed', error);
    return undefined;
  }
}

/**
 * Wires the layers to the owner's settings: the store, the effects subscribed to it, the API,
 * and the face, asked for only when something must be shown (at once when the visitor must
 * decide, so it arrives while `<head>` is parsed; else when the visitor opens the preferences,
 * or a declaration or a held frame is on the page). `adopt`: a Google tag found in the page may
 * be asked about (never from a misplaced tag, which cannot hold it in time).
 */
function wire(
  config: Config,
  parts: Parts,
  script: HTMLScriptElement | null,
  adopt: boolean,
  hold: (settings: HoldSettings) => void,
  started: StartHandoff | 'unknown' | null,
  blocker: Blocker | undefined,
): SamtykkeApi {
  const handoff = typeof started === 'object' ? started : null;
  const store = createStore(config, cookieStore(config));
  const ran = new Set<OptionalPurpose>();
  const lang = visitorLang(config);
  let ready: Set<SamtykkeListener> | null = new Set();
  // Until the visitor is shown the banner or the reopen button, a Google tag found may still be asked about.
  let shown = false;
  // The one reopen button, the engine's, for the page's life, and how to draw it again.
  let reopen: HTMLElement | null = null;
  let redraw: (() => void) | undefined;

  // Once per page: the UI is in place (the face, the engine's reopen button, or as much as could be shown).
  const settle = () => {
    if (!ready) return;
    const waiting = ready;
    ready = null;
    for (const listener of waiting) api.on('ready', listener);
    window.dispatchEvent(new CustomEvent(READY_EVENT, { detail: view(store.record) }));
  };
  // Hidden while the banner asks for a decision, unless the face failed: then it is how to try again.
  const drawButton = () => {
    if (!reopen && config.reopen !== 'none') [reopen, redraw] = drawReopen(config, store, lang, () => api.open(), () => face.failing);
  };
  const face = faceLife(parts.face, lang, config, store, {
    mounting() {
      shown = true;
      // Drawn first, so the face's root, put first in <body> after it, comes first in the tab order.
      drawButton();
      return reopen;
    },
    changed: () => redraw?.(),
    settled: settle,
  });

  defineGtag();
  if (!started) consentDefault(config);
  else if (handoff) ownWait(handoff, config.waitForUpdate);
  // Only the synchronous tag sees every script from the first on.
  if (started && config.strict) report('error', 'start.strict');
  hold({
    config,
    store,
    onFrame(frame, tracker) {
      const purposes = purposesOf(frame);
      const choosable = frame.hasAttribute(PURPOSES_ATTR) && purposes.length > 0 && purposes.every((p) => (config.purposes as string[]).includes(p));
      // Its placeholder is the face's: drawn now, or once the face is here.
      face.holdFrame(frame, tracker, () => release(frame), choosable ? () => api.open() : null);
    },
    adopting: () => adopt && !shown,
  });
  if (handoff) blocker?.takeOver(handoff.held);
  // Warnings for the owner, about what was fetched before: nothing on the page waits for them.
  whenIdle(() => watchLeaks(config, store, script));
  guardGtag(config, store);
  googleConsentMode(config, store, ran);
  const activate = activateBlocked(config, store, ran);
  announceChanges(store);
  syncTabs(store, config.cookieName);
  startLog(config, store, parts.log, __VERSION__);
  offerCheck(config, store, script, trusted);
  // Last, so a reload it triggers comes after every other listener has seen the change.
  enforceWithdrawal(config, store, ran);

  const api = createApi(config, store, { open: () => face.open(), get ready() { return ready; } }, __VERSION__);
  try {
    (window as Host).samtykke = api;
  } catch (error) {
    reportError('error', 'api.taken', error);
  }
  // What the page asked of the start's queue, in order, now that there is an answer.
  for (const [name, args] of handoff?.calls ?? []) (api[name] as (...a: unknown[]) => unknown)(...args);

  if (store.needsDecision()) face.need();
  store.subscribe(() => store.needsDecision() && face.need());
  // The page's own settings links and buttons: the one listener, before the face is here and after.
  document.addEventListener('click', (e) => {
    const el = e.target instanceof Element ? e.target.closest(OPENERS) : null;
    if (!el) return;
    e.preventDefault();
    face.open(el);
  });
  whenParsed(() => {
    shown = true;
    // A Google tag found while parsing may have added a purpose no answer covers yet.
    if (store.needsDecision() || document.querySelector(`[${DECLARATION_ATTR}]`)) face.need();
    // A visitor who has chosen and only browses gets the reopen button without the face, after
    // the first paint (a face that mounts first draws it then); `samtykke:ready` says it is there.
    whenIdle(() => {
      drawButton();
      if (face.state !== 'loading' && face.state !== 'loaded') settle();
    });
  });
  whenParsed(activate);
  return api;
}
