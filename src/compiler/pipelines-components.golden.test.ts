/**
 * Pipelines of the golden set with importers, components made in the app, runtime
 * placeholders and task resources (pipelines/06–10), built in code as documents
 * (test-support/golden-documents.ts) and compiled against the real KFP compiler's output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { RUNTIME_PLACEHOLDERS } from '../catalog/runtime-placeholders';
import { expectSameAsGolden, HAVE_GOLDENS } from '../test-support/golden';
import {
  containerComponentDocument,
  customTrainUploadBatchPredictDocument,
  importerVertexModelDocument,
  placeholdersDocument,
  taskResourcesDocument,
} from '../test-support/golden-documents';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe.skipIf(!HAVE_GOLDENS)('importer, container component and task-settings pipelines against the real KFP compiler', () => {
  it('pipeline-06-importer-vertex-model (importer with metadata feeding model-deploy)', () => {
    expectSameAsGolden(importerVertexModelDocument(), catalog, 'pipelines/pipeline-06-importer-vertex-model');
  });

  it('pipeline-07-custom-train-upload-batch-predict (custom job, importer after it, upload, batch predict)', () => {
    expectSameAsGolden(customTrainUploadBatchPredictDocument(), catalog, 'pipelines/pipeline-07-custom-train-upload-batch-predict');
  });

  it('pipeline-08-container-component (two components made in the app, artifact passing, input default)', () => {
    expectSameAsGolden(containerComponentDocument(), catalog, 'pipelines/pipeline-08-container-component');
  });

  it('pipeline-09-placeholders (runtime placeholders as string constants, GCPC project and location)', () => {
    expectSameAsGolden(placeholdersDocument(), catalog, 'pipelines/pipeline-09-placeholders');
  });

  it('pipeline-10-task-resources (CPU, memory, accelerator, environment, display name)', () => {
    expectSameAsGolden(taskResourcesDocument(), catalog, 'pipelines/pipeline-10-task-resources');
  });

  it('every runtime placeholder has a one-sentence explanation', () => {
    for (const r of RUNTIME_PLACEHOLDERS) {
      expect(r.value).toMatch(/^\{\{\$\.[a-z_]+\}\}$/);
      expect(r.explanation).toMatch(/^[A-Z].*\.$/);
    }
  });
});
