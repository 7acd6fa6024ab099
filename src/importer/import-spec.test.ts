import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { loadDocument, saveDocument } from '../document/load';
import { removeTasks } from '../document/operations';
import { seedDocument } from '../examples/seed';
import { validate } from '../validate/validate';
import { importSpec, type ImportResult } from './import-spec';
import { MAX_SPEC_BYTES } from './parse-text';

let catalog: Catalog;
let seedYaml: string;
let seedSpec: Record<string, any>;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
  seedSpec = compile(seedDocument(), catalog) as unknown as Record<string, any>;
  seedYaml = toYaml(seedSpec as never);
});

/** The spec without `sdkVersion`, for comparisons. */
const bare = (spec: unknown) => {
  const { sdkVersion: _s, ...rest } = spec as Record<string, unknown>;
  return rest;
};

function refused(result: ImportResult): string {
  if (result.ok) throw new Error('expected a refusal, but the file was imported');
  // One sentence: names the file, ends with a full stop, one line, no stack.
  expect(result.error).toMatch(/^spec\.(yaml|json) /);
  expect(result.error).toMatch(/\.$/);
  expect(result.error).not.toMatch(/\n/);
  expect(result.error).not.toMatch(/internal error|could not be imported/);
  return result.error;
}

const specJson = (patch: (s: Record<string, any>) => void) => {
  const s = structuredClone(seedSpec);
  patch(s);
  return JSON.stringify(s);
};

