import { describe, expect, it } from 'vitest';
import { DocBuilder, c, out } from '../test-support/build';
import { layoutDocument, NODE_SIZE } from './layout';
import { layoutProblems } from './layout-check';

function nestedDocument() {
  const b = new DocBuilder('layout');
  const exitTask = b.task('v1.endpoint.EndpointCreateOp', { display_name: c('cleanup') });
  const handler = b.group({ kind: 'exitHandler', exitTask });
  const a = b.task('v1.endpoint.EndpointCreateOp', { display_name: c('a') }, { group: handler });
  const loop = b.group({ kind: 'loop', parent: handler, items: { constant: [1, 2] } });
  const inner = b.group({ kind: 'condition', parent: loop, condition: { left: { constant: 1 }, operator: '==', right: { constant: 1 } } });
  const d = b.task('v1.endpoint.EndpointCreateOp', { display_name: c('d') }, { group: inner, after: [a] });
  b.task('v1.endpoint.EndpointCreateOp', { display_name: c('e') }, { group: loop });
  const branches = b.group({ kind: 'branches', parent: handler });
  const yes = b.group({ kind: 'condition', parent: branches, condition: { left: { constant: 1 }, operator: '==', right: { constant: 2 } } });
  const no = b.group({ kind: 'condition', parent: branches });
  b.task('v1.endpoint.EndpointCreateOp', { display_name: c('f') }, { group: yes });
  b.task('v1.endpoint.EndpointCreateOp', { display_name: c('g') }, { group: no });
  b.group({ kind: 'condition', parent: handler, condition: { left: { constant: 1 }, operator: '==', right: { constant: 3 } } }); // empty
  for (let i = 0; i < 5; i++) b.task('v1.endpoint.ModelDeployOp', { endpoint: out(a, 'endpoint') }, { group: handler, after: [d] });
  return b.doc;
}

describe('layoutDocument', () => {
  it('places tasks and groups without overlaps, groups around what they hold', () => {
    const doc = layoutDocument(nestedDocument());
    expect(layoutProblems(doc)).toEqual([]);
    for (const g of doc.groups ?? []) expect(g.size!.width).toBeGreaterThanOrEqual(NODE_SIZE.width);
  });

  it('lays out left to right by dependency', () => {
    const b = new DocBuilder('chain');
    const t1 = b.task('v1.endpoint.EndpointCreateOp', { display_name: c('1') });
    const t2 = b.task('v1.endpoint.ModelDeployOp', { endpoint: out(t1, 'endpoint') });
    const t3 = b.task('v1.endpoint.ModelDeployOp', { endpoint: out(t1, 'endpoint') }, { after: [t2] });
    const doc = layoutDocument(b.doc);
    const x = (id: string) => doc.tasks.find((t) => t.id === id)!.position.x;
    expect(x(t1)).toBeLessThan(x(t2));
    expect(x(t2)).toBeLessThan(x(t3));
    expect(layoutProblems(doc)).toEqual([]);
  });

  it('is deterministic and survives a dependency cycle', () => {
    const b = new DocBuilder('cycle');
    const t1 = b.task('v1.endpoint.EndpointCreateOp', { display_name: c('1') });
    const t2 = b.task('v1.endpoint.EndpointCreateOp', { display_name: c('2') }, { after: [t1] });
    b.doc = { ...b.doc, tasks: b.doc.tasks.map((t) => (t.id === t1 ? { ...t, after: [t2] } : t)) };
    const once = layoutDocument(b.doc);
    expect(layoutDocument(b.doc)).toEqual(once);
    expect(layoutProblems(once)).toEqual([]);
  });

  it('lays out 2000 tasks quickly', () => {
    const b = new DocBuilder('big');
    let prev = b.task('v1.endpoint.EndpointCreateOp', { display_name: c('0') });
    for (let i = 1; i < 2000; i++) prev = b.task('v1.endpoint.ModelDeployOp', { endpoint: out(i % 3 === 0 ? prev : b.doc.tasks[0].id, 'endpoint') });
    const started = performance.now();
    const doc = layoutDocument(b.doc);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(new Set(doc.tasks.map((t) => `${t.position.x},${t.position.y}`)).size).toBe(2000);
  });
});
