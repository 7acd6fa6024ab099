/**
 * Engine check: what the chosen engine does not run, or runs differently. Warnings, not
 * errors: the spec is still valid KFP; it may just not behave as drawn on that engine.
 */
import type { Catalog } from '../catalog/catalog';
import { RUNTIME_PLACEHOLDERS } from '../catalog/runtime-placeholders';
import { isConstant, type PipelineDocument } from '../document/types';
import type { Diagnostic } from './validate';

export type Engine = 'vertex' | 'kfp';

const GCPC_ONLY = RUNTIME_PLACEHOLDERS.filter((p) => p.origin === 'gcpc').map((p) => p.value);

export function engineWarnings(doc: PipelineDocument, catalog: Catalog, engine: Engine, key: (id: string) => string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (code: string, message: string, at: Partial<Diagnostic> = {}) =>
    out.push({ code: code as Diagnostic['code'], severity: 'warning', message, ...at });

  for (const t of doc.tasks) {
    const gcpc = !!catalog.get(t.component) && t.component.startsWith('v1.');
    if (engine === 'kfp') {
      // Google Cloud Pipeline Components call Vertex AI and other Google Cloud APIs; Vertex AI
      // Pipelines is the engine they are made and supported for (GCPC SDK v2 on Vertex AI
      // Pipelines: https://cloud.google.com/vertex-ai/docs/pipelines/interfaces). On a Kubeflow
      // cluster they need Google credentials and network access to Google Cloud.
      if (gcpc)
        warn('ENGINE_GCPC_ON_KFP', `${key(t.id)} is a Google Cloud component: on Kubeflow Pipelines it needs Google Cloud credentials (e.g. Workload Identity) and reaches Vertex AI over the network.`, { taskId: t.id });
      // `{{$.pipeline_google_cloud_project_id}}` and `{{$.pipeline_google_cloud_location}}` are
      // filled in by Vertex AI Pipelines only (GCPC's own placeholders, not KFP's dsl.PIPELINE_* ones).
      for (const [input, b] of Object.entries(t.inputs))
        if (isConstant(b) && typeof b.constant === 'string' && GCPC_ONLY.some((p) => (b.constant as string).includes(p)))
          warn('ENGINE_VERTEX_PLACEHOLDER', `${key(t.id)}.${input} uses a placeholder only Vertex AI fills in; Kubeflow Pipelines leaves it as text.`, { taskId: t.id, input });
    } else {
      // Vertex AI Pipelines sizes machines from resource limits; requests are not applied
      // (https://cloud.google.com/vertex-ai/docs/pipelines/machine-types; kubeflow/pipelines#8038:
      // "set_memory_request is not available/applicable for Vertex AI").
      if (t.resources?.cpuRequest || t.resources?.memoryRequest)
        warn('ENGINE_REQUESTS_ON_VERTEX', `${key(t.id)}: Vertex AI uses CPU and memory limits to choose a machine; requests are ignored there. Set limits instead.`, { taskId: t.id });
    }
  }
  return out;
}
