/**
 * The executor of a `dsl.importer(...)` task (KFP's `build_importer_spec_for_task`): the
 * artifact URI is a constant when the task's `uri` input is one, otherwise the run-time
 * value of that input.
 */
import type { ImporterSettings } from '../document/types';
import type { ExecutorSpec, JsonObject } from '../spec/pipeline-spec';
import type { PTask } from './model';

/** The importer executor of an importer task (KFP's `build_importer_spec_for_task`). */
export function importerExecutor(settings: ImporterSettings | undefined, uriIsConstant: string | undefined): ExecutorSpec {
  const type = settings?.artifactType ?? { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' };
  const importer: JsonObject = {
    artifactUri: uriIsConstant !== undefined ? { constant: uriIsConstant } : { runtimeParameter: 'uri' },
    typeSchema: { schemaTitle: type.schemaTitle, schemaVersion: type.schemaVersion },
  };
  if (settings?.metadata && Object.keys(settings.metadata).length > 0) importer.metadata = settings.metadata;
  if (settings?.reimport) importer.reimport = true;
  if (settings?.downloadToWorkspace) importer.downloadToWorkspace = true;
  return { importer };
}

/** The constant string an importer's `uri` input is bound to, if it is one. */
export function constantUri(task: PTask): string | undefined {
  const uri = task.inputs.find(([name]) => name === 'uri')?.[1];
  return uri && 'constant' in uri && typeof uri.constant === 'string' ? uri.constant : undefined;
}
