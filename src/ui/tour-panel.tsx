import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { setInput } from '../document/operations';
import { entryTitle } from './tour-helpers';
import { DRAG_MIME } from './palette';
import { placeNear } from './placement';
import { useEditor, useEditorStore } from './store-context';
import { EXAMPLE_NAME, EXAMPLE_ROOT, EXAMPLE_VALUES, TOUR, TOUR_COMPONENTS, firstOpenStep } from './tour';

/** The guided tour's card: one step at a time, moving on as soon as a step is done. */
export function TourPanel() {
  const store = useEditorStore();
  const flow = useReactFlow();
  const step = useEditor((s) => s.tour);
  const next = useEditor((s) => (s.tour === null ? null : firstOpenStep(s, s.tour)));
  const catalog = useEditor((s) => s.catalog);

  useEffect(() => {
    if (step !== null && next !== null && next !== step) store.getState().setTour(next);
  }, [step, next, store]);
  if (step === null) return null;
  const close = () => store.getState().setTour(null);

  if (step >= TOUR.length)
    return (
      <aside className="tour" aria-label="Guided tour">
        <h2>You built a pipeline</h2>
        <p>The file you downloaded is exactly what the Kubeflow compiler writes for this pipeline. Explore the palette, or open Help for the glossary.</p>
        <button type="button" className="primary" onClick={close}>
          Finish the tour
        </button>
      </aside>
    );

  const s = TOUR[step];
  const add = (id: string) => {
    store.getState().addComponent(id, placeNear(flow, store.getState().doc.tasks));
  };
  const fillExample = () => {
    let doc = store.getState().doc;
    for (const c of TOUR_COMPONENTS) {
      const t = doc.tasks.find((x) => x.component === c);
      if (t) for (const [k, v] of Object.entries(EXAMPLE_VALUES[c])) doc = setInput(doc, t.id, k, { constant: v });
    }
    store.getState().restore(doc);
  };

  return (
    <aside className="tour" aria-label="Guided tour">
      <div className="tour-head">
        <span className="muted">
          Step {step + 1} of {TOUR.length}
        </span>
        <button type="button" className="link" onClick={close}>
          Skip the tour
        </button>
      </div>
      <h2>{s.title}</h2>
      <p>{s.text}</p>
      {step === 0 && (
        <div className="tour-chips">
          {TOUR_COMPONENTS.map((id) => (
            <button
              key={id}
              type="button"
              draggable
              className="chip"
              disabled={store.getState().doc.tasks.some((t) => t.component === id)}
              onDragStart={(e) => e.dataTransfer.setData(DRAG_MIME, id)}
              onClick={() => add(id)}
            >
              {entryTitle(catalog, id)}
            </button>
          ))}
        </div>
      )}
      {step === 2 && (
        <button type="button" onClick={fillExample}>
          Type the example values for me
        </button>
      )}
      {step === 5 && (
        <button type="button" onClick={() => store.getState().setPipelineInfo({ name: EXAMPLE_NAME, pipelineRoot: EXAMPLE_ROOT })}>
          Use these names
        </button>
      )}
    </aside>
  );
}
