import type { SamtykkeApi } from '../../src/api';

/** What the panel watches on the page; all of it read-only. */
export interface Observed {
  /** Epoch ms of the decision in force this page view: a click now, or the page load for a stored one. */
  decisionAt: number | null;
  decisionStored: boolean;
  readonly blocked: { readonly el: Element; readonly label: string; readonly purposes: string }[];
  readonly google: { readonly url: string; readonly at: number }[];
}

export type PageWindow = Window & { samtykke?: SamtykkeApi; dataLayer?: unknown[] };

export function observe(onChange: () => void): Observed {
  const w = window as PageWindow;
  const loadedAt = Date.now();
  const state: Observed = {
    decisionAt: null,
    decisionStored: false,
    // Snapshot now: activation replaces each held-back script (a frame gets its src back), so that is how "ran" is told.
    blocked: Array.from(document.querySelectorAll('script[type="text/plain"][data-samtykke],[data-samtykke][data-src]')).map((el) => ({
      el,
      label: label(el),
      purposes: el.getAttribute('data-samtykke') ?? '',
    })),
    google: [],
  };
  if (w.samtykke?.get()) {
    state.decisionAt = loadedAt;
    state.decisionStored = true;
  }
  // The decision's moment is its Consent Mode update, pushed before gtag.js is requested. The
  // stand-in's worker stamps that request on another thread, possibly before a samtykke:change
  // listener in this same task runs, so stamping there could file the request "before".
  let stampedByUpdate = false;
  const layer = (w.dataLayer ??= []);
  const push = layer.push;
  layer.push = function (...items: unknown[]) {
    if (items.some(isConsentUpdate)) {
      state.decisionAt = Date.now();
      state.decisionStored = false;
      stampedByUpdate = true;
    }
    return push.apply(this, items);
  };
  window.addEventListener('samtykke:change', () => {
    if (!stampedByUpdate) state.decisionAt = Date.now();
    stampedByUpdate = false;
    state.decisionStored = false;
    onChange();
  });
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data as { type?: string; hit?: { url: string; at: number } } | null;
    if (data?.type !== 'samtykke-standin' || !data.hit) return;
    state.google.push(data.hit);
    onChange();
  });
  return state;
}

function isConsentUpdate(entry: unknown): boolean {
  return Object.prototype.toString.call(entry) === '[object Arguments]' && (entry as ArrayLike<unknown>)[0] === 'consent' && (entry as ArrayLike<unknown>)[1] === 'update';
}

function label(el: Element): string {
  const src = el.getAttribute('src') ?? el.getAttribute('data-src');
  if (src) return `<${el.localName}> ${src}`;
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `<${el.localName}> ${text.length > 60 ? text.slice(0, 57) + '…' : text}`;
}

/** `dataLayer` entries that matter for consent: gtag consent commands and samtykke's own event, compactly. */
export function consentEntries(): string[] {
  const dl = (window as PageWindow).dataLayer ?? [];
  const out: string[] = [];
  for (const entry of dl) {
    if (Object.prototype.toString.call(entry) === '[object Arguments]') {
      const [command, a, b] = Array.from(entry as ArrayLike<unknown>);
      if (command === 'consent' && typeof b === 'object' && b) out.push(`consent ${String(a)}: ${pairs(b as Record<string, unknown>)}`);
      else if (command === 'config') out.push(`config ${String(a)}`);
      else if (command === 'event' && a === 'conversion') out.push(`event conversion → ${String((b as { send_to?: unknown } | undefined)?.send_to ?? '')}`);
    } else if (typeof entry === 'object' && entry !== null && String((entry as { event?: unknown }).event ?? '').startsWith('samtykke')) {
      const e = entry as { event: string; samtykke?: { purposes?: Record<string, unknown> } };
      out.push(`event ${e.event}: ${e.samtykke?.purposes ? pairs(e.samtykke.purposes) : ''}`);
    }
  }
  return out;
}

/** `ad_storage=denied, …` — short enough to read at a glance in a narrow panel. */
function pairs(o: Record<string, unknown>): string {
  return Object.entries(o)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

export function pageCookies(): string[] {
  return document.cookie ? document.cookie.split('; ') : [];
}
