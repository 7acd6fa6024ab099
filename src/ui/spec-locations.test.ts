import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { compile } from '../compiler/compile';
import { toJson, toYaml } from '../compiler/serialize';
import { seedDocument } from '../examples/seed';
import { specLocations, taskAtLine, taskSpans } from './spec-locations';

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe.each(['json', 'yaml'] as const)('spec locations in %s', (format) => {
  it('finds each task, component and executor and maps lines back to the task', () => {
    const spec = compile(seedDocument(), catalog);
    const text = format === 'json' ? toJson(spec) : toYaml(spec);
    const lines = text.split('\n');
    const loc = specLocations(text);
    for (const key of ['image-dataset-create', 'automl-image-training-job', 'endpoint-create', 'model-deploy']) {
      const spans = taskSpans(loc, key);
      expect(spans).toHaveLength(3);
      const [task, comp, exec] = spans;
      expect(lines[task.start - 1]).toContain(key);
      expect(lines[comp.start - 1]).toContain(`comp-${key}`);
      expect(lines[exec.start - 1]).toContain(`exec-${key}`);
      for (const s of spans) {
        expect(taskAtLine(loc, s.start)).toBe(key);
        expect(taskAtLine(loc, s.end)).toBe(key);
        expect(s.end).toBeGreaterThan(s.start);
      }
    }
    expect(taskAtLine(loc, 1)).toBeUndefined();
  });
});
