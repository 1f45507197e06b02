import reopen from '../shell/reopen.css?inline';
import banner from './banner.css?inline';
import preferences from './preferences.css?inline';
import { adoptCss } from '../shell/sheet';

export { theme } from '../shell/sheet';

// One sheet for every root: the reopen button's rules (the engine's too) first, then the face's,
// as they were written.
const css = reopen + banner + preferences;

/** Gives a root of the face its rules (a shared constructed sheet, or a `<style>` with our nonce). */
export const adopt = (root: ShadowRoot, nonce: string): void => adoptCss(root, css, nonce);
