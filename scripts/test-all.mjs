#!/usr/bin/env node
// `npm test`: every test of the project, in order: type check, unit and golden tests
// (vitest), production build, and end-to-end tests in Debian's Chromium (Playwright).
// Ends with one line `N passed, N failed` and a non-zero exit code on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REPORTS = 'reports';
let passed = 0;
let failed = 0;

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium`);
    return false;
  }
  console.log('Chromium is missing; installing Debian\'s chromium package…');
  run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
  return existsSync(CHROMIUM);
}

/** A TCP port nobody listens on, for the e2e server. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

// 1. Type check (one check).
if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) === 0) passed++;
else failed++;

// 2. Unit and golden tests.
const unitStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/unit.json`]);
const unit = readJson(`${REPORTS}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0);
}
if (!unit || (unitStatus !== 0 && unit.numFailedTests === 0 && !unit.numFailedTestSuites)) failed++;

// 3. Production build (one check), then 4. end-to-end tests in Chromium.
const buildOk = run('npx', ['vite', 'build', '--logLevel', 'warn']) === 0;
if (buildOk) passed++;
else failed++;

if (!ensureChromium()) failed++;
else if (buildOk) {
  const port = await freePort();
  const e2eStatus = run('npx', ['playwright', 'test'], {
    env: { ...process.env, PW_JSON: `${REPORTS}/e2e.json`, E2E_PORT: String(port) },
  });
  const e2e = readJson(`${REPORTS}/e2e.json`);
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
  }
  if (!e2e || (e2eStatus !== 0 && e2e.stats.unexpected === 0)) failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
