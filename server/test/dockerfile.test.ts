import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { STORES } from './stores.js';
import { startReceiver } from './support/receiver.mjs';

/**
 * The image cannot be built here (no Docker daemon), so the Dockerfile is read: its base images,
 * that its build stage has every file the build needs (the store template's script included),
 * that the image carries the built folder with the template, and its health check, run for real
 * against a receiver.
 */
const SERVER = join(import.meta.dirname, '..');
const dockerfile = readFileSync(join(SERVER, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
const stages = dockerfile.split(/^FROM /m).slice(1);
const copies = (stage: string) => [...stage.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).slice(0, -1));

describe('the Dockerfile', () => {
  it('builds on Node 22 in both stages, and the image carries the built receiver with its store template', () => {
    expect(stages.map((s) => s.split(/\s/)[0])).toEqual(['node:22-slim', 'node:22-slim']);
    expect(stages[1]).toMatch(/^COPY --from=build \/app\/server\/dist server\/dist$/m);
    // Each file the server's build runs is copied into the build stage.
    const build = (JSON.parse(readFileSync(join(SERVER, 'package.json'), 'utf8')) as { scripts: { build: string } }).scripts.build;
    const needed = build.split(/\s+/).filter((word) => /\.(?:mjs|json)$|\//.test(word)).map((f) => `server/${f}`);
    expect(needed).toContain('server/scripts/cluster-template.mjs');
    const copied = copies(stages[0]!);
    for (const file of [...needed, 'server/tsconfig.json', 'server/src/store/pglite.ts', 'src/config/purposes.ts']) {
      expect(copied.some((c) => file === c || file.startsWith(c.replace(/\/?$/, '/'))), file).toBe(true);
    }
  });

  it('has a health check that asks the receiver where HOST says it listens', { timeout: 120_000 }, async () => {
    const [, command] = /^HEALTHCHECK CMD node -e "(.*)"$/m.exec(dockerfile) ?? [];
    expect(command).toContain('process.env.HOST');
    const check = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ['-e', command!], { env: { PATH: process.env.PATH ?? '', ...env } }).then(
        () => 0,
        (error: { code: number }) => error.code,
      );
    const receiver = await startReceiver({ ...(await STORES[0]!.place()), HOST: '127.0.0.1' });
    try {
      const port = new URL(receiver.url).port;
      expect(await check({ HOST: '127.0.0.1', PORT: port })).toBe(0);
      expect(await check({ PORT: port })).toBe(0); // HOST unset: 0.0.0.0, asked on loopback
      expect(await check({ HOST: '127.0.0.2', PORT: port })).toBe(1); // not where it listens
    } finally {
      await receiver.kill('SIGTERM');
    }
  });
});
