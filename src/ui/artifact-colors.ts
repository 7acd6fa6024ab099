/** Colours of artifact and parameter types on handles and edges. */
const ARTIFACT_COLORS: Record<string, string> = {
  'google.VertexDataset': '#1e8e3e',
  'google.VertexModel': '#a142f4',
  'google.VertexEndpoint': '#e8710a',
  'google.VertexBatchPredictionJob': '#c5221f',
  'google.BQTable': '#1a73e8',
  'google.BQMLModel': '#12b5cb',
  'google.UnmanagedContainerModel': '#9334e6',
  'system.Artifact': '#5f6368',
  'system.Dataset': '#188038',
  'system.Model': '#7b1fa2',
  'system.Metrics': '#f9ab00',
  'system.ClassificationMetrics': '#f29900',
  'system.SlicedClassificationMetrics': '#ea8600',
  'google.ClassificationMetrics': '#f29900',
  'google.RegressionMetrics': '#e37400',
  'google.ForecastingMetrics': '#b06000',
};

export const PARAMETER_COLOR = '#80868b';

export function typeColor(kind: 'artifact' | 'parameter', type: string): string {
  if (kind === 'parameter') return PARAMETER_COLOR;
  return ARTIFACT_COLORS[type] ?? '#3c4043';
}
