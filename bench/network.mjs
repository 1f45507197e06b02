// The network profiles of `npm run bench --profile …`: what a visitor's connection adds to every
// page view. Chromium's throttling (CDP Network.emulateNetworkConditions) adds the round trip to
// each request and limits the throughput; it does not count setting up a connection, so the
// bench's server holds each new connection for `COLD` round trips (DNS, TCP, TLS 1.3) itself.

/** name → round trip per request (ms) and throughput (kbit/s); `loopback` adds nothing. */
export const PROFILES = {
  loopback: null,
  // WebPageTest's "Cable".
  cable: { rttMs: 28, downKbit: 5000, upKbit: 1000 },
  // Chromium DevTools' "Slow 4G" as the issue measured it: 150 ms, 1.6 Mbit/s down, 750 kbit/s up.
  slow4g: { rttMs: 150, downKbit: 1600, upKbit: 750 },
};

/** Round trips a new connection costs before its first request can be sent: DNS, TCP, TLS 1.3. */
export const COLD = 3;

/** Milliseconds the server holds a new connection under `profile`. */
export const connectMs = (profile) => (PROFILES[profile] ? COLD * PROFILES[profile].rttMs : 0);

/** Applies `profile` to the page behind the CDP session `cdp` (before its first navigation). */
export async function emulate(cdp, profile) {
  const p = PROFILES[profile];
  if (!p) return;
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: p.rttMs,
    // bytes per second
    downloadThroughput: (p.downKbit * 1000) / 8,
    uploadThroughput: (p.upKbit * 1000) / 8,
  });
}

/** The names given to --profile, checked: a typo stops the run instead of measuring loopback. */
export function profilesFrom(list) {
  const names = list.split(',').filter(Boolean);
  const unknown = names.filter((n) => !(n in PROFILES));
  if (unknown.length) throw new Error(`bench: unknown --profile ${unknown.join(', ')}; choose from ${Object.keys(PROFILES).join(', ')}`);
  return names;
}
