// @ts-check
/**
 * Build step: the empty cluster a first start of the embedded store unpacks (see
 * src/store/cluster-template.ts). Made once per PGlite release line; a build that finds it
 * keeps it, as making it runs initdb (about 10 s and 750 MB).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { templatePath } from '../dist/cluster-template.js';
import { writeTemplate } from '../dist/make-template.js';

const path = templatePath(fileURLToPath(new URL('../dist', import.meta.url)));
if (existsSync(path)) console.log(`${path}: kept`);
else console.log(`${path}: ${await writeTemplate(path)} bytes`);
