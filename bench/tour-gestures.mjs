#!/usr/bin/env node
// Counts the gestures (clicks, drags, field fills, key presses) a first-time visitor needs
// to build the seed pipeline with the guided tour, by running the tour's end-to-end test
// (e2e/tour.spec.ts counts them while it drives the app). Goal: at most 25.
// Run: npm run bench:tour   (builds the app first)
import { spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const r = spawnSync('npx', ['playwright', 'test', 'e2e/tour.spec.ts', '--reporter=line'], { encoding: 'utf8', env: { ...process.env, PW_JSON: '/tmp/tour-bench.json' } });
const line = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.includes('TOUR GESTURES'));
if (!line) {
  console.error(r.stdout, r.stderr);
  console.error('tour-gestures: the tour test did not report a count');
  process.exit(1);
}
const count = Number(/TOUR GESTURES: (\d+)/.exec(line)?.[1]);
console.log(`Guided tour to the seed pipeline: ${count} gestures (goal ≤ 25) — ${count <= 25 ? 'ok' : 'MISS'}`);
process.exit(count <= 25 && r.status === 0 ? 0 : 1);
