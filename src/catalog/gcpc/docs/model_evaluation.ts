import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.model_evaluation.ModelEvaluationClassificationOp': {
    title: 'Model evaluation (classification)',
    summary:
      'Compares the predictions of a classification model with the true labels and computes metrics such as precision, recall, AUC and a confusion matrix.',
  },
  'v1.model_evaluation.ModelEvaluationRegressionOp': {
    title: 'Model evaluation (regression)',
    summary:
      'Compares the numbers a regression model predicted with the true values and computes error measures such as MAE, RMSE and R squared.',
  },
  'v1.model_evaluation.ModelEvaluationForecastingOp': {
    title: 'Model evaluation (forecasting)',
    summary:
      'Compares forecasts with what really happened and computes error measures such as MAE, RMSE and MAPE, or quantile losses.',
  },
};