describe('importSpec: what it accepts', () => {
  it('imports YAML with the # PIPELINE DEFINITION header, and without it', () => {
    for (const text of [seedYaml, seedYaml.slice(seedYaml.indexOf('components:'))]) {
      const r = importSpec(text, 'spec.yaml', catalog);
      if (!r.ok) throw new Error(r.error);
      expect(r.format).toBe('yaml');
      expect(bare(compile(r.doc, catalog))).toEqual(bare(seedSpec));
      expect(r.doc.tasks.map((t) => t.component).sort()).toEqual([
        'v1.automl.training_job.AutoMLImageTrainingJobRunOp',
        'v1.dataset.ImageDatasetCreateOp',
        'v1.endpoint.EndpointCreateOp',
        'v1.endpoint.ModelDeployOp',
      ]);
      // Producers come before the tasks that read them.
      const order = r.doc.tasks.map((t) => t.component);
      expect(order.indexOf('v1.dataset.ImageDatasetCreateOp')).toBeLessThan(order.indexOf('v1.automl.training_job.AutoMLImageTrainingJobRunOp'));
      expect(order.at(-1)).toBe('v1.endpoint.ModelDeployOp');
    }
  });

  it('imports JSON (what KFP writes to .json), with a byte order mark too', () => {
    const r = importSpec('\ufeff' + toJson(seedSpec as never), 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.format).toBe('json');
    expect(bare(compile(r.doc, catalog))).toEqual(bare(seedSpec));
  });

  it('imports YAML written in flow style', () => {
    const r = importSpec(JSON.stringify(seedSpec).replace(/"([A-Za-z_]+)":/g, '$1: '), 'spec.yaml', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(bare(compile(r.doc, catalog))).toEqual(bare(seedSpec));
  });

  it('gives a document the loader accepts, the validator finds no error in, and that is laid out', () => {
    const r = importSpec(seedYaml, 'spec.yaml', catalog);
    if (!r.ok) throw new Error(r.error);
    const again = loadDocument(saveDocument(r.doc));
    expect(again.ok).toBe(true);
    expect(validate(r.doc, catalog).filter((d) => d.severity === 'error')).toEqual([]);
    const positions = new Set(r.doc.tasks.map((t) => `${t.position.x},${t.position.y}`));
    expect(positions.size).toBe(r.doc.tasks.length);
  });

  it('keeps the file’s descriptions of catalog components (not the catalog’s own texts)', () => {
    const text = specJson((s) => {
      s.components['comp-endpoint-create'].inputDefinitions.parameters.display_name.description = 'Name shown in the console.';
      delete s.components['comp-endpoint-create'].inputDefinitions.parameters.project.description;
    });
    const r = importSpec(text, 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    const task = r.doc.tasks.find((t) => t.component === 'v1.endpoint.EndpointCreateOp')!;
    expect(task).toBeDefined();
    const out = compile(r.doc, catalog) as unknown as Record<string, any>;
    const params = out.components['comp-endpoint-create'].inputDefinitions.parameters;
    expect(params.display_name.description).toBe('Name shown in the console.');
    expect(params.project.description).toBeUndefined();
    expect(bare(out)).toEqual(bare(JSON.parse(text)));
  });

  it('keeps a component whose executor differs from the catalog verbatim', () => {
    const text = specJson((s) => {
      s.deploymentSpec.executors['exec-endpoint-create'].container.image = 'example.com/my-fork:1';
    });
    const r = importSpec(text, 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    const ids = r.doc.tasks.map((t) => t.component);
    expect(ids).toContain('custom.endpoint-create');
    expect(bare(compile(r.doc, catalog))).toEqual(bare(JSON.parse(text)));
  });

  it('keeps fields the document does not model as kept parts, and says so', () => {
    const text = specJson((s) => {
      s.root.dag.tasks['endpoint-create'].someFutureField = { enabled: true };
    });
    const r = importSpec(text, 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.kept).toEqual([{ path: ['root', 'dag', 'tasks', 'endpoint-create', 'someFutureField'], value: { enabled: true } }]);
    expect(r.notices.join(' ')).toMatch(/kept/);
    expect(bare(compile(r.doc, catalog))).toEqual(bare(JSON.parse(text)));
  });

  it('kept parts follow edits: a part whose place is gone is skipped, and nothing shared is changed', () => {
    const text = specJson((s) => {
      s.root.dag.tasks['endpoint-create'].someFutureField = { enabled: true };
    });
    const r = importSpec(text, 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    const endpoint = r.doc.tasks.find((t) => t.component === 'v1.endpoint.EndpointCreateOp')!;
    const edited = removeTasks(r.doc, [endpoint.id]);
    expect((compile(edited, catalog) as unknown as Record<string, any>).root.dag.tasks['endpoint-create']).toBeUndefined();
    // A kept part on a catalog component's executor changes the export, not the catalog.
    const doc = { ...r.doc, kept: [{ path: ['deploymentSpec', 'executors', 'exec-model-deploy', 'container', 'image'], value: 'x' }] };
    expect((compile(doc, catalog) as unknown as Record<string, any>).deploymentSpec.executors['exec-model-deploy'].container.image).toBe('x');
    expect(catalog.get('v1.endpoint.ModelDeployOp')!.executor!.container!.image).toMatch(/google-cloud-pipeline-components/);
  });

  it('saves and loads the new document fields, refusing forbidden keys in kept paths', () => {
    const r = importSpec(`${seedYaml}---\nplatforms: {}\n`, 'spec.yaml', catalog);
    if (!r.ok) throw new Error(r.error);
    const doc = {
      ...r.doc,
      artifactInputs: [{ name: 'model', artifactType: { schemaTitle: 'google.VertexModel', schemaVersion: '0.0.1' }, description: 'The model.' }],
      kept: [{ path: ['root', 'x'], value: 1 }, { path: ['root', 'y'] }],
    };
    const again = loadDocument(saveDocument(doc));
    if (!again.ok) throw new Error(again.error);
    expect(again.doc).toEqual(doc);
    const bad = JSON.parse(saveDocument(doc));
    bad.kept = [{ path: ['root', '__proto__', 'polluted'], value: 1 }];
    const refusal = loadDocument(JSON.stringify(bad));
    expect(refusal.ok).toBe(false);
    if (!refusal.ok) expect(refusal.error).toMatch(/kept\[0\]\.path\[1\] uses the forbidden key "__proto__"/);
  });

  it('imports its own export again to the same document', () => {
    const files = [seedYaml];
    for (const text of files) {
      const first = importSpec(text, 'spec.yaml', catalog);
      if (!first.ok) throw new Error(first.error);
      const again = importSpec(toYaml(compile(first.doc, catalog)), 'spec.yaml', catalog);
      if (!again.ok) throw new Error(again.error);
      expect(again.doc).toEqual(first.doc);
    }
  });

  it('keeps the PlatformSpec of a second YAML document', () => {
    const platform = 'platforms:\n  kubernetes:\n    deploymentSpec:\n      executors:\n        exec-endpoint-create:\n          nodeSelector:\n            labels:\n              pool: gpu\n';
    const r = importSpec(`${seedYaml}---\n${platform}`, 'spec.yaml', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.platformSpec).toEqual({ platforms: { kubernetes: { deploymentSpec: { executors: { 'exec-endpoint-create': { nodeSelector: { labels: { pool: 'gpu' } } } } } } } });
    expect(r.notices.join(' ')).toMatch(/platform spec/);
  });

  it('takes the pipelineSpec of a PipelineJob request body and says what it left out', () => {
    const r = importSpec(JSON.stringify({ displayName: 'run', pipelineSpec: seedSpec, runtimeConfig: { parameterValues: { project_id: 'p' } } }), 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.notices.join(' ')).toMatch(/job request/);
    expect(bare(compile(r.doc, catalog))).toEqual(bare(seedSpec));
  });

  it('treats HTML and script in texts as plain text', () => {
    const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const text = specJson((s) => {
      s.pipelineInfo.description = evil;
      s.root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant = evil;
    });
    const r = importSpec(text, 'spec.json', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.description).toBe(evil);
    expect(Object.values(r.doc.tasks.find((t) => t.component === 'v1.endpoint.EndpointCreateOp')!.inputs)).toContainEqual({ constant: evil });
  });

  it('accepts a file of more than 20 MB', () => {
    // A long description makes a valid 21 MB spec.
    const text = specJson((s) => {
      s.pipelineInfo.description = 'x'.repeat(21 * 1024 * 1024);
    });
    const r = importSpec(text, 'spec.json', catalog);
    expect(r.ok).toBe(true);
  });
});

describe('importSpec: what it refuses, in one sentence', () => {
  it('text that is neither YAML nor JSON', () => {
    expect(refused(importSpec('components: [unclosed\n  root: {', 'spec.yaml', catalog))).toMatch(/not valid YAML or JSON.*line \d+/);
    expect(refused(importSpec('{"components": ', 'spec.json', catalog))).toMatch(/not valid JSON.*truncated/);
    expect(refused(importSpec('\u0000\u0001\u0002binary', 'spec.yaml', catalog))).toMatch(/not valid YAML|not a compiled KFP pipeline/);
    expect(refused(importSpec('just some words', 'spec.yaml', catalog))).toMatch(/not a compiled KFP pipeline: it holds the text/);
    expect(refused(importSpec('   \n\n', 'spec.yaml', catalog))).toMatch(/is empty/);
  });

  it('a truncated file', () => {
    const cut = seedYaml.slice(0, Math.floor(seedYaml.length * 0.4));
    const error = refused(importSpec(cut.slice(0, cut.lastIndexOf('\n')), 'spec.yaml', catalog));
    expect(error).toMatch(/cut short|does not have|has no|not valid/);
    expect(refused(importSpec(JSON.stringify(seedSpec).slice(0, 500), 'spec.json', catalog))).toMatch(/truncated/);
  });

  it('a wrong or missing schemaVersion', () => {
    expect(refused(importSpec(specJson((s) => (s.schemaVersion = '3.0.0')), 'spec.json', catalog))).toMatch(
      /schemaVersion is the text "3\.0\.0", but .* reads PipelineSpec schemaVersion 2\.1\.0/,
    );
    expect(refused(importSpec(JSON.stringify({ name: 'x', tasks: [] }), 'spec.json', catalog))).toMatch(/not a compiled KFP pipeline: it has no "schemaVersion"/);
  });

  it('an unknown componentRef', () => {
    const error = refused(importSpec(specJson((s) => (s.root.dag.tasks['model-deploy'].componentRef.name = 'comp-nowhere')), 'spec.json', catalog));
    expect(error).toBe(
      'spec.json cannot be imported: root.dag.tasks["model-deploy"].componentRef.name names the component "comp-nowhere", which the spec\'s components do not have.',
    );
  });

  it('a producerTask that does not exist', () => {
    const error = refused(
      importSpec(specJson((s) => (s.root.dag.tasks['model-deploy'].inputs.artifacts.model.taskOutputArtifact.producerTask = 'ghost')), 'spec.json', catalog),
    );
    expect(error).toMatch(/root\.dag\.tasks\["model-deploy"\]\.inputs\.artifacts\.model\.taskOutputArtifact\.producerTask names the task "ghost", which does not exist/);
  });

  it('wrong types in known fields', () => {
    expect(refused(importSpec(specJson((s) => (s.root.dag.tasks['model-deploy'].dependentTasks = 'automl-image-training-job')), 'spec.json', catalog))).toMatch(
      /dependentTasks must be a list, not the text/,
    );
    expect(refused(importSpec(specJson((s) => (s.components['comp-model-deploy'].inputDefinitions.parameters.traffic_split.parameterType = 'MAP')), 'spec.json', catalog))).toMatch(
      /components\["comp-model-deploy"\]\.inputDefinitions\.parameters\.traffic_split\.parameterType must be one of STRING/,
    );
    expect(refused(importSpec(specJson((s) => (s.pipelineInfo.name = 42)), 'spec.json', catalog))).toMatch(/pipelineInfo\.name must be text, not the number 42/);
    expect(refused(importSpec(specJson((s) => (s.root.dag.tasks['endpoint-create'].cachingOptions = { enableCache: 'yes' })), 'spec.json', catalog))).toMatch(
      /cachingOptions\.enableCache must be true or false/,
    );
  });

  it('a dependency cycle, and components that contain each other', () => {
    expect(
      refused(
        importSpec(specJson((s) => (s.root.dag.tasks['image-dataset-create'].dependentTasks = ['model-deploy'])), 'spec.json', catalog),
      ),
    ).toMatch(/root\.dag\.tasks has a dependency cycle: .*→/);
    const loop = specJson((s) => {
      s.components['comp-a'] = { dag: { tasks: { b: { componentRef: { name: 'comp-b' }, taskInfo: { name: 'b' } } } } };
      s.components['comp-b'] = { dag: { tasks: { a: { componentRef: { name: 'comp-a' }, taskInfo: { name: 'a' } } } } };
      s.root.dag.tasks.a = { componentRef: { name: 'comp-a' }, taskInfo: { name: 'a' } };
    });
    expect(refused(importSpec(loop, 'spec.json', catalog))).toMatch(/components use each other in a circle: comp-a → comp-b → comp-a/);
  });

  it('a YAML alias bomb', () => {
    const lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const bomb = `${seedYaml}${lines.join('\n')}\nbomb: *a9\n`;
    const started = performance.now();
    expect(refused(importSpec(bomb, 'spec.yaml', catalog))).toMatch(/aliases.*alias bomb/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('accepts a few harmless aliases', () => {
    const text = seedYaml.replace('pipelineInfo:\n  name: automl-image-training-v2', 'pipelineInfo:\n  name: &n automl-image-training-v2\n  displayName: *n');
    const r = importSpec(text, 'spec.yaml', catalog);
    if (!r.ok) throw new Error(r.error);
    expect(r.doc.displayName).toBe('automl-image-training-v2');
  });

  it('deep nesting, in JSON and in YAML', () => {
    const deepJson = specJson((s) => (s.root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant = 0)).replace('"constant":0', `"constant":${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(refused(importSpec(deepJson, 'spec.json', catalog))).toMatch(/nested more than 200 levels deep/);
    const deepYaml = `${seedYaml}extra: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(refused(importSpec(deepYaml, 'spec.yaml', catalog))).toMatch(/nested .*deep/);
  });

  it('a file over the size limit, saying the limit', () => {
    const huge = 'a'.repeat(MAX_SPEC_BYTES + 1);
    expect(refused(importSpec(huge, 'spec.yaml', catalog))).toBe('spec.yaml is too large to import: the limit is 50 MB.');
  });

  it('__proto__, constructor and prototype keys anywhere', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const json = specJson((s) => (s.root.dag.tasks['endpoint-create'].inputs.parameters.display_name.runtimeValue.constant = { placeholder: 1 })).replace(
        '"placeholder":1',
        `"${key}":{"polluted":true}`,
      );
      expect(refused(importSpec(json, 'spec.json', catalog))).toMatch(new RegExp(`uses the forbidden key "${key}"`));
      const yaml = `${seedYaml}extra:\n  ${key}:\n    polluted: true\n`;
      expect(refused(importSpec(yaml, 'spec.yaml', catalog))).toMatch(new RegExp(`extra(\\.|\\[")${key}`));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('YAML that KFP writes unparseable (a str default with a line break in the header)', () => {
    const text = seedYaml.replace('#    project_id: str', "#    note: str [Default: 'line1\nline2']\n#    project_id: str");
    expect(refused(importSpec(text, 'spec.yaml', catalog))).toMatch(/header .* not a comment/);
  });

  it('more than two YAML documents, a platform spec that is not an object, not text at all', () => {
    expect(refused(importSpec(`${seedYaml}---\na: 1\n---\nb: 2\n`, 'spec.yaml', catalog))).toMatch(/holds 3 YAML documents/);
    expect(refused(importSpec(`${seedYaml}---\n- 1\n`, 'spec.yaml', catalog))).toMatch(/platform spec/);
    expect(refused(importSpec(42 as unknown as string, 'spec.yaml', catalog))).toMatch(/not text/);
  });

  it('non-JSON YAML values (timestamps, binary) and infinite numbers', () => {
    expect(refused(importSpec(`${seedYaml}extra: .inf\n`, 'spec.yaml', catalog))).toMatch(/extra is not a finite number/);
    expect(refused(importSpec(`${seedYaml}extra: !!binary aGVsbG8=\n`, 'spec.yaml', catalog))).toMatch(/not valid YAML|unknown tag/);
  });
});
