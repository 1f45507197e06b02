import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request the offline Google stand-in answered, as the service worker reports it. */
export interface StandInHit {
  readonly url: string;
  /** Epoch ms in the browser when the service worker saw it. */
  readonly at: number;
  /** The page that made it. */
  readonly page: string;
}

export const LOG_PATH = '/__samtykke/google';

/**
 * The stand-in's log on the server. The service worker answers Google's hosts inside the
 * browser and POSTs each hit here, so a developer sees blocking in the terminal and tests can
 * ask the server (GET) what Google would have received. DELETE empties it.
 */
export function createGoogleLog(print: (line: string) => void = () => {}) {
  const hits: StandInHit[] = [];

  /** Connect-style handler; returns false for requests that are not for the log. */
  function handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '').split('?')[0];
    if (path !== LOG_PATH) return false;
    if (req.method === 'GET') {
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(hits));
      return true;
    }
    if (req.method === 'DELETE') {
      hits.length = 0;
      res.statusCode = 204;
      res.end();
      return true;
    }
    if (req.method === 'POST') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        // A log line is small; anything bigger is not from our service worker.
        if (body.length < 10_000) body += chunk;
      });
      req.on('end', () => {
        const hit = parse(body);
        if (hit) {
          hits.push(hit);
          print(`google stand-in ← ${hit.url}  (from ${hit.page})`);
        }
        res.statusCode = 204;
        res.end();
      });
      return true;
    }
    res.statusCode = 405;
    res.end();
    return true;
  }

  return { hits, handle };
}

function parse(body: string): StandInHit | null {
  try {
    const v: unknown = JSON.parse(body);
    if (typeof v !== 'object' || v === null) return null;
    const { url, at, page } = v as Record<string, unknown>;
    if (typeof url !== 'string' || typeof at !== 'number') return null;
    return { url, at, page: typeof page === 'string' ? page : '' };
  } catch {
    return null;
  }
}
