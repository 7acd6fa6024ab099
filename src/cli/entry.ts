/**
 * Node entry of the `pipeline-canvas` command (bundled by scripts/build-cli.mjs into
 * dist-cli/cli.mjs): runs `main` with the real file system and console.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { main } from './main';

// `pipeline-canvas catalog --json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`pipeline-canvas: cannot write to stdout: ${e.message}\n`);
  process.exit(1);
});

main(process.argv.slice(2), {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readFile: (p) => readFileSync(p, 'utf8'),
  writeFile: (p, s) => writeFileSync(p, s),
}).then(
  // exitCode rather than exit(): lets pending stdout writes (pipes) drain first.
  (code) => void (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`pipeline-canvas: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
