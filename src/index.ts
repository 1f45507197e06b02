// The bundler build: importing samtykke starts it (with window.samtykkeConfig) and hands back the API.
import { start } from './main';
import { createFace } from './ui/face';

export const samtykke = start(createFace);
export type { SamtykkeApi, SamtykkeEvent, SamtykkeListener } from './api';
export type { ConsentState, ConsentSummary } from './core/view';
export type { ConsentRecord } from './consent/record';
export type { Signals, SignalName } from './consent/signals';
export type { Config, CookieInfo, Lang, LocalText, OptionalPurpose, Purpose, Service, Theme } from './config/types';

declare global {
  interface Window {
    /** samtykke's API, present once the tag has run. */
    samtykke?: import('./api').SamtykkeApi;
  }
}
