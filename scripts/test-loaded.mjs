#!/usr/bin/env node
// `npm run test:loaded`: the whole `npm test` while every core of the machine is kept busy, as CI's
// machine may be when the submission lands on it. Tests must wait for conditions, never for a fixed
// time, so they pass here as they pass on a quiet machine.
//
// The load: one busy loop per core (LOAD=<n> for another number), plain Node processes at normal
// priority, started before the tests and stopped after them (by their own pids), whatever happens.
// Extra arguments go to `npm test`: `npm run test:loaded -- e2e/`.
//
// Plain Node ESM with built-ins only, like scripts/test.mjs.

import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const count = Number(process.env.LOAD ?? cores);
if (!Number.isInteger(count) || count < 0) {
  process.stderr.write(`LOAD must be a whole number of busy loops (got "${process.env.LOAD}")\n`);
  process.exit(2);
}

/** The busy loops: each spins one core until it is killed. */
const loaders = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopLoad = () => {
  for (const child of loaders) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
};
process.on('exit', stopLoad);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    stopLoad();
    process.exit(code);
  });
}

process.stdout.write(`[test:loaded] ${count} busy loop(s) on ${cores} core(s); load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
const started = Date.now();
const test = spawn(process.execPath, [path.join(import.meta.dirname, 'test.mjs'), ...process.argv.slice(2)], { stdio: 'inherit' });
test.on('close', (code, signal) => {
  stopLoad();
  process.stderr.write(`[test:loaded] took ${((Date.now() - started) / 1000).toFixed(0)} s with ${count} busy loop(s); load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  // scripts/test.mjs printed `N passed, N failed` as its last line; nothing goes to stdout after it.
  process.exit(code ?? (signal ? 1 : 0));
});
