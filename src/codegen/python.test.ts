/**
 * The Python export (issue #7) on every golden document we can build: the seed, the 13
 * feature pipelines, the 50 random pipelines and the upstream KFP pipelines. Every file must
 * parse (`ast.parse`, all files in one python3 process) and, run against a recording
 * stand-in for `kfp` and GCPC (`python-fake/`), make exactly the calls the document
 * describes: same tasks under the same task keys, components, arguments, options, groups,
 * parameters, outputs and compile call. Plus focused cases for names, order and literals.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import type { CatalogEntry } from '../catalog/types';
import type { PipelineDocument } from '../document/types';
import { c, DocBuilder, item, out, p, template } from '../test-support/build';
import { HAVE_GOLDENS } from '../test-support/golden';
import { PIPELINE_DOCUMENTS, randomDocument, SEED_DOCUMENT, UPSTREAM_DOCUMENTS } from '../test-support/golden-documents';
import { Upstream } from '../test-support/upstream';
import { toPython, type PythonOptions } from './python';
import { checkRecording, type Recording } from './python-recording';

const FAKE_KFP = resolve(dirname(fileURLToPath(import.meta.url)), 'python-fake');
const HAVE_PYTHON = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;
if (!HAVE_PYTHON) console.warn('NOTICE: python3 with PyYAML is not available; the Python export tests that run Python are skipped.');

interface Case {
  name: string;
  doc: PipelineDocument;
  options?: PythonOptions;
}

let catalog: Catalog;
let work: string;
const cases: Case[] = [];

/** A stand-in `google_cloud_pipeline_components` package: every catalog component, recording its calls. */
function writeFakeGcpc(root: string, entries: Iterable<CatalogEntry>): void {
  const pkg = join(root, 'google_cloud_pipeline_components');
  const interfaces: Record<string, unknown> = {};
  const modules = new Map<string, string[]>();
  for (const e of entries) {
    const m = /^v1\.(.+)\.(\w+)$/.exec(e.id);
    if (!m) continue;
    const inputs: Record<string, boolean> = {};
    for (const [name, spec] of Object.entries(e.inputDefinitions?.parameters ?? {}))
      inputs[name] = spec.isOptional === true || spec.defaultValue !== undefined || (spec.parameterType as string) === 'TASK_FINAL_STATUS';
    for (const [name, spec] of Object.entries(e.inputDefinitions?.artifacts ?? {})) inputs[name] = spec.isOptional === true;
    const outputs = [...Object.keys(e.outputDefinitions?.parameters ?? {}), ...Object.keys(e.outputDefinitions?.artifacts ?? {})];
    interfaces[e.id] = { name: e.name, inputs, outputs };
    const lines = modules.get(m[1]) ?? [];
    lines.push(`${m[2]} = gcpc_op(${JSON.stringify(e.id)})`);
    modules.set(m[1], lines);
  }
  const ensure = (dir: string) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '__init__.py'), '', { flag: 'a' });
  };
  ensure(pkg);
  writeFileSync(join(pkg, '_interfaces.json'), JSON.stringify(interfaces));
  for (const [module, lines] of modules) {
    let dir = join(pkg, 'v1');
    ensure(dir);
    for (const part of module.split('.')) ensure((dir = join(dir, part)));
    writeFileSync(join(dir, '__init__.py'), ['from kfp._recorder import gcpc_op', '', ...lines, ''].join('\n'));
  }
  ensure(join(pkg, 'types'));
  const types = ['VertexModel', 'VertexEndpoint', 'VertexBatchPredictionJob', 'VertexDataset', 'BQMLModel', 'BQTable', 'UnmanagedContainerModel', 'ClassificationMetrics', 'RegressionMetrics', 'ForecastingMetrics'];
  writeFileSync(
    join(pkg, 'types', 'artifact_types.py'),
    ['from kfp._recorder import Artifact', '', ...types.map((t) => `class ${t}(Artifact):\n    schema_title = "google.${t}"\n`)].join('\n'),
  );
}

