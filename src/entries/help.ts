// samtykke-help.js: the texts of samtykke's console messages, fetched by the tag only when it
// has something to say (a wrong setting, a tag in the wrong place …). Leaves the table where the
// engine looks, under a registry symbol rather than a global name.
import { MESSAGES } from '../help/messages';
import { HELP_HOOK } from '../shell/hook';

Object.defineProperty(window, HELP_HOOK, { value: MESSAGES, configurable: true });
