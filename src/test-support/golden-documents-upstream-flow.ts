/**
 * Upstream KFP test pipelines with control flow and nested pipelines, rebuilt as documents
 * from their goldens: conditions (dsl.If / dsl.Condition, nested, If/Else with dsl.OneOf),
 * ParallelFor loops (parameters, task outputs, static lists, item fields, `.after` a loop,
 * dsl.Collected) and pipelines used as components.
 */
import type { Catalog } from '../catalog/catalog';
import { componentFromCompiledSpec } from '../catalog/embedded';
import { compile } from '../compiler/compile';
import type { Condition, ContainerComponentDef, PipelineDocument } from '../document/types';
import type { ParameterType } from '../spec/pipeline-spec';
import { c, collected, DocBuilder, item, out, p, template } from './build';
import type { UpstreamCase } from './golden-documents-upstream';
import type { Upstream } from './upstream';

const asComponent = (doc: PipelineDocument, catalog: Catalog) => componentFromCompiledSpec(compile(doc, catalog));

const eq = (task: string, output: string, value: string | number, operator: Condition['operator'] = '=='): Condition => ({
  left: { task, output },
  operator,
  right: { constant: value },
});

// ---------------------------------------------------------------- conditions

export const UPSTREAM_CONDITIONS: UpstreamCase[] = [
  {
    file: 'critical/flip_coin.yaml',
    build: (up) => {
      const b = new DocBuilder('conditional-execution-pipeline', { description: 'Shows how to use dsl.If().' });
      const [flipCoin, randomNum, printMsg] = ['flip-coin', 'random-num', 'print-msg'].map((n) => b.component(up.comp(n)));
      const flip = b.task(flipCoin, {}, { caching: false });
      for (const [side, low, high, mid] of [
        ['heads', 0, 9, 5],
        ['tails', 10, 19, 15],
      ] as const) {
        const outer = b.group({ kind: 'condition', condition: eq(flip, 'Output', side) });
        const rn = b.task(randomNum, { low: c(low), high: c(high) }, { caching: false, group: outer });
        const above = b.group({ kind: 'condition', parent: outer, condition: eq(rn, 'Output', mid, '>') });
        b.task(printMsg, { msg: template(`${side} and `, { task: rn, output: 'Output' }, ` > ${mid}!`) }, { caching: false, group: above });
        const below = b.group({ kind: 'condition', parent: outer, condition: eq(rn, 'Output', mid, '<=') });
        b.task(printMsg, { msg: template(`${side} and `, { task: rn, output: 'Output' }, ` <= ${mid}!`) }, { caching: false, group: below });
      }
      return b.doc;
    },
  },
  {
    file: 'essential/pipeline_with_condition.yaml',
    build: (up) => {
      const b = new DocBuilder('single-condition-pipeline').param('text', 'STRING', 'condition test');
      const [flipCoin, print] = ['flip-coin-op', 'print-op'].map((n) => b.component(up.comp(n)));
      const flip1 = b.task(flipCoin, {}, { caching: false });
      b.task(print, { msg: out(flip1, 'Output') });
      const cond = b.group({ kind: 'condition', condition: eq(flip1, 'Output', 'heads') });
      const flip2 = b.task(flipCoin, {}, { caching: false, group: cond });
      b.task(print, { msg: out(flip2, 'Output') }, { group: cond });
      b.task(print, { msg: p('text') }, { group: cond });
      return b.doc;
    },
  },
  {
    file: 'essential/pipeline_with_nested_conditions.yaml',
    build: (up) => {
      const b = new DocBuilder('nested-conditions-pipeline');
      const [flipCoin, print] = ['flip-coin-op', 'print-op'].map((n) => b.component(up.comp(n)));
      const flip1 = b.task(flipCoin);
      const flip2 = b.task(flipCoin);
      b.task(print, { msg: out(flip1, 'Output') });
      b.task(print, { msg: out(flip2, 'Output') });
      const outer = b.group({ kind: 'condition', condition: eq(flip1, 'Output', 'no-such-result', '!=') });
      const flip3 = b.task(flipCoin, {}, { group: outer });
      b.task(print, { msg: out(flip3, 'Output') }, { group: outer });
      const inner = b.group({
        kind: 'condition',
        parent: outer,
        condition: { left: { task: flip2, output: 'Output' }, operator: '==', right: { task: flip3, output: 'Output' } },
      });
      const flip4 = b.task(flipCoin, {}, { group: inner });
      b.task(print, { msg: out(flip4, 'Output') }, { group: inner });
      return b.doc;
    },
  },
  {
    file: 'essential/pipeline_with_nested_conditions_yaml.yaml',
    build: () => {
      const b = new DocBuilder('conditional-execution-pipeline', {
        displayName: 'Conditional execution pipeline.',
        description: 'Shows how to use dsl.Condition().',
      });
      const image = 'python:alpine3.9';
      const flipCoin: ContainerComponentDef = {
        kind: 'container',
        name: 'flip-coin',
        inputs: [],
        outputs: [{ name: 'output', type: 'STRING' }],
        image,
        command: ['sh', '-c'],
        args: [
          'mkdir -p "$(dirname $0)" && python -c "import random; result = \'heads\' if random.randint(0,1) == 0 else \'tails\'; print(result, end=\'\')" | tee $0',
          { outputPath: 'output' },
        ],
      };
      const random = (low: string, high: string): ContainerComponentDef => ({
        kind: 'container',
        name: 'generate-random-number',
        inputs: [],
        outputs: [{ name: 'output', type: 'NUMBER_INTEGER' }],
        image,
        command: ['sh', '-c'],
        args: ['mkdir -p "$(dirname $2)" && python -c "import random; print(random.randint($0, $1), end=\'\')" | tee $2', low, high, { outputPath: 'output' }],
      });
      const print: ContainerComponentDef = {
        kind: 'container',
        name: 'print',
        inputs: [{ name: 'msg', type: 'STRING' }],
        outputs: [],
        image,
        command: ['echo', { inputValue: 'msg' }],
        args: [],
      };
      const printId = b.component(print);
      const flip = b.task(b.component(flipCoin));
      for (const [side, low, high, mid] of [
        ['heads', '0', '9', 5],
        ['tails', '10', '19', 15],
      ] as const) {
        const outer = b.group({ kind: 'condition', condition: eq(flip, 'output', side) });
        const rn = b.task(b.component(random(low, high)), {}, { group: outer });
        const above = b.group({ kind: 'condition', parent: outer, condition: eq(rn, 'output', mid, '>') });
        b.task(printId, { msg: template(`${side} and `, { task: rn, output: 'output' }, ` > ${mid}!`) }, { group: above });
        const below = b.group({ kind: 'condition', parent: outer, condition: eq(rn, 'output', mid, '<=') });
        b.task(printId, { msg: template(`${side} and `, { task: rn, output: 'output' }, ` <= ${mid}!`) }, { group: below });
      }
      return b.doc;
    },
  },
  {
    file: 'critical/if_else_with_oneof_artifacts.yaml',
    build: (up, catalog) => {
      // The inner pipeline, compiled on its own, then used as a component.
      const inner = new DocBuilder('flip-coin-pipeline');
      const [flipCoin, paramToArtifact, printArtifact] = ['flip-coin', 'param-to-artifact', 'print-artifact'].map((n) => inner.component(up.comp(n)));
      const flip = inner.task(flipCoin);
      const branches = inner.group({ kind: 'branches' });
      const heads = inner.group({ kind: 'condition', parent: branches, condition: eq(flip, 'Output', 'heads') });
      const tails = inner.group({ kind: 'condition', parent: branches });
      const a1 = inner.task(paramToArtifact, { val: out(flip, 'Output') }, { group: heads });
      const a2 = inner.task(paramToArtifact, { val: out(flip, 'Output') }, { group: tails });
      const oneOf = [
        { task: a1, output: 'a' },
        { task: a2, output: 'a' },
      ];
      inner.task(printArtifact, { a: { oneOf } });
      inner.output('Output', { oneOf });

      const b = new DocBuilder('outer-pipeline');
      const graph = b.component(asComponent(inner.doc, catalog));
      const pipe = b.task(graph);
      b.task(b.component(up.comp('print-artifact')), { a: out(pipe, 'Output') });
      return b.doc;
    },
  },
  {
    file: 'critical/parameter_oneof.yaml',
    build: (up, catalog) => {
      const core = new DocBuilder('core');
      const [flipCoin, coreComp, coreOutputComp] = ['flip-coin', 'core-comp', 'core-output-comp'].map((n) => core.component(up.comp(n)));
      const flip = core.task(flipCoin, {}, { caching: false });
      const branches = core.group({ kind: 'branches' });
      const heads = core.group({ kind: 'condition', parent: branches, condition: eq(flip, 'Output', 'heads') });
      const tails = core.group({ kind: 'condition', parent: branches });
      const t1 = core.task(coreComp, { input: c('Got heads!') }, { caching: false, group: heads });
      const t2 = core.task(coreOutputComp, { input: c('Got tails!') }, { caching: false, group: tails });
      core.output('Output', {
        oneOf: [
          { task: t1, output: 'Output' },
          { task: t2, output: 'output_key' },
        ],
      });

      const mantle = new DocBuilder('mantle');
      const coreTask = mantle.task(mantle.component(asComponent(core.doc, catalog)), {}, { caching: false });
      mantle.output('Output', { task: coreTask, output: 'Output' });

      const b = new DocBuilder('parameter-oneof-pipeline');
      const m = b.task(b.component(asComponent(mantle.doc, catalog)), {}, { caching: false });
      b.task(b.component(up.comp('crust-comp')), { input: out(m, 'Output') }, { caching: false });
      return b.doc;
    },
  },
];

