/**
 * What the stand-in serves for https://www.googletagmanager.com/gtag/js. It is not Google's
 * code: it only does the visible things the real tag does, so a developer can watch them —
 * reads the consent state from dataLayer, sets `_gcl_au` / `_ga` when storage is granted,
 * and sends one hit per configured id and per conversion event (answered by the stand-in too).
 *
 * The function is sent to the page as source (`standInGtag.toString()`), so it must not use
 * anything from its module.
 */
export function standInGtag(loadedFor: string): void {
  type Entry = ArrayLike<unknown>;
  const w = window as unknown as { dataLayer?: unknown[]; __standInGtag?: string[] };
  // One copy per page, like gtag.js: a second <script> only adds its id.
  const loads = (w.__standInGtag = w.__standInGtag ?? []);
  loads.push(loadedFor);
  if (loads.length > 1) return;

  const dl = (w.dataLayer = Array.isArray(w.dataLayer) ? w.dataLayer : []);
  const consent: Record<string, unknown> = {};
  const configured: string[] = [];
  const granted = (signal: string) => consent[signal] === 'granted';
  // Google's "gcs" parameter: G1, then ad_storage and analytics_storage as 1/0.
  const gcs = () => `G1${granted('ad_storage') ? 1 : 0}${granted('analytics_storage') ? 1 : 0}`;
  const ping = (url: string) => {
    new Image().src = url + (url.includes('?') ? '&' : '?') + `gcs=${gcs()}&rnd=${Math.floor(Math.random() * 1e9)}`;
  };
  const setCookies = () => {
    const stamp = `1.1.${Math.floor(Math.random() * 1e9)}.${Math.floor(Date.now() / 1000)}`;
    if (granted('ad_storage') && configured.some((id) => id.startsWith('AW-')) && !/(^|; )_gcl_au=/.test(document.cookie)) {
      document.cookie = `_gcl_au=${stamp};path=/;max-age=7776000;samesite=lax`;
    }
    if (granted('analytics_storage')) {
      for (const id of configured.filter((x) => x.startsWith('G-'))) {
        if (!/(^|; )_ga=/.test(document.cookie)) document.cookie = `_ga=GA${stamp};path=/;max-age=63072000;samesite=lax`;
        const name = `_ga_${id.slice(2)}`;
        if (!new RegExp(`(^|; )${name}=`).test(document.cookie)) document.cookie = `${name}=GS2.1.s${Math.floor(Date.now() / 1000)}$o1;path=/;max-age=63072000;samesite=lax`;
      }
    }
  };
  const handle = (entry: unknown) => {
    if (Object.prototype.toString.call(entry) !== '[object Arguments]') return;
    const [command, a, b] = Array.from(entry as Entry);
    if (command === 'consent' && typeof b === 'object' && b) {
      Object.assign(consent, b);
      setCookies();
    } else if (command === 'config' && typeof a === 'string' && !configured.includes(a)) {
      configured.push(a);
      setCookies();
      if (a.startsWith('AW-')) ping(`https://www.googleadservices.com/pagead/viewthroughconversion/${a.slice(3)}/?url=${encodeURIComponent(location.href)}`);
      if (a.startsWith('G-')) ping(`https://region1.google-analytics.com/g/collect?v=2&tid=${a}&en=page_view&dl=${encodeURIComponent(location.href)}`);
    } else if (command === 'event' && a === 'conversion' && typeof b === 'object' && b) {
      const sendTo = String((b as Record<string, unknown>).send_to ?? '');
      const [id, label] = sendTo.replace(/^AW-/, '').split('/');
      if (id) ping(`https://www.googleadservices.com/pagead/conversion/${id}/?label=${encodeURIComponent(label ?? '')}`);
    }
  };

  dl.forEach(handle);
  const push = dl.push.bind(dl);
  dl.push = (...items: unknown[]) => {
    const n = push(...items);
    items.forEach(handle);
    return n;
  };
}
