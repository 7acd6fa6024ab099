import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { saveDocument } from '../document/load';
import { seedDocument } from '../examples/seed';
import { loadNeutralPipeline } from '../document/neutral';
import { HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict } from '../test-support/golden';
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

/** A neutral pipeline description (the `*.pipeline.json` format of the golden set). */
function neutral(constant: unknown = 'e'): string {
  return JSON.stringify({
    name: 'Neutral Demo',
    description: null,
    displayName: null,
    pipelineRoot: 'gs://b/root',
    parameters: [{ name: 'project_id', type: 'STRING' }],
    tasks: [
      { id: 't0', component: 'v1.endpoint.EndpointCreateOp', displayName: null, caching: true, retries: 2, after: [],
        inputs: { project: { parameter: 'project_id' }, display_name: { constant } } },
    ],
  });
}

describe('compile: neutral pipeline descriptions', () => {
  const expectedSpec = () => {
    const loaded = loadNeutralPipeline(neutral(), 'x', catalog);
    if (!loaded.ok) throw new Error(loaded.error);
    return compile(loaded.doc, catalog);
  };

  it.each(['demo.pipeline.json', 'demo.json', 'DEMO.PIPELINE.JSON'])('compiles %s (by extension or by shape)', async (file) => {
    const m = memoryIo({ [file]: neutral() });
    expect(await main(['compile', file, '-o', 'out.json'], m.io)).toBe(0);
    expect(m.stderr).toBe('');
    const written = m.fs.get('out.json')!;
    expect(written).toBe(toJson(expectedSpec()));
    const spec = JSON.parse(written);
    expect(spec.pipelineInfo.name).toBe('neutral-demo'); // KFP sanitises the pipeline name
    expect(spec.root.dag.tasks['endpoint-create'].retryPolicy).toEqual({
      backoffDuration: '0s', backoffFactor: 2, backoffMaxDuration: '3600s', maxRetryCount: 2,
    });
  });

  it('refuses an int constant for a float input with the loader message, one line', async () => {
    // AutoML image training's training_fraction_split is a float input.
    const doc = JSON.parse(neutral());
    doc.tasks.unshift({ id: 'd', component: 'v1.dataset.ImageDatasetCreateOp', displayName: null, caching: true, retries: null, after: [],
      inputs: { display_name: { constant: 'ds' } } });
    doc.tasks.push({ id: 't1', component: 'v1.automl.training_job.AutoMLImageTrainingJobRunOp', displayName: null, caching: true,
      retries: null, after: [], inputs: { project: { parameter: 'project_id' }, display_name: { constant: 't' }, dataset: { task: 'd', output: 'dataset' }, training_fraction_split: { constant: 0.5 } } });
    const ok = JSON.stringify(doc);
    const m = memoryIo({ 'p.pipeline.json': ok });
    expect(await main(['compile', 'p.pipeline.json'], m.io)).toBe(0);
    expect(m.stderr).toBe('');
    const msg = await expectFailure(['compile', 'p.pipeline.json'], { 'p.pipeline.json': ok.replace('"training_fraction_split":{"constant":0.5}', '"training_fraction_split":{"constant":1}') });
    expect(msg).toBe(
      'pipeline-canvas: p.pipeline.json cannot be loaded: tasks[2].inputs.training_fraction_split.constant is the int 1, but input ' +
        'training_fraction_split of automl-image-training-job is a float (NUMBER_DOUBLE) and KFP refuses an int there; write 1.0.',
    );
  });

  it('refuses what the validator finds, naming the file', async () => {
    const msg = await expectFailure(['compile', 'n.pipeline.json'], { 'n.pipeline.json': neutral(null) });
    expect(msg).toMatch(/^pipeline-canvas: cannot compile n\.pipeline\.json: endpoint-create: display_name None \(null\)/);
  });

  it('refuses a malformed description with the loader message', async () => {
    const msg = await expectFailure(['compile', 'n.pipeline.json'], { 'n.pipeline.json': '{"name": "x", "tasks": [], "oops": 1}' });
    expect(msg).toBe(
      'pipeline-canvas: n.pipeline.json cannot be loaded: oops is not a known field (expected "name", "description", "displayName", "pipelineRoot", "parameters", "tasks").',
    );
    expect(await expectFailure(['compile', 'n.pipeline.json'], { 'n.pipeline.json': '{"name": ' })).toMatch(
      /^pipeline-canvas: n\.pipeline\.json is not valid JSON: /,
    );
  });

  it('still treats a saved document as a document', async () => {
    const m = memoryIo(seedFiles());
    expect(await main(['compile', 'seed.json', '-o', 'out.json'], m.io)).toBe(0);
    expect(m.fs.get('out.json')).toBe(toJson(compile(seedDocument(), catalog)));
  });

  it.skipIf(!HAVE_GOLDENS)('compiles the golden random/001.pipeline.json to its golden', async () => {
    const m = memoryIo({ '001.pipeline.json': goldenText('random/001.pipeline.json') });
    expect(await main(['compile', '001.pipeline.json', '-o', '001.json'], m.io)).toBe(0);
    expect(normalizeSpec(parseStrict(m.fs.get('001.json')!))).toEqual(normalizeSpec(parseStrict(goldenText('random/001.json'))));
  });
});

