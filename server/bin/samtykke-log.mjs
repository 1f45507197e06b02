#!/usr/bin/env node
// `samtykke-log` starts the receiver; `samtykke-log verify <export> [<digests>]` checks an export (whole, or of some days) offline.
if (process.argv[2] === 'verify') {
  const { verifyCommand } = await import('../dist/verify.js');
  process.exitCode = verifyCommand(process.argv.slice(3));
} else {
  await import('../dist/main.js');
}
