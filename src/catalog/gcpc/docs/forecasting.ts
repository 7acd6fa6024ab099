import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.forecasting.ForecastingValidationOp': {
    title: 'Forecasting input validation',
    summary:
      'Checks that the input BigQuery tables meet the rules for forecasting training or prediction, so mistakes show up before any costly step runs.',
  },
  'v1.forecasting.ForecastingPreprocessingOp': {
    title: 'Forecasting preprocessing',
    summary: 'Combines and cleans the input BigQuery tables into one table ready for forecasting training.',
  },
  'v1.forecasting.ForecastingPrepareDataForTrainOp': {
    title: 'Forecasting prepare training settings',
    summary:
      'Turns the preprocessing results into the column settings a forecasting training step expects (target, time column, transformations, …). A small Python step.',
  },
};
