#!/usr/bin/env node
/**
 * Builds the command line into one Node ESM file, dist-cli/cli.mjs, with Vite's SSR
 * build (import.meta.glob of the catalog works as in the app). Everything, including
 * npm dependencies, is bundled; only Node built-ins stay external.
 *
 * The bundle is written to a private temporary folder and then renamed into place, so
 * a concurrent build or a running `bin/pipeline-canvas.mjs` never sees half a file.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(root, 'dist-cli');
const tmpDir = resolve(outDir, `.build-${process.pid}-${Date.now()}`);

export async function buildCli() {
  mkdirSync(outDir, { recursive: true });
  try {
    await build({
      root,
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      ssr: { noExternal: true, target: 'node' },
      build: {
        ssr: resolve(root, 'src/cli/entry.ts'),
        outDir: tmpDir,
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: false,
        copyPublicDir: false,
        reportCompressedSize: false,
        rolldownOptions: {
          output: { format: 'es', entryFileNames: 'cli.mjs', codeSplitting: false },
        },
      },
    });
    renameSync(resolve(tmpDir, 'cli.mjs'), resolve(outDir, 'cli.mjs'));
  } finally {
    rmSync(tmpDir, { recursive: true, force: true });
  }
  return resolve(outDir, 'cli.mjs');
}

/** The first lines of an error message, without colours, as one line. */
function summary(e) {
  const text = (e instanceof Error ? e.message : String(e)).replace(/\u001b\[[0-9;]*m/g, '');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.slice(0, 2).join(' ').slice(0, 300);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildCli().then(
    (file) => console.log(`built ${file}`),
    (e) => {
      // Vite has printed the details; end with one summary line (bin/pipeline-canvas.mjs shows it).
      console.error(`build-cli: ${summary(e)}`);
      process.exitCode = 1;
    },
  );
}
