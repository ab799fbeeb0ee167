// A throw-away PostgreSQL cluster: initdb into a temp dir, pg_ctl start on a free loopback port,
// pg_ctl stop and remove the dir. Used by the test runner (scripts/test.mjs) and the benchmark
// (bench/run.ts). Plain Node ESM with built-ins only, like test.mjs.
//
//   const bins = findPostgresBin();            // null when PostgreSQL is not installed
//   const cluster = await startCluster(bins, { onDir: (c) => remember(c) });
//   if ('url' in cluster) … cluster.url …      // postgres://postgres@127.0.0.1:PORT/postgres
//   stopCluster(cluster);                      // synchronous: safe from signal handlers and 'exit'

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function whichOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/**
 * initdb + pg_ctl (+ postgres for the version): Debian keeps them in /usr/lib/postgresql/<major>/bin, off PATH.
 * @returns {{ initdb: string, pgCtl: string, postgres: string | null } | null}
 */
export function findPostgresBin() {
  const root = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = fs.readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    // no Debian layout; fall through to PATH
  }
  versions.sort((a, b) => Number(b) - Number(a)); // highest first
  for (const v of versions) {
    const bin = path.join(root, v, 'bin');
    if (isExecutable(path.join(bin, 'initdb')) && isExecutable(path.join(bin, 'pg_ctl'))) {
      const postgres = path.join(bin, 'postgres');
      return { initdb: path.join(bin, 'initdb'), pgCtl: path.join(bin, 'pg_ctl'), postgres: isExecutable(postgres) ? postgres : null };
    }
  }
  const initdb = whichOnPath('initdb');
  const pgCtl = whichOnPath('pg_ctl');
  return initdb && pgCtl ? { initdb, pgCtl, postgres: whichOnPath('postgres') } : null;
}

/** initdb refuses to run as root: run the server binaries as the `postgres` user then. */
function asPostgres(bin, args) {
  return IS_ROOT ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

/** Ask the OS for a free port. Small race until the server binds it; acceptable for tests. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a command asynchronously (signal handlers can still fire meanwhile), collecting its output. */
function run(cmd, args, onChild) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    onChild?.(child);
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (err) => {
      output += `\n${err.message}\n`;
    });
    child.on('close', (code, signal) => {
      onChild?.(null);
      resolve({ code: code ?? 1, signal, output });
    });
  });
}

function readLog(dir) {
  try {
    return fs.readFileSync(path.join(dir, 'log'), 'utf8');
  } catch {
    return '(no server log)';
  }
}

/**
 * initdb + pg_ctl start.
 * @param {{ initdb: string, pgCtl: string }} bins
 * @param {{
 *   prefix?: string,               // temp dir name prefix
 *   settings?: string[],           // extra `-c name=value` server settings
 *   onDir?: (cluster: { dir: string, pgCtl: string }) => void,  // called before initdb: register for clean-up
 *   onChild?: (child: import('node:child_process').ChildProcess | null) => void,  // the running initdb/pg_ctl
 * }} [options]
 * @returns {Promise<{ url: string, dir: string, pgCtl: string, port: number, seconds: number } | { error: string }>}
 */
export async function startCluster(bins, options = {}) {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? 'test-pg-'));
  if (IS_ROOT) {
    const chown = spawnSync('chown', ['postgres:', dir], { encoding: 'utf8' });
    if (chown.status !== 0) {
      fs.rmSync(dir, { recursive: true, force: true });
      return { error: `cannot hand ${dir} to the postgres user (is there one?): ${chown.stderr}` };
    }
  }
  // Registered before initdb so that an interrupt from here on removes the directory.
  options.onDir?.({ dir, pgCtl: bins.pgCtl });

  const init = await run(
    ...asPostgres(bins.initdb, ['-D', dir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']),
    options.onChild,
  );
  if (init.code !== 0) return { error: `initdb failed:\n${init.output}` };

  const port = await freePort();
  const settings = (options.settings ?? []).map((s) => `-c ${s}`).join(' ');
  const serverOpts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} ${settings}`.trim();
  const start = await run(
    ...asPostgres(bins.pgCtl, ['-D', dir, '-w', '-l', path.join(dir, 'log'), '-o', serverOpts, 'start']),
    options.onChild,
  );
  if (start.code !== 0) return { error: `pg_ctl start failed:\n${start.output}\n--- server log ---\n${readLog(dir)}` };

  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, pgCtl: bins.pgCtl, port, seconds: (Date.now() - started) / 1000 };
}

/** Stops the cluster and removes its directory. Synchronous on purpose: it also runs from signal handlers and process 'exit'. */
export function stopCluster({ dir, pgCtl }) {
  if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
    const [cmd, args] = asPostgres(pgCtl, ['-D', dir, '-m', 'immediate', 'stop']);
    const res = spawnSync(cmd, args, { stdio: 'pipe', timeout: 30_000 });
    if (res.status !== 0) killPostmaster(dir); // last resort: never leave a server running
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function killPostmaster(dir) {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
