/**
 * KFP built-in components that are not GCPC: the importer (`dsl.importer`). A custom
 * container component is made in the app and carried by the document (`doc.components`).
 */
import type { ImporterSettings, Task } from '../document/types';
import type { CatalogEntry } from './types';

export const IMPORTER_ID = 'kfp.importer';

/** The artifact type an importer produces when none is chosen yet. */
export const GENERIC_ARTIFACT = { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' } as const;

/** `dsl.importer`: brings an existing artifact (a file, a model, a table) into the pipeline. */
export const IMPORTER_ENTRY: CatalogEntry = {
  id: IMPORTER_ID,
  name: 'importer',
  module: 'kfp',
  kind: 'importer',
  inputDefinitions: { parameters: { uri: { parameterType: 'STRING' } } },
  outputDefinitions: { artifacts: { artifact: { artifactType: { ...GENERIC_ARTIFACT } } } },
  executor: {},
  title: 'Importer',
  summary:
    'Turns something that already exists — a file in Cloud Storage, a Vertex AI model, a table — into an artifact that later tasks can take as input.',
  help: {
    uri: 'Where the existing artifact lives, for example gs://bucket/path or a Vertex AI resource URL.',
    artifact: 'The imported artifact, of the type chosen in the importer settings.',
  },
};

export const KFP_BUILTINS: readonly CatalogEntry[] = [IMPORTER_ENTRY];

/** The importer entry for one task: its output has the task's artifact type. */
export function importerEntryFor(settings: ImporterSettings | undefined): CatalogEntry {
  const artifactType = settings?.artifactType ?? GENERIC_ARTIFACT;
  return {
    ...IMPORTER_ENTRY,
    outputDefinitions: {
      artifacts: { artifact: { artifactType: { schemaTitle: artifactType.schemaTitle, schemaVersion: artifactType.schemaVersion } } },
    },
  };
}

export const isImporterTask = (task: Pick<Task, 'component'>) => task.component === IMPORTER_ID;
