import type { Check, CheckTree } from './types';

/** The check of a node and of the elements matching `tags` inside it (the engine's and the inline start's). */
export const treeCheck =
  (check: Check): CheckTree =>
  (node, tags) => {
    let held = node instanceof Element && check(node);
    if ((node instanceof Element || node instanceof DocumentFragment) && node.firstElementChild) {
      for (const el of node.querySelectorAll(tags)) held = check(el) || held;
    }
    return held;
  };
