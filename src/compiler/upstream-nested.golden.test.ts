/**
 * Upstream KFP test pipelines that use pipelines as components (graph components):
 * each inner pipeline is itself built as a document, compiled, and embedded in the outer
 * document through `componentFromCompiledSpec`, as a user would import a compiled pipeline.
 */
import { beforeAll, describe, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { componentFromCompiledSpec } from '../catalog/embedded';
import type { ContainerComponentDef, PipelineDocument } from '../document/types';
import type { ParameterType } from '../spec/pipeline-spec';
import { c, DocBuilder, item, out, p } from '../test-support/build';
import { HAVE_GOLDENS } from '../test-support/golden';
import { expectSameAsUpstream, Upstream } from '../test-support/upstream';
import { compile } from './compile';

let catalog: Catalog;
beforeAll(() => {
  catalog = createCatalog([]);
});

const asComponent = (doc: PipelineDocument) => componentFromCompiledSpec(compile(doc, catalog));

/** A `@dsl.container_component` `name(msg: str)` running `echo <msg>` on alpine. */
const echo = (name: string): ContainerComponentDef => ({
  kind: 'container',
  name,
  inputs: [{ name: 'msg', type: 'STRING' }],
  outputs: [],
  image: 'alpine',
  command: ['echo', { inputValue: 'msg' }],
  args: [],
});

/** `inner_pipeline(msg) -> NamedTuple(msg, data)` of pipeline_with_outputs (or without outputs). */
function innerPipeline(up: Upstream, withOutputs: boolean): PipelineDocument {
  const b = new DocBuilder('inner-pipeline').param('msg', 'STRING');
  const first = b.task(b.component(up.comp('print-op1', 'print-op1-2')), { msg: p('msg') });
  const printOp2: ContainerComponentDef = withOutputs
    ? {
        kind: 'container',
        name: 'print-op2',
        inputs: [{ name: 'msg', type: 'STRING' }],
        outputs: [{ name: 'data', type: { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } }],
        image: 'alpine',
        command: ['sh', '-c', 'mkdir --parents $(dirname "$1") && echo "$0" > "$1"'],
        args: [{ inputValue: 'msg' }, { outputPath: 'data' }],
      }
    : echo('print-op2');
  const second = b.task(b.component(printOp2), { msg: out(first, 'Output') });
  if (withOutputs) b.output('msg', { task: first, output: 'Output' }).output('data', { task: second, output: 'data' });
  return b.doc;
}

describe.skipIf(!HAVE_GOLDENS)('upstream nested pipelines against the real KFP compiler', () => {
  it('parallel_and_nested/pipeline_in_pipeline (component names renamed on merge)', () => {
    const up = new Upstream('parallel_and_nested/pipeline_in_pipeline.yaml');
    const b = new DocBuilder('pipeline-in-pipeline');
    b.task(b.component(up.comp('print-op1')), { msg: c('Hello') });
    b.task(b.component(asComponent(innerPipeline(up, false))), { msg: c('world') });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('essential/pipeline_with_outputs (a nested pipeline with a parameter and an artifact output, re-exported)', () => {
    const up = new Upstream('essential/pipeline_with_outputs.yaml');
    const b = new DocBuilder('pipeline-in-pipeline').param('msg', 'STRING', 'Hello');
    b.task(b.component(up.comp('print-op1')), { msg: p('msg') });
    const inner = b.task(b.component(asComponent(innerPipeline(up, true))), { msg: c('world') });
    b.output('Output', { task: inner, output: 'data' });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml (three levels: a compiled pipeline used again)', () => {
    const up = new Upstream('parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml.yaml');
    const middle = new DocBuilder('pipeline-in-pipeline').param('msg', 'STRING', 'Hello');
    middle.task(middle.component(up.comp('print-op1')), { msg: p('msg') });
    const inner = middle.task(middle.component(asComponent(innerPipeline(up, true))), { msg: c('world') });
    middle.output('Output', { task: inner, output: 'data' });
    const b = new DocBuilder('pipeline-in-pipeline');
    const mid = b.task(b.component(asComponent(middle.doc)), { msg: c('Hello') });
    b.task(b.component(up.comp('print-op1', 'print-op1-3')), { data: out(mid, 'Output') });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('parallel_and_nested/pipeline_in_pipeline_complex (a nested pipeline with conditions, inside a static loop)', () => {
    const up = new Upstream('parallel_and_nested/pipeline_in_pipeline_complex.yaml');
    const inner = new DocBuilder('inner-pipeline').param('msg', 'STRING');
    const first = inner.task(inner.component(up.comp('print-op1', 'print-op1-2')), { msg: p('msg') });
    const hello = inner.group({ kind: 'condition', condition: { left: { task: first, output: 'Output' }, operator: '==', right: { constant: 'Hello' } } });
    inner.task(inner.component(echo('print-op2')), { msg: c('world') }, { group: hello });
    const other = inner.group({ kind: 'condition', condition: { left: { task: first, output: 'Output' }, operator: '!=', right: { constant: 'Hello' } } });
    inner.task(inner.component(echo('print-op')), { msg: c('Bye!') }, { group: other });

    const b = new DocBuilder('pipeline-in-pipeline-complex').param('msg', 'STRING', 'Hello');
    b.task(b.component(up.comp('print-op1')), { msg: p('msg') });
    const loop = b.group({ kind: 'loop', items: { constant: ['Hello', 'world!'] } });
    b.task(b.component(asComponent(inner.doc)), { msg: item(loop) }, { group: loop });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  const types: Array<[string, ParameterType]> = [
    ['Bool', 'BOOLEAN'],
    ['Int', 'NUMBER_INTEGER'],
    ['Str', 'STRING'],
  ];

  it('parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled (optional parameters without defaults, nothing passed)', () => {
    const up = new Upstream('parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled.yaml');
    const inner = new DocBuilder('nested-pipeline');
    inner.doc = { ...inner.doc, parameters: types.map(([n, type]) => ({ name: `nestedInput${n}`, type, optional: true as const })) };
    for (const [n] of types)
      inner.task(inner.component(up.comp(`component-${n.toLowerCase()}`)), { componentInput: p(`nestedInput${n}`) }, { caching: false });
    const b = new DocBuilder('nested-pipeline-opt-inputs-nil');
    b.task(b.component(asComponent(inner.doc)), {}, { caching: false });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('parallel_and_nested/nested_pipeline_opt_input_child_level_compiled (defaults in the nested pipeline, some passed)', () => {
    const up = new Upstream('parallel_and_nested/nested_pipeline_opt_input_child_level_compiled.yaml');
    const inner = new DocBuilder('nested-pipeline');
    const defaults = { Bool: false, Int: 0 } as const;
    for (const i of [1, 2])
      for (const [n, type] of types) inner.param(`nestedInput${n}${i}`, type, n === 'Str' ? `Input ${i} - nested pipeline` : defaults[n as 'Bool' | 'Int']);
    for (const [letter, i] of [
      ['a', 1],
      ['b', 2],
    ] as const)
      for (const [n] of types)
        inner.task(inner.component(up.comp(`component-${letter}-${n.toLowerCase()}`)), { [`componentInput${n}`]: p(`nestedInput${n}${i}`) }, { caching: false });
    const b = new DocBuilder('nested-pipeline-opt-input-child-level');
    b.task(
      b.component(asComponent(inner.doc)),
      { nestedInputBool1: c(true), nestedInputInt1: c(1), nestedInputStr1: c('Input - pipeline') },
      { caching: false },
    );
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('parallel_and_nested/nested_pipeline_opt_inputs_parent_level_compiled (two nested pipelines fed by parent parameters)', () => {
    const up = new Upstream('parallel_and_nested/nested_pipeline_opt_inputs_parent_level_compiled.yaml');
    const nested = (name: string, nil: boolean) => {
      const inner = new DocBuilder(name);
      inner.doc = {
        ...inner.doc,
        parameters: types.map(([n, type]) =>
          n === 'Str'
            ? { name: `nestedInput${n}`, type, default: 'Input - nested pipeline' }
            : nil
              ? { name: `nestedInput${n}`, type, optional: true as const }
              : { name: `nestedInput${n}`, type, default: n === 'Bool' ? false : 0 },
        ),
      };
      for (const [n] of types)
        inner.task(inner.component(up.comp(`component-${nil ? 'nil-' : ''}${n.toLowerCase()}-default`)), { componentInput: p(`nestedInput${n}`) }, { caching: false });
      return asComponent(inner.doc);
    };
    const b = new DocBuilder('nested-pipeline-opt-inputs-parent-level')
      .param('inputBool', 'BOOLEAN', true)
      .param('inputInt', 'NUMBER_INTEGER', 1)
      .param('inputStr', 'STRING', 'Input - parent pipeline');
    const wires = { nestedInputBool: p('inputBool'), nestedInputInt: p('inputInt'), nestedInputStr: p('inputStr') };
    b.task(b.component(nested('nested-pipeline-nil-defaults', true)), wires, { caching: false });
    b.task(b.component(nested('nested-pipeline-non-nil-defaults', false)), wires, { caching: false });
    expectSameAsUpstream(b.doc, catalog, up);
  });
});
