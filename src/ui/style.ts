import base from '../shell/base.css?inline';
import banner from './banner.css?inline';
import preferences from './preferences.css?inline';
import { styles } from '../shell/sheet';

/**
 * Gives a root of the face its rules (a shared constructed sheet, or a `<style>` with our nonce):
 * the ones it shares with the engine's reopen button first, then its own, as they were written.
 */
export const adopt = styles(base + banner + preferences);
