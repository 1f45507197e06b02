// samtykke-log.js: the consent log's sender, fetched by the tag at start-up on sites that set
// `logUrl` only. Leaves it where the engine looks, under a registry symbol.
import type { Lang } from '../config/types';
import { logDecisions, type LogDecisions } from '../effects/log-sender';
import { LOG_HOOK } from '../shell/hook';

// The face files' SRI hashes, written in by the build (vite.config.ts), which builds the faces
// first: the texts snapshot names the file that holds the wording this visitor's face showed.
declare const __FACE_INTEGRITY__: Record<Lang, string>;

const withFaces: LogDecisions = (config, store, version, earlier) => logDecisions(config, store, version, earlier, __FACE_INTEGRITY__);
Object.defineProperty(window, LOG_HOOK, { value: withFaces, configurable: true });
