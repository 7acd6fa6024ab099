/**
 * Upstream KFP test pipelines with ParallelFor loops (over parameters, task outputs and
 * static lists, dict fields, `.after` a loop, fan-in with dsl.Collected), rebuilt as
 * documents from their goldens and compiled.
 */
import { beforeAll, describe, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { componentFromCompiledSpec } from '../catalog/embedded';
import { c, collected, DocBuilder, item, out, p, template } from '../test-support/build';
import { HAVE_GOLDENS } from '../test-support/golden';
import { expectSameAsUpstream, Upstream } from '../test-support/upstream';
import { compile } from './compile';

let catalog: Catalog;
beforeAll(() => {
  catalog = createCatalog([]);
});

describe.skipIf(!HAVE_GOLDENS)('upstream loops against the real KFP compiler', () => {
  it('parallel_and_nested/pipeline_with_loops (loops over a parameter, a task output of dicts, a static list; item fields)', () => {
    const up = new Upstream('parallel_and_nested/pipeline_with_loops.yaml');
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
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('critical/parallel_for_after_dependency (tasks that run after a loop)', () => {
    const up = new Upstream('critical/parallel_for_after_dependency.yaml');
    const b = new DocBuilder('loop-with-after-dependency-set');
    const print = b.component(up.comp('print-op'));
    const loop = b.group({ kind: 'loop', items: { constant: [1, 2, 3] } });
    const first = b.task(print, { message: c('foo') }, { group: loop });
    b.task(print, { message: c('bar') }, { after: [first] });
    b.task(print, { message: c('baz') }, { after: [first] });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('critical/parameters_simple (dsl.Collected of a loop output, consumed twice and returned)', () => {
    const up = new Upstream('critical/parameters_simple.yaml');
    const b = new DocBuilder('math-pipeline');
    const [double, add, addContainer] = ['double', 'add', 'add-container'].map((n) => b.component(up.comp(n)));
    const loop = b.group({ kind: 'loop', items: { constant: [1, 2, 3] } });
    const d = b.task(double, { num: item(loop) }, { group: loop });
    b.task(add, { nums: collected(d, 'Output') });
    b.task(addContainer, { nums: collected(d, 'Output') });
    b.output('Output', { task: d, output: 'Output', collected: true });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('critical/collected_parameters (Collected inside a nested pipeline, returned from it)', () => {
    const up = new Upstream('critical/collected_parameters.yaml');
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
    const graph = b.task(b.component(componentFromCompiledSpec(compile(inner.doc, catalog))), { model_ids: c('s1,s2,s3') }, { caching: false });
    b.task(b.component(up.comp('consume-ids', 'consume-ids-2')), { ids: out(graph, 'Output') }, { caching: false });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('parallel_and_nested/loop_consume_upstream (a loop over a task output; artifacts inside the loop; display names)', () => {
    const up = new Upstream('parallel_and_nested/loop_consume_upstream.yaml');
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
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('essential/pipeline_with_params_containing_format (f-strings with parameters and outputs, a static loop)', () => {
    const up = new Upstream('essential/pipeline_with_params_containing_format.yaml');
    const b = new DocBuilder('pipeline-with-pipelineparam-containing-format').param('name', 'STRING', 'KFP');
    const [printOp, printOp2] = ['print-op', 'print-op2'].map((n) => b.component(up.comp(n)));
    const first = b.task(printOp, { text: template('Hello ', { parameter: 'name' }) });
    b.task(printOp, { text: template({ task: first, output: 'Output' }, ', again.') });
    const loop = b.group({ kind: 'loop', items: { constant: ['1', '2'] } });
    b.task(printOp2, { text1: item(loop), text2: template(' and ', { parameter: 'name' }, '.') }, { group: loop });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('essential/pipeline_with_metrics_outputs (metrics outputs inside and outside a loop; KFP 2.9 compile)', () => {
    const up = new Upstream('essential/pipeline_with_metrics_outputs.yaml');
    const b = new DocBuilder('pipeline-with-metrics-outputs');
    const metrics = b.component(up.comp('output-metrics'));
    b.task(metrics);
    const loop = b.group({ kind: 'loop', items: { constant: [1, 2] } });
    b.task(metrics, {}, { group: loop });
    expectSameAsUpstream(b.doc, catalog, up);
  });
});
