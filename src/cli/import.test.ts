import jsYaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { goldenText, HAVE_GOLDENS } from '../test-support/golden';
import { UPSTREAM_DIR } from '../test-support/upstream';
import { main } from './main';

function memoryIo(files: Record<string, string> = {}) {
  const fs = new Map(Object.entries(files));
  const out: string[] = [];
  const err: string[] = [];
  return {
    fs,
    get stdout() {
      return out.join('');
    },
    get stderr() {
      return err.join('');
    },
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
      readFile(p: string) {
        const text = fs.get(p);
        if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${p}'`), { code: 'ENOENT' });
        return text;
      },
      writeFile(p: string, s: string) {
        fs.set(p, s);
      },
    },
  };
}

/** Every YAML document of a file, `sdkVersion` aside. */
const parsed = (text: string) =>
  (jsYaml.loadAll(text) as Array<Record<string, unknown>>).map((d, i) => {
    if (i > 0) return d;
    const { sdkVersion: _s, ...rest } = d;
    return rest;
  });

describe.skipIf(!HAVE_GOLDENS)('pipeline-canvas import', () => {
  const files = [
    'seed-automl-image.yaml',
    'pipelines/pipeline-03a-if-elif-else.yaml',
    'components/v1.endpoint.ModelDeployOp.yaml',
    `${UPSTREAM_DIR}/critical/flip_coin.yaml`,
    `${UPSTREAM_DIR}/critical/pipeline_with_secret_as_env.yaml`,
    `${UPSTREAM_DIR}/parallel_and_nested/parallel_for_secret.yaml`,
  ];
  for (const file of files)
    it(`import ${file.split('/').pop()} then compile gives back the same spec`, async () => {
      const m = memoryIo({ 'spec.yaml': goldenText(file) });
      expect(await main(['import', 'spec.yaml', '-o', 'doc.json'], m.io)).toBe(0);
      expect(m.stdout).toBe('');
      expect(await main(['compile', 'doc.json', '-o', 'out.yaml'], m.io)).toBe(0);
      expect(parsed(m.fs.get('out.yaml')!)).toEqual(parsed(goldenText(file)));
    });

  it('prints the document without -o, and notes on stderr', async () => {
    const m = memoryIo({ 'spec.yaml': goldenText(`${UPSTREAM_DIR}/critical/pipeline_with_secret_as_env.yaml`) });
    expect(await main(['import', 'spec.yaml'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout).format).toBe('pipeline-canvas');
    expect(m.stderr).toMatch(/^pipeline-canvas: note: .*platform spec/m);
  });

  it('refuses JSON output for a document with a platform spec, as KFP does', async () => {
    const m = memoryIo({ 'spec.yaml': goldenText(`${UPSTREAM_DIR}/critical/pipeline_with_secret_as_env.yaml`) });
    expect(await main(['import', 'spec.yaml', '-o', 'doc.json'], m.io)).toBe(0);
    expect(await main(['compile', 'doc.json', '-o', 'out.json'], m.io)).toBe(1);
    expect(m.stderr).toMatch(/KFP writes to YAML files only/);
  });
});

describe('pipeline-canvas import: failures are one line and exit 1', () => {
  const fails = async (argv: string[], files: Record<string, string>) => {
    const m = memoryIo(files);
    expect(await main(argv, m.io)).toBe(1);
    expect(m.stdout).toBe('');
    expect(m.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(m.stderr).toMatch(/^pipeline-canvas: .*\.\n$/);
    return m.stderr;
  };

  it('a file that is not a compiled pipeline', async () => {
    expect(await fails(['import', 'x.yaml'], { 'x.yaml': 'hello: [' })).toMatch(/x\.yaml is not valid YAML or JSON/);
    expect(await fails(['import', 'x.yaml'], { 'x.yaml': 'hello: world\n' })).toMatch(/x\.yaml is not a compiled KFP pipeline/);
  });

  it('a missing file, a missing argument, a bad output name', async () => {
    expect(await fails(['import', 'nope.yaml'], {})).toMatch(/cannot read nope\.yaml: no such file/);
    expect(await fails(['import'], {})).toMatch(/import needs a compiled pipeline/);
    expect(await fails(['import', 'x.yaml', '-o', 'doc.yaml'], { 'x.yaml': '' })).toMatch(/name the output \.json/);
  });
});
