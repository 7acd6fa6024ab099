import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../compiler/compile';
import { addComponent } from '../document/flow-operations';
import { addParameter, addTask, createDocument } from '../document/operations';
import type { Binding, PipelineDocument } from '../document/types';
import { documentFromGenerator, goldenJson, goldenText, HAVE_GOLDENS, normalizeSpec, parseStrict } from '../test-support/golden';
import { createCatalog, type Catalog } from './catalog';
import { commandLineString } from './command-line';
import { componentFromCompiledSpec, embeddedEntry } from './embedded';
import { loadAllGcpc } from './gcpc/load';
import { documentCatalog, taskEntry } from './resolve';

let gcpc: Catalog;
beforeAll(async () => {
  gcpc = createCatalog(await loadAllGcpc());
});

const GRAPHS = [
  'autosxs_pipeline',
  'evaluated_annotation_pipeline',
  'evaluation_automl_tabular_feature_attribution_pipeline',
  'evaluation_automl_tabular_pipeline',
  'evaluation_automl_unstructure_data_pipeline',
  'evaluation_feature_attribution_pipeline',
  'evaluation_llm_classification_pipeline',
  'evaluation_llm_text_generation_pipeline',
  'vision_model_error_analysis_pipeline',
];

describe('command-line placeholders (KFP placeholders.py)', () => {
  const kinds = (name: string) => (name === 'out' ? ('parameter' as const) : ('artifact' as const));
  it('writes each placeholder as KFP does', () => {
    expect(commandLineString({ inputValue: 'x' }, kinds)).toBe("{{$.inputs.parameters['x']}}");
    expect(commandLineString({ inputPath: 'x' }, kinds)).toBe("{{$.inputs.artifacts['x'].path}}");
    expect(commandLineString({ inputUri: 'x' }, kinds)).toBe("{{$.inputs.artifacts['x'].uri}}");
    expect(commandLineString({ inputMetadata: 'x', key: 'k' }, kinds)).toBe("{{$.inputs.artifacts['x'].metadata['k']}}");
    expect(commandLineString({ outputPath: 'out' }, kinds)).toBe("{{$.outputs.parameters['out'].output_file}}");
    expect(commandLineString({ outputPath: 'model' }, kinds)).toBe("{{$.outputs.artifacts['model'].path}}");
    expect(commandLineString({ outputUri: 'model' }, kinds)).toBe("{{$.outputs.artifacts['model'].uri}}");
    expect(commandLineString({ executorInput: true }, kinds)).toBe('{{$}}');
  });

  it('writes Concat and IfPresent as Python json.dumps of their structure', () => {
    expect(commandLineString({ concat: ['prefix-', { inputValue: 'a' }, { inputUri: 'd' }] }, kinds)).toBe(
      '{"Concat": ["prefix-", "{{$.inputs.parameters[\'a\']}}", "{{$.inputs.artifacts[\'d\'].uri}}"]}',
    );
    // The golden placeholder_with_if_placeholder_none_input_value writes these two.
    expect(commandLineString({ ifPresent: { input: 'optional_input_1', then: ['--arg1', { inputValue: 'optional_input_1' }] } }, kinds)).toBe(
      '{"IfPresent": {"InputName": "optional_input_1", "Then": ["--arg1", "{{$.inputs.parameters[\'optional_input_1\']}}"]}}',
    );
    expect(
      commandLineString(
        { ifPresent: { input: 'optional_input_2', then: ['--arg2', { inputValue: 'optional_input_2' }], else: ['--arg2', 'default value'] } },
        kinds,
      ),
    ).toBe(
      '{"IfPresent": {"InputName": "optional_input_2", "Then": ["--arg2", "{{$.inputs.parameters[\'optional_input_2\']}}"], "Else": ["--arg2", "default value"]}}',
    );
    expect(commandLineString({ ifPresent: { input: 'x', then: 'é', else: [] } }, kinds)).toBe('{"IfPresent": {"InputName": "x", "Then": "\\u00e9"}}');
  });
});