// ---------------------------------------------------------------- loops

export const UPSTREAM_LOOPS: UpstreamCase[] = [
  {
    file: 'parallel_and_nested/pipeline_with_loops.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-loops').param('loop_parameter', 'LIST', ['a', 'b']);
      const [generator, printText, printStruct] = ['args-generator-op', 'print-text', 'print-struct'].map((n) => b.component(up.comp(n)));
      const gen = b.task(generator);
      const loop1 = b.group({ kind: 'loop', items: { parameter: 'loop_parameter' } });
      b.task(printText, { msg: item(loop1) }, { group: loop1 });
      const loop2 = b.group({ kind: 'loop', items: { task: gen, output: 'Output' }, itemType: 'STRUCT' });
      b.task(printStruct, { struct: item(loop2) }, { group: loop2 });
      b.task(printText, { msg: item(loop2, 'A_a') }, { group: loop2 });
      b.task(printText, { msg: item(loop2, 'B_b') }, { group: loop2 });
      const loop4 = b.group({
        kind: 'loop',
        items: {
          constant: [
            { A_a: '1', B_b: '2' },
            { A_a: '10', B_b: '20' },
          ],
        },
      });
      b.task(printStruct, { struct: item(loop4) }, { group: loop4 });
      b.task(printText, { msg: item(loop4, 'A_a') }, { group: loop4 });
      b.task(printText, { msg: item(loop4, 'B_b') }, { group: loop4 });
      return b.doc;
    },
  },
  {
    file: 'critical/parallel_for_after_dependency.yaml',
    build: (up) => {
      const b = new DocBuilder('loop-with-after-dependency-set');
      const print = b.component(up.comp('print-op'));
      const loop = b.group({ kind: 'loop', items: { constant: [1, 2, 3] } });
      const first = b.task(print, { message: c('foo') }, { group: loop });
      b.task(print, { message: c('bar') }, { after: [first] });
      b.task(print, { message: c('baz') }, { after: [first] });
      return b.doc;
    },
  },
  {
    file: 'critical/parameters_simple.yaml',
    build: (up) => {
      const b = new DocBuilder('math-pipeline');
      const [double, add, addContainer] = ['double', 'add', 'add-container'].map((n) => b.component(up.comp(n)));
      const loop = b.group({ kind: 'loop', items: { constant: [1, 2, 3] } });
      const d = b.task(double, { num: item(loop) }, { group: loop });
      b.task(add, { nums: collected(d, 'Output') });
      b.task(addContainer, { nums: collected(d, 'Output') });
      b.output('Output', { task: d, output: 'Output', collected: true });
      return b.doc;
    },
  },
  {
    file: 'critical/collected_parameters.yaml',
    build: (up, catalog) => {
      const inner = new DocBuilder('collecting-parameters').param('model_ids', 'STRING', '');
      const [splitIds, prependId, consumeSingle, consumeIds] = ['split-ids', 'prepend-id', 'consume-single-id', 'consume-ids'].map((n) =>
        inner.component(up.comp(n)),
      );
      const split = inner.task(splitIds, { ids: p('model_ids') });
      const loop = inner.group({ kind: 'loop', items: { task: split, output: 'Output' } });
      const prepend = inner.task(prependId, { content: item(loop) }, { caching: false, group: loop });
      inner.task(consumeSingle, { id: out(prepend, 'Output') }, { caching: false, group: loop });
      inner.task(consumeIds, { ids: collected(prepend, 'Output') }, { caching: false });
      inner.output('Output', { task: prepend, output: 'Output', collected: true });

      const b = new DocBuilder('collected-param-pipeline');
      const graph = b.task(b.component(asComponent(inner.doc, catalog)), { model_ids: c('s1,s2,s3') }, { caching: false });
      b.task(b.component(up.comp('consume-ids', 'consume-ids-2')), { ids: out(graph, 'Output') }, { caching: false });
      return b.doc;
    },
  },
  {
    file: 'parallel_and_nested/loop_consume_upstream.yaml',
    build: (up) => {
      const b = new DocBuilder('loop-consume-upstream', { displayName: 'Loop Consume Upstream' });
      const [splitInput, createFile, readFile, printInput] = ['split-input', 'create-file', 'read-file', 'print-input'].map((n) =>
        b.component(up.comp(n)),
      );
      const opts = { caching: false, displayName: 'same display name' };
      const split = b.task(splitInput, { input: c('component1,component2,component3') }, opts);
      const loop = b.group({ kind: 'loop', items: { task: split, output: 'Output' } });
      const file = b.task(createFile, { content: item(loop) }, { ...opts, group: loop });
      b.task(readFile, { file: out(file, 'file') }, { ...opts, group: loop });
      b.task(printInput, { input: out(split, 'Output') }, opts);
      return b.doc;
    },
  },
  {
    file: 'essential/pipeline_with_params_containing_format.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-pipelineparam-containing-format').param('name', 'STRING', 'KFP');
      const [printOp, printOp2] = ['print-op', 'print-op2'].map((n) => b.component(up.comp(n)));
      const first = b.task(printOp, { text: template('Hello ', { parameter: 'name' }) });
      b.task(printOp, { text: template({ task: first, output: 'Output' }, ', again.') });
      const loop = b.group({ kind: 'loop', items: { constant: ['1', '2'] } });
      b.task(printOp2, { text1: item(loop), text2: template(' and ', { parameter: 'name' }, '.') }, { group: loop });
      return b.doc;
    },
  },
  {
    file: 'essential/pipeline_with_metrics_outputs.yaml',
    build: (up) => {
      const b = new DocBuilder('pipeline-with-metrics-outputs');
      const metrics = b.component(up.comp('output-metrics'));
      b.task(metrics);
      const loop = b.group({ kind: 'loop', items: { constant: [1, 2] } });
      b.task(metrics, {}, { group: loop });
      return b.doc;
    },
  },
];

