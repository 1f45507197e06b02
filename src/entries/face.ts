// A face file (samtykke-face.<lang>.js), fetched by the engine: leaves its `createFace` where
// the engine looks, under a registry symbol rather than a global name.
import { FACE_HOOK } from '../shell/hook';
import { createFace } from '../ui/create-face';

Object.defineProperty(window, FACE_HOOK, { value: createFace, configurable: true });
