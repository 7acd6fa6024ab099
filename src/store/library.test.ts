import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { seedDocument } from '../examples/seed';
import { startAutosave } from './autosave';
import { createEditorStore } from './editor-store';
import { createIdbLibrary, createMemoryLibrary, type Library } from './library';

describe.each<[string, () => Library]>([
  ['IndexedDB', () => createIdbLibrary(`test-${Math.random()}`)],
  ['memory', createMemoryLibrary],
])('%s library', (_, make) => {
  it('writes, lists, reads back exactly, remembers the last open one, and removes', async () => {
    const lib = make();
    const doc = seedDocument();
    const entry = await lib.write('a', doc);
    expect(entry).toMatchObject({ id: 'a', name: 'automl-image-training-v2' });
    expect(entry.size).toBeGreaterThan(1000);
    await lib.write('b', { ...doc, name: 'second' });
    expect((await lib.list()).map((e) => e.id).sort()).toEqual(['a', 'b']);
    const back = await lib.read('a');
    expect(back).toEqual({ ok: true, doc });
    await lib.setLastOpen('a');
    expect(await lib.lastOpen()).toBe('a');
    await lib.remove('a');
    expect(await lib.lastOpen()).toBeUndefined();
    expect((await lib.read('a')).ok).toBe(false);
    expect((await lib.list()).map((e) => e.id)).toEqual(['b']);
  });
});

describe('autosave', () => {
  it('writes the newest document once after a burst of edits', async () => {
    vi.useFakeTimers();
    try {
      const lib = createMemoryLibrary();
      const write = vi.spyOn(lib, 'write');
      const store = createEditorStore();
      const saver = startAutosave(store, lib, { delay: 100 });
      store.getState().openDocument(seedDocument(), 'p1');
      for (let i = 0; i < 10; i++) store.getState().setPipelineInfo({ description: `d${i}` });
      await vi.advanceTimersByTimeAsync(150);
      await saver.flush();
      expect(write).toHaveBeenCalledTimes(1);
      const r = await lib.read('p1');
      expect(r.ok && r.doc.description).toBe('d9');
      expect(store.getState().saveStatus.state).toBe('saved');
      expect(await lib.lastOpen()).toBe('p1');
      saver.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failed write is reported and the document stays in memory', async () => {
    const lib = createMemoryLibrary();
    vi.spyOn(lib, 'write').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const store = createEditorStore();
    const saver = startAutosave(store, lib, { delay: 0 });
    store.getState().openDocument(seedDocument(), 'p1');
    store.getState().setPipelineInfo({ description: 'kept' });
    await saver.flush();
    expect(store.getState().saveStatus.state).toBe('error');
    expect(store.getState().notice?.message).toContain('storage is full');
    expect(store.getState().doc.description).toBe('kept');
    saver.stop();
  });

  it('does not write a document that was just read from the library, nor in a read-only tab', async () => {
    const lib = createMemoryLibrary();
    const write = vi.spyOn(lib, 'write');
    const store = createEditorStore();
    const saver = startAutosave(store, lib, { delay: 0 });
    const doc = seedDocument();
    saver.markSaved(doc);
    store.getState().openDocument(doc, 'p1');
    await saver.flush();
    expect(write).not.toHaveBeenCalled();
    store.getState().setReadOnly(true);
    store.getState().syncDocument({ ...doc, name: 'from-other-tab' });
    await saver.flush();
    expect(write).not.toHaveBeenCalled();
    saver.stop();
  });
});
