/** One entry as the receiver gives it back (server/README.md): what was sent, plus when it came. */
interface LoggedEntry {
  readonly id: string;
  readonly time: string;
  readonly choices: Record<string, boolean>;
  readonly lang: string;
  readonly path: string;
  readonly receivedAt: string;
}

/**
 * The entries the dev server's consent log has stored this run, newest first, read like an
 * owner would (the read endpoint with the bearer token, which the dev server puts in a
 * `<meta>`). `null` where there is no receiver (the static site).
 */
export async function loggedEntries(): Promise<string[] | null> {
  const token = document.querySelector<HTMLMetaElement>('meta[name="samtykke-demo-log-token"]')?.content;
  if (!token) return null;
  const response = await fetch('/v1/consents', { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' });
  if (!response.ok) return [`mottakeren svarte ${response.status}`];
  const entries = (await response.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedEntry | { count: number })
    // The export's last line counts the entries before it.
    .filter((line): line is LoggedEntry => 'id' in line);
  return entries
    .reverse()
    .slice(0, 10)
    .map((e) => {
      const choices = Object.entries(e.choices).map(([p, v]) => `${p}: ${v ? 'ja' : 'nei'}`).join(', ');
      return `${e.receivedAt.slice(11, 19)} · id ${e.id} · ${choices || 'nullstilt'} · ${e.lang} · ${e.path}`;
    });
}
