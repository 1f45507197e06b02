import type { Check, CheckTree } from './types';

/** The check of a node and of the elements matching `tags` inside it (the engine's and the inline start's). */
export const treeCheck =
  (check: Check): CheckTree =>
  (node, tags) => {
    let held = node instanceof Element && check(node);
    // An element or fragment with elements in it (a text node has none; a document, always
    // connected, never comes here).
    if ((node as Partial<ParentNode>).firstElementChild) {
      for (const el of (node as ParentNode).querySelectorAll(tags)) held = check(el) || held;
    }
    return held;
  };