describe('container components made in the app', () => {
  it('become catalog entries with KFP interface rules (defaults make inputs optional, final status is optional)', () => {
    const entry = embeddedEntry('custom.c', {
      kind: 'container',
      name: 'C',
      inputs: [
        { name: 'a', type: 'STRING', default: 'x' },
        { name: 'b', type: 'NUMBER_INTEGER', optional: true },
        { name: 'd', type: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' }, isList: true, optional: true },
        { name: 's', type: 'TASK_FINAL_STATUS' },
      ],
      outputs: [{ name: 'o', type: 'LIST' }],
      image: 'alpine',
      command: [],
      args: ['x'],
    });
    expect(entry.inputDefinitions).toEqual({
      parameters: {
        a: { parameterType: 'STRING', isOptional: true, defaultValue: 'x' },
        b: { parameterType: 'NUMBER_INTEGER', isOptional: true },
        s: { parameterType: 'TASK_FINAL_STATUS', isOptional: true },
      },
      artifacts: { d: { artifactType: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' }, isArtifactList: true, isOptional: true } },
    });
    expect(entry.outputDefinitions).toEqual({ parameters: { o: { parameterType: 'LIST' } } });
    expect(entry.executor).toEqual({ container: { image: 'alpine', args: ['x'] } });
  });
});

describe.skipIf(!HAVE_GOLDENS)('components kept verbatim from compiled specs', () => {
  it('custom.tiny from its compiled file compiles the tiny-100 pipeline exactly', () => {
    const tiny = componentFromCompiledSpec(goldenJson('large/component.custom.tiny.json'));
    expect(tiny).toMatchObject({ kind: 'verbatim', name: 'tiny' });
    expect(tiny.executor).toBeDefined();
    const catalog = createCatalog([embeddedEntry('custom.tiny', tiny)]);
    const doc = documentFromGenerator(goldenText('large/tiny-100.pipeline.json'), catalog);
    const withComponent: PipelineDocument = { ...doc, components: { 'custom.tiny': tiny } };
    const want = normalizeSpec(parseStrict(goldenText('large/tiny-100.json')));
    expect(normalizeSpec(JSON.parse(JSON.stringify(compile(withComponent, createCatalog([])))))).toEqual(want);
  });

  it('every single-step GCPC component file reads back as a single-step component with its own executor', () => {
    const golden = goldenJson('components/v1.endpoint.ModelDeployOp.json') as Record<string, any>;
    const def = componentFromCompiledSpec(golden);
    expect(def.spec.dag).toBeUndefined();
    expect(def.executor).toEqual(golden.deploymentSpec.executors['exec-model-deploy']);
    expect(def.name).toBe('model-deploy');
  });

  for (const graph of GRAPHS) {
    it(`the GCPC graph component ${graph} is embedded and compiled back unchanged`, () => {
      const golden = goldenJson(`components/v1.model_evaluation.${graph}.json`) as Record<string, any>;
      const def = componentFromCompiledSpec(golden);
      expect(def.spec.dag).toBeDefined();
      let doc = createDocument('uses-graph');
      const r = addComponent(doc, def);
      doc = r.doc;
      // Every required input of the graph is fed by a pipeline parameter of the same name and type.
      const inputs: Record<string, Binding> = {};
      for (const [name, spec] of Object.entries<any>(golden.root.inputDefinitions?.parameters ?? {})) {
        if (spec.isOptional) continue;
        doc = addParameter(doc, { name, type: spec.parameterType });
        inputs[name] = { parameter: name };
      }
      expect(Object.keys(golden.root.inputDefinitions?.artifacts ?? {}).filter((a) => !golden.root.inputDefinitions.artifacts[a].isOptional)).toEqual([]);
      doc = addTask(doc, r.id, { x: 0, y: 0 }, inputs).doc;
      const spec = compile(doc, gcpc) as unknown as Record<string, any>;
      const key = Object.keys(spec.root.dag.tasks)[0];
      const strip = (s: unknown) => normalizeSpec({ components: { x: s } }) as any;
      expect(strip(spec.components[`comp-${key}`]).components.x).toEqual(strip(golden.root).components.x);
      for (const [name, comp] of Object.entries<any>(golden.components))
        expect(normalizeSpec({ components: { x: spec.components[name] } })).toEqual(normalizeSpec({ components: { x: comp } }));
      expect(spec.deploymentSpec.executors).toEqual(golden.deploymentSpec.executors);
      expect(taskEntry(doc, gcpc, doc.tasks[0])?.kind).toBe('graph');
      expect(documentCatalog(doc, gcpc).get(r.id)?.outputDefinitions).toEqual(golden.root.outputDefinitions);
    });
  }
});

const TEMPLATES = [
  'automl/tabular/automl_tabular_pipeline.yaml',
  'automl/forecasting/bqml_arima_predict_pipeline.yaml',
  'automl/forecasting/bqml_arima_train_pipeline.yaml',
  'automl/forecasting/prophet_predict_pipeline.yaml',
  'automl/forecasting/prophet_trainer_pipeline.yaml',
];

describe.skipIf(!HAVE_GOLDENS)('the GCPC pipeline templates (upstream, compiled by KFP 2.0.0-rc.2) as graph components', () => {
  for (const file of TEMPLATES) {
    it(`${file} is embedded and its whole DAG is written back unchanged`, () => {
      const golden = parseStrict(
        goldenText(`upstream/components/google-cloud/google_cloud_pipeline_components/v1/${file}`),
      ) as Record<string, any>;
      const plain = JSON.parse(JSON.stringify(golden, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
      const def = componentFromCompiledSpec(plain, { asGraph: true });
      const r = addComponent(createDocument('uses-template'), def);
      const inputs: Record<string, Binding> = {};
      let doc = r.doc;
      for (const [name, spec] of Object.entries<any>(plain.root.inputDefinitions?.parameters ?? {})) {
        if (spec.isOptional) continue;
        doc = addParameter(doc, { name, type: spec.parameterType });
        inputs[name] = { parameter: name };
      }
      doc = addTask(doc, r.id, { x: 0, y: 0 }, inputs).doc;
      const spec = parseStrict(JSON.stringify(compile(doc, gcpc), (_k, v) => v)) as Record<string, any>;
      const key = Object.keys(spec.root.dag.tasks)[0];
      const normal = (x: unknown) => JSON.parse(JSON.stringify(normalizeSpec({ components: { x } }), (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
      expect(normal(spec.components[`comp-${key}`])).toEqual(normal(golden.root));
      for (const [name, comp] of Object.entries<any>(golden.components)) expect(normal(spec.components[name])).toEqual(normal(comp));
      expect(normal(spec.deploymentSpec.executors)).toEqual(normal(golden.deploymentSpec.executors));
    });
  }
});

describe.skipIf(!HAVE_GOLDENS)('parseCompiledComponent (text of a compiled file)', () => {
  it('reads the YAML and the JSON form alike, and refuses what is not a compiled spec', async () => {
    const { parseCompiledComponent } = await import('./import-component');
    const fromYaml = parseCompiledComponent(goldenText('large/component.custom.tiny.yaml'));
    const fromJson = parseCompiledComponent(goldenText('large/component.custom.tiny.json'));
    expect(fromYaml.ok && fromJson.ok && fromYaml.component).toEqual(fromJson.ok && fromJson.component);
    expect(parseCompiledComponent('a: [', 'x.yaml')).toMatchObject({ ok: false, error: expect.stringMatching(/^x\.yaml is not valid YAML or JSON/) });
    expect(parseCompiledComponent('{"name": "c"}', 'c.json')).toEqual({
      ok: false,
      error: 'c.json: This is not a compiled KFP pipeline spec: it has no root or pipelineInfo.',
    });
  });
});
