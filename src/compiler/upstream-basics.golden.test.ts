/**
 * Upstream KFP test pipelines without loops or conditions: exit handlers, retries,
 * placeholders, `.after`, environment variables, importers, pipeline outputs, container
 * components made in the app, Python components kept verbatim, and the core/mantle/crust
 * nested-pipeline family. Rebuilt as documents from their goldens and compiled.
 */
import { describe, it } from 'vitest';
import { HAVE_GOLDENS } from '../test-support/golden';
import { checkUpstream as check } from '../test-support/golden-documents';


describe.skipIf(!HAVE_GOLDENS)('upstream single-level pipelines against the real KFP compiler', () => {
  it('critical/pipeline_with_input_status_state (exit handler whose exit task reads PipelineTaskFinalStatus)', () => {
    check('critical/pipeline_with_input_status_state.yaml');
  });

  it('critical/pipeline_with_retry (set_retry(3) on a task with float parameters)', () => {
    check('critical/pipeline_with_retry.yaml');
  });

  it('critical/pipeline_with_placeholders (runtime placeholders into a Python component)', () => {
    check('critical/pipeline_with_placeholders.yaml');
  });

  it('essential/pipeline_with_after (.after chains; container component made in the app)', () => {
    check('essential/pipeline_with_after.yaml');
  });

  it('critical/pipeline_with_env (task environment variables, replacing one the component sets)', () => {
    check('critical/pipeline_with_env.yaml');
  });

  it('essential/component_with_env_variable (environment variable on a task, its output returned)', () => {
    check('essential/component_with_env_variable.yaml');
  });

  it('critical/modelcar (an importer whose URI is a pipeline parameter)', () => {
    check('critical/modelcar.yaml');
  });

  it('critical/producer_consumer_param_pipeline (container components with an output parameter file)', () => {
    check('critical/producer_consumer_param_pipeline.yaml');
  });

  it('essential/container_no_input and critical/container_component_with_no_inputs (containers without inputs)', () => {
    check('essential/container_no_input.yaml', 'critical/container_component_with_no_inputs.yaml');
  });

  it('critical/add_numbers and essential/concat_message (one component as a pipeline, its output returned)', () => {
    check('critical/add_numbers.yaml', 'essential/concat_message.yaml');
  });

  it('essential/pipeline_with_reused_component (one component three times: -2, -3 suffixes)', () => {
    check('essential/pipeline_with_reused_component.yaml');
  });

  it('Python components with artifacts and parameters of every kind, verbatim (six upstream files)', () => {
    check('essential/dict_input.yaml', 'essential/lightweight_python_functions_pipeline.yaml', 'critical/pipeline_with_artifact_custom_path.yaml', 'critical/pipeline_with_artifact_upload_download.yaml', 'critical/pythonic_artifacts_test_pipeline.yaml', 'critical/component_with_optional_inputs.yaml');
  });

  it('critical/pipeline_with_submit_request, essential/embedded_artifact, critical/notebook_component_simple', () => {
    check('critical/pipeline_with_submit_request.yaml', 'essential/embedded_artifact.yaml', 'critical/notebook_component_simple.yaml');
  });

  it('the core/mantle/crust family: pipelines returning parameters and artifacts through two nesting levels', () => {
    check('critical/artifact_cache.yaml', 'critical/artifact_crust.yaml', 'critical/parameter_cache.yaml', 'critical/multiple_parameters_namedtuple.yaml', 'critical/multiple_artifacts_namedtuple.yaml', 'critical/mixed_parameters.yaml');
  });

  it('essential/iris_pipeline_compiled (ClassificationMetrics and Model outputs; no metrics are surfaced in KFP 2.x)', () => {
    check('essential/iris_pipeline_compiled.yaml');
  });

  it('essential/lightweight_python_functions_with_outputs (Python components with NamedTuple outputs; KFP 2.9 compile)', () => {
    check('essential/lightweight_python_functions_with_outputs.yaml');
  });

  it('critical/pipeline_with_volume_long_name (the kfp-kubernetes CreatePVC component next to a Python task)', () => {
    check('critical/pipeline_with_volume_long_name.yaml');
  });

  it('essential/placeholder_with_if_placeholder_none_input_value (IfPresent with and without Else; optional inputs left out)', () => {
    check('essential/placeholder_with_if_placeholder_none_input_value.yaml');
  });
});
