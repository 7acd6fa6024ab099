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

export function App() {
  const screen = useEditor((s) => s.screen);
  const selected = useEditor((s) => s.selectedTaskId);
  const store = useEditorStore();
  useEffect(() => {
    // Escape leaves the selected task and shows the pipeline panel (not while typing in a field).
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key !== 'Escape' || target?.closest('input, textarea, select, .monaco-editor')) return;
      store.getState().select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  if (screen === 'start') return <StartScreen />;
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
          <aside className="side" aria-label={selected ? 'Inspector' : 'Pipeline'}>
            <div className="side-top">{selected ? <Inspector taskId={selected} /> : <PipelinePanel />}</div>
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
