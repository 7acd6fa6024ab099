#!/usr/bin/env node
/**
 * `pipeline-canvas` executable. Runs the bundled CLI (dist-cli/cli.mjs), building it
 * first with scripts/build-cli.mjs when it is missing or older than any source file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'cli.mjs');
const builder = join(root, 'scripts', 'build-cli.mjs');

/** Newest modification time (ms) of the non-test files under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (e.isFile() && !/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!existsSync(bundle)) return true;
  // Installed without sources (or without the build script): use the bundle as it is.
  if (!existsSync(join(root, 'src')) || !existsSync(builder)) return false;
  const built = statSync(bundle).mtimeMs;
  return newestMtime(join(root, 'src')) > built || statSync(builder).mtimeMs > built;
}

if (isStale()) {
  // Build quietly: stdout stays the command's output, and stderr stays one line on failure.
  const r = spawnSync(process.execPath, [builder], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0 || !existsSync(bundle)) {
    const lastLine = `${r.stderr ?? ''}`
      .split('\n')
      .filter((l) => l.startsWith('build-cli: '))
      .pop()
      ?.slice('build-cli: '.length);
    const why = r.error?.message || lastLine || `exit code ${r.status ?? r.signal}`;
    process.stderr.write(`pipeline-canvas: could not build the command line (${why}); run npm run build:cli for details.\n`);
    process.exit(1);
  }
}

await import(pathToFileURL(bundle).href);
