/**
 * How gtag's commands sit in the page's `dataLayer`: gtag.js treats only `arguments` objects as
 * commands (an array is a plain message), so that is what a pasted snippet pushes, and samtykke too.
 */
export const isArguments = (v: unknown): v is IArguments => Object.prototype.toString.call(v) === '[object Arguments]';

/** Whether `layer` (a page's `dataLayer`, whatever it holds) queues one of these gtag commands. */
export const queues = (layer: unknown, commands: readonly string[]): boolean => Array.isArray(layer) && layer.some((e) => isArguments(e) && commands.includes(e[0] as string));
