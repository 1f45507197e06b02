import type { Config, OptionalPurpose } from '../config/types';
import type { Choices } from '../consent/record';
import type { ConsentStore } from '../core/store';
import type { I18n } from '../i18n';

/** Everything a component needs, passed down whole: one object is fewer bytes than many props. */
export interface Ctx extends I18n {
  readonly config: Config;
  readonly store: ConsentStore;
  /** The switches' state while the preferences are open. */
  readonly draft: Choices;
  /** Whether the preferences are open; their contents are only built then, which keeps the mount cheap. */
  readonly shown: boolean;
  /** Opens the preferences; the element given gets focus back when they close. */
  open(opener?: Element | null): void;
  decide(choices: Choices): void;
  toggle(purpose: OptionalPurpose, on: boolean): void;
}

/**
 * What the banner asks about: every purpose in use, or, once the visitor has decided, only the
 * ones without an answer (added since, or widened by a new service).
 */
export const asked = ({ config, store }: Ctx): OptionalPurpose[] => config.purposes.filter((p) => store.record?.choices[p] === undefined);

/** One answer for `purposes`, the visitor's other answers kept: what "Godta alle" and "Avvis alle" record. */
export const answer = ({ store }: Ctx, purposes: readonly OptionalPurpose[], value: boolean): Choices => ({
  ...store.record?.choices,
  ...Object.fromEntries(purposes.map((p) => [p, value])),
});
