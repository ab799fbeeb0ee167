#!/usr/bin/env node
// Test runner behind `npm test` (and therefore CI).
//
//   1. CSS module types up to date (tcm), type check (tsc) and lint (oxlint) — each counts as one test;
//   2. find Chromium and PostgreSQL; start a throw-away PostgreSQL cluster on a free port;
//   3. run Vitest (extra args from `npm test -- …` are passed on, e.g. `npm test -- shared/`);
//   4. stop the cluster, remove its directory;
//   5. print `N passed, N failed[, N skipped]` as the very last line — CI looks for that line.
//
// Environment handed to Vitest:
//   CHROMIUM_PATH        browser to drive with playwright-core (when found)
//   TEST_DATABASE_URL    postgres://postgres@127.0.0.1:PORT/postgres (when the cluster started)
//   SOFFICE_PATH         LibreOffice, which prints the Word report to PDF (with poppler's pdftoppm, pdfinfo)
//   SKIP_BROWSER_TESTS=1 / SKIP_POSTGRES_TESTS=1 / SKIP_PDF_TESTS=1   when not found (never in CI: there it is an error)
//
// Knobs: SKIP_TYPECHECK=1 skips tsc and oxlint (fast local loops). Outside CI, a pre-set SKIP_BROWSER_TESTS=1
// or SKIP_POSTGRES_TESTS=1 is honoured (no browser lookup / no cluster start).
//
// Plain Node ESM with built-ins only: it must run before and regardless of what is installed.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPostgresBin, startCluster as startPgCluster, stopCluster } from './pg-cluster.mjs';

const IN_CI = process.env.CI === 'true';
const INSTALL_CHROMIUM = 'apt-get install -y chromium fonts-wqy-microhei';
const INSTALL_POSTGRES = 'apt-get install -y postgresql';
const INSTALL_PDF = 'apt-get install -y libreoffice-writer-nogui poppler-utils fonts-wqy-microhei';

// ---------------------------------------------------------------------------------------------
// Cleanup state. Everything that must be undone lives here so that one idempotent, synchronous
// function can undo it from the normal path, from signal handlers and from process 'exit'.
// ---------------------------------------------------------------------------------------------
const state = {
  scratchDir: null, // our own temp dir (Vitest JSON report)
  pg: null, // { dir, pgCtl } once initdb has run
  child: null, // the currently running child process, to forward signals to
};

function cleanup() {
  stopPostgres();
  if (state.scratchDir) {
    fs.rmSync(state.scratchDir, { recursive: true, force: true });
    state.scratchDir = null;
  }
}

function stopPostgres() {
  if (state.pg) {
    stopCluster(state.pg);
    state.pg = null;
  }
}

/**
 * Children run in their own process group (see run()), so signal the whole group: `npx` does not
 * pass SIGTERM on to Vitest, and Vitest's fork workers would be orphaned otherwise.
 */
function killChild(signal) {
  const child = state.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(signal, () => {
    killChild(signal);
    process.stderr.write(`\n[test] ${signal}: stopping PostgreSQL and cleaning up\n`);
    cleanup();
    process.exit(code);
  });
}
// Safety net for anything unexpected (a thrown error, a stray process.exit).
process.on('exit', cleanup);

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function log(msg) {
  process.stdout.write(`[test] ${msg}\n`);
}

/** Loud, framed, multi-line message on stderr (impossible to miss in a scrolling log). */
function banner(lines) {
  const bar = '!'.repeat(78);
  const body = lines.map((l) => `!!  ${l}`).join('\n');
  process.stderr.write(`\n${bar}\n${bar}\n${body}\n${bar}\n${bar}\n\n`);
}

/**
 * Run a command asynchronously (so signal handlers can still fire while it runs).
 * capture=true collects stdout+stderr into `output`; otherwise output streams to the terminal.
 */
function run(cmd, args, { env = process.env, capture = false } = {}) {
  return new Promise((resolve) => {
    let output = '';
    // detached = own process group, so killChild() can reach grandchildren (npx -> vitest -> workers).
    // Ctrl-C then reaches only this script, which forwards it.
    const stdio = capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'];
    const child = spawn(cmd, args, { env, stdio, detached: true });
    state.child = child;
    if (capture) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    child.on('error', (err) => {
      output += `\n${err.message}\n`;
    });
    child.on('close', (code, signal) => {
      state.child = null;
      resolve({ code: code ?? 1, signal, output });
    });
  });
}

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Type check
// ---------------------------------------------------------------------------------------------

