// The bundler build: importing samtykke starts it (with window.samtykkeConfig) and hands back the
// API. Like samtykke.full.js it carries the face, so a bundler needs nothing else. The owner's
// self-check is a chunk of its own (samtykke-check.mjs) that this module imports only when asked
// for (`?samtykke=sjekk`, `samtykke.check()`): an app that bundles samtykke carries it as a lazy
// chunk, never in the code every visitor runs.
import { start } from '../main';
import { helpFrom } from '../core/report';
import { MESSAGES } from '../help/messages';
import { logDecisions } from '../effects/log-sender';
import { createFace } from '../ui/create-face';
import { checkFrom } from '../check/open';
import type { SamtykkeApi } from '../api';
import type { SamtykkeInput } from '../config/types';

/**
 * The API, or `undefined`: on a server (SSR, no `window`) importing does nothing, and if
 * samtykke could not start it has said why in the console and holds everything optional back.
 * If the page already ran the samtykke tag, this is the tag's API.
 */
// A bundle's size is the site's own business: the console messages' texts travel in it.
helpFrom((done) => done(MESSAGES));
checkFrom((done) => void import('../check/run').then((check) => done(check.runCheck), () => done(undefined)));
export const samtykke: SamtykkeApi | undefined = typeof window === 'undefined' ? undefined : start({ face: (_lang, done) => done(createFace), log: (done) => done(logDecisions) });
export type { SamtykkeApi, SamtykkeEvent, SamtykkeListener } from '../api';
export type { ConsentState, ConsentSummary } from '../core/public-state';
export type { ConsentRecord } from '../consent/record';
export type { Signals, SignalName } from '../consent/signals';
export type { ConsentMode, CookieInfo, Lang, LocalText, OptionalPurpose, Purpose, ReopenPosition, SamtykkeInput, ServiceInput, Theme } from '../config/types';

declare global {
  interface Window {
    /** samtykke's API, present once the tag has run. */
    samtykke?: SamtykkeApi;
    /** The owner's settings, read once when samtykke starts: set it before samtykke runs. */
    samtykkeConfig?: SamtykkeInput;
  }
}
