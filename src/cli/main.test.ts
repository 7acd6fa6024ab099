import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { saveDocument } from '../document/load';
import { seedDocument } from '../examples/seed';
import { main, USAGE } from './main';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

/** An in-memory file system and console. */
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
        if (p.startsWith('/readonly/')) throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        fs.set(p, s);
      },
    },
  };
}

const seedFiles = () => ({ 'seed.json': saveDocument(seedDocument()) });

/** Runs main and checks the failure contract: code 1, one line on stderr, nothing on stdout. */
async function expectFailure(argv: string[], files: Record<string, string> = seedFiles()): Promise<string> {
  const m = memoryIo(files);
  expect(await main(argv, m.io)).toBe(1);
  expect(m.stdout).toBe('');
  expect(m.stderr.endsWith('\n')).toBe(true);
  expect(m.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(m.stderr).toMatch(/^pipeline-canvas: /);
  expect(m.stderr).not.toMatch(/\n\s+at /);
  return m.stderr.trimEnd();
}

describe('compile', () => {
  it.each([
    ['out.json', 'json'],
    ['out.yaml', 'yaml'],
    ['out.yml', 'yaml'],
    ['OUT.JSON', 'json'],
  ])('writes %s as %s', async (file, format) => {
    const m = memoryIo(seedFiles());
    expect(await main(['compile', 'seed.json', '-o', file], m.io)).toBe(0);
    const spec = compile(seedDocument(), catalog);
    expect(m.fs.get(file)).toBe(format === 'json' ? toJson(spec) : toYaml(spec));
    expect(m.stdout).toBe('');
    expect(m.stderr).toBe('');
  });

  it('accepts --output=FILE and lets --format override the extension', async () => {
    const m = memoryIo(seedFiles());
    expect(await main(['compile', '--output=spec.txt', '--format', 'json', 'seed.json'], m.io)).toBe(0);
    expect(m.fs.get('spec.txt')).toBe(toJson(compile(seedDocument(), catalog)));
    expect(await main(['compile', 'seed.json', '-o', 'x.json', '--format=yaml'], m.io)).toBe(0);
    expect(m.fs.get('x.json')).toBe(toYaml(compile(seedDocument(), catalog)));
  });

  it('prints YAML without -o, or JSON with --format json', async () => {
    const spec = compile(seedDocument(), catalog);
    let m = memoryIo(seedFiles());
    expect(await main(['compile', 'seed.json'], m.io)).toBe(0);
    expect(m.stdout).toBe(toYaml(spec));
    m = memoryIo(seedFiles());
    expect(await main(['compile', 'seed.json', '--format', 'json'], m.io)).toBe(0);
    expect(m.stdout).toBe(toJson(spec) + '\n');
  });

  it('refuses a missing file', async () => {
    expect(await expectFailure(['compile', 'nope.json', '-o', 'out.json'])).toBe(
      'pipeline-canvas: cannot read nope.json: no such file.',
    );
  });

  it('refuses text that is not JSON', async () => {
    const msg = await expectFailure(['compile', 'bad.json'], { 'bad.json': '{"format": "pipeline-canvas",' });
    expect(msg).toMatch(/^pipeline-canvas: bad\.json is not valid JSON: /);
  });

  it('refuses a malformed document with the loader message', async () => {
    const doc = JSON.parse(saveDocument(seedDocument()));
    doc.tasks[2].inputs.project = { parameter: 'project_id', constant: 'x' };
    const msg = await expectFailure(['compile', 'd.json'], { 'd.json': JSON.stringify(doc) });
    expect(msg).toMatch(/^pipeline-canvas: d\.json cannot be loaded: tasks\[2\]\.inputs\.project must be exactly one of/);
  });

  it('refuses a document of a newer version', async () => {
    const doc = { ...JSON.parse(saveDocument(seedDocument())), version: 7 };
    const msg = await expectFailure(['compile', 'd.json'], { 'd.json': JSON.stringify(doc) });
    expect(msg).toMatch(/newer Pipeline Canvas \(document version 7\)/);
  });

  it('refuses a document the validator finds errors in, naming the first', async () => {
    const doc = JSON.parse(saveDocument(seedDocument()));
    doc.tasks[0].component = 'v1.nothing.NoSuchOp';
    delete doc.tasks[1].inputs.project;
    const msg = await expectFailure(['compile', 'd.json', '-o', 'out.json'], { 'd.json': JSON.stringify(doc) });
    expect(msg).toMatch(/^pipeline-canvas: cannot compile d\.json \(\d+ errors in all; the first is shown\): Task t1 uses a component that is not in the catalog: v1\.nothing\.NoSuchOp\.$/);
  });

  it('refuses a single validation error without the count', async () => {
    const doc = JSON.parse(saveDocument(seedDocument()));
    doc.name = 'Bad Name';
    const msg = await expectFailure(['compile', 'd.json'], { 'd.json': JSON.stringify(doc) });
    expect(msg).toMatch(/^pipeline-canvas: cannot compile d\.json: Pipeline name "Bad Name" must use/);
  });

  it('keeps messages on one line even when the document holds line breaks', async () => {
    const doc = JSON.parse(saveDocument(seedDocument()));
    doc.tasks[0].component = 'evil\n    at Object.<anonymous> (x.js:1:1)';
    await expectFailure(['compile', 'd.json'], { 'd.json': JSON.stringify(doc) });
  });

  it('reports a write failure', async () => {
    expect(await expectFailure(['compile', 'seed.json', '-o', '/readonly/out.json'])).toBe(
      'pipeline-canvas: cannot write /readonly/out.json: permission denied.',
    );
  });

  it.each([
    [['compile'], /compile needs a document/],
    [['compile', 'a.json', 'b.json'], /compile takes one document, not 2/],
    [['compile', 'seed.json', '-o'], /option -o needs a value/],
    [['compile', 'seed.json', '--format', 'xml'], /--format must be json or yaml, not "xml"/],
    [['compile', 'seed.json', '-o', 'out.txt'], /cannot tell the output format from "out\.txt"/],
    [['compile', 'seed.json', '--verbose'], /unknown option --verbose/],
    [['compile', 'seed.json', '-o', 'a.json', '-o', 'b.json'], /option -o is given twice/],
  ])('usage error for %j', async (argv, want) => {
    const msg = await expectFailure(argv);
    expect(msg).toMatch(want);
    expect(msg).toMatch(/\(see pipeline-canvas --help\)\.$/);
  });
});

describe('catalog', () => {
  it('--json lists every entry sorted by id, with the component spec a compiled task gets', async () => {
    const m = memoryIo();
    expect(await main(['catalog', '--json'], m.io)).toBe(0);
    const list = JSON.parse(m.stdout) as Array<{ id: string; component: any; executor: any }>;
    expect(list.map((e) => e.id)).toEqual([...catalog.entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const e of list) expect(Object.keys(e)).toEqual(['component', 'executor', 'id']);

    // The seed's task keys equal the component names, so its compiled components must match.
    const spec = JSON.parse(toJson(compile(seedDocument(), catalog)));
    for (const task of seedDocument().tasks) {
      const entry = catalog.get(task.component)!;
      const listed = list.find((e) => e.id === task.component)!;
      expect(listed.component).toEqual(spec.components[`comp-${entry.name}`]);
      expect(listed.executor).toEqual(spec.deploymentSpec.executors[`exec-${entry.name}`]);
    }
  });

  it('without --json prints one line per entry', async () => {
    const m = memoryIo();
    expect(await main(['catalog'], m.io)).toBe(0);
    const lines = m.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(catalog.entries.size);
    expect(lines.some((l) => l.startsWith('v1.endpoint.ModelDeployOp '))).toBe(true);
  });

  it('refuses unknown options and arguments', async () => {
    expect(await expectFailure(['catalog', '--yaml'])).toMatch(/unknown option --yaml/);
    expect(await expectFailure(['catalog', 'x'])).toMatch(/catalog takes no arguments/);
  });
});

describe('help and unknown commands', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']], [['compile', '--help']]])('%j prints the usage', async (argv) => {
    const m = memoryIo();
    expect(await main(argv, m.io)).toBe(0);
    expect(m.stdout).toBe(USAGE);
    expect(m.stderr).toBe('');
  });

  it('refuses an unknown command or option', async () => {
    expect(await expectFailure(['build'])).toBe('pipeline-canvas: unknown command "build" (see pipeline-canvas --help).');
    expect(await expectFailure(['--version'])).toBe('pipeline-canvas: unknown option --version (see pipeline-canvas --help).');
  });
});
