import { describe, expect, it } from 'vitest';
import { loadAllGcpc } from './gcpc/load';
import { findInput, findOutput, inputPorts, isRequired, outputPorts } from './ports';

describe('ports', () => {
  it('are built once per entry and found by name like a search of the sorted list', async () => {
    const entries = await loadAllGcpc();
    for (const entry of entries) {
      const inputs = inputPorts(entry);
      expect(inputPorts(entry)).toBe(inputs);
      expect(outputPorts(entry)).toBe(outputPorts(entry));
      expect(inputs.map((p) => p.name)).toEqual(
        [...Object.keys(entry.inputDefinitions?.artifacts ?? {}), ...Object.keys(entry.inputDefinitions?.parameters ?? {})].sort(),
      );
      for (const p of inputs) expect(findInput(entry, p.name)).toBe(p);
      for (const p of outputPorts(entry)) expect(findOutput(entry, p.name)).toBe(p);
      expect(findInput(entry, 'no such input')).toBeUndefined();
      expect(findOutput(entry, 'no such output')).toBeUndefined();
    }
  });

  it('tells required inputs (no default, not optional) apart', async () => {
    const entries = await loadAllGcpc();
    const create = entries.find((e) => e.id.endsWith('ImageDatasetCreateOp'))!;
    expect(isRequired(findInput(create, 'display_name')!)).toBe(true);
    expect(isRequired(findInput(create, 'location')!)).toBe(false);
  });
});
