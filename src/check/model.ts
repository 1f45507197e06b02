import type { Config } from '../config/types';
import type { Reported } from '../core/report';
import type { ConsentStore } from '../core/store';
import type { Decision } from './decisions';
import type { CheckTexts } from './texts/nb';

/**
 * Green, yellow or red: `ok` is "nothing wrong seen from here", `bad` is proof of a fault. `same`
 * (grey, without a badge) says again what a line elsewhere shows (a console message, the install
 * line on a file fetched ahead, a held tag fetched before it was held): it says where that line
 * is and asks nothing, so it is neither among what to fix nor counted.
 */
type Tone = 'ok' | 'warn' | 'bad' | 'same';

/** One finding; every `warn` or `bad` one carries its fix in plain words. */
export interface Line {
  readonly tone: Tone;
  readonly text: string;
  readonly fix?: string;
  /** The address a red request line is about: where a console message about the same address points. */
  readonly about?: string;
}

/** A heading and its findings (a section may hold sub-sections, as "before" and "after" a decision). */
export interface Section {
  readonly title: string;
  /** A word on the lines as a whole, under the heading. */
  readonly note?: string;
  readonly lines: readonly Line[];
  readonly parts?: readonly Section[];
}

/** What every part of the check reads: what the engine handed over (open.ts), the owner's words, the decisions and their moments. */
export interface Look {
  readonly config: Config;
  readonly store: ConsentStore;
  /** samtykke's own tag; null in the bundler build. */
  readonly tag: HTMLScriptElement | null;
  /** Every console message samtykke gave on this page view, in order. */
  readonly said: readonly Reported[];
  readonly t: CheckTexts;
  /** What samtykke let load on purpose: a grant's release, or a frame the visitor showed with «Vis innhold». */
  readonly released: Pick<WeakSet<Element>, 'has'>;
  /**
   * Every decision the check saw, in order: the one stored when it opened (its moment before this
   * page view when made earlier), then each the visitor made on this page. Empty while none is.
   */
  readonly decisions: readonly Decision[];
}

export const ok = (text: string): Line => ({ tone: 'ok', text });
export const warn = (text: string, fix: string): Line => ({ tone: 'warn', text, fix });
export const bad = (text: string, fix: string): Line => ({ tone: 'bad', text, fix });
export const same = (text: string): Line => ({ tone: 'same', text });

/** A line's colour in words, as its badge says it: none for `same`, which asks nothing. */
export const badge = ({ tone }: Pick<CheckTexts, 'tone'>, line: Line): string | null => (line.tone === 'same' ? null : tone[line.tone]);

/** The arguments of each message of `key` samtykke gave on this page view. */
export function saidOf(look: Pick<Look, 'said'>, key: string): (readonly unknown[])[] {
  return look.said.filter((m) => m.key === key).map((m) => m.values);
}

/**
 * A technical term for whoever helps the owner is written `⟨…⟩` in the texts: the panel leaves
 * it out, so the owner reads plain words; the copied report keeps it, in parentheses.
 */
const TERM = / ?⟨([^⟩]*)⟩/g;
/** A text as the owner reads it in the panel: without the technical terms. */
export const forOwner = (text: string): string => text.replace(TERM, '');
/** A text as the copied report gives it: the technical terms in parentheses. */
export const forHelper = (text: string): string => text.replace(TERM, ' ($1)');

/** Milliseconds as seconds with one decimal, the way the owner reads them ("1,2"). */
export const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(1).replace('.', ',');
