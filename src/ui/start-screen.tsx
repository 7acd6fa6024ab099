import { seedDocument } from '../examples/seed';
import { useEditorStore } from './store-context';

export function StartScreen() {
  const store = useEditorStore();
  return (
    <div className="start">
      <div className="start-card">
        <h1>Pipeline Canvas</h1>
        <p>
          Draw a Kubeflow / Vertex AI pipeline from Google Cloud Pipeline Components, wire outputs to inputs, and
          download the compiled pipeline spec that Vertex AI Pipelines and Kubeflow Pipelines run.
        </p>
        <div className="start-actions">
          <button type="button" className="primary" onClick={() => store.getState().startBlank()}>
            Blank pipeline
          </button>
          <button type="button" onClick={() => store.getState().openDocument(seedDocument())}>
            Example: AutoML image classification
          </button>
        </div>
      </div>
    </div>
  );
}
