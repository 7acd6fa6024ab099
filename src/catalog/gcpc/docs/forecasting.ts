import type { ComponentDocs } from '../../types';

const INPUT_TABLES = 'The source BigQuery tables and the role of each, as a JSON list.';

export const docs: Record<string, ComponentDocs> = {
  'v1.forecasting.ForecastingValidationOp': {
    title: 'Forecasting input validation',
    summary:
      'Checks that the input BigQuery tables meet the rules for forecasting training or prediction, so mistakes show up before any costly step runs.',
    help: {
      input_tables: INPUT_TABLES,
      validation_theme: 'What the tables are for: "FORECASTING_TRAINING" or "FORECASTING_PREDICTION".',
      location: 'BigQuery location of the tables, e.g. US.',
    },
  },
  'v1.forecasting.ForecastingPreprocessingOp': {
    title: 'Forecasting preprocessing',
    summary: 'Combines and cleans the input BigQuery tables into one table ready for forecasting training.',
    help: {
      project: 'Google Cloud project that runs the BigQuery work.',
      location: 'BigQuery location of the data, e.g. US.',
      input_tables: INPUT_TABLES,
      preprocessing_bigquery_dataset: 'BigQuery dataset that receives the prepared table; a new one is made when empty.',
      preprocess_metadata: 'Facts about the prepared table, for the next step.',
    },
  },
  'v1.forecasting.ForecastingPrepareDataForTrainOp': {
    title: 'Forecasting prepare training settings',
    summary:
      'Turns the preprocessing results into the column settings a forecasting training step expects (target, time column, transformations, …). A small Python step.',
    help: {
      input_tables: INPUT_TABLES,
      preprocess_metadata: 'Output of the forecasting preprocessing step.',
      model_feature_columns: 'Columns to use as features; all columns are used when empty.',
      preprocess_bq_uri: 'BigQuery table holding the prepared data.',
      target_column: 'Column with the value to forecast.',
      time_column: 'Column with the date or time of each row.',
      time_series_identifier_column: 'Column naming the series a row belongs to.',
      time_series_attribute_columns: 'Columns that describe a series and never change over time.',
      available_at_forecast_columns: 'Columns already known for future dates.',
      unavailable_at_forecast_columns: 'Columns only known after the fact.',
      column_transformations: 'How each feature column should be treated (numeric, categorical, …).',
      data_granularity_unit: 'Time unit between rows, e.g. day.',
      data_granularity_count: 'How many of those units lie between two rows.',
      predefined_split_column: 'Column that puts each row in the train, validation or test split.',
      weight_column: 'Column giving each row more or less weight in training.',
    },
  },
};
