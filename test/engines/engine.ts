/**
 * What a scenario needs from a browser, whatever drives it. Each engine's driver implements
 * this; the scenarios (scenarios.ts) are written once against it. All traffic of a profile goes
 * through the site's proxy (site.ts), so requests are seen the same way in every engine.
 */
export interface Engine {
  /**
   * Whether Enter on a focused button activates it through this driver. False for Firefox over
   * WebDriver BiDi: its key press does not fire `click` on a <button> (a driver limit, seen on
   * plain pages too), so keyboard paths there are tested by focus order and activated by click.
   */
  readonly keyActivates: boolean;
  /**
   * Whether an `<iframe src>` in the page's HTML starts loading the moment the parser inserts
   * it, before any script can see it. Chromium's does: it has connected to the frame's host
   * (and sometimes sent the request) by the parser's next checkpoint, where samtykke takes the
   * frame out. Firefox and WebKit start the load later, so the frame is held before anything is
   * sent.
   */
  readonly framesLoadOnInsert: boolean;
  /** A fresh profile: no cookies, no storage. */
  open(): Promise<Tab>;
  close(): Promise<void>;
}

/** Starts an engine whose every request goes through the site's proxy (`http://127.0.0.1:port`). */
export type StartEngine = (proxy: string) => Promise<Engine>;

/** Keys the scenarios press. */
export type Key = 'Tab' | 'Shift+Tab' | 'Enter' | 'Escape';

export interface Tab {
  /** Opens a URL and waits for `load`. */
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page with `arg` (both must be serialisable) and returns its result. */
  run<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Whether a visible button named `name` is in the page (see `findButton`). */
  shown(name: string): Promise<boolean>;
  /** Clicks, as a pointer would, the visible button whose accessible name is `name` (shadow DOM included). */
  click(name: string): Promise<void>;
  press(key: Key): Promise<void>;
  close(): Promise<void>;
}

/** `fn` applied to `arg`, as source every driver can evaluate in the page. */
export const applied = <A, R>(fn: (arg: A) => R, arg: A): string => `(${fn})(${JSON.stringify(arg) ?? ''})`;

/**
 * In the page: the visible button (or role=button) named `name` by its aria-label or text,
 * looked for through open shadow roots. Self-contained, as it is sent into the page.
 */
export function findButton(name: string): HTMLElement | null {
  const walk = (root: Document | ShadowRoot): HTMLElement | null => {
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
      if ((el.localName === 'button' || el.getAttribute('role') === 'button') && label === name && el.getClientRects().length) return el;
      const inner = el.shadowRoot && walk(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  return walk(document);
}

/**
 * In the page: the focused element's accessible name (shadow DOM included), whether it is in an
 * open dialog, and whether any dialog is open.
 */
export function focused(): { name: string; inDialog: boolean; dialogOpen: boolean } {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const open = (root: Document | ShadowRoot): boolean =>
    !!root.querySelector('dialog[open]') || Array.from(root.querySelectorAll('*')).some((e) => !!e.shadowRoot && open(e.shadowRoot));
  return { name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim(), inDialog: !!el?.closest('dialog[open]'), dialogOpen: open(document) };
}

/** Waits `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `check` until it is true; the scenario fails naming `what` if it never is, and with the
 * check's own error, at once, if it throws.
 */
export async function waitFor(what: string, check: () => Promise<boolean>, ms = 5000): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) if (await check()) return;
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * `waitFor` across a navigation: while the page is between documents the driver cannot run a
 * check, so a throw counts as not yet there; a timeout carries the last such error as its cause.
 */
export async function waitAcross(what: string, check: () => Promise<boolean>, ms = 5000): Promise<void> {
  let last: unknown;
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
  }
  throw new Error(`timed out waiting for ${what}`, { cause: last });
}
