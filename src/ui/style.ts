import reopen from '../shell/reopen.css?inline';
import banner from './banner.css?inline';
import preferences from './preferences.css?inline';
import { styles } from '../shell/sheet';

export { theme } from '../shell/sheet';

/**
 * Gives a root of the face its rules (a shared constructed sheet, or a `<style>` with our nonce):
 * the reopen button's (the engine's too) first, then the face's, as they were written.
 */
export const adopt = styles(reopen + banner + preferences);