/**
 * A whole-tree check (type check, lint) that counts as one test.
 * @returns {Promise<boolean|null>} true = passed, false = failed, null = skipped
 */
async function staticCheck(name, cmd, args) {
  if (process.env.SKIP_TYPECHECK === '1') {
    log(`${name} skipped (SKIP_TYPECHECK=1)`);
    return null;
  }
  log(`${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const { code, output } = await run(cmd, args, { capture: true });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 0) {
    log(`${name} passed (${secs}s)`);
    return true;
  }
  process.stdout.write(output);
  log(`${name} FAILED (${secs}s)`);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Tool discovery
// ---------------------------------------------------------------------------------------------

function findChromium() {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return isExecutable(candidate) ? candidate : null;
}

/** LibreOffice (to print the Word report as PDF) and poppler (to turn its pages into images). */
function findPdfTools() {
  const soffice = process.env.SOFFICE_PATH || '/usr/bin/soffice';
  return isExecutable(soffice) && isExecutable('/usr/bin/pdftoppm') && isExecutable('/usr/bin/pdfinfo') ? soffice : null;
}

/** Missing tool: fatal in CI (tests must not be skipped silently there), loud skip elsewhere. */
function missing(what, installCmd, skipVar, env) {
  if (IN_CI) {
    banner([
      `ERROR: ${what} not found, and CI=true: refusing to skip its tests.`,
      `Install it:  ${installCmd}`,
    ]);
    process.exit(1);
  }
  banner([
    `WARNING: ${what} not found.`,
    `Tests that need it will be SKIPPED (${skipVar}=1).`,
    `Install it to run them:  ${installCmd}`,
    `(In CI, with CI=true, this is an error instead.)`,
  ]);
  env[skipVar] = '1';
}

// ---------------------------------------------------------------------------------------------
// Throw-away PostgreSQL cluster
// ---------------------------------------------------------------------------------------------

/**
 * initdb + pg_ctl start (scripts/pg-cluster.mjs), registered in `state` for clean-up.
 * @returns {Promise<{url: string} | {error: string}>}
 */
async function startCluster(bins) {
  const cluster = await startPgCluster(bins, {
    prefix: 'test-pg-',
    // fsync=off: data is thrown away anyway. max_connections: parallel test files each open pools.
    settings: ['fsync=off', 'max_connections=200'],
    onDir: (c) => {
      state.pg = c;
    },
    onChild: (child) => {
      state.child = child;
    },
  });
  if ('url' in cluster) log(`PostgreSQL started on 127.0.0.1:${cluster.port} in ${cluster.seconds.toFixed(1)}s (data dir ${cluster.dir})`);
  return cluster;
}

// ---------------------------------------------------------------------------------------------
// Vitest
// ---------------------------------------------------------------------------------------------

/**
 * Runs Vitest with the JSON reporter next to the default one, and turns its report into counts.
 * Failures Vitest reports outside of individual tests (a test file that does not load, an
 * unhandled error, a crash) are counted too, so the tally never says "0 failed" on a red run.
 */
async function runVitest(env, extraArgs) {
  const jsonFile = path.join(state.scratchDir, 'vitest.json');
  const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${jsonFile}`, ...extraArgs];
  log(`npx ${args.join(' ')}`);
  const { code } = await run('npx', args, { env });

  let report;
  try {
    report = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
  } catch {
    log(`Vitest wrote no JSON report (exit code ${code}): counted as 1 failure`);
    return { passed: 0, failed: 1, skipped: 0, exitCode: code || 1 };
  }

  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);

  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  );
  if (brokenFiles.length > 0) {
    log(`${brokenFiles.length} test file(s) failed outside any test (e.g. did not load): counted as failures`);
    failed += brokenFiles.length;
  }
  if (code !== 0 && failed === 0) {
    log(`Vitest exited with code ${code} although no test failed (unhandled error? no test files?): counted as 1 failure`);
    failed = 1;
  }
  return { passed, failed, skipped, exitCode: code };
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const extraArgs = process.argv.slice(2);
  state.scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-run-'));
  const env = { ...process.env };
  if (IN_CI) {
    // In CI nothing may be skipped by a stray variable.
    delete env.SKIP_BROWSER_TESTS;
    delete env.SKIP_POSTGRES_TESTS;
    delete env.SKIP_PDF_TESTS;
  }

  // Decide on the tools before spending time on tsc: in CI a missing tool fails at once.
  const wantBrowser = env.SKIP_BROWSER_TESTS !== '1';
  const wantPostgres = env.SKIP_POSTGRES_TESTS !== '1';
  if (!wantBrowser) log('browser tests skipped (SKIP_BROWSER_TESTS=1 was set)');
  if (!wantPostgres) log('PostgreSQL tests skipped (SKIP_POSTGRES_TESTS=1 was set)');

  if (wantBrowser) {
    const chromium = findChromium();
    if (chromium) {
      env.CHROMIUM_PATH = chromium;
      log(`Chromium: ${chromium}`);
    } else {
      missing(`Chromium (looked at ${process.env.CHROMIUM_PATH || '/usr/bin/chromium'})`, INSTALL_CHROMIUM, 'SKIP_BROWSER_TESTS', env);
    }
  }
  if (env.SKIP_PDF_TESTS === '1') {
    log('PDF tests of the Word report skipped (SKIP_PDF_TESTS=1 was set)');
  } else {
    const soffice = findPdfTools();
    if (soffice) {
      env.SOFFICE_PATH = soffice;
      log(`LibreOffice: ${soffice}`);
    } else {
      missing(`LibreOffice and poppler (looked for ${process.env.SOFFICE_PATH || '/usr/bin/soffice'}, /usr/bin/pdftoppm, /usr/bin/pdfinfo)`, INSTALL_PDF, 'SKIP_PDF_TESTS', env);
    }
  }
  const pgBins = wantPostgres ? findPostgresBin() : null;
  if (wantPostgres && !pgBins) {
    missing('PostgreSQL server binaries (initdb, pg_ctl)', INSTALL_POSTGRES, 'SKIP_POSTGRES_TESTS', env);
  }

  const checks = [
    // The classes of every CSS module, typed (*.module.d.css.ts, `npm run css:types`): stale types would let tsc pass a wrong class.
    await staticCheck('CSS module types', 'npx', ['tcm', '--allowArbitraryExtensions', '--namedExports', '--listDifferent', '--pattern', 'web/**/*.module.css', '.']),
    await staticCheck('type check', 'npx', ['tsc', '--noEmit', '-p', '.']),
    await staticCheck('lint', 'npx', ['oxlint', '--deny-warnings']),
  ];

  if (pgBins) {
    log(`PostgreSQL: ${path.dirname(pgBins.pgCtl)}`);
    const cluster = await startCluster(pgBins);
    if ('url' in cluster) {
      env.TEST_DATABASE_URL = cluster.url;
    } else {
      process.stderr.write(`${cluster.error}\n`);
      stopPostgres();
      if (IN_CI) {
        banner(['ERROR: the throw-away PostgreSQL cluster did not start (log above).', 'CI=true: failing.']);
        process.exit(1);
      }
      banner([
        'WARNING: the throw-away PostgreSQL cluster did not start (log above).',
        'PostgreSQL tests will be SKIPPED (SKIP_POSTGRES_TESTS=1).',
      ]);
      env.SKIP_POSTGRES_TESTS = '1';
    }
  }

  const vitest = await runVitest(env, extraArgs);

  // Stop the server before the tally so nothing is printed after it.
  cleanup();

  const passed = vitest.passed + checks.filter((c) => c === true).length;
  const failed = vitest.failed + checks.filter((c) => c === false).length;
  const skipped = vitest.skipped;
  process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`);
  process.exit(failed === 0 && vitest.exitCode === 0 ? 0 : 1);
}

main().catch((err) => {
  process.stderr.write(`[test] runner error: ${err?.stack ?? err}\n`);
  cleanup();
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
});
