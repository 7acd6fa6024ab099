/**
 * Builds what the benchmarks run:
 *  - the app, with the project's own Vite config (production build), into bench/.build/app;
 *  - the framework-free core (bench/core-entry.ts) as one Node ESM file with Vite's SSR
 *    build, into bench/.build/core/core.mjs (as scripts/build-cli.mjs does for the CLI).
 * Nothing is written to dist/ or dist-cli/, so a bench never disturbs `npm test` or `npm start`.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';
import { BUILD_DIR, ROOT } from './paths.mjs';

export const APP_DIR = resolve(BUILD_DIR, 'app');
export const CORE_DIR = resolve(BUILD_DIR, 'core');
export const CORE_FILE = resolve(CORE_DIR, 'core.mjs');

export async function buildApp() {
  rmSync(APP_DIR, { recursive: true, force: true });
  await build({
    root: ROOT,
    logLevel: 'error',
    build: { outDir: APP_DIR, emptyOutDir: true, reportCompressedSize: false },
  });
  return APP_DIR;
}

export async function buildCore() {
  rmSync(CORE_DIR, { recursive: true, force: true });
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: resolve(ROOT, 'bench/core-entry.ts'),
      outDir: CORE_DIR,
      emptyOutDir: true,
      target: 'node20',
      // Minified like the app's production bundle, so the Node figures compare with it.
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'core.mjs', codeSplitting: false } },
    },
  });
  return CORE_FILE;
}
