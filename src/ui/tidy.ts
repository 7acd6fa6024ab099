/**
 * "Tidy up": a left-to-right layered layout by dependency (dagre, loaded only when used),
 * using the node sizes React Flow measured.
 */
import type { PipelineDocument, Position } from '../document/types';
import { upstreamOf } from '../validate/validate';

export async function tidyLayout(
  doc: PipelineDocument,
  sizes: Map<string, { width: number; height: number }>,
): Promise<Record<string, Position>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const t of doc.tasks) {
    const size = sizes.get(t.id) ?? { width: 280, height: 160 };
    g.setNode(t.id, { width: size.width, height: size.height });
  }
  for (const [id, ups] of upstreamOf(doc)) for (const up of ups) if (g.hasNode(up)) g.setEdge(up, id);
  dagre.layout(g);
  const out: Record<string, Position> = {};
  for (const t of doc.tasks) {
    const n = g.node(t.id);
    const size = sizes.get(t.id) ?? { width: 280, height: 160 };
    out[t.id] = { x: Math.round(n.x - size.width / 2), y: Math.round(n.y - size.height / 2) };
  }
  return out;
}
