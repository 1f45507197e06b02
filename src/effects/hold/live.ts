import type { Loader } from '../inert';

/** A script, frame or pixel that would load: a script whose type is not JavaScript never runs. */
export function isLiveLoader(el: Element): el is Loader {
  // No type, `module` (the browser ignores case and surrounding spaces in both), or a JavaScript
  // type, the old `text/jscript` and `text/livescript` among them, which browsers still run.
  if (el instanceof HTMLScriptElement) return /^\s*(module\s*)?$|(java|ecma|live|j)script/i.test(el.type);
  return el instanceof HTMLIFrameElement || el instanceof HTMLImageElement;
}
