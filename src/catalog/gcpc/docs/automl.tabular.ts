import type { ComponentDocs } from '../../types';

export const docs: Record<string, ComponentDocs> = {
  'v1.automl.tabular.StatsAndExampleGenOp': {
    title: 'AutoML tabular stats and example generation',
    summary:
      'Reads the training table, computes statistics for every column and divides the rows into train, eval and test sets. The first data stage of AutoML Tables.',
  },
  'v1.automl.tabular.TrainingConfiguratorAndValidatorOp': {
    title: 'AutoML tabular training configurator',
    summary:
      'Checks the column statistics against the chosen training settings and writes the configuration the later AutoML Tables stages follow. Fails early when the setup cannot work.',
  },
  'v1.automl.tabular.TransformOp': {
    title: 'AutoML tabular feature transform',
    summary:
      'Fits the feature transformations on the training rows and applies them to all three splits on Dataflow, saving data the trainers can read directly.',
  },
  'v1.automl.tabular.SplitMaterializedDataOp': {
    title: 'AutoML tabular split materialized data',
    summary: 'Separates transformed data that holds all three splits into its train, eval and test parts, so each can go to a different step.',
  },
  'v1.automl.tabular.Stage1TunerOp': {
    title: 'AutoML tabular architecture search',
    summary:
      'Tries many model architectures and hyperparameters on the transformed data and keeps the most promising trials. The first training stage of AutoML Tables.',
  },
  'v1.automl.tabular.CvTrainerOp': {
    title: 'AutoML tabular cross-validation trainer',
    summary:
      'Retrains the best architectures from the search with cross-validation, producing the models that the ensemble step combines.',
  },
  'v1.automl.tabular.EnsembleOp': {
    title: 'AutoML tabular ensemble',
    summary:
      'Combines the trained models into one ensemble and packages it, with its explanation settings, ready for a model upload step.',
  },
  'v1.automl.tabular.FinalizerOp': {
    title: 'AutoML tabular finalizer',
    summary: 'Tidies up at the end of an AutoML Tables run by removing the temporary files the stages left behind.',
  },
  'v1.automl.tabular.InfraValidatorOp': {
    title: 'AutoML tabular infra validator',
    summary:
      'Starts the packaged model in its serving container and checks that it answers, before it is uploaded or deployed.',
  },
};
