import { describe, expect, it } from 'vitest';
import { seedDocument } from '../examples/seed';
import { diffDocuments } from './diff';
import { addParameter, addTask, moveTask, removeTasks, setInput, setPipelineInfo, setTaskOptions } from './operations';

describe('semantic diff', () => {
  const seed = seedDocument();
  const [dataset, training, endpoint, deploy] = seed.tasks.map((t) => t.id);

  it('is empty for the same pipeline, and positions do not count', () => {
    expect(diffDocuments(seed, seed)).toEqual([]);
    expect(diffDocuments(seed, moveTask(seed, dataset, { x: 999, y: 1 }))).toEqual([]);
  });

  it('names tasks, inputs, wires, parameters and settings that changed', () => {
    let doc = setInput(seed, endpoint, 'display_name', { constant: 'renamed' });
    doc = setInput(doc, deploy, 'endpoint', undefined);
    doc = setTaskOptions(doc, training, { caching: false });
    doc = addParameter(doc, { name: 'location', type: 'STRING', default: 'us-central1' });
    doc = setPipelineInfo(doc, { description: 'now described' });
    doc = removeTasks(doc, [dataset]);
    doc = addTask(doc, 'v1.endpoint.EndpointCreateOp', { x: 0, y: 0 }).doc;
    const changes = diffDocuments(seed, doc);
    const text = changes.map((c) => `${c.kind} ${c.what}: ${c.message}`);
    expect(text).toContain('changed input: t3.display_name: "create-endpoint" → "renamed"');
    expect(text).toContain('removed wire: t4.endpoint: t3.endpoint → not set');
    expect(text).toContain('changed setting: t2: caching on → off');
    expect(text).toContain('added parameter: parameter location (STRING, default "us-central1")');
    expect(text).toContain('changed setting: pipeline description: unset → "now described"');
    expect(text).toContain('removed task: task t1 (v1.dataset.ImageDatasetCreateOp)');
    expect(text).toContain('removed wire: t2.dataset: t1.dataset → not set');
    expect(text).toContain('added task: task t5 (v1.endpoint.EndpointCreateOp)');
  });
});
