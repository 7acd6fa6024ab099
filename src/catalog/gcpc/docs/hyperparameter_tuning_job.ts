import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.hyperparameter_tuning_job.HyperparameterTuningJobRunOp': {
    title: 'Hyperparameter tuning job',
    summary:
      'Runs your training code many times with different hyperparameter values and searches, with Vertex AI Vizier, for the values that give the best metric.',
  },
};
