import { describe, expect, it } from 'vitest';
import { extractTasks, pasteTasks } from './clipboard';
import {
  addComponent,
  addGroup,
  enclosingGroups,
  freeComponentId,
  nextGroupId,
  removeComponent,
  removeGroup,
  removeOutput,
  setOutput,
  setTaskGroup,
  setTaskResources,
  updateGroup,
} from './flow-operations';
import { addParameter, addTask, createDocument, parameterUses, removeParameter, removeTasks, renameParameter } from './operations';
import type { ContainerComponentDef, PipelineDocument } from './types';

const P = { x: 0, y: 0 };
const echo: ContainerComponentDef = { kind: 'container', name: 'Echo it', inputs: [], outputs: [], image: 'alpine', command: ['echo'], args: [] };

/** t1 at the top; loop g1 over `names` holding t2 (reads the item) and a condition g2 holding t3. */
function sample(): PipelineDocument {
  let doc = addParameter(createDocument('s'), { name: 'names', type: 'LIST' });
  doc = addTask(doc, 'c', P, { a: { parameter: 'names' } }).doc;
  const loop = addGroup(doc, { kind: 'loop', items: { parameter: 'names' } });
  doc = addTask(loop.doc, 'c', P, { a: { loopItem: loop.id }, b: { template: ['x', { parameter: 'names' }, { task: 't1', output: 'o' }] } }).doc;
  doc = setTaskGroup(doc, ['t2'], loop.id);
  const cond = addGroup(doc, { kind: 'condition', parent: loop.id, condition: { left: { parameter: 'names' }, operator: '==', right: { constant: 'x' } } }, []);
  doc = addTask(cond.doc, 'c', P, { a: { task: 't2', output: 'o', collected: true } }).doc;
  return setTaskGroup(doc, ['t3'], cond.id);
}

describe('group operations', () => {
  it('ids come from the document; groups nest by parent; tasks move in and out', () => {
    const doc = sample();
    expect(doc.groups!.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(nextGroupId(doc)).toBe('g3');
    expect(enclosingGroups(doc, 'g2')).toEqual(['g2', 'g1']);
    expect(setTaskGroup(doc, ['t3'], undefined).tasks[2]).not.toHaveProperty('group');
    expect(updateGroup(doc, 'g1', { displayName: 'Each name' }).groups![0].displayName).toBe('Each name');
    expect(updateGroup(doc, 'g1', { displayName: undefined }).groups![0]).not.toHaveProperty('displayName');
  });

  it('removing a group moves its contents to its parent and unbinds its loop item', () => {
    const doc = removeGroup(sample(), 'g1');
    expect(doc.groups).toEqual([{ id: 'g2', kind: 'condition', condition: { left: { parameter: 'names' }, operator: '==', right: { constant: 'x' } } }]);
    expect(doc.tasks[1]).not.toHaveProperty('group');
    expect(doc.tasks[1].inputs).not.toHaveProperty('a');
    expect(doc.tasks[2].group).toBe('g2');
    expect(removeGroup(removeGroup(doc, 'g2'), 'g2')).not.toHaveProperty('groups');
  });
});

describe('removing tasks and parameters with version-2 references', () => {
  it('drops template, fan-in and one-of bindings and outputs that read removed tasks; dissolves an orphaned exit handler', () => {
    let doc = sample();
    doc = setOutput(doc, { name: 'o', source: { task: 't2', output: 'o', collected: true } });
    const exit = addTask(doc, 'c', P);
    doc = addGroup(exit.doc, { kind: 'exitHandler', exitTask: exit.id }).doc;
    doc = setTaskGroup(doc, ['t1'], 'g3');
    const after = removeTasks(doc, ['t1', exit.id]);
    expect(after.tasks[0].inputs).toEqual({ a: { loopItem: 'g1' } });
    expect(after.groups!.map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(removeTasks(doc, ['t2']).outputs).toBeUndefined();
    expect(removeTasks(doc, ['t2']).tasks.find((t) => t.id === 't3')!.inputs).toEqual({});
  });

  it('renaming a parameter follows it into templates, conditions and loops; removing it unbinds templates', () => {
    const doc = renameParameter(sample(), 'names', 'items');
    expect(doc.groups![0]).toMatchObject({ items: { parameter: 'items' } });
    expect(doc.groups![1]).toMatchObject({ condition: { left: { parameter: 'items' } } });
    expect(doc.tasks[1].inputs.b).toEqual({ template: ['x', { parameter: 'items' }, { task: 't1', output: 'o' }] });
    expect(parameterUses(doc, 'items')).toEqual([
      ['t1', 'a'],
      ['t2', 'b'],
    ]);
    expect(removeParameter(doc, 'items').tasks[1].inputs).toEqual({ a: { loopItem: 'g1' } });
  });
});

describe('outputs, components, settings', () => {
  it('pipeline outputs are set by name and removed', () => {
    let doc = setOutput(sample(), { name: 'a', source: { task: 't1', output: 'o' } });
    doc = setOutput(doc, { name: 'a', source: { task: 't1', output: 'p' } });
    expect(doc.outputs).toEqual([{ name: 'a', source: { task: 't1', output: 'p' } }]);
    expect(removeOutput(doc, 'a')).not.toHaveProperty('outputs');
  });

  it('embedded components get free ids from their names', () => {
    let doc = sample();
    const a = addComponent(doc, echo);
    expect(a.id).toBe('custom.echo-it');
    doc = a.doc;
    expect(freeComponentId(doc, 'Echo it')).toBe('custom.echo-it-2');
    expect(removeComponent(doc, a.id)).not.toHaveProperty('components');
  });

  it('resources drop empty fields and clear when nothing is left', () => {
    const doc = setTaskResources(sample(), 't1', { cpuLimit: '2', memoryLimit: '' });
    expect(doc.tasks[0].resources).toEqual({ cpuLimit: '2' });
    expect(setTaskResources(doc, 't1', {}).tasks[0]).not.toHaveProperty('resources');
  });
});

describe('copy and paste with version-2 content', () => {
  it('pasted tasks land at the top level without loop-item inputs; components come along; wires remap', () => {
    let doc = sample();
    const comp = addComponent(doc, echo);
    doc = { ...comp.doc, tasks: comp.doc.tasks.map((t) => (t.id === 't2' ? { ...t, component: comp.id } : t)) };
    const clip = extractTasks(doc, ['t1', 't2', 't3']);
    expect(clip.groups).toBeUndefined();
    expect(clip.components).toEqual({ [comp.id]: echo });
    expect(clip.tasks[1].inputs).toEqual({ b: { template: ['x', { parameter: 'names' }, { task: 't1', output: 'o' }] } });
    const other = addComponent(createDocument('o'), { ...echo, image: 'busybox' }, comp.id).doc;
    const { doc: pasted, ids } = pasteTasks(other, clip, P);
    expect(ids).toEqual(['t1', 't2', 't3']);
    expect(pasted.tasks[1].component).toBe(`${comp.id}-2`);
    expect(pasted.tasks[2].inputs.a).toEqual({ task: 't2', output: 'o', collected: true });
    expect(pasted.tasks.every((t) => t.group === undefined)).toBe(true);
  });
});
