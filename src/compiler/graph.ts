/**
 * A pipeline used as a component (a graph component): its components and executors are
 * merged into the outer spec, renamed with `-2`, `-3` where the names are taken, exactly as
 * KFP's `merge_deployment_spec_and_component_spec` does. The outer task runs its root DAG.
 */
import type { CatalogEntry } from '../catalog/types';
import type { ComponentSpec, ExecutorSpec, JsonObject } from '../spec/pipeline-spec';
import { makeNameUnique } from './names';

type Graph = NonNullable<CatalogEntry['graph']>;

/**
 * Merges a graph component into `components` / `executors` and returns the ComponentSpec
 * of its root (with component references renamed), for the outer task.
 */
export function mergeGraph(
  graph: Graph,
  components: Record<string, ComponentSpec>,
  executors: Record<string, ExecutorSpec>,
): ComponentSpec {
  const subComponents = structuredClone(graph.components) as Record<string, JsonObject>;
  const root = structuredClone(graph.root) as JsonObject;

  // Executors first: a renamed label is renamed in every sub component that uses it.
  for (const [label, executor] of Object.entries(graph.executors)) {
    const unique = makeNameUnique(label, { has: (n) => n in executors });
    if (unique !== label)
      for (const c of Object.values(subComponents)) if (c.executorLabel === label) c.executorLabel = unique;
    executors[unique] = structuredClone(executor) as ExecutorSpec;
  }

  // Then components: rename every reference in the sub DAGs, then copy.
  const renames = new Map<string, string>();
  for (const name of Object.keys(subComponents)) {
    const unique = makeNameUnique(name, { has: (n) => n in components });
    renames.set(name, unique);
    if (unique === name) continue;
    for (const c of [...Object.values(subComponents), root]) {
      const tasks = ((c.dag as JsonObject | undefined)?.tasks ?? {}) as Record<string, JsonObject>;
      for (const t of Object.values(tasks)) {
        const ref = t.componentRef as JsonObject;
        if (ref.name === name) ref.name = unique;
      }
    }
  }
  for (const [name, spec] of Object.entries(subComponents)) components[renames.get(name)!] = spec as ComponentSpec;
  return root as ComponentSpec;
}
