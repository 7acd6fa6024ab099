/**
 * Upstream KFP test pipelines that use pipelines as components (graph components):
 * each inner pipeline is itself built as a document, compiled, and embedded in the outer
 * document through `componentFromCompiledSpec`, as a user would import a compiled pipeline.
 */
import { describe, it } from 'vitest';
import { HAVE_GOLDENS } from '../test-support/golden';
import { checkUpstream as check } from '../test-support/golden-documents';


describe.skipIf(!HAVE_GOLDENS)('upstream nested pipelines against the real KFP compiler', () => {
  it('parallel_and_nested/pipeline_in_pipeline (component names renamed on merge)', () => {
    check('parallel_and_nested/pipeline_in_pipeline.yaml');
  });

  it('essential/pipeline_with_outputs (a nested pipeline with a parameter and an artifact output, re-exported)', () => {
    check('essential/pipeline_with_outputs.yaml');
  });

  it('parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml (three levels: a compiled pipeline used again)', () => {
    check('parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml.yaml');
  });

  it('parallel_and_nested/pipeline_in_pipeline_complex (a nested pipeline with conditions, inside a static loop)', () => {
    check('parallel_and_nested/pipeline_in_pipeline_complex.yaml');
  });

  it('parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled (optional parameters without defaults, nothing passed)', () => {
    check('parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled.yaml');
  });

  it('parallel_and_nested/nested_pipeline_opt_input_child_level_compiled (defaults in the nested pipeline, some passed)', () => {
    check('parallel_and_nested/nested_pipeline_opt_input_child_level_compiled.yaml');
  });

  it('parallel_and_nested/nested_pipeline_opt_inputs_parent_level_compiled (two nested pipelines fed by parent parameters)', () => {
    check('parallel_and_nested/nested_pipeline_opt_inputs_parent_level_compiled.yaml');
  });
});
