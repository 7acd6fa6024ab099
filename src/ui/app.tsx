import { lazy, Suspense } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas';
import { Inspector } from './inspector';
import { Palette } from './palette';
import { PipelinePanel } from './pipeline-panel';
import { StartScreen } from './start-screen';
import { useEditor } from './store-context';
import { Toolbar } from './toolbar';
import { NoticeBanner } from './notice';

const SpecView = lazy(() => import('./spec-view'));

export function App() {
  const screen = useEditor((s) => s.screen);
  const selected = useEditor((s) => s.selectedTaskId);
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
