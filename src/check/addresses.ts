import { SRC_ATTR } from '../markup';

/**
 * Every address this page view fetched from, or holds ready to fetch: what the browser noted it
 * requested (Resource Timing), and each script, frame and pixel in the page by its `src`, or by
 * the `data-src` it waits with while held (marked up by the owner, or held by samtykke unmarked).
 * A frame the visitor's choice released has its `src` back, so it is here in every state.
 */
export function pageAddresses(): string[] {
  return [
    ...(performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => e.name),
    ...Array.from(document.querySelectorAll<HTMLElement>(`script[src],iframe[src],iframe[${SRC_ATTR}],img[${SRC_ATTR}]`)).map((el) => el.getAttribute('src') ?? el.getAttribute(SRC_ATTR) ?? ''),
  ];
}

declare const __PAGES_FOLDER__: string;

/**
 * The hosts the banner's own files come from: its tag's, and the project's site, from which the
 * one-file build fetches the console's texts and this check when they are not beside it
 * (entries/full.ts). Neither stores anything, so neither is a third party to list.
 */
export const ownHosts = (tag: HTMLScriptElement | null): Set<string> => new Set([new URL(__PAGES_FOLDER__).hostname, ...(tag?.src ? [new URL(tag.src).hostname] : [])]);
