/**
 * How long importing takes (parse, check, rebuild, compile for the kept parts, layout), for
 * the report. Budgets are not enforced here (timed unit tests are flaky on a busy machine);
 * the bound below only catches a gross regression.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { goldenText, HAVE_GOLDENS } from '../test-support/golden';
import { importSpec } from './import-spec';

const FILES = [
  'upstream/components/google-cloud/google_cloud_pipeline_components/v1/automl/tabular/automl_tabular_pipeline.yaml',
  'large/gcpc-mix-300.yaml',
  'large/tiny-2000.yaml',
];

let catalog: Catalog;
beforeAll(async () => {
  catalog = createCatalog(await loadAllGcpc());
});

describe.skipIf(!HAVE_GOLDENS)('import timings', () => {
  it('imports and lays out the large goldens', () => {
    const lines: string[] = [];
    for (const file of FILES) {
      const text = goldenText(file);
      // Wall time, and CPU time (user + system), which a busy machine disturbs less.
      const wall: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < 7; i++) {
        const started = performance.now();
        const used = process.cpuUsage();
        const r = importSpec(text, file, catalog);
        const spent = process.cpuUsage(used);
        wall.push(performance.now() - started);
        cpu.push((spent.user + spent.system) / 1000);
        expect(r.ok).toBe(true);
      }
      const median = (list: number[]) => [...list.slice(1)].sort((a, b) => a - b)[Math.floor((list.length - 1) / 2)];
      lines.push(
        `${file.split('/').pop()} (${Math.round(text.length / 1024)} KB): first run ${wall[0].toFixed(0)} ms (CPU ${cpu[0].toFixed(0)} ms), ` +
          `then median ${median(wall).toFixed(0)} ms (CPU ${median(cpu).toFixed(0)} ms)`,
      );
      expect(median(wall)).toBeLessThan(5000);
    }
    console.log(lines.join('\n'));
  }, 120_000);
});
