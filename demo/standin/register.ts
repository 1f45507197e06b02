/**
 * Puts the offline Google stand-in (sw.js) in control of the demo pages, unless the developer
 * asked for the real Google: `?real=1` (remembered for the tab; `?real=0` undoes it) or
 * `SAMTYKKE_REAL_GOOGLE=1 npm start`, which the dev server announces in a <meta>.
 */
export type StandInState = 'active' | 'real' | 'unsupported' | 'failed';

const KEY = 'samtykke-demo-real-google';

export function wantsRealGoogle(): boolean {
  const flag = new URLSearchParams(location.search).get('real');
  if (flag === '1') sessionStorage.setItem(KEY, '1');
  if (flag === '0') sessionStorage.removeItem(KEY);
  const meta = document.querySelector<HTMLMetaElement>('meta[name="samtykke-demo-google"]');
  return sessionStorage.getItem(KEY) === '1' || meta?.content === 'real';
}

export async function registerStandIn(): Promise<StandInState> {
  if (!('serviceWorker' in navigator)) return 'unsupported';
  if (wantsRealGoogle()) {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
    return 'real';
  }
  try {
    const registration = await navigator.serviceWorker.register('sw.js', { scope: './' });
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      // First visit (or a hard reload, which bypasses workers): ask to be claimed, then wait.
      const claimed = new Promise<void>((done) => navigator.serviceWorker.addEventListener('controllerchange', () => done(), { once: true }));
      (registration.active ?? registration.waiting ?? registration.installing)?.postMessage('claim');
      await Promise.race([claimed, new Promise((done) => setTimeout(done, 3000))]);
    }
    return navigator.serviceWorker.controller ? 'active' : 'failed';
  } catch (error) {
    console.error('[samtykke demo] the Google stand-in could not start:', error);
    return 'failed';
  }
}
