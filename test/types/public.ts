/**
 * types/samtykke.d.ts is kept by hand so the package ships the public surface only. This file
 * makes the typecheck fail when it drifts from the source: every public type must be the same
 * both ways (each assignable to the other). Its own program (test/types/tsconfig.json), because
 * both declare the same `window` properties.
 */
import type * as Published from '../../types/samtykke';
import type * as Api from '../../src/api';
import type * as Config from '../../src/config/types';
import type * as Record from '../../src/consent/record';
import type * as Signals from '../../src/consent/signals';
import type * as View from '../../src/core/view';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const same: [
  Same<Published.Purpose, Config.Purpose>,
  Same<Published.OptionalPurpose, Config.OptionalPurpose>,
  Same<Published.Lang, Config.Lang>,
  Same<Published.LocalText, Config.LocalText>,
  Same<Published.ReopenPosition, Config.ReopenPosition>,
  Same<Published.ConsentMode, Config.ConsentMode>,
  Same<Published.CookieInfo, Config.CookieInfo>,
  Same<Published.Theme, Config.Theme>,
  Same<Published.ServiceInput, Config.ServiceInput>,
  Same<Published.SamtykkeInput, Config.SamtykkeInput>,
  Same<Published.SignalName, Signals.SignalName>,
  Same<Published.Signals, Signals.Signals>,
  Same<Published.ConsentRecord, Record.ConsentRecord>,
  Same<Published.ConsentSummary, View.ConsentSummary>,
  Same<Published.ConsentState, View.ConsentState>,
  Same<Published.SamtykkeEvent, Api.SamtykkeEvent>,
  Same<Published.SamtykkeListener, Api.SamtykkeListener>,
  Same<Published.SamtykkeApi, Api.SamtykkeApi>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
