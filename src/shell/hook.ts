/**
 * Where a face file leaves its `CreateFace` for the engine: a property of `window` under a
 * registry symbol, not enumerable, so it is no name in the page's global scope and no page
 * script that lists globals trips over it.
 */
export const FACE_HOOK = Symbol.for('samtykke.face');

/** Where `samtykke-help.js` leaves the texts of the console messages, the same way. */
export const HELP_HOOK = Symbol.for('samtykke.help');

/** Where `samtykke-log.js` leaves the consent log's sender, the same way. */
export const LOG_HOOK = Symbol.for('samtykke.log');

/** Where `samtykke-help.js` leaves the hash `samtykke-check.js` must have, and that file then the owner's self-check (shell/load.ts). */
export const CHECK_HOOK = Symbol.for('samtykke.check');
