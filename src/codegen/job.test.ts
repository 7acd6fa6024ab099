import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { seedDocument } from '../examples/seed';
import { tabularTemplate } from '../examples/templates';
import { curlCommand, kfpPython, vertexPython, vertexRequest, type RunSettings } from './job';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const settings: RunSettings = {
  displayName: 'flowers run 1',
  project: 'my-project',
  location: 'us-central1',
  gcsOutputDirectory: 'gs://my-bucket/runs',
  serviceAccount: 'runner@my-project.iam.gserviceaccount.com',
  labels: { team: 'ml' },
  enableCaching: false,
  parameterValues: { project_id: 'my-project' },
};

/** The published Vertex AI protos, as shipped in @google-cloud/aiplatform (a dev dependency). */
function protos() {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@google-cloud/aiplatform/build/protos/protos.json');
  return JSON.parse(readFileSync(path, 'utf8')).nested.google.nested.cloud.nested.aiplatform.nested.v1.nested;
}

const pythonOk = (code: string) => {
  const r = spawnSync('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], { input: code, encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
};
const havePython = spawnSync('python3', ['--version']).status === 0;

describe('run requests', () => {
  it('the REST body uses only fields of PipelineJob and RuntimeConfig, at the published path', () => {
    const req = vertexRequest(compile(seedDocument(), catalog), settings);
    const v1 = protos();
    const job = v1.PipelineJob;
    for (const key of Object.keys(req.body)) expect(Object.keys(job.fields), key).toContain(key);
    for (const key of Object.keys(req.body.runtimeConfig)) expect(Object.keys(job.nested.RuntimeConfig.fields), key).toContain(key);
    expect(job.fields.pipelineSpec.type).toBe('google.protobuf.Struct');
    expect(job.nested.RuntimeConfig.fields.parameterValues).toMatchObject({ keyType: 'string', type: 'google.protobuf.Value' });
    const rule = v1.PipelineService.methods.CreatePipelineJob.options['(google.api.http).post'];
    expect(rule).toBe('/v1/{parent=projects/*/locations/*}/pipelineJobs');
    expect(req.url).toBe('https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/pipelineJobs');
  });

  it('forces caching off in every task when asked, and leaves the compiled spec alone', () => {
    const spec = compile(seedDocument(), catalog);
    const req = vertexRequest(spec, settings);
    for (const t of Object.values(req.body.pipelineSpec.root.dag.tasks)) expect(t.cachingOptions).toEqual({});
    expect(spec.root.dag.tasks['model-deploy'].cachingOptions).toEqual({ enableCache: true });
    expect(vertexRequest(spec, { ...settings, enableCaching: undefined }).body.pipelineSpec).toBe(spec);
  });

  it('writes a curl line and Python that parses, with typed parameter values', () => {
    const spec = compile(tabularTemplate(), catalog);
    const s = { ...settings, parameterValues: { budget_milli_node_hours: 2000, training_fraction_split: 1, disable_early_stopping: true, dataset_labels: { a: 'b' } } };
    expect(curlCommand(vertexRequest(spec, s))).toContain("'https://us-central1-aiplatform.googleapis.com/v1/projects/my-project/locations/us-central1/pipelineJobs'");
    const vp = vertexPython(spec, s);
    expect(vp).toContain('"budget_milli_node_hours": 2000,');
    expect(vp).toContain('"training_fraction_split": 1.0,');
    expect(vp).toContain('"disable_early_stopping": True,');
    expect(vp).toContain('enable_caching=False');
    expect(vp).toContain('job.submit(service_account="runner@my-project.iam.gserviceaccount.com")');
    const kp = kfpPython(spec, s);
    expect(kp).toContain('client.create_run_from_pipeline_package(');
    if (havePython) {
      expect(pythonOk(vp)).toBe('');
      expect(pythonOk(kp)).toBe('');
    }
  });
});
