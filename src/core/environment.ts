import { isOptional } from '../config/settings';
import { isGoogleTracking } from '../config/trackers';
import { INERT_TYPE } from '../markup';
import type { StartHandoff } from '../start/protocol';
import { queues } from './gtag-layer';
import { report } from './report';

/**
 * Whether the page lets samtykke do its job at all. Two things are out of its hands: where the
 * owner put the tag, and what earlier scripts did to JavaScript's built-ins. Each is checked
 * once at start; when it is wrong samtykke says so in one message and runs nothing optional.
 */

/**
 * What is wrong with where the tag is, as the fixes to make (none when it is right): the codes
 * help/messages.ts explains (`tag`, `async`, `defer`, `snippet`, `google`) or the address of the
 * Google script to move the tag above. The tag
 * must be a classic script that runs as the parser meets it, before any Google code: only then
 * is Consent Mode's default first and every tracker seen before it loads. Loaded by the inline
 * start (`start`), the engine is async by design and comes after the page's scripts: what
 * counts is where the start was, the Google commands queued before its default and the Google
 * scripts above it.
 */
export function placementFixes(script: HTMLOrSVGScriptElement | null, start: Pick<StartHandoff, 'script' | 'layer'> | null = null): string[] {
  const fixes: string[] = [];
  const first = start ? start.script : script;
  if (!first) fixes.push('tag');
  else if (!start) {
    if (first.hasAttribute('async')) fixes.push('async');
    if (first.hasAttribute('defer')) fixes.push('defer');
  }
  const layer = (window as unknown as { dataLayer?: unknown }).dataLayer;
  if (queues(start && Array.isArray(layer) ? layer.slice(0, start.layer) : layer, ['js', 'config'])) fixes.push('snippet');
  const above = (s: Element) => !start || !first || !!(s.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING);
  const loaded = Array.from(document.scripts).filter((s) => s !== first && s !== script && s.src && s.type.toLowerCase() !== INERT_TYPE && isGoogle(s.src) && above(s));
  if (loaded.length || 'google_tag_manager' in window) {
    fixes.push(loaded[0]?.src ?? 'google');
  }
  return fixes;
}

const isGoogle = (src: string): boolean => {
  try {
    return isGoogleTracking(new URL(src));
  } catch {
    return false;
  }
};

/**
 * The owner's settings without those that make something optional run (settings.ts marks them):
 * what samtykke runs on when it cannot hold, so every tracker stays held and none is asked about.
 */
export function withoutOptional(input: Record<string, unknown>): Record<string, unknown> {
  const kept = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(input)) if (!isOptional(key)) kept[key] = input[key];
  return kept;
}

/** Says once that the tag is in the wrong place, and what to change. */
export function reportPlacement(fixes: readonly string[]): void {
  report('error', 'tag.placement', fixes);
}

/**
 * The built-ins samtykke's holding rests on, named when an earlier script deleted or replaced
 * them ('' when all are there). That script is out of reach; what can be done is to notice and
 * run nothing optional. Written with plain loops, since the array methods may be what is gone.
 */
export function missingBuiltins(): string {
  const g = globalThis as unknown as Record<string, unknown>;
  const wanted: [string, string[]][] = [
    ['MutationObserver', []],
    ['Promise', ['then']],
    ['WeakSet', ['has', 'add']],
    ['Set', ['has', 'add']],
    ['Array', ['includes', 'filter', 'map', 'some', 'every', 'forEach', 'push', 'find', 'join']],
  ];
  let missing = '';
  for (let i = 0; i < wanted.length; i++) {
    const [name, methods] = wanted[i]!;
    const ctor = g[name];
    if (typeof ctor !== 'function') {
      missing += (missing ? ', ' : '') + name;
      continue;
    }
    for (let j = 0; j < methods.length; j++) {
      if (typeof (ctor.prototype as Record<string, unknown> | undefined)?.[methods[j]!] !== 'function') missing += (missing ? ', ' : '') + name + '.prototype.' + methods[j];
    }
  }
  return missing;
}
