/**
 * Upstream KFP test pipelines (`upstream/test_data/sdk_compiled_pipelines/valid/`) rebuilt as
 * documents from their goldens: components whose source is Python stay verbatim (taken from
 * the golden itself), and pipelines used as components are built as documents, compiled and
 * embedded through `componentFromCompiledSpec`, as a user would import a compiled pipeline.
 * This file holds the single-level ones (exit handlers, retries, placeholders, `.after`,
 * environment variables, importers, outputs, the core/mantle/crust family); control flow and
 * nesting are in `golden-documents-upstream-flow.ts`.
 */
import type { Catalog } from '../catalog/catalog';
import { componentFromCompiledSpec } from '../catalog/embedded';
import { compile } from '../compiler/compile';
import type { ContainerComponentDef, PipelineDocument, VerbatimComponentDef } from '../document/types';
import { c, DocBuilder, out, p } from './build';
import type { Upstream } from './upstream';

export interface UpstreamCase {
  /** Path under `upstream/test_data/sdk_compiled_pipelines/valid/`. */
  file: string;
  /** Read the golden with js-yaml (see `Upstream`). */
  lenient?: boolean;
  build(up: Upstream, catalog: Catalog): PipelineDocument;
}

const asComponent = (doc: PipelineDocument, catalog: Catalog) => componentFromCompiledSpec(compile(doc, catalog));

/** A component of the golden with its executor's `env` removed (the task sets it again). */
function withoutEnv(def: VerbatimComponentDef): VerbatimComponentDef {
  const container = { ...((def.executor!.container as Record<string, unknown>) ?? {}) };
  delete container.env;
  return { ...def, executor: { ...def.executor!, container: container as never } };
}

// ---------------------------------------------------------------- single-level pipelines

/**
 * The core/mantle/crust family: `core` runs `core-comp` and returns `outputs`; `mantle` runs
 * `core` and returns the same; the pipeline runs `mantle` and feeds `crust-comp`.
 */
function coreMantleCrust(
  up: Upstream,
  catalog: Catalog,
  name: string,
  outputs: string[],
  coreOutputs: Record<string, string>,
  caching: boolean,
): PipelineDocument {
  const core = new DocBuilder('core');
  const cc = core.task(core.component(up.comp('core-comp')), {}, { caching });
  for (const o of outputs) core.output(o, { task: cc, output: coreOutputs[o] ?? o });
  const mantle = new DocBuilder('mantle');
  const ct = mantle.task(mantle.component(asComponent(core.doc, catalog)), {}, { caching });
  for (const o of outputs) mantle.output(o, { task: ct, output: o });
  const b = new DocBuilder(name);
  const m = b.task(b.component(asComponent(mantle.doc, catalog)), {}, { caching });
  const crustInputs: Record<string, ReturnType<typeof out>> = {};
  for (const o of outputs) crustInputs[o === 'Output' ? 'input' : o] = out(m, o);
  b.task(b.component(up.comp('crust-comp')), crustInputs, { caching });
  return b.doc;
}

