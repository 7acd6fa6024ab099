import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogEntry } from '../catalog/types';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { createEditorStore, type EditorStore } from './editor-store';
import { begin, emptyHistory, end, record, redo, undo } from './history';
import { createDocument } from '../document/operations';

let entries: CatalogEntry[];
beforeAll(async () => {
  entries = await loadAllGcpc();
});

describe('history', () => {
  it('records, undoes and redoes whole documents', () => {
    const a = createDocument('a');
    const b = createDocument('b');
    const c = createDocument('c');
    let h = record(emptyHistory(), a); // a → b
    h = record(h, b); // b → c
    const u1 = undo(h, c)!;
    expect(u1.doc).toBe(b);
    const u2 = undo(u1.history, u1.doc)!;
    expect(u2.doc).toBe(a);
    expect(undo(u2.history, u2.doc)).toBeUndefined();
    const r1 = redo(u2.history, u2.doc)!;
    expect(r1.doc).toBe(b);
    // A new change after undo drops the redo branch.
    expect(record(r1.history, r1.doc).future).toEqual([]);
  });

  it('a transaction is one step, and an unchanged one is none', () => {
    const a = createDocument('a');
    const b = createDocument('b');
    const c = createDocument('c');
    let h = begin(emptyHistory(), a);
    h = record(h, a);
    h = record(h, b);
    h = end(h, c);
    expect(h.past).toEqual([a]);
    expect(end(begin(emptyHistory(), a), a).past).toEqual([]);
  });
});

type Op = (s: EditorStore, pick: (n: number) => number) => void;

const ops: Op[] = [
  (s, pick) => void s.getState().addComponent(entries[pick(entries.length)].id, { x: pick(900), y: pick(900) }),
  (s, pick) => {
    const tasks = s.getState().doc.tasks;
    if (tasks.length) s.getState().moveTask(tasks[pick(tasks.length)].id, { x: pick(999), y: pick(999) });
  },
  (s, pick) => {
    const tasks = s.getState().doc.tasks;
    if (tasks.length) s.getState().removeTasks([tasks[pick(tasks.length)].id]);
  },
  (s, pick) => {
    const tasks = s.getState().doc.tasks;
    if (tasks.length) s.getState().setInput(tasks[pick(tasks.length)].id, 'display_name', { constant: `n${pick(100)}` });
  },
  (s, pick) => {
    const tasks = s.getState().doc.tasks;
    if (tasks.length > 1) {
      const from = tasks[pick(tasks.length)];
      const to = tasks[pick(tasks.length)];
      const entry = entries.find((e) => e.id === from.component)!;
      const outs = Object.keys(entry.outputDefinitions?.artifacts ?? {});
      if (outs.length) s.getState().connect(from.id, outs[0], to.id, Object.keys(entries.find((e) => e.id === to.component)!.inputDefinitions?.artifacts ?? { x: 0 })[0]);
    }
  },
  (s, pick) => {
    const tasks = s.getState().doc.tasks;
    if (tasks.length) s.getState().setTaskOptions(tasks[pick(tasks.length)].id, { caching: pick(2) === 0, retries: pick(3) || undefined });
  },
  (s) => void s.getState().addParameter(),
  (s, pick) => {
    const params = s.getState().doc.parameters;
    if (params.length) s.getState().renameParameter(params[pick(params.length)].name, `p${pick(1000)}`);
  },
  (s, pick) => {
    const params = s.getState().doc.parameters;
    if (params.length) s.getState().removeParameter(params[pick(params.length)].name);
  },
  (s, pick) => {
    const params = s.getState().doc.parameters;
    const tasks = s.getState().doc.tasks;
    if (params.length && tasks.length) s.getState().setInput(tasks[pick(tasks.length)].id, 'project', { parameter: params[pick(params.length)].name });
  },
  (s, pick) => s.getState().setPipelineInfo({ name: `pipe-${pick(50)}`, description: pick(2) ? `d${pick(9)}` : '' }),
  (s, pick) => {
    // Typing in a field: many changes, one step.
    const tasks = s.getState().doc.tasks;
    if (!tasks.length) return;
    const id = tasks[pick(tasks.length)].id;
    s.getState().beginEdit();
    for (let i = 0; i < 1 + pick(5); i++) s.getState().setInput(id, 'display_name', { constant: 'x'.repeat(i + 1) });
    s.getState().endEdit();
  },
  (s) => s.getState().select(null),
];

describe('undo/redo over random editing sessions', () => {
  it('200 operations, undo all → the initial document; redo all → the final one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(ops.length - 1), fc.array(fc.nat(10_000), { minLength: 8, maxLength: 8 })), { minLength: 200, maxLength: 200 }), (steps) => {
        const store = createEditorStore();
        store.getState().addCatalogEntries(entries);
        store.getState().startBlank('start');
        const initial = store.getState().doc;
        for (const [op, numbers] of steps) {
          let i = 0;
          ops[op](store, (n) => numbers[i++ % numbers.length] % n);
        }
        const final = store.getState().doc;
        let guard = 0;
        while (store.getState().history.past.length && guard++ < 1000) store.getState().undo();
        expect(store.getState().doc).toBe(initial);
        while (store.getState().history.future.length && guard++ < 2000) store.getState().redo();
        expect(store.getState().doc).toEqual(final);
      }),
      { numRuns: 25 },
    );
  });

  it('selection is not a document change', () => {
    const store = createEditorStore();
    store.getState().addCatalogEntries(entries);
    store.getState().startBlank();
    const id = store.getState().addComponent('v1.endpoint.EndpointCreateOp', { x: 0, y: 0 });
    const steps = store.getState().history.past.length;
    store.getState().select(null);
    store.getState().select(id);
    expect(store.getState().history.past.length).toBe(steps);
  });
});
