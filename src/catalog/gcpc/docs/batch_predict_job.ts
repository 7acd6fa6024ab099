import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.batch_predict_job.ModelBatchPredictOp': {
    title: 'Batch prediction',
    summary:
      'Runs a model over a large set of inputs in one go and writes the predictions to Cloud Storage or BigQuery. Use it when you do not need an always-on endpoint.',
  },
};