function python(args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync('python3', args, { encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env }, maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return r.stdout;
}

function fileOf(i: number): string {
  return join(work, 'pipelines', `p${String(i).padStart(3, '0')}.py`);
}

beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
  work = mkdtempSync(join(tmpdir(), 'pipeline-canvas-python-'));
  mkdirSync(join(work, 'pipelines'));
  writeFakeGcpc(work, catalog.entries.values());
  if (HAVE_GOLDENS) {
    cases.push({ name: SEED_DOCUMENT.golden, doc: SEED_DOCUMENT.build() });
    for (const [name, build] of Object.entries(PIPELINE_DOCUMENTS)) cases.push({ name, doc: build() });
    // The legacy spelling of a standalone condition, on the pipeline that uses it.
    cases.push({ name: 'pipeline-03b as dsl.Condition', doc: PIPELINE_DOCUMENTS['pipelines/pipeline-03b-condition-legacy'](), options: { legacyCondition: true } });
    for (let n = 1; n <= 50; n++) cases.push({ name: `random/${String(n).padStart(3, '0')}`, doc: randomDocument(n, catalog) });
    for (const u of UPSTREAM_DOCUMENTS) cases.push({ name: u.file, doc: u.build(new Upstream(u.file, { lenient: u.lenient }), catalog) });
  }
  cases.push(...edgeCases());
  cases.forEach((c, i) => writeFileSync(fileOf(i), toPython(c.doc, catalog, c.options)));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Documents that exercise names, order and literals the goldens do not. */
function edgeCases(): Case[] {
  const list: Case[] = [];
  {
    // Parameters named like the modules the file imports; a component named like a builtin,
    // a keyword and a parameter; f-strings with braces and quotes; a task read before the
    // group that created it, created later in the document than the reader's group.
    const b = new DocBuilder('names-and-literals', { description: 'Line one\nline "two"', displayName: 'Names & literals' })
      .param('dsl', 'STRING', 'x')
      .param('compiler', 'NUMBER_DOUBLE', 2)
      .param('items', 'LIST', [1, 2])
      .param('maybe', 'NUMBER_INTEGER');
    b.doc = { ...b.doc, parameters: [...b.doc.parameters.slice(0, 3), { name: 'maybe', type: 'NUMBER_INTEGER', optional: true }] };
    const echo = (name: string) =>
      b.component({
        kind: 'container',
        name,
        description: 'Prints "its" input.',
        inputs: [
          { name: 'msg', type: 'STRING', description: 'What to print.' },
          { name: 'ratio', type: 'NUMBER_DOUBLE', default: 1 },
          { name: 'data', type: { schemaTitle: 'acme.Table', schemaVersion: '1.2.0' }, optional: true },
        ],
        outputs: [
          { name: 'out', type: 'STRING' },
          { name: 'model', type: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' } },
        ],
        image: 'alpine',
        command: ['sh', '-c', 'echo "$0" > "$1"'],
        args: [
          { inputValue: 'msg' },
          { outputPath: 'out' },
          { concat: ['--model=', { outputPath: 'model' }] },
          { ifPresent: { input: 'data', then: [{ inputUri: 'data' }, { inputMetadata: 'data', key: 'rows' }], else: '--no-data' } },
          { executorInput: true },
        ],
      });
    const printer = echo('print');
    const keyword = echo('class');
    const param = echo('items');
    const loop = b.group({ kind: 'loop', items: { parameter: 'items' }, itemType: 'NUMBER_INTEGER', parallelism: 3, displayName: 'each item' });
    b.task(printer, { msg: template('{literal} "q" ', { parameter: 'dsl' }, " 'x' ", { loopItem: loop }), ratio: p('compiler') }, { group: loop });
    const second = b.task(keyword, { msg: c('{{$.pipeline_job_name}}'), ratio: c(3) }, { retries: 0, retryBackoff: { factor: 3 } });
    const cond = b.group({ kind: 'condition', condition: { left: { constant: 2.5 }, operator: '<', right: { parameter: 'compiler' } } });
    b.task(param, { msg: out(second, 'out') }, { group: cond, after: [second], caching: false, displayName: 'Last "one"', ignoreUpstreamFailure: true });
    b.output('text', { task: second, output: 'out' }).output('model', { task: second, output: 'model' });
    list.push({ name: 'edge: names and literals', doc: b.doc, options: { packagePath: 'out/names.json' } });
  }
  {
    // Statement order: the document creates the reader before the task it reads (inside a
    // later group), so the group must move up; nested loops over an item's field.
    const b = new DocBuilder('order').param('rows', 'LIST', [{ cols: ['a'] }]);
    const component = (name: string) =>
      b.component({ kind: 'container', name, inputs: [{ name: 'x', type: 'STRING' }], outputs: [{ name: 'y', type: 'STRING' }], image: 'alpine', command: ['cat'], args: [{ inputValue: 'x' }] });
    const [cat, dog] = [component('cat'), component('dog')];
    const outer = b.group({ kind: 'loop', items: { parameter: 'rows' }, itemType: 'STRUCT' });
    const inner = b.group({ kind: 'loop', parent: outer, items: { loopItem: outer, field: 'cols' } });
    const reader = b.task(dog, { x: c('first') });
    const late = b.task(cat, { x: item(inner) }, { group: inner });
    b.doc = { ...b.doc, tasks: b.doc.tasks.map((t) => (t.id === reader ? { ...t, after: [late] } : t)) };
    list.push({ name: 'edge: order', doc: b.doc });
  }
  {
    // Artifact inputs of the pipeline, descriptions of parameters and outputs (KFP reads them from the docstring).
    const b = new DocBuilder('described', { description: 'Uses an artifact input.' }).param('n', 'NUMBER_INTEGER', 1);
    b.doc = {
      ...b.doc,
      parameters: [{ name: 'n', type: 'NUMBER_INTEGER', default: 1, description: 'How many.' }],
      artifactInputs: [
        { name: 'model', artifactType: { schemaTitle: 'google.VertexModel', schemaVersion: '0.0.1' }, description: 'The model\nto deploy.' },
        { name: 'extra', artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' }, isList: true, optional: true },
      ],
    };
    const endpoint = b.task('v1.endpoint.EndpointCreateOp', { project: c('p'), display_name: c('e') });
    b.task('v1.endpoint.ModelDeployOp', { model: p('model'), endpoint: out(endpoint, 'endpoint') });
    b.output('Output', { task: endpoint, output: 'endpoint' });
    b.doc = { ...b.doc, outputs: b.doc.outputs!.map((o) => ({ ...o, description: 'The endpoint.' })) };
    list.push({ name: 'edge: artifact inputs and descriptions', doc: b.doc });
  }
  return list;
}

describe.skipIf(!HAVE_PYTHON)('Python export: generated files run', () => {
  it('every generated file parses (ast.parse, one python3 process)', () => {
    const script = 'import ast,sys,json\nbad=[]\nfor f in sys.argv[1:]:\n  try: ast.parse(open(f,encoding="utf-8").read(), f)\n  except SyntaxError as e: bad.append(f"{f}: {e}")\nprint(json.dumps(bad))';
    const bad = JSON.parse(python(['-c', script, ...cases.map((_, i) => fileOf(i))]));
    expect(bad).toEqual([]);
    if (HAVE_GOLDENS) expect(cases.length).toBeGreaterThan(110);
  });

  it('the calls each file makes map back to its document (recording stand-in for kfp and GCPC)', () => {
    const results: Array<{ file: string; ok: boolean; error?: string; recording?: Recording }> = JSON.parse(
      python([join(FAKE_KFP, 'run.py'), ...cases.map((_, i) => fileOf(i))], { PYTHONPATH: [FAKE_KFP, work].join(':') }),
    );
    const problems: string[] = [];
    results.forEach((r, i) => {
      const c = cases[i];
      if (!r.ok) problems.push(`${c.name}: ${r.error}`);
      else for (const p of checkRecording(c.doc, catalog, r.recording!, c.options)) problems.push(`${c.name}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
});

describe('Python export: text', () => {
  it('writes the seed as a person would', () => {
    const py = toPython(SEED_DOCUMENT.build(), catalog);
    expect(py).toContain('from kfp import compiler, dsl\n');
    expect(py).toContain('from google_cloud_pipeline_components.v1.endpoint import EndpointCreateOp, ModelDeployOp\n');
    expect(py).toContain('@dsl.pipeline(\n    name="automl-image-training-v2",\n    pipeline_root="gs://my-bucket/pipeline-root",\n)\n');
    expect(py).toContain('def automl_image_training_v2(project_id: str):\n');
    expect(py).toContain('        dataset=image_dataset_create.output,\n');
    expect(py).toContain('        budget_milli_node_hours=8000,\n');
    expect(py).toContain('        training_fraction_split=0.6,\n');
    expect(py).toContain('    ModelDeployOp(\n        model=automl_image_training_job.outputs["model"],\n');
    expect(py.trimEnd().endsWith('package_path="automl-image-training-v2.yaml",\n    )')).toBe(true);
    expect(toPython(SEED_DOCUMENT.build(), catalog)).toBe(py);
  });

  it('writes floats for float inputs and parameters, ints for int ones', () => {
    const b = new DocBuilder('numbers').param('ratio', 'NUMBER_DOUBLE', 1).param('n', 'NUMBER_INTEGER', 2);
    b.task('v1.automl.training_job.AutoMLImageTrainingJobRunOp', {
      project: c('p'),
      display_name: c('d'),
      training_fraction_split: c(1),
      budget_milli_node_hours: c(8000),
    });
    const py = toPython(b.doc, catalog);
    expect(py).toContain('ratio: float = 1.0');
    expect(py).toContain('n: int = 2');
    expect(py).toContain('training_fraction_split=1.0,');
    expect(py).toContain('budget_milli_node_hours=8000,');
  });

  it('writes If/Elif/Else, ParallelFor and ExitHandler blocks', () => {
    const py03a = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-03a-if-elif-else'](), catalog);
    expect(py03a).toContain('    with dsl.If(deploy_mode == "dedicated", name="deploy-dedicated"):\n');
    expect(py03a).toContain('    with dsl.Elif(deploy_mode == "automatic", name="deploy-automatic"):\n');
    expect(py03a).toContain('    with dsl.Else(name="no-deploy"):\n        skip_deploy(reason="deploy_mode is neither dedicated nor automatic")\n');
    const py04a = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-04a-parallelfor-param'](), catalog);
    expect(py04a).toContain('    with dsl.ParallelFor(display_names, parallelism=2) as display_name:\n');
    expect(py04a).toContain('            display_name=display_name,\n');
    const py02a = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-02a-exit-handler-email'](), catalog);
    expect(py02a).toContain('    with dsl.ExitHandler(vertex_pipelines_notification_email, name="train-and-deploy"):\n');
    const py03b = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-03b-condition-legacy'](), catalog, { legacyCondition: true });
    expect(py03b).toContain('    with dsl.Condition(deploy == True):\n');
    expect(py03b).toContain('        with dsl.Condition(min_replicas > 0):\n');
  });

  it('writes task options as method calls', () => {
    const py = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-05-task-options'](), catalog);
    expect(py).toContain('    image_dataset_create.set_display_name("Create flowers dataset")\n    image_dataset_create.set_caching_options(False)\n');
    expect(py).toContain('    endpoint_create.set_retry(num_retries=3, backoff_duration="60s", backoff_factor=2.0, backoff_max_duration="3600s")\n');
    expect(py).toContain('    endpoint_create.after(image_dataset_create)\n');
    expect(py).toContain('    endpoint_create_2.set_retry(num_retries=2)\n');
    const py10 = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-10-task-resources'](), catalog);
    for (const line of ['set_cpu_limit("4")', 'set_memory_request("8G")', 'set_accelerator_type("NVIDIA_TESLA_T4")', 'set_accelerator_limit(1)', 'set_env_variable(name="MODE", value="train")'])
      expect(py10).toContain(`    train_task.${line}\n`);
    const py09 = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-09-placeholders'](), catalog);
    expect(py09).toContain('job_name=dsl.PIPELINE_JOB_NAME_PLACEHOLDER,');
    expect(py09).toContain('project="{{$.pipeline_google_cloud_project_id}}",');
  });

  it('writes importers and components loaded from their spec', () => {
    const py06 = toPython(PIPELINE_DOCUMENTS['pipelines/pipeline-06-importer-vertex-model'](), catalog);
    expect(py06).toContain('from google_cloud_pipeline_components.types.artifact_types import VertexModel\n');
    expect(py06).toContain('    importer = dsl.importer(\n');
    expect(py06).toContain('        artifact_class=VertexModel,\n        reimport=False,\n');
    expect(py06).toContain('        model=importer.output,\n');
  });

  it('names variables after task keys and keeps them apart from functions, parameters and modules', () => {
    const edge = edgeCases()[0];
    const py = toPython(edge.doc, catalog, edge.options);
    expect(py).toContain('from kfp import compiler as kfp_compiler, dsl as kfp_dsl\n');
    expect(py).toContain('from typing import List, NamedTuple, Optional\n');
    expect(py).toContain('@kfp_dsl.container_component\ndef print_(\n');
    expect(py).toContain('def class_(\n');
    expect(py).toContain('def items_(\n');
    expect(py).toContain('class TableArtifact(kfp_dsl.Artifact):\n    schema_title = "acme.Table"\n    schema_version = "1.2.0"\n');
    expect(py).toContain(`msg=f"{{literal}} \\"q\\" {dsl} 'x' {item}",`);
    expect(py).toContain('with kfp_dsl.ParallelFor(items, parallelism=3, name="each item") as item:');
    expect(py).toContain('items: List[int] = [1, 2]');
    expect(py).toContain('maybe: Optional[int] = None');
    expect(py).toContain('with kfp_dsl.If(compiler > 2.5):');
    expect(py).toContain('class_task.set_retry(num_retries=0, backoff_factor=3.0)');
    expect(py).toContain('    items_task.ignore_upstream_failure()\n');
    expect(py).toContain("items_task.set_display_name('Last \"one\"')");
    expect(py).toContain('class Outputs(NamedTuple):\n    text: str\n    model: kfp_dsl.Model\n');
  });
});
