/**
 * Upstream KFP test pipelines with ParallelFor loops (over parameters, task outputs and
 * static lists, dict fields, `.after` a loop, fan-in with dsl.Collected), rebuilt as
 * documents from their goldens and compiled.
 */
import { describe, it } from 'vitest';
import { HAVE_GOLDENS } from '../test-support/golden';
import { checkUpstream as check } from '../test-support/golden-documents';


describe.skipIf(!HAVE_GOLDENS)('upstream loops against the real KFP compiler', () => {
  it('parallel_and_nested/pipeline_with_loops (loops over a parameter, a task output of dicts, a static list; item fields)', () => {
    check('parallel_and_nested/pipeline_with_loops.yaml');
  });

  it('critical/parallel_for_after_dependency (tasks that run after a loop)', () => {
    check('critical/parallel_for_after_dependency.yaml');
  });

  it('critical/parameters_simple (dsl.Collected of a loop output, consumed twice and returned)', () => {
    check('critical/parameters_simple.yaml');
  });

  it('critical/collected_parameters (Collected inside a nested pipeline, returned from it)', () => {
    check('critical/collected_parameters.yaml');
  });

  it('parallel_and_nested/loop_consume_upstream (a loop over a task output; artifacts inside the loop; display names)', () => {
    check('parallel_and_nested/loop_consume_upstream.yaml');
  });

  it('essential/pipeline_with_params_containing_format (f-strings with parameters and outputs, a static loop)', () => {
    check('essential/pipeline_with_params_containing_format.yaml');
  });

  it('essential/pipeline_with_metrics_outputs (metrics outputs inside and outside a loop; KFP 2.9 compile)', () => {
    check('essential/pipeline_with_metrics_outputs.yaml');
  });
});
