import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.automl.forecasting.ProphetTrainerOp': {
    title: 'Prophet forecasting trainer',
    summary:
      'Fits a Prophet model to every time series in a BigQuery table, trying a few settings per series on Dataflow and keeping the best. Usually one stage of the Prophet forecasting pipeline.',
  },
};
