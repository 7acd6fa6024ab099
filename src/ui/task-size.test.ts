import { beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, type Catalog } from '../catalog/catalog';
import { loadAllGcpc } from '../catalog/gcpc/load';
import { taskEntry } from '../catalog/resolve';
import { seedDocument } from '../examples/seed';
import { AFTER_SOURCE, AFTER_TARGET, showAllText, taskLayout, taskShape, type Measure, type TaskShape } from './task-size';

/** 6 px per character, 7 for bold names: easy to add up by hand. */
const measure: Measure = (text, style) => text.length * (style === 'nameBound' || style === 'title' ? 7 : 6);

const shape = (over: Partial<TaskShape> = {}): TaskShape => ({
  title: 'Image dataset create',
  taskKey: 'image-dataset-create',
  inputs: [
    { name: 'display_name', type: 'str', required: true, bound: true },
    { name: 'gcs_source', type: 'str', required: false, bound: false },
  ],
  outputs: [{ name: 'dataset', type: 'VertexDataset' }],
  button: 'Show all 8 inputs',
  ...over,
});

describe('taskLayout', () => {
  it('height: borders, header, port rows of 18 px and the button', () => {
    // 2 borders + 41 header + 2 × 4 padding + max(2 rows + 25 button, 1 row)
    expect(taskLayout(shape(), measure).height).toBe(2 + 41 + 8 + 2 * 18 + 25);
    expect(taskLayout(shape({ button: undefined, outputs: [] }), measure).height).toBe(2 + 41 + 8 + 2 * 18);
    // More outputs than inputs: the outputs column decides.
    const outputs = ['a', 'b', 'c', 'd'].map((name) => ({ name, type: 'str' }));
    expect(taskLayout(shape({ button: undefined, outputs }), measure).height).toBe(2 + 41 + 8 + 4 * 18);
    expect(taskLayout({ ...shape(), unknown: true }, measure).height).toBe(43);
  });

  it('width: at least 260 px, else the wider of header and the two port columns', () => {
    expect(taskLayout(shape({ outputs: [{ name: 'ds', type: 'str' }] }), measure).width).toBe(260);
    // 2 + inputs (20 + 12 × 7 + 2 + 7 + 6 + 3 × 6 = 137) + 12 + outputs (20 + 7 × 6 + 6 + 13 × 6 = 146)
    expect(taskLayout(shape(), measure).width).toBe(298);
    const long = 'x'.repeat(60);
    // header: 2 borders + 20 padding + title
    const whole = (w: number) => Math.ceil(w + 0.5);
    expect(taskLayout(shape({ title: long }), measure).width).toBe(whole(2 + 20 + 60 * 7));
    // inputs column: 20 padding + bold name + 2 + bold '*' + 6 + type; gap 12; outputs column: 20 + name + 6 + type
    const inputs = [{ name: long, type: 'str', required: true, bound: true }];
    const w = 2 + (20 + 60 * 7 + 2 + 7 + 6 + 3 * 6) + 12 + (20 + 7 * 6 + 6 + 13 * 6);
    expect(taskLayout(shape({ inputs, button: undefined }), measure).width).toBe(whole(w));
    // The button: 10 px margins, 1 px border and 6 px padding on each side.
    expect(taskLayout(shape({ inputs: [], button: long }), measure).width).toBe(whole(2 + (20 + 14 + 60 * 6) + 12 + (20 + 7 * 6 + 6 + 13 * 6)));
  });

  it('rounds the width up to a whole pixel with half a pixel to spare', () => {
    const frac = (w: number): Measure => (text) => (text.length === 10 ? w : 0);
    const at = (w: number) => taskLayout(shape({ title: 'y'.repeat(10), inputs: [], outputs: [], button: undefined }), frac(w)).width;
    expect(at(300.4)).toBe(323); // 322.4 + 0.5
    expect(at(300.6)).toBe(324); // 322.6 + 0.5
  });

  it('handles where the full node has them (from the node’s top-left corner)', () => {
    const l = taskLayout(shape(), measure);
    const at = (id: string) => l.handles.find((h) => h.id === id)!;
    expect(at('in:display_name')).toMatchObject({ type: 'target', position: 'left', x: -4, y: 50, width: 10, height: 10 });
    expect(at('in:gcs_source')).toMatchObject({ x: -4, y: 68 });
    expect(at('out:dataset')).toMatchObject({ type: 'source', position: 'right', x: l.width - 6, y: 50 });
    expect(at(AFTER_TARGET)).toMatchObject({ type: 'target', position: 'top', x: l.width - 25, y: -5 });
    expect(at(AFTER_SOURCE)).toMatchObject({ type: 'source', position: 'bottom', x: l.width - 25, y: 37 });
    expect(l.inputs.map((p) => p.y)).toEqual([50, 68]);
    expect(taskLayout({ ...shape(), unknown: true }, measure).handles).toEqual([]);
  });
});

describe('taskShape', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = createCatalog(await loadAllGcpc());
  });

  it('shows artifacts, required and bound inputs, every output, and the button when inputs are hidden', () => {
    const doc = seedDocument();
    const deploy = doc.tasks[3];
    const entry = taskEntry(doc, catalog, deploy)!;
    const s = taskShape(deploy, entry, 'model-deploy', false);
    expect(s.title).toBe(entry.title);
    expect(s.inputs.map((p) => p.name)).toEqual(['automatic_resources_max_replica_count', 'automatic_resources_min_replica_count', 'endpoint', 'model']);
    expect(s.inputs.find((p) => p.name === 'model')).toMatchObject({ required: true, bound: true, type: 'VertexModel' });
    expect(s.outputs.map((p) => p.name)).toEqual(['gcp_resources']);
    expect(s.button).toMatch(/^Show all \d+ inputs$/);
    expect(taskShape(deploy, entry, 'model-deploy', true).button).toBe('Show fewer inputs');
    expect(taskShape(deploy, undefined, 'x', false)).toMatchObject({ unknown: true, title: 'Unknown component', taskKey: deploy.component });
  });

  it('showAllText', () => {
    expect(showAllText(8, 5, false)).toBe('Show all 8 inputs');
    expect(showAllText(8, 8, false)).toBeUndefined();
    expect(showAllText(8, 8, true)).toBe('Show fewer inputs');
  });
});
