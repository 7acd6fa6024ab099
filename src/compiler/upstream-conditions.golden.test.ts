/**
 * Upstream KFP test pipelines with conditions (dsl.If / dsl.Condition, nested, If/Else
 * with dsl.OneOf), rebuilt as documents from their goldens and compiled.
 */
import { beforeAll, describe, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { componentFromCompiledSpec } from '../catalog/embedded';
import type { Condition, ContainerComponentDef } from '../document/types';
import { c, DocBuilder, out, p, template } from '../test-support/build';
import { HAVE_GOLDENS } from '../test-support/golden';
import { expectSameAsUpstream, Upstream } from '../test-support/upstream';
import { compile } from './compile';

let catalog: Catalog;
beforeAll(() => {
  catalog = createCatalog([]);
});

const eq = (task: string, output: string, value: string | number, operator: Condition['operator'] = '=='): Condition => ({
  left: { task, output },
  operator,
  right: { constant: value },
});

describe.skipIf(!HAVE_GOLDENS)('upstream conditions against the real KFP compiler', () => {
  it('critical/flip_coin (two Ifs, nested Ifs on int outputs, f-strings with task outputs)', () => {
    const up = new Upstream('critical/flip_coin.yaml');
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
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('essential/pipeline_with_condition (a condition on a task output, a parameter used inside)', () => {
    const up = new Upstream('essential/pipeline_with_condition.yaml');
    const b = new DocBuilder('single-condition-pipeline').param('text', 'STRING', 'condition test');
    const [flipCoin, print] = ['flip-coin-op', 'print-op'].map((n) => b.component(up.comp(n)));
    const flip1 = b.task(flipCoin, {}, { caching: false });
    b.task(print, { msg: out(flip1, 'Output') });
    const cond = b.group({ kind: 'condition', condition: eq(flip1, 'Output', 'heads') });
    const flip2 = b.task(flipCoin, {}, { caching: false, group: cond });
    b.task(print, { msg: out(flip2, 'Output') }, { group: cond });
    b.task(print, { msg: p('text') }, { group: cond });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('essential/pipeline_with_nested_conditions (a nested condition comparing two task outputs)', () => {
    const up = new Upstream('essential/pipeline_with_nested_conditions.yaml');
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
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('essential/pipeline_with_nested_conditions_yaml (container components made in the app, nested conditions)', () => {
    const up = new Upstream('essential/pipeline_with_nested_conditions_yaml.yaml');
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
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('critical/if_else_with_oneof_artifacts (If/Else with a OneOf artifact, consumed and returned, in a nested pipeline)', () => {
    const up = new Upstream('critical/if_else_with_oneof_artifacts.yaml');
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
    const graph = b.component(componentFromCompiledSpec(compile(inner.doc, catalog)));
    const pipe = b.task(graph);
    b.task(b.component(up.comp('print-artifact')), { a: out(pipe, 'Output') });
    expectSameAsUpstream(b.doc, catalog, up);
  });

  it('critical/parameter_oneof (If/Else OneOf of two parameter outputs, returned through two nested pipelines)', () => {
    const up = new Upstream('critical/parameter_oneof.yaml');
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
    const coreTask = mantle.task(mantle.component(componentFromCompiledSpec(compile(core.doc, catalog))), {}, { caching: false });
    mantle.output('Output', { task: coreTask, output: 'Output' });

    const b = new DocBuilder('parameter-oneof-pipeline');
    const m = b.task(b.component(componentFromCompiledSpec(compile(mantle.doc, catalog))), {}, { caching: false });
    b.task(b.component(up.comp('crust-comp')), { input: out(m, 'Output') }, { caching: false });
    expectSameAsUpstream(b.doc, catalog, up);
  });
});
