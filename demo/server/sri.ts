import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

const ROOT = new URL('../../', import.meta.url);
export const SRI_PATH = '/__samtykke/sri.json';

/**
 * `{ version, integrity }` of the built dist/samtykke.js, for the configurator's CDN tag. The
 * published file is this build, so its SRI hash is the same (when the version is the same).
 */
export async function sriJson(): Promise<string> {
  const [bundle, pkg] = await Promise.all([readFile(new URL('dist/samtykke.js', ROOT)), readFile(new URL('package.json', ROOT), 'utf8')]);
  const { version } = JSON.parse(pkg) as { version: string };
  const integrity = 'sha384-' + createHash('sha384').update(bundle).digest('base64');
  return JSON.stringify({ version, integrity });
}
