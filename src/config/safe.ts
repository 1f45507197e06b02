import { simpleSettings } from './fields';
import { COOKIE_NAME } from './settings';
import type { Config } from './types';

/**
 * The settings samtykke holds the page with before (or instead of) the owner's: no services,
 * so every tracker the classifier knows is held and none is declared or can be granted, and
 * every other setting its default (basic Consent Mode: Google's tags wait too). The owner's
 * settings (validate.ts) start from these.
 */
export function safeConfig(nonce: string): Config {
  return {
    purposes: [],
    services: [],
    privacyUrl: null,
    revision: '1',
    cookieName: COOKIE_NAME,
    cookieDomain: null,
    // Nothing is logged until the owner's settings say where.
    logUrl: null,
    texts: {},
    theme: {},
    nonce,
    ...simpleSettings({}),
  };
}
