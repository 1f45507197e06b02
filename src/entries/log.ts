// samtykke-log.js: the consent log's sender, fetched by the tag at start-up on sites that set
// `logUrl` only. Leaves it where the engine looks, under a registry symbol.
import { logDecisions } from '../effects/log-sender';
import { LOG_HOOK } from '../shell/hook';

Object.defineProperty(window, LOG_HOOK, { value: logDecisions, configurable: true });
