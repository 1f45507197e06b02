// samtykke-help.js: the texts of samtykke's console messages, fetched by the tag only when it
// has something to say (a wrong setting, a tag in the wrong place …). Leaves the table where the
// engine looks, under a registry symbol rather than a global name. It also carries the hash of
// the owner's self-check (samtykke-check.js, built before it): the tag knows this file by its
// hash and fetches it first when the check is asked for, so the tag itself carries no second
// hash for what only the owner opens (src/shell/load.ts).
import { MESSAGES } from '../help/messages';
import { CHECK_HOOK, HELP_HOOK } from '../shell/hook';

declare const __CHECK_INTEGRITY__: string;

Object.defineProperty(window, HELP_HOOK, { value: MESSAGES, configurable: true });
Object.defineProperty(window, CHECK_HOOK, { value: __CHECK_INTEGRITY__, configurable: true });
