/**
 * Feature pipelines of the golden set (pipelines/), built as documents in code the way a
 * person builds them on the canvas, compiled, and compared with the real KFP compiler's
 * output (parsed documents; `sdkVersion` and component input/output descriptions aside).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { loadDocument, saveDocument } from '../document/load';
import type { PipelineDocument } from '../document/types';
import { HAVE_GOLDENS, goldenText, normalizeSpec, parseStrict } from '../test-support/golden';
import { taskOptionsDocument } from '../test-support/golden-documents';
import { validate } from '../validate/validate';
import { tabularTemplate } from '../examples/templates';
import { compile } from './compile';
import { toJson, toYaml } from './serialize';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

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
