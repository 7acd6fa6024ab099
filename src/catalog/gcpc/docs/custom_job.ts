import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.custom_job.CustomTrainingJobOp': {
    title: 'Custom training job',
    summary:
      'Runs your own training code in containers on Vertex AI machines you pick, with GPUs or several worker pools if needed. Use it when AutoML does not fit.',
  },
};
