import { describe, expect, it } from 'vitest';
import { inputPorts, outputPorts } from '../ports';
import { GCPC_EXECUTORS, GCPC_HELP } from './details';
import { gcpcStartEntries, loadAllGcpc, loadGcpcModule } from './load';

describe('GCPC catalog in two parts', () => {
  it('lists every entry without help texts and executors first, then the same entries complete', async () => {
    const bare = gcpcStartEntries();
    const full = await loadAllGcpc();
    expect(bare.length).toBeGreaterThan(70);
    expect(full.map((e) => e.id)).toEqual(bare.map((e) => e.id));
    for (const [i, e] of bare.entries()) {
      expect(e.help).toEqual({});
      expect(e.executor).toBeUndefined();
      const { executor, ...rest } = full[i];
      expect(executor).toBe(GCPC_EXECUTORS[e.id]);
      expect({ ...rest, help: {} }).toEqual(e);
      // The validator takes an entry without its executor for a container (BAD_RESOURCES):
      // every GCPC executor is one, and none is an importer or a graph.
      expect(executor!.container, e.id).toBeDefined();
      expect(['container', 'yaml', 'python']).toContain(e.kind);
    }
    expect(Object.keys(GCPC_EXECUTORS).sort()).toEqual(bare.map((e) => e.id).sort());
    // Cached: the same objects on every call, so memoised derivations stay valid.
    expect(gcpcStartEntries()[0]).toBe(bare[0]);
    expect((await loadAllGcpc())[0]).toBe(full[0]);
    expect((await loadGcpcModule(full[0].module))[0]).toBe(full[0]);
  });

  it('has help texts for inputs and outputs the components really have', async () => {
    const full = new Map((await loadAllGcpc()).map((e) => [e.id, e]));
    for (const [id, help] of Object.entries(GCPC_HELP)) {
      const entry = full.get(id);
      expect(entry, id).toBeDefined();
      const names = new Set([...inputPorts(entry!), ...outputPorts(entry!)].map((p) => p.name));
      for (const name of Object.keys(help)) expect(names.has(name), `${id}: ${name}`).toBe(true);
      expect(entry!.help).toBe(help);
    }
    expect(full.get('v1.endpoint.ModelDeployOp')!.help.dedicated_resources_machine_type).toMatch(/machine/i);
  });
});
