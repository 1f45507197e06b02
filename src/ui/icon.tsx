import { h } from 'preact';
import { ICON_SHAPES, ICON_SVG } from '../shell/icon';

/** The reopen button's cookie (its shapes are in shell/icon.ts, shared with the engine's button). */
export const CookieIcon = () => <svg {...ICON_SVG}>{ICON_SHAPES.map(([tag, attributes]) => h(tag, attributes))}</svg>;
