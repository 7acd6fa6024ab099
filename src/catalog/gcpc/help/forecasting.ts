// Help texts of the inputs and outputs of the forecasting components, in our own words (see ../help-texts.ts).
const INPUT_TABLES = 'The source BigQuery tables and the role of each, as a JSON list.';

export const help: Record<string, Record<string, string>> = {
  'v1.forecasting.ForecastingValidationOp': {
    input_tables: INPUT_TABLES,
    validation_theme: 'What the tables are for: "FORECASTING_TRAINING" or "FORECASTING_PREDICTION".',
    location: 'BigQuery location of the tables, e.g. US.',
  },
  'v1.forecasting.ForecastingPreprocessingOp': {
    project: 'Google Cloud project that runs the BigQuery work.',
    location: 'BigQuery location of the data, e.g. US.',
    input_tables: INPUT_TABLES,
    preprocessing_bigquery_dataset: 'BigQuery dataset that receives the prepared table; a new one is made when empty.',
    preprocess_metadata: 'Facts about the prepared table, for the next step.',
  },
  'v1.forecasting.ForecastingPrepareDataForTrainOp': {
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
};
