/**
 * Pipeline concepts and artifact types explained in a sentence or two, in our own words.
 * Read by the glossary, the legend, node and edge tooltips and the guided tour.
 */

export interface GlossaryEntry {
  term: string;
  text: string;
}

export const CONCEPTS: GlossaryEntry[] = [
  { term: 'Pipeline', text: 'A graph of steps that runs as one job on Vertex AI Pipelines or Kubeflow Pipelines. What you draw here compiles to its pipeline spec.' },
  { term: 'Pipeline spec', text: 'The compiled description of a pipeline (JSON or YAML) that the engines run. Download it, or hand it to an engineer.' },
  { term: 'Component', text: 'A reusable step definition: its inputs, outputs and the container that does the work. The palette lists the Google Cloud Pipeline Components.' },
  { term: 'Task', text: 'One use of a component inside a pipeline, with its own input values. Using a component twice gives two tasks (key-2, key-3…).' },
  { term: 'Executor', text: 'How a task actually runs: the container image, command and arguments, filled in with the task’s values at run time.' },
  { term: 'Parameter', text: 'A small value (text, number, true/false, dict or list) passed to a task. Pipeline parameters are filled in when a run starts.' },
  { term: 'Artifact', text: 'A piece of data a task produces or consumes, stored outside the pipeline (a dataset, a model, an endpoint, a table). Wires carry artifacts from task to task.' },
  { term: 'Wire', text: 'Connects an output to an input. It passes the value and makes the downstream task wait for the upstream one.' },
  { term: 'Run after', text: 'Makes a task wait for another without passing any data (dependentTasks in the spec). Drawn as a dashed wire.' },
  { term: 'Pipeline root', text: 'The Cloud Storage folder (gs://…) where a run writes its artifacts and intermediate files.' },
  { term: 'Caching', text: 'When on, a task whose inputs did not change since an earlier successful run is skipped and its old outputs are reused.' },
  { term: 'Retry', text: 'How many times a failing task is started again, and how long to wait in between (the wait grows by the backoff factor).' },
  { term: 'Condition', text: 'A group of tasks that only runs when a test on parameters or task outputs is true (If / Elif / Else).' },
  { term: 'Loop (ParallelFor)', text: 'A group of tasks that runs once per item of a list, several items at the same time; results can be collected afterwards.' },
  { term: 'Exit handler', text: 'A group of tasks with one exit task that runs when the group ends, whether it succeeded or failed — for notifications and clean-up.' },
  { term: 'Placeholder', text: 'A {{$…}} marker in the spec that the engine replaces at run time, such as an input value or the run’s name.' },
];

export const ARTIFACT_TYPES: Record<string, string> = {
  'google.VertexDataset': 'A managed Vertex AI dataset (images, text, video or tables) that training steps read.',
  'google.VertexModel': 'A model registered in the Vertex AI Model Registry, ready to deploy or to predict in batch.',
  'google.VertexEndpoint': 'A Vertex AI endpoint: the address that serves online predictions from deployed models.',
  'google.VertexBatchPredictionJob': 'A Vertex AI batch prediction job and where its results went.',
  'google.BQTable': 'A BigQuery table, for example the result of a query or of a BigQuery ML prediction.',
  'google.BQMLModel': 'A model trained inside BigQuery with BigQuery ML.',
  'google.UnmanagedContainerModel': 'A model as files plus a serving container, not yet registered in Vertex AI (upload it to get a VertexModel).',
  'google.ClassificationMetrics': 'Evaluation results of a classification model (accuracy, confusion matrix, …).',
  'google.RegressionMetrics': 'Evaluation results of a regression model (errors between predicted and true values).',
  'google.ForecastingMetrics': 'Evaluation results of a forecasting model.',
  'system.Artifact': 'A generic artifact: any file or folder. It can be wired to and from any artifact type.',
  'system.Dataset': 'A generic dataset stored as files.',
  'system.Model': 'A generic model stored as files.',
  'system.Metrics': 'Scalar metrics a step reports.',
};

export function explainArtifactType(schemaTitle: string): string {
  return ARTIFACT_TYPES[schemaTitle] ?? 'An artifact of a custom type.';
}
