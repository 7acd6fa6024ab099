import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCatalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import * as ops from '../document/operations';
import type { PipelineDocument } from '../document/types';
import { seedDocument } from '../examples/seed';
import { compiled, reuseUnchanged, specText } from './derive-spec';

describe('reuseUnchanged', () => {
  it('gives a value equal to the new one, the old one itself when they are equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const r = reuseUnchanged(a, b);
        expect(r).toStrictEqual(b);
        expect(reuseUnchanged(a, structuredClone(a))).toBe(a);
      }),
    );
  });

  it('keeps the unchanged parts of an edited object and leaves both inputs as they were', () => {
    const prev = { a: { x: [1, 2] }, b: { y: 'same' }, c: 1 };
    const next = { a: { x: [1, 3] }, b: { y: 'same' }, c: 1 };
    const copy = structuredClone(next);
    const r = reuseUnchanged(prev, next) as typeof next;
    expect(r).toStrictEqual(copy);
    expect(r.b).toBe(prev.b);
    expect(r.a).not.toBe(prev.a);
    expect(next).toStrictEqual(copy);
    expect(prev.a.x).toEqual([1, 2]);
  });

  it('does not take an object with the same entries in another order for the same', () => {
    const prev = { b: 1, a: 2 };
    const next = { a: 2, b: 1 };
    expect(Object.keys(reuseUnchanged(prev, next) as object)).toEqual(['a', 'b']);
  });
});

describe('spec texts across edits', () => {
  it('are, after every edit, exactly the texts of the document compiled afresh', async () => {
    const catalog = createCatalog(await loadAllGcpc());
    let doc: PipelineDocument = seedDocument();
    const [first, second, third] = doc.tasks.map((t) => t.id);
    const edits: Array<(d: PipelineDocument) => PipelineDocument> = [
      (d) => ops.setInput(d, first, 'display_name', { constant: 'flowers-a' }),
      (d) => ops.setInput(d, first, 'display_name', { constant: 'flowers-ab' }),
      (d) => ops.setTaskOptions(d, second, { displayName: 'Train it' }),
      (d) => ops.setPipelineInfo(d, { name: 'renamed-pipeline' }),
      (d) => ops.addTask(d, 'v1.endpoint.EndpointCreateOp', { x: 0, y: 0 }, { display_name: { constant: 'ep' } }).doc,
      (d) => ops.removeTasks(d, [third]),
      (d) => ops.setInput(d, first, 'display_name', { constant: 'flowers-a' }),
    ];
    const check = () => {
      const spec = compiled(doc, catalog).spec!;
      const fresh = compile(doc, catalog);
      expect(specText(spec, 'json')).toBe(toJson(fresh));
      expect(specText(spec, 'yaml')).toBe(toYaml(fresh));
    };
    check();
    // An edit of one task's value: the executors and the other tasks are the objects of before.
    const before = compiled(doc, catalog).spec!;
    const after = compiled(ops.setInput(doc, first, 'display_name', { constant: 'flowers-x' }), catalog).spec!;
    expect(after.deploymentSpec).toBe(before.deploymentSpec);
    expect(after.root.dag.tasks).not.toBe(before.root.dag.tasks);
    const others = Object.keys(before.root.dag.tasks).filter((k) => after.root.dag.tasks[k] !== before.root.dag.tasks[k]);
    expect(others).toHaveLength(1);
    for (const edit of edits) {
      doc = edit(doc);
      check();
    }
  });
});
