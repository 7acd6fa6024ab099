import { lazy, Suspense, useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas';
import { Inspector } from './inspector';
import { Palette } from './palette';
import { PipelinePanel } from './pipeline-panel';
import { StartScreen } from './start-screen';
import { useEditor, useEditorStore } from './store-context';
import { Toolbar } from './toolbar';
import { NoticeBanner } from './notice';

const SpecView = lazy(() => import('./spec-view'));

const isField = (el: EventTarget) => el instanceof HTMLElement && el.matches('input, textarea, select');

export function App() {
  const screen = useEditor((s) => s.screen);
  const selected = useEditor((s) => s.selectedTaskId);
  const readOnly = useEditor((s) => s.readOnly);
  const store = useEditorStore();
  useEffect(() => {
    // Escape leaves the selected task and shows the pipeline panel (not while typing in a field).
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const inField = !!target?.closest('input, textarea, select, .monaco-editor');
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !inField && (e.key === 'z' || e.key === 'Z')) {
        e.preventDefault();
        if (e.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (mod && !inField && (e.key === 'y' || e.key === 'Y')) {
        e.preventDefault();
        store.getState().redo();
      } else if (e.key === 'Escape' && !inField) store.getState().select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  if (screen === 'loading') return <div className="start muted">Loading…</div>;
  if (screen === 'start')
    return (
      <>
        <StartScreen />
        <NoticeBanner />
      </>
    );
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar />
        <div className="workspace">
          <Palette />
          <main className="canvas-area" aria-label="Canvas">
            <Canvas />
            <NoticeBanner />
          </main>
          <aside
            className="side"
            aria-label={selected ? 'Inspector' : 'Pipeline'}
            onFocusCapture={(e) => {
              if (isField(e.target)) store.getState().beginEdit();
            }}
            onBlurCapture={(e) => {
              if (isField(e.target)) store.getState().endEdit();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
                store.getState().endEdit();
                store.getState().beginEdit();
              }
            }}
          >
            <fieldset className="side-top plain" disabled={readOnly}>
              {selected ? <Inspector taskId={selected} /> : <PipelinePanel />}
            </fieldset>
            <div className="side-bottom">
              <Suspense fallback={<div className="spec-loading">Loading spec view…</div>}>
                <SpecView />
              </Suspense>
            </div>
          </aside>
        </div>
      </div>
    </ReactFlowProvider>
  );
}