export const UPSTREAM_BASICS: UpstreamCase[] = [
  {
    file: 'critical/pipeline_with_input_status_state.yaml',
    build: (up) => {
      const b = new DocBuilder('status-state-pipeline');
      const exit = b.task(b.component(up.comp('echo-state')));
      const handler = b.group({ kind: 'exitHandler', exitTask: exit });
      b.task(b.component(up.comp('some-task')), {}, { group: handler });
      return b.doc;
    },
  },
  {
    file: 'critical/pipeline_with_retry.yaml',
    build: (up) => {
      const b = new DocBuilder('test-pipeline').param('a', 'NUMBER_DOUBLE', 1).param('b', 'NUMBER_DOUBLE', 7);
      b.task(b.component(up.comp('add')), { a: p('a'), b: p('b') }, { retries: 3 });
      return b.doc;
    },
  },
  {
    file: 'critical/pipeline_with_placeholders.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-placeholders');
      b.task(
        b.component(up.comp('print-all-placeholders')),
        {
          job_name: c('{{$.pipeline_job_name}}'),
          job_resource_name: c('{{$.pipeline_job_resource_name}}'),
          job_id: c('{{$.pipeline_job_uuid}}'),
          task_name: c('{{$.pipeline_task_name}}'),
          task_id: c('{{$.pipeline_task_uuid}}'),
        },
        { caching: false },
      );
      return b.doc;
    },
  },
  {
    file: 'essential/pipeline_with_after.yaml',
    build: () => {
      const b = new DocBuilder('pipeline-with-after');
      const printText = b.component({
        kind: 'container',
        name: 'print-text',
        inputs: [{ name: 'text', type: 'STRING' }],
        outputs: [],
        image: 'alpine',
        command: ['sh', '-c', 'set -e -x\necho "$0"\n', { inputValue: 'text' }],
        args: [],
      });
      const t1 = b.task(printText, { text: c('1st task') });
      const t2 = b.task(printText, { text: c('2nd task') }, { after: [t1] });
      b.task(printText, { text: c('3rd task') }, { after: [t1, t2] });
      return b.doc;
    },
  },
  {
    file: 'critical/pipeline_with_env.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-env');
      const printEnv: ContainerComponentDef = {
        kind: 'container',
        name: 'print-env',
        inputs: [],
        outputs: [],
        image: 'alpine',
        command: ['sh', '-c', 'set -e -x\necho "$ENV1"\necho "$ENV2"\necho "$ENV3"\n'],
        args: [],
      };
      b.task(b.component(withoutEnv(up.comp('print-env-op'))), {}, { env: [{ name: 'ENV1', value: 'val1' }] });
      b.task(b.component(printEnv), {}, {
        env: [
          { name: 'ENV1', value: 'val0' },
          { name: 'ENV2', value: 'val2' },
          { name: 'ENV3', value: 'val3' },
        ],
      });
      return b.doc;
    },
  },
  {
    file: 'essential/component_with_env_variable.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-env-variable').param('var_name', 'STRING', 'KFP_TEST_ENV_VAR');
      const t = b.task(b.component(withoutEnv(up.comp('read-env-var'))), { var_name: p('var_name') }, {
        env: [{ name: 'KFP_TEST_ENV_VAR', value: 'env_var_value' }],
      });
      b.output('Output', { task: t, output: 'Output' });
      return b.doc;
    },
  },
  {
    file: 'critical/modelcar.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-modelcar-model').param('model_uri', 'STRING', 'oci://registry.domain.local/modelcar:test');
      b.task(b.component(up.comp('build-model-car')), {}, { caching: false });
      const imp = b.importer({ artifactType: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' } }, p('model_uri'));
      b.task(b.component(up.comp('get-model-files-list')), { input_model: out(imp, 'artifact') }, { caching: false });
      return b.doc;
    },
  },
  {
    file: 'critical/producer_consumer_param_pipeline.yaml',
    build: () => {
      const image = 'registry.access.redhat.com/ubi9/python-311:latest';
      const b = new DocBuilder('producer-consumer-param-pipeline').param('text', 'STRING', 'Hello world');
      const producer = b.task(
        b.component({
          kind: 'container',
          name: 'producer',
          inputs: [{ name: 'input_text', type: 'STRING' }],
          outputs: [{ name: 'output_value', type: 'STRING' }],
          image,
          command: ['sh', '-c', 'set -e -x\nmkdir -p "$(dirname "$1")"\necho "$0, this is an output parameter" > "$1"\n', { inputValue: 'input_text' }, { outputPath: 'output_value' }],
          args: [],
        }),
        { input_text: p('text') },
      );
      b.task(
        b.component({
          kind: 'container',
          name: 'consumer',
          inputs: [{ name: 'input_value', type: 'STRING' }],
          outputs: [],
          image,
          command: ['sh', '-c', 'set -e -x\necho "Read from an input parameter: " && echo "$0"\n', { inputValue: 'input_value' }],
          args: [],
        }),
        { input_value: out(producer, 'output_value') },
      );
      return b.doc;
    },
  },
  ...(
    [
      ['essential/container_no_input.yaml', 'container-no-input', 'container-no-input'],
      ['critical/container_component_with_no_inputs.yaml', 'v2-container-component-no-input', 'hello-world-container'],
    ] as const
  ).map(
    ([file, name, comp]): UpstreamCase => ({
      file,
      build: () => {
        const b = new DocBuilder(name);
        b.task(
          b.component({
            kind: 'container',
            name: comp,
            inputs: [],
            outputs: [],
            image: 'registry.access.redhat.com/ubi9/python-311:latest',
            command: ['echo', 'hello world'],
            args: [],
          }),
        );
        return b.doc;
      },
    }),
  ),
  ...(
    [
      ['critical/add_numbers.yaml', 'add-numbers', 'NUMBER_INTEGER', ['a', 'b']],
      ['essential/concat_message.yaml', 'concat-message', 'STRING', ['message1', 'message2']],
    ] as const
  ).map(
    ([file, name, type, inputs]): UpstreamCase => ({
      file,
      build: (up) => {
        const b = new DocBuilder(name);
        for (const i of inputs) b.param(i, type);
        const t = b.task(b.component(up.comp(name)), Object.fromEntries(inputs.map((i) => [i, p(i)])));
        b.output('Output', { task: t, output: 'Output' });
        return b.doc;
      },
    }),
  ),
  {
    file: 'essential/pipeline_with_reused_component.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-reused-component').param('a', 'NUMBER_INTEGER', 2).param('b', 'NUMBER_INTEGER', 5);
      const add = b.component(up.comp('add-numbers'));
      const t1 = b.task(add, { a: p('a'), b: c(3) });
      const t2 = b.task(add, { a: out(t1, 'Output'), b: p('b') });
      b.task(add, { a: out(t2, 'Output'), b: c(7) });
      return b.doc;
    },
  },
  {
    file: 'essential/dict_input.yaml',
    build: (up) => {
      const b = new DocBuilder('dict-input').param('struct', 'STRUCT');
      b.task(b.component(up.comp('dict-input')), { struct: p('struct') });
      return b.doc;
    },
  },
  {
    file: 'essential/lightweight_python_functions_pipeline.yaml',
    build: (up) => {
      const b = new DocBuilder('my-test-pipeline-beta').param('message', 'STRING').param('input_dict', 'STRUCT', { A: 1, B: 2 });
      const pre = b.task(b.component(up.comp('preprocess')), {
        message: p('message'),
        input_dict_parameter: p('input_dict'),
        input_list_parameter: c(['a', 'b', 'c']),
      });
      b.task(b.component(up.comp('train')), {
        dataset_one_path: out(pre, 'output_dataset_one'),
        dataset_two: out(pre, 'output_dataset_two_path'),
        message: out(pre, 'output_parameter_path'),
        input_bool: out(pre, 'output_bool_parameter_path'),
        input_dict: out(pre, 'output_dict_parameter_path'),
        input_list: out(pre, 'output_list_parameter_path'),
      });
      return b.doc;
    },
  },
  {
    file: 'critical/pipeline_with_artifact_custom_path.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-custom-path-artifact', { description: 'pipeline with artifact with custom path' });
      const t = b.task(b.component(up.comp('component-output-artifact')), {}, { caching: false });
      b.task(b.component(up.comp('validate-input-artifact')), { in_dataset: out(t, 'out_dataset') });
      return b.doc;
    },
  },
  {
    file: 'critical/pipeline_with_artifact_upload_download.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-datasets', {
        description: 'Download Hugging Face Data Set, upload it as an artifact and print its metadata',
      })
        .param('dataset_repo', 'STRING', 'google/frames-benchmark')
        .param('dataset_name', 'STRING', '');
      const t = b.task(b.component(up.comp('download-dataset-and-upload-as-artifact')), {
        dataset_repo: p('dataset_repo'),
        dataset_name: p('dataset_name'),
      });
      b.task(b.component(up.comp('print-dataset-info')), { dataset: out(t, 'output_dataset') });
      return b.doc;
    },
  },
  {
    file: 'critical/pythonic_artifacts_test_pipeline.yaml',
    build: (up) => {
      const b = new DocBuilder('pythonic-artifacts-test');
      const t = b.task(b.component(up.comp('gen-data')), {}, { caching: false });
      b.task(b.component(up.comp('train-model')), { dataset: out(t, 'Output') }, { caching: false });
      return b.doc;
    },
  },
  {
    file: 'critical/component_with_optional_inputs.yaml',
    build: (up) => {
      const b = new DocBuilder('v2-component-optional-input');
      b.task(b.component(up.comp('component-op')), { input1: c('Hello'), input2: c('World') });
      return b.doc;
    },
  },
  {
    file: 'critical/pipeline_with_submit_request.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-external-request', { description: 'A pipeline that requests both in-cluster & external URLs.' });
      const submit = b.component(up.comp('submit-request'));
      b.task(submit, { url: c('httpbin.org/get') }, { caching: false });
      b.task(submit, { url: c('ml-pipeline:8888/apis/v2beta1/healthz') }, { caching: false });
      return b.doc;
    },
  },
  {
    file: 'essential/embedded_artifact.yaml',
    build: (up) => {
      const b = new DocBuilder('nb-simple');
      b.task(b.component(up.comp('read-embedded-artifact-dir')), {}, { caching: false });
      b.task(b.component(up.comp('read-embedded-artifact-file')), {}, { caching: false });
      return b.doc;
    },
  },
  {
    file: 'critical/notebook_component_simple.yaml',
    build: (up) => {
      const b = new DocBuilder('nb-simple').param('text', 'STRING', 'hello');
      b.task(b.component(up.comp('run-train-notebook')), { text: p('text') }, { caching: false });
      return b.doc;
    },
  },
  ...(
    [
      ['critical/artifact_cache.yaml', 'artifact-cache-pipeline', ['Output'], { Output: 'dataset' }, true],
      ['critical/artifact_crust.yaml', 'artifact-pipeline', ['Output'], { Output: 'dataset' }, false],
      ['critical/parameter_cache.yaml', 'parameter-cache-pipeline', ['Output'], {}, true],
      ['critical/multiple_parameters_namedtuple.yaml', 'multiple-parameters-namedtuple-pipeline', ['val1', 'val2'], {}, false],
      ['critical/multiple_artifacts_namedtuple.yaml', 'multiple-artifacts-namedtuple-pipeline', ['ds1', 'ds2'], {}, false],
    ] as Array<[string, string, string[], Record<string, string>, boolean]>
  ).map(
    ([file, name, outputs, coreOutputs, caching]): UpstreamCase => ({
      file,
      build: (up, catalog) => coreMantleCrust(up, catalog, name, outputs, coreOutputs, caching),
    }),
  ),
  {
    // mixed_parameters: the crust takes a constant and the mantle's output.
    file: 'critical/mixed_parameters.yaml',
    build: (up, catalog) => {
      const doc = coreMantleCrust(up, catalog, 'mixed-parameters-pipeline', ['Output'], {}, false);
      const crust = doc.tasks[doc.tasks.length - 1];
      return { ...doc, tasks: doc.tasks.map((t) => (t === crust ? { ...t, inputs: { x: c(2), y: crust.inputs.input } } : t)) };
    },
  },
  {
    file: 'essential/iris_pipeline_compiled.yaml',
    build: (up) => {
      const b = new DocBuilder('iris-training-pipeline').param('neighbors', 'NUMBER_INTEGER', 3).param('standard_scaler', 'BOOLEAN', true);
      const ds = b.task(b.component(up.comp('create-dataset')), {}, { caching: false });
      const norm = b.task(
        b.component(up.comp('normalize-dataset')),
        { input_iris_dataset: out(ds, 'iris_dataset'), standard_scaler: p('standard_scaler') },
        { caching: false },
      );
      b.task(
        b.component(up.comp('train-model')),
        { normalized_iris_dataset: out(norm, 'normalized_iris_dataset'), n_neighbors: p('neighbors') },
        { caching: false },
      );
      return b.doc;
    },
  },
  {
    file: 'essential/lightweight_python_functions_with_outputs.yaml',
    build: (up) => {
      const b = new DocBuilder('functions-with-outputs')
        .param('first_message', 'STRING')
        .param('second_message', 'STRING')
        .param('first_number', 'NUMBER_INTEGER')
        .param('second_number', 'NUMBER_INTEGER');
      const concat = b.task(b.component(up.comp('concat-message')), { first: p('first_message'), second: p('second_message') });
      const add = b.task(b.component(up.comp('add-numbers')), { first: p('first_number'), second: p('second_number') });
      const art = b.task(b.component(up.comp('output-artifact')), { number: out(add, 'Output'), message: out(concat, 'Output') });
      b.task(b.component(up.comp('output-named-tuple')), { artifact: out(art, 'Output') });
      return b.doc;
    },
  },
  {
    file: 'critical/pipeline_with_volume_long_name.yaml',
    build: (up) => {
      const b = new DocBuilder('here-is-a-pipeline-very-long-name');
      b.task(b.component(up.comp('createpvc')), {
        access_modes: c(['ReadWriteOnce']),
        pvc_name_suffix: c('-my-pvc'),
        size: c('1Gi'),
        storage_class_name: c('standard'),
      });
      b.task(b.component(up.comp('dummy-task')));
      return b.doc;
    },
  },
  {
    file: 'essential/placeholder_with_if_placeholder_none_input_value.yaml',
    lenient: true,
    build: () => {
      const b = new DocBuilder('one-step-pipeline-with-if-placeholder-supply-none').param('input0', 'STRING', 'input0');
      const comp = b.component({
        kind: 'container',
        name: 'component-with-optional-inputs',
        inputs: [
          { name: 'required_input', type: 'STRING' },
          { name: 'optional_input_1', type: 'STRING', optional: true },
          { name: 'optional_input_2', type: 'STRING', optional: true },
        ],
        outputs: [],
        image: 'ghcr.io/containerd/busybox',
        command: ['echo'],
        args: [
          '--arg0',
          { inputValue: 'required_input' },
          { ifPresent: { input: 'optional_input_1', then: ['--arg1', { inputValue: 'optional_input_1' }] } },
          { ifPresent: { input: 'optional_input_2', then: ['--arg2', { inputValue: 'optional_input_2' }], else: ['--arg2', 'default value'] } },
        ],
      });
      b.task(comp, { required_input: p('input0') });
      return b.doc;
    },
  },
];
