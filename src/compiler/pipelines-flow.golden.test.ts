/**
 * Control-flow pipelines of the golden set (pipelines/02a–04b), built in code as documents
 * (test-support/golden-documents.ts) and compiled against the real KFP compiler's output:
 * exit handlers, If/Elif/Else, nested legacy conditions, ParallelFor over a parameter and
 * over a static list.
 */
import { beforeAll, describe, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { expectSameAsGolden, HAVE_GOLDENS } from '../test-support/golden';
import {
  conditionLegacyDocument,
  exitHandlerContainerDocument,
  exitHandlerEmailDocument,
  ifElifElseDocument,
  parallelForParamDocument,
  parallelForStaticDocument,
} from '../test-support/golden-documents';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe.skipIf(!HAVE_GOLDENS)('control-flow pipelines built in code against the real KFP compiler', () => {
  it('pipeline-02a-exit-handler-email (named ExitHandler, GCPC notification email as exit task)', () => {
    expectSameAsGolden(exitHandlerEmailDocument(), catalog, 'pipelines/pipeline-02a-exit-handler-email');
  });

  it('pipeline-02b-exit-handler-container (unnamed ExitHandler, container component as exit task)', () => {
    expectSameAsGolden(exitHandlerContainerDocument(), catalog, 'pipelines/pipeline-02b-exit-handler-container');
  });

  it('pipeline-03a-if-elif-else (condition-branches with negated earlier branches)', () => {
    expectSameAsGolden(ifElifElseDocument(), catalog, 'pipelines/pipeline-03a-if-elif-else');
  });

  it('pipeline-03b-condition-legacy (nested dsl.Condition on a bool and an int parameter)', () => {
    expectSameAsGolden(conditionLegacyDocument(), catalog, 'pipelines/pipeline-03b-condition-legacy');
  });

  it('pipeline-04a-parallelfor-param (loop over a list parameter, parallelism 2)', () => {
    expectSameAsGolden(parallelForParamDocument(), catalog, 'pipelines/pipeline-04a-parallelfor-param');
  });

  it('pipeline-04b-parallelfor-static (loop over a static list of dicts, fields of the item)', () => {
    expectSameAsGolden(parallelForStaticDocument(), catalog, 'pipelines/pipeline-04b-parallelfor-static');
  });
});
