/**
 * Feature pipelines of the golden set (pipelines/), built as documents in code the way a
 * person builds them on the canvas, compiled, and compared with the real KFP compiler's
 * output (parsed documents; `sdkVersion` and component input/output descriptions aside).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { loadDocument, saveDocument } from '../document/load';
import { addParameter, addTask, createDocument, setAfter, setPipelineInfo, setTaskOptions } from '../document/operations';
import type { Binding, PipelineDocument, Task } from '../document/types';
import type { JsonValue } from '../spec/pipeline-spec';
import { HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict } from '../test-support/golden';
import { validate } from '../validate/validate';
import { tabularTemplate } from '../examples/templates';
import { compile } from './compile';
import { toJson, toYaml } from './serialize';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

const P = { x: 0, y: 0 };
const c = (constant: JsonValue): Binding => ({ constant });
const param = (parameter: string): Binding => ({ parameter });
const FLOWERS_CSV = 'gs://cloud-samples-data/vision/automl_classification/flowers/all_data_v2.csv';
const IMAGE_SCHEMA =
  'gs://google-cloud-aiplatform/schema/dataset/ioformat/image_classification_single_label_io_format_1.0.0.yaml';

function withBackoff(doc: PipelineDocument, id: string, retryBackoff: Task['retryBackoff']): PipelineDocument {
  return { ...doc, tasks: doc.tasks.map((t) => (t.id === id ? { ...t, retryBackoff } : t)) };
}

/** pipeline-05-task-options: display names, caching off/on, `.after`, retry with and without backoff. */
function taskOptionsDocument(): PipelineDocument {
  let doc = setPipelineInfo(createDocument('task-options'), { pipelineRoot: 'gs://my-bucket/pipeline-root' });
  doc = addParameter(doc, { name: 'project_id', type: 'STRING' });
  let r = addTask(doc, 'v1.dataset.ImageDatasetCreateOp', P, {
    project: param('project_id'),
    display_name: c('flowers'),
    gcs_source: c(FLOWERS_CSV),
    import_schema_uri: c(IMAGE_SCHEMA),
  });
  const dataset = r.id;
  doc = setTaskOptions(r.doc, dataset, { displayName: 'Create flowers dataset', caching: false });

  r = addTask(doc, 'v1.endpoint.EndpointCreateOp', P, { project: param('project_id'), display_name: c('endpoint-after-dataset') });
  const endpoint = r.id;
  doc = setAfter(r.doc, endpoint, [dataset]);
  doc = setTaskOptions(doc, endpoint, { displayName: 'Create endpoint (after dataset)', retries: 3 });
  // set_retry(num_retries=3, backoff_duration='60s', backoff_factor=2.0, backoff_max_duration='3600s')
  doc = withBackoff(doc, endpoint, { duration: 60, factor: 2.0, maxDuration: 3600 });

  r = addTask(doc, 'v1.endpoint.EndpointCreateOp', P, { project: param('project_id'), display_name: c('endpoint-simple-retry') });
  // set_retry(num_retries=2) and set_caching_options(True)
  return setTaskOptions(r.doc, r.id, { retries: 2, caching: true });
}

function expectSameAsGolden(doc: PipelineDocument, golden: string) {
  expect(validate(doc, catalog)).toEqual([]);
  const spec = compile(doc, catalog);
  const want = normalizeSpec(parseStrict(goldenText(`${golden}.json`)));
  expect(normalizeSpec(parseStrict(toJson(spec)))).toEqual(want);
  expect(normalizeSpec(parseStrict(toYaml(spec)))).toEqual(want);
  // A save → load round trip keeps everything the spec depends on.
  const reloaded = loadDocument(saveDocument(doc));
  if (!reloaded.ok) throw new Error(reloaded.error);
  expect(normalizeSpec(parseStrict(toJson(compile(reloaded.doc, catalog))))).toEqual(want);
}

describe.skipIf(!HAVE_GOLDENS)('feature pipelines built in code against the real KFP compiler', () => {
  it('pipeline-05-task-options (display names, caching, after, retry with backoff)', () => {
    expectSameAsGolden(taskOptionsDocument(), 'pipelines/pipeline-05-task-options');
  });

  it('pipeline-01-tabular-params (typed parameters with defaults of every type)', () => {
    expectSameAsGolden(tabularTemplate(), 'pipelines/pipeline-01-tabular-params');
  });

  it('writes the YAML header the way KFP does for pipeline-05', () => {
    const yaml = toYaml(compile(taskOptionsDocument(), catalog));
    const header = goldenText('pipelines/pipeline-05-task-options.yaml').split('\ncomponents:')[0];
    expect(yaml.startsWith(header + '\ncomponents:')).toBe(true);
  });
});
