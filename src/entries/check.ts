// samtykke-check.js: the owner's self-check, fetched by the tag only when the address asks for
// it (`?samtykke=sjekk`, `#samtykke-sjekk`) or the owner calls `samtykke.check()`. Leaves its
// runner where the engine looks, under a registry symbol rather than a global name.
import { runCheck } from '../check/run';
import { CHECK_HOOK } from '../shell/hook';

Object.defineProperty(window, CHECK_HOOK, { value: runCheck, configurable: true });
