/**
 * What the start screen shows of each template: its title and a paragraph on what it teaches.
 * The documents themselves are built by ./templates, which the start screen imports only when
 * a template is opened.
 */
export interface TemplateInfo {
  id: string;
  title: string;
  /** One paragraph, our own words. */
  explanation: string;
  /** The golden (path under kfp-golden, without extension) its export equals, if any. */
  golden?: string;
}

export const TEMPLATE_LIST: TemplateInfo[] = [
  {
    id: 'image',
    title: 'Image classification with AutoML',
    explanation:
      'The Vertex AI getting-started example: create an image dataset from a CSV of labelled pictures, train an AutoML model on it, create an endpoint and deploy the model there. It shows how artifacts (dataset, model, endpoint) flow from step to step, and how one pipeline parameter (the project) feeds several steps.',
    golden: 'seed-automl-image',
  },
  {
    id: 'tabular',
    title: 'Tabular AutoML with typed parameters',
    explanation:
      'The same shape for a table of data, with a pipeline parameter of every type: text, whole number, number, true/false, dict and list, each with a default. Runs can change the source file, the target column or the training budget without touching the drawing.',
    golden: 'pipelines/pipeline-01-tabular-params',
  },
  {
    id: 'custom-train',
    title: 'Custom training → upload → batch prediction',
    explanation:
      'Your own training container runs as a Vertex AI custom job; the model files it writes are brought in with an importer (with the serving container to use), uploaded to the Model Registry, and used for a batch prediction over files in Cloud Storage. It shows "run after" dependencies next to data wires.',
    golden: 'pipelines/pipeline-07-custom-train-upload-batch-predict',
  },
  {
    id: 'conditional-deploy',
    title: 'Conditional deploy (If / Elif / Else)',
    explanation:
      'Train once, then decide how to serve with a parameter: dedicated machines, automatic scaling, or no deployment at all. Exactly one branch runs — try it with Play and different values of deploy_mode.',
    golden: 'pipelines/pipeline-03a-if-elif-else',
  },
  {
    id: 'parallel-for',
    title: 'One dataset per item (ParallelFor)',
    explanation:
      'A loop creates one dataset for every name in a list parameter, two at a time. The item of the loop feeds each copy of the step; change the list when you start a run.',
    golden: 'pipelines/pipeline-04a-parallelfor-param',
  },
  {
    id: 'exit-handler',
    title: 'Notify on finish (exit handler)',
    explanation:
      'The whole image example sits inside an exit handler whose exit task e-mails the team when the run ends — whether it succeeded or failed. The email step receives the final status of the group.',
    golden: 'pipelines/pipeline-02a-exit-handler-email',
  },
  {
    id: 'bigquery',
    title: 'BigQuery ML: train, evaluate, predict',
    explanation:
      'Machine learning without leaving the data warehouse: a CREATE MODEL statement trains a model in BigQuery, a second step evaluates it and a third writes predictions to a table. One model artifact feeds both later steps, so they run in parallel once training is done.',
  },
];
