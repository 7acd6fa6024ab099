/**
 * End to end: runs the real executable (bin/pipeline-canvas.mjs) in a child process.
 * The bin builds dist-cli/cli.mjs itself when it is missing or stale, hence the timeout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson } from '../compiler/serialize';
import { saveDocument } from '../document/load';
import { seedDocument } from '../examples/seed';
import { HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict } from '../test-support/golden';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/pipeline-canvas.mjs');
const TIMEOUT = 120_000;

let dir: string;
let catalog: Catalog;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pipeline-canvas-bin-'));
  writeFileSync(join(dir, 'seed.json'), saveDocument(seedDocument()));
  writeFileSync(join(dir, 'broken.json'), '{"format": "pipeline-canvas", "version": 1,');
  catalog = createCatalog(await loadAllGcpc());
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: TIMEOUT });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: ReturnType<typeof run>) {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/Error:/);
}

describe('bin/pipeline-canvas.mjs', () => {
  it(
    'compiles a saved document to the same JSON as the compiler',
    () => {
      const r = run('compile', 'seed.json', '-o', 'out.json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const written = readFileSync(join(dir, 'out.json'), 'utf8');
      expect(written).toBe(toJson(compile(seedDocument(), catalog)));
      if (HAVE_GOLDENS)
        expect(normalizeSpec(parseStrict(written))).toEqual(normalizeSpec(parseStrict(goldenText('seed-automl-image.json'))));
    },
    TIMEOUT,
  );

  it.skipIf(!HAVE_GOLDENS)(
    'compiles a neutral description (*.pipeline.json) to the golden of the real KFP compiler',
    () => {
      writeFileSync(join(dir, 'probe.pipeline.json'), goldenText('random/probes/many-duplicates.pipeline.json'));
      const r = run('compile', 'probe.pipeline.json', '-o', 'probe.json');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(normalizeSpec(parseStrict(readFileSync(join(dir, 'probe.json'), 'utf8')))).toEqual(
        normalizeSpec(parseStrict(goldenText('random/probes/many-duplicates.json'))),
      );
      writeFileSync(join(dir, 'refused.pipeline.json'), goldenText('random/probes/float-const-to-int.pipeline.json'));
      const refused = run('compile', 'refused.pipeline.json', '-o', 'refused.json');
      expectOneLineError(refused);
      expect(refused.stderr).toMatch(/^pipeline-canvas: refused\.pipeline\.json cannot be loaded: tasks\[1\]\.inputs\.budget_milli_node_hours\.constant is the float 8000\.0/);
    },
    TIMEOUT,
  );

  it(
    'refuses a broken document with one line on stderr and exit code 1',
    () => {
      const r = run('compile', 'broken.json', '-o', 'out.yaml');
      expectOneLineError(r);
      expect(r.stderr).toMatch(/^pipeline-canvas: broken\.json is not valid JSON: /);
    },
    TIMEOUT,
  );

  it(
    'refuses a missing file and an unknown command the same way',
    () => {
      const missing = run('compile', 'missing.json');
      expectOneLineError(missing);
      expect(missing.stderr).toBe('pipeline-canvas: cannot read missing.json: no such file.\n');
      expectOneLineError(run('launch'));
    },
    TIMEOUT,
  );

  it(
    'prints the catalog as JSON',
    () => {
      const r = run('catalog', '--json');
      expect(r.code).toBe(0);
      const list = JSON.parse(r.stdout) as Array<{ id: string }>;
      expect(list).toHaveLength(catalog.entries.size);
      expect(list).toHaveLength(80);
    },
    TIMEOUT,
  );
});
