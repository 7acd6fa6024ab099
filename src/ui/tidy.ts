/**
 * "Tidy up": a left-to-right layered layout by dependency (dagre, loaded only when used),
 * using the node sizes React Flow measured. Groups are dagre clusters, so what a group
 * holds stays together; afterwards groups wrap what they hold.
 */
import type { PipelineDocument, Position } from '../document/types';
import { upstreamOf } from '../validate/validate';

export async function tidyLayout(
  doc: PipelineDocument,
  sizes: Map<string, { width: number; height: number }>,
): Promise<Record<string, Position>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const g = new dagre.graphlib.Graph({ compound: true });
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 100, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const groups = new Set((doc.groups ?? []).map((x) => `group:${x.id}`));
  for (const grp of doc.groups ?? []) g.setNode(`group:${grp.id}`, { paddingTop: 60, paddingLeft: 30, paddingRight: 30, paddingBottom: 30 });
  for (const grp of doc.groups ?? []) if (grp.parent && groups.has(`group:${grp.parent}`)) g.setParent(`group:${grp.id}`, `group:${grp.parent}`);
  for (const t of doc.tasks) {
    const size = sizes.get(t.id) ?? { width: 300, height: 260 };
    g.setNode(t.id, { width: size.width, height: size.height });
    if (t.group && groups.has(`group:${t.group}`)) g.setParent(t.id, `group:${t.group}`);
  }
  for (const [id, ups] of upstreamOf(doc)) for (const up of ups) if (g.hasNode(up) && up !== id) g.setEdge(up, id);
  dagre.layout(g);
  const out: Record<string, Position> = {};
  for (const t of doc.tasks) {
    const n = g.node(t.id);
    const size = sizes.get(t.id) ?? { width: 300, height: 260 };
    out[t.id] = { x: Math.round(n.x - size.width / 2), y: Math.round(n.y - size.height / 2) };
  }
  return out;
}
