import type { Loader } from '../inert';

/** A script, frame or pixel that would load: a script whose type is not JavaScript never runs. */
export function isLiveLoader(el: Element): el is Loader {
  if (el instanceof HTMLScriptElement) return !el.type || el.type === 'module' || /(java|ecma)script/i.test(el.type);
  return el instanceof HTMLIFrameElement || el instanceof HTMLImageElement;
}
