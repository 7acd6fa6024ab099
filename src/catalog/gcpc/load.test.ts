import { describe, expect, it } from 'vitest';
import { inputPorts, outputPorts } from '../ports';
import { GCPC_HELP } from './help-texts';
import { gcpcEntriesWithoutHelp, loadAllGcpc, loadGcpcModule } from './load';

describe('GCPC catalog in two parts', () => {
  it('lists every entry without help texts first, then the same entries complete', async () => {
    const bare = gcpcEntriesWithoutHelp();
    const full = await loadAllGcpc();
    expect(bare.length).toBeGreaterThan(70);
    expect(full.map((e) => e.id)).toEqual(bare.map((e) => e.id));
    for (const [i, e] of bare.entries()) {
      expect(e.help).toEqual({});
      expect({ ...full[i], help: {} }).toEqual(e);
    }
    // Cached: the same objects on every call, so memoised derivations stay valid.
    expect(gcpcEntriesWithoutHelp()[0]).toBe(bare[0]);
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
