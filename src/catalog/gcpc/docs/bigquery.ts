import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.bigquery.BigqueryQueryJobOp': {
    title: 'BigQuery query job',
    summary:
      'Runs any SQL statement in BigQuery, for example to clean or join data before training, and passes on the table it wrote.',
  },
  'v1.bigquery.BigqueryCreateModelJobOp': {
    title: 'BigQuery ML create model',
    summary: 'Trains a model inside BigQuery by running a CREATE MODEL statement, and hands the model to later steps.',
  },
  'v1.bigquery.BigqueryDropModelJobOp': {
    title: 'BigQuery ML drop model',
    summary: 'Deletes a BigQuery ML model, for instance to clean up a temporary model at the end of a pipeline.',
  },
  'v1.bigquery.BigqueryPredictModelJobOp': {
    title: 'BigQuery ML predict',
    summary: 'Scores rows with a BigQuery ML model (ML.PREDICT) and saves the predictions in a table.',
  },
  'v1.bigquery.BigqueryEvaluateModelJobOp': {
    title: 'BigQuery ML evaluate',
    summary:
      'Measures how well a BigQuery ML model does (ML.EVALUATE), on the evaluation data kept at training time or on rows you supply.',
  },
  'v1.bigquery.BigqueryForecastModelJobOp': {
    title: 'BigQuery ML forecast',
    summary: 'Predicts future values of each time series with an ARIMA_PLUS model (ML.FORECAST) and saves them in a table.',
  },
  'v1.bigquery.BigqueryExplainForecastModelJobOp': {
    title: 'BigQuery ML explain forecast',
    summary:
      'Forecasts with an ARIMA_PLUS model and splits every value into parts such as trend, seasonality and holiday effects (ML.EXPLAIN_FORECAST).',
  },
  'v1.bigquery.BigqueryExplainPredictModelJobOp': {
    title: 'BigQuery ML explain predict',
    summary: 'Predicts with a BigQuery ML model and lists, for each row, the features that pushed the prediction most (ML.EXPLAIN_PREDICT).',
  },
  'v1.bigquery.BigqueryDetectAnomaliesModelJobOp': {
    title: 'BigQuery ML detect anomalies',
    summary:
      'Flags unusual rows or time points with ML.DETECT_ANOMALIES, using a k-means, autoencoder, PCA or ARIMA_PLUS model.',
  },
  'v1.bigquery.BigqueryExportModelJobOp': {
    title: 'BigQuery ML export model',
    summary:
      'Copies a BigQuery ML model to Cloud Storage in a portable format, such as a TensorFlow SavedModel or an XGBoost booster, to serve it elsewhere.',
  },
  'v1.bigquery.BigqueryMLAdvancedWeightsJobOp': {
    title: 'BigQuery ML advanced weights',
    summary:
      'Reads the weights of a linear or logistic regression model together with their standard errors and p-values (ML.ADVANCED_WEIGHTS).',
  },
  'v1.bigquery.BigqueryMLWeightsJobOp': {
    title: 'BigQuery ML weights',
    summary: 'Reads the learned weights of a linear, logistic regression or matrix factorization model (ML.WEIGHTS).',
  },
  'v1.bigquery.BigqueryMLArimaCoefficientsJobOp': {
    title: 'BigQuery ML ARIMA coefficients',
    summary: 'Lists the fitted coefficients of an ARIMA_PLUS model: autoregressive terms, moving-average terms and intercept.',
  },
  'v1.bigquery.BigqueryMLArimaEvaluateJobOp': {
    title: 'BigQuery ML ARIMA evaluate',
    summary:
      'Reports how well each time series of an ARIMA_PLUS model was fitted, with figures such as AIC, variance and the seasonal periods found.',
  },
  'v1.bigquery.BigqueryMLCentroidsJobOp': {
    title: 'BigQuery ML centroids',
    summary: 'Reads the centre of every cluster found by a k-means model (ML.CENTROIDS).',
  },
  'v1.bigquery.BigqueryMLConfusionMatrixJobOp': {
    title: 'BigQuery ML confusion matrix',
    summary:
      'Builds a confusion matrix for a classification model: how often each true class was predicted as each class.',
  },
  'v1.bigquery.BigqueryMLRocCurveJobOp': {
    title: 'BigQuery ML ROC curve',
    summary:
      'Computes points of the ROC curve (true and false positive rates at many thresholds) for a binary classification model.',
  },
  'v1.bigquery.BigqueryMLFeatureImportanceJobOp': {
    title: 'BigQuery ML feature importance',
    summary: 'Reports how much each feature matters to a boosted tree or random forest model (ML.FEATURE_IMPORTANCE).',
  },
  'v1.bigquery.BigqueryMLFeatureInfoJobOp': {
    title: 'BigQuery ML feature info',
    summary:
      'Describes the input columns a model was trained on, with figures such as minimum, maximum, mean, nulls and number of categories (ML.FEATURE_INFO).',
  },
  'v1.bigquery.BigqueryMLGlobalExplainJobOp': {
    title: 'BigQuery ML global explain',
    summary:
      'Ranks features by their average influence across the whole model (ML.GLOBAL_EXPLAIN). The model must be trained with global explanations turned on.',
  },
  'v1.bigquery.BigqueryMLPrincipalComponentsJobOp': {
    title: 'BigQuery ML principal components',
    summary: 'Returns the principal components of a PCA model, that is the weight each feature has in each component.',
  },
  'v1.bigquery.BigqueryMLPrincipalComponentInfoJobOp': {
    title: 'BigQuery ML principal component info',
    summary:
      'Shows, for each component of a PCA model, its eigenvalue and how much of the variance in the data it explains.',
  },
  'v1.bigquery.BigqueryMLRecommendJobOp': {
    title: 'BigQuery ML recommend',
    summary:
      'Predicts a rating or confidence for user and item pairs with a matrix factorization model (ML.RECOMMEND), for building recommendations.',
  },
  'v1.bigquery.BigqueryMLReconstructionLossJobOp': {
    title: 'BigQuery ML reconstruction loss',
    summary:
      'Measures how poorly an autoencoder or PCA model rebuilds each input row (ML.RECONSTRUCTION_LOSS); high values point to unusual rows.',
  },
  'v1.bigquery.BigqueryMLTrainingInfoJobOp': {
    title: 'BigQuery ML training info',
    summary:
      'Reads the history of a training run, iteration by iteration: training loss, evaluation loss, learning rate and time taken (ML.TRAINING_INFO).',
  },
  'v1.bigquery.BigqueryMLTrialInfoJobOp': {
    title: 'BigQuery ML trial info',
    summary:
      'Lists the hyperparameter tuning trials of a BigQuery ML model with the values each tried and the score it reached (ML.TRIAL_INFO).',
  },
};