describe('catalog', () => {
  it.skipIf(!HAVE_GOLDENS)('--json lists all 80 GCPC components, each equal to its golden comp-/exec- entry (descriptions aside)', async () => {
    const m = memoryIo();
    expect(await main(['catalog', '--json'], m.io)).toBe(0);
    const list = parseStrict(m.stdout) as Array<{ id: string; component: any; executor: any }>;
    expect(list).toHaveLength(80);
    for (const e of list) {
      const golden = parseStrict(goldenText(`components/${e.id}.json`)) as any;
      const name = golden.pipelineInfo.name;
      const wrap = (component: unknown) => normalizeSpec({ components: { c: component } });
      expect(wrap(e.component), e.id).toEqual(wrap(golden.components[`comp-${name}`]));
      expect(e.executor, e.id).toEqual(golden.deploymentSpec.executors[`exec-${name}`]);
    }
  });

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

describe('compile: version-2 documents (groups, embedded components, importer)', () => {
  it('compiles a document with a loop, an exit handler and a container component made in the app', async () => {
    const { DocBuilder, c, item } = await import('../test-support/build');
    const b = new DocBuilder('v2-cli').param('names', 'LIST', ['a', 'b']);
    const echo = b.component({
      kind: 'container',
      name: 'echo',
      inputs: [{ name: 'msg', type: 'STRING' }],
      outputs: [],
      image: 'alpine',
      command: ['echo', { inputValue: 'msg' }],
      args: [],
    });
    const exit = b.task(echo, { msg: c('done') });
    const handler = b.group({ kind: 'exitHandler', exitTask: exit });
    const loop = b.group({ kind: 'loop', parent: handler, items: { parameter: 'names' } });
    b.task(echo, { msg: item(loop) }, { group: loop });
    b.importer({ artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' } }, c('gs://b/d'));
    const m = memoryIo({ 'v2.json': saveDocument(b.doc) });
    expect(await main(['compile', 'v2.json', '--format', 'json'], m.io)).toBe(0);
    const spec = JSON.parse(m.stdout);
    expect(Object.keys(spec.root.dag.tasks).sort()).toEqual(['echo', 'exit-handler-1', 'importer']);
    expect(spec.components['comp-for-loop-2'].dag.tasks['echo-2'].inputs.parameters.msg).toEqual({
      componentInputParameter: 'pipelinechannel--names-loop-item',
    });
    expect(spec.deploymentSpec.executors['exec-importer'].importer.artifactUri).toEqual({ constant: 'gs://b/d' });
  });

  it('refuses a document the validator rejects, with the first diagnostic', async () => {
    const { DocBuilder } = await import('../test-support/build');
    const b = new DocBuilder('bad').param('mode', 'STRING');
    b.task('v1.endpoint.EndpointCreateOp', { display_name: { constant: 'e' } });
    b.group({ kind: 'loop', items: { parameter: 'mode' } });
    const msg = await expectFailure(['compile', 'bad.json'], { 'bad.json': saveDocument(b.doc) });
    expect(msg).toBe('pipeline-canvas: cannot compile bad.json: for-loop-1 loops over a STRING value; a ParallelFor needs a list.');
  });
});