// ---------------------------------------------------------------- nested pipelines

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

const types: Array<[string, ParameterType]> = [
  ['Bool', 'BOOLEAN'],
  ['Int', 'NUMBER_INTEGER'],
  ['Str', 'STRING'],
];

export const UPSTREAM_NESTED: UpstreamCase[] = [
  {
    file: 'parallel_and_nested/pipeline_in_pipeline.yaml',
    build: (up, catalog) => {
      const b = new DocBuilder('pipeline-in-pipeline');
      b.task(b.component(up.comp('print-op1')), { msg: c('Hello') });
      b.task(b.component(asComponent(innerPipeline(up, false), catalog)), { msg: c('world') });
      return b.doc;
    },
  },
  {
    file: 'essential/pipeline_with_outputs.yaml',
    build: (up, catalog) => {
      const b = new DocBuilder('pipeline-in-pipeline').param('msg', 'STRING', 'Hello');
      b.task(b.component(up.comp('print-op1')), { msg: p('msg') });
      const inner = b.task(b.component(asComponent(innerPipeline(up, true), catalog)), { msg: c('world') });
      b.output('Output', { task: inner, output: 'data' });
      return b.doc;
    },
  },
  {
    file: 'parallel_and_nested/pipeline_in_pipeline_loaded_from_yaml.yaml',
    build: (up, catalog) => {
      const middle = new DocBuilder('pipeline-in-pipeline').param('msg', 'STRING', 'Hello');
      middle.task(middle.component(up.comp('print-op1')), { msg: p('msg') });
      const inner = middle.task(middle.component(asComponent(innerPipeline(up, true), catalog)), { msg: c('world') });
      middle.output('Output', { task: inner, output: 'data' });
      const b = new DocBuilder('pipeline-in-pipeline');
      const mid = b.task(b.component(asComponent(middle.doc, catalog)), { msg: c('Hello') });
      b.task(b.component(up.comp('print-op1', 'print-op1-3')), { data: out(mid, 'Output') });
      return b.doc;
    },
  },
  {
    file: 'parallel_and_nested/pipeline_in_pipeline_complex.yaml',
    build: (up, catalog) => {
      const inner = new DocBuilder('inner-pipeline').param('msg', 'STRING');
      const first = inner.task(inner.component(up.comp('print-op1', 'print-op1-2')), { msg: p('msg') });
      const hello = inner.group({ kind: 'condition', condition: { left: { task: first, output: 'Output' }, operator: '==', right: { constant: 'Hello' } } });
      inner.task(inner.component(echo('print-op2')), { msg: c('world') }, { group: hello });
      const other = inner.group({ kind: 'condition', condition: { left: { task: first, output: 'Output' }, operator: '!=', right: { constant: 'Hello' } } });
      inner.task(inner.component(echo('print-op')), { msg: c('Bye!') }, { group: other });

      const b = new DocBuilder('pipeline-in-pipeline-complex').param('msg', 'STRING', 'Hello');
      b.task(b.component(up.comp('print-op1')), { msg: p('msg') });
      const loop = b.group({ kind: 'loop', items: { constant: ['Hello', 'world!'] } });
      b.task(b.component(asComponent(inner.doc, catalog)), { msg: item(loop) }, { group: loop });
      return b.doc;
    },
  },
  {
    file: 'parallel_and_nested/nested_pipeline_opt_inputs_nil_compiled.yaml',
    build: (up, catalog) => {
      const inner = new DocBuilder('nested-pipeline');
      inner.doc = { ...inner.doc, parameters: types.map(([n, type]) => ({ name: `nestedInput${n}`, type, optional: true as const })) };
      for (const [n] of types)
        inner.task(inner.component(up.comp(`component-${n.toLowerCase()}`)), { componentInput: p(`nestedInput${n}`) }, { caching: false });
      const b = new DocBuilder('nested-pipeline-opt-inputs-nil');
      b.task(b.component(asComponent(inner.doc, catalog)), {}, { caching: false });
      return b.doc;
    },
  },
  {
    file: 'parallel_and_nested/nested_pipeline_opt_input_child_level_compiled.yaml',
    build: (up, catalog) => {
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
        b.component(asComponent(inner.doc, catalog)),
        { nestedInputBool1: c(true), nestedInputInt1: c(1), nestedInputStr1: c('Input - pipeline') },
        { caching: false },
      );
      return b.doc;
    },
  },
  {
    file: 'parallel_and_nested/nested_pipeline_opt_inputs_parent_level_compiled.yaml',
    build: (up, catalog) => {
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
        return asComponent(inner.doc, catalog);
      };
      const b = new DocBuilder('nested-pipeline-opt-inputs-parent-level')
        .param('inputBool', 'BOOLEAN', true)
        .param('inputInt', 'NUMBER_INTEGER', 1)
        .param('inputStr', 'STRING', 'Input - parent pipeline');
      const wires = { nestedInputBool: p('inputBool'), nestedInputInt: p('inputInt'), nestedInputStr: p('inputStr') };
      b.task(b.component(nested('nested-pipeline-nil-defaults', true)), wires, { caching: false });
      b.task(b.component(nested('nested-pipeline-non-nil-defaults', false)), wires, { caching: false });
      return b.doc;
    },
  },
];
