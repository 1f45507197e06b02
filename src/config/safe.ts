import { ruled, type Input } from './fields';
import { COOKIE_NAME } from './settings';
import type { Config } from './types';

const NONE: Input = {};

/**
 * The settings samtykke holds the page with before (or instead of) the owner's: no services,
 * so every tracker the classifier knows is held and none is declared or can be granted, and
 * every other setting its default (basic Consent Mode: Google's tags wait too).
 */
export function safeConfig(nonce: string): Config {
  return {
    purposes: [],
    services: [],
    privacyUrl: null,
    lang: null,
    revision: '1',
    validityDays: ruled(NONE, 'validityDays'),
    cookieName: COOKIE_NAME,
    cookieDomain: null,
    mode: ruled(NONE, 'mode'),
    adsDataRedaction: ruled(NONE, 'adsDataRedaction'),
    urlPassthrough: ruled(NONE, 'urlPassthrough'),
    waitForUpdate: ruled(NONE, 'waitForUpdate'),
    reloadOnWithdraw: ruled(NONE, 'reloadOnWithdraw'),
    reopen: ruled(NONE, 'reopen'),
    strict: ruled(NONE, 'strict'),
    // Nothing is logged until the owner's settings say where.
    logUrl: null,
    texts: {},
    theme: {},
    nonce,
  };
}
