import { describe, expect, it } from 'vitest';
import { seedDocument } from '../examples/seed';
import { extractTasks, pasteTasks } from './clipboard';
import { createDocument } from './operations';

describe('copy and paste of tasks', () => {
  const seed = seedDocument();
  const [dataset, training, endpoint, deploy] = seed.tasks.map((t) => t.id);

  it('keeps the wires between copied tasks and drops the ones from outside', () => {
    const clip = extractTasks(seed, [training, endpoint, deploy]);
    expect(clip.tasks.map((t) => t.id)).toEqual([training, endpoint, deploy]);
    expect(clip.tasks[0].inputs.dataset).toBeUndefined(); // from the dataset task, not copied
    expect(clip.tasks[2].inputs.model).toEqual({ task: training, output: 'model' });
    expect(clip.parameters.map((p) => p.name)).toEqual(['project_id']);
  });

  it('pastes under fresh ids with the inner wires remapped and parameters added', () => {
    const clip = extractTasks(seed, [dataset, training]);
    const { doc, ids } = pasteTasks(createDocument('other'), clip, { x: 10, y: 20 });
    expect(ids).toEqual(['t1', 't2']);
    expect(doc.tasks[1].inputs.dataset).toEqual({ task: 't1', output: 'dataset' });
    expect(doc.tasks[0].position).toEqual({ x: seed.tasks[0].position.x + 10, y: seed.tasks[0].position.y + 20 });
    expect(doc.parameters).toEqual([{ name: 'project_id', type: 'STRING' }]);
  });

  it('pasting into the same pipeline duplicates without touching the originals', () => {
    const clip = extractTasks(seed, [training, deploy]);
    const { doc, ids } = pasteTasks(seed, clip, { x: 40, y: 40 });
    expect(doc.tasks).toHaveLength(6);
    expect(doc.tasks.slice(0, 4)).toEqual(seed.tasks);
    expect(doc.tasks[5].inputs.model).toEqual({ task: ids[0], output: 'model' });
    expect(doc.parameters).toEqual(seed.parameters);
  });
});
