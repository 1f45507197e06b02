/**
 * Every purpose a visitor can be asked about, in display order. Adding a purpose is one row
 * here (and its texts in each language): the `Purpose` type, the cookie format, the Consent
 * Mode signals, validation and the lists in the banner all come from this table.
 */
export const PURPOSE_TABLE = [
  // Always on and never asked for, so it has no letter in the cookie and grants no signal.
  { id: 'necessary', letter: '', signals: [] },
  { id: 'functional', letter: 'f', signals: ['functionality_storage', 'personalization_storage'] },
  { id: 'analytics', letter: 'a', signals: ['analytics_storage'] },
  { id: 'marketing', letter: 'm', signals: ['ad_storage', 'ad_user_data', 'ad_personalization'] },
] as const;

export type Purpose = (typeof PURPOSE_TABLE)[number]['id'];
export type OptionalPurpose = Exclude<Purpose, 'necessary'>;

/** Every purpose id, `necessary` first. */
export const PURPOSES: readonly Purpose[] = /* @__PURE__ */ PURPOSE_TABLE.map((row) => row.id);
/** The purposes a visitor chooses, in display order. */
export const OPTIONAL_PURPOSES = /* @__PURE__ */ PURPOSES.slice(1) as readonly OptionalPurpose[];
