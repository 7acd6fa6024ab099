/**
 * Property: whatever control flow a document holds, a document the validator accepts
 * compiles (deterministically, to JSON and YAML that parse alike), and every document
 * survives save → load unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCatalog } from '../catalog/catalog';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { loadDocument, saveDocument } from '../document/load';
import type { Binding, ContainerComponentDef, Group, Operand, PipelineDocument, Task } from '../document/types';
import { validate } from './validate';

const catalog = createCatalog([]);

const component = (name: string, out: 'STRING' | 'LIST'): ContainerComponentDef => ({
  kind: 'container',
  name,
  inputs: [
    { name: 'msg', type: 'STRING', default: '' },
    { name: 'items', type: 'LIST', default: [] },
  ],
  outputs: [{ name: 'out', type: out }],
  image: 'alpine',
  command: ['echo', { inputValue: 'msg' }, { inputValue: 'items' }, { outputPath: 'out' }],
  args: [],
});

const PARAMS = [
  { name: 'mode', type: 'STRING' as const, default: 'a' },
  { name: 'names', type: 'LIST' as const, default: ['x', 'y'] },
  { name: 'n', type: 'NUMBER_INTEGER' as const, default: 1 },
];

interface Shape {
  groups: Array<{ kind: Group['kind']; parent: number; items: number; cond: [number, number]; exit: number }>;
  tasks: Array<{ comp: number; group: number; msg: number; items: number; from: number; after: number }>;
}

function build(shape: Shape): PipelineDocument {
  const n = shape.tasks.length;
  const groupId = (i: number) => `g${i + 1}`;
  const taskId = (i: number) => `t${i + 1}`;
  const parentOf = (g: Shape['groups'][number], i: number) => (g.parent >= 0 && g.parent < i ? g.parent : -1);
  const chainOf = (i: number): number[] => (i < 0 ? [] : [...chainOf(parentOf(shape.groups[i], i)), i]);
  const loopsAround = (group: number) => chainOf(group).filter((j) => shape.groups[j].kind === 'loop');
  const groups: Group[] = [];
  shape.groups.forEach((g, i) => {
    const parent = parentOf(g, i);
    const base = { id: groupId(i), ...(parent >= 0 ? { parent: groupId(parent) } : {}) };
    const around = loopsAround(parent);
    const operand = (k: number): Operand =>
      [{ parameter: 'mode' }, { parameter: 'n' }, { task: taskId(k % n), output: 'out' }, { constant: 'a' }, { constant: 2 }, ...around.map((l) => ({ loopItem: groupId(l) }))][
        k % (5 + around.length)
      ];
    switch (g.kind) {
      case 'condition':
        groups.push({ ...base, kind: 'condition', ...(g.cond[0] % 9 === 8 ? {} : { condition: { left: operand(g.cond[0]), operator: '==' as const, right: operand(g.cond[1] + 3) } }) });
        return;
      case 'loop': {
        const options = [{ parameter: 'names' }, { constant: [{ a: 'x' }, { a: 'y' }] }, { task: taskId(g.items % n), output: 'out' }, ...around.map((l) => ({ loopItem: groupId(l), field: 'a' }))];
        groups.push({ ...base, kind: 'loop', items: options[g.items % options.length] } as Group);
        return;
      }
      case 'exitHandler':
        groups.push({ id: groupId(i), kind: 'exitHandler', exitTask: taskId(g.exit % n) });
        return;
      default:
        groups.push({ ...base, kind: 'branches' });
        // An If and an Else inside, added at the end of the list (they number after their siblings).
        groups.push({ id: `${groupId(i)}if`, parent: groupId(i), kind: 'condition', condition: { left: { parameter: 'mode' }, operator: '!=', right: { constant: 'b' } } });
        groups.push({ id: `${groupId(i)}else`, parent: groupId(i), kind: 'condition' });
    }
  });
  const exitTasks = new Set(groups.flatMap((g) => (g.kind === 'exitHandler' ? [g.exitTask] : [])));
  const tasks: Task[] = shape.tasks.map((t, i) => {
    const id = taskId(i);
    const exit = exitTasks.has(id);
    let group = !exit && t.group >= 0 && t.group < shape.groups.length ? t.group : -1;
    const g = group >= 0 ? groups.find((x) => x.id === groupId(group))! : undefined;
    const groupKey = g?.kind === 'branches' ? `${g.id}${t.from % 2 ? 'if' : 'else'}` : g?.id;
    if (g?.kind === 'branches') group = -1;
    const around = loopsAround(group);
    const inputs: Record<string, Binding> = {};
    const earlier = i > 0 ? taskId(t.from % i) : undefined;
    const msg: Array<Binding | undefined> = [
      undefined,
      { constant: 'hi' },
      { parameter: 'mode' },
      earlier && !exit ? { task: earlier, output: 'out' } : undefined,
      around.length ? { loopItem: groupId(around[t.from % around.length]) } : undefined,
      around.length ? { loopItem: groupId(around[t.from % around.length]), field: 'a' } : undefined,
      earlier && !exit ? { template: ['x', { parameter: 'mode' }, { task: earlier, output: 'out' }] } : undefined,
    ];
    const items: Array<Binding | undefined> = [
      undefined,
      { parameter: 'names' },
      undefined,
      earlier && !exit ? { task: earlier, output: 'out', collected: true } : undefined,
    ];
    const m = msg[t.msg % msg.length];
    const it = items[t.items % items.length];
    if (m) inputs.msg = m;
    if (it) inputs.items = it;
    const task: Task = { id, component: t.comp % 2 ? 'custom.lister' : 'custom.step', caching: true, after: [], inputs, position: { x: 0, y: 0 } };
    if (t.after % 7 === 0 && earlier && !exit) task.after = [earlier];
    if (groupKey) task.group = groupKey;
    return task;
  });
  const doc: PipelineDocument = {
    format: 'pipeline-canvas',
    version: 2,
    name: 'prop',
    parameters: PARAMS,
    tasks,
    components: { 'custom.step': component('step', 'STRING'), 'custom.lister': component('lister', 'LIST') },
  };
  if (groups.length > 0) doc.groups = groups;
  return doc;
}

const shapes = fc.record({
  groups: fc.array(
    fc.record({
      kind: fc.constantFrom<Group['kind']>('condition', 'loop', 'branches', 'exitHandler', 'condition', 'loop'),
      parent: fc.integer({ min: -3, max: 5 }),
      items: fc.nat(20),
      cond: fc.tuple(fc.nat(20), fc.nat(20)),
      exit: fc.nat(20),
    }),
    { maxLength: 4 },
  ),
  tasks: fc.array(
    fc.record({ comp: fc.nat(3), group: fc.integer({ min: -3, max: 5 }), msg: fc.nat(20), items: fc.nat(20), from: fc.nat(20), after: fc.nat(20) }),
    { minLength: 1, maxLength: 7 },
  ),
});

describe('validator and compiler agree on random control flow', () => {
  it('a document without errors compiles, the same way twice; every document survives save → load', () => {
    let accepted = 0;
    const codes = new Map<string, number>();
    fc.assert(
      fc.property(shapes, (shape) => {
        const doc = build(shape);
        const reloaded = loadDocument(saveDocument(doc));
        expect(reloaded.ok && reloaded.doc).toEqual(doc);
        const errors = validate(doc, catalog).filter((d) => d.severity === 'error');
        for (const e of errors) codes.set(e.code, (codes.get(e.code) ?? 0) + 1);
        if (errors.length > 0) return;
        accepted++;
        const spec = compile(doc, catalog);
        expect(compile(doc, catalog)).toEqual(spec);
        expect(parse(toYaml(spec))).toEqual(JSON.parse(toJson(spec)));
      }),
      { numRuns: 600, seed: 20250711 },
    );
    expect(accepted, JSON.stringify([...codes])).toBeGreaterThan(100);
  });
});
