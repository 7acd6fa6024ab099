import { lazy, Suspense, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas';
import { Inspector } from './inspector';
import { Palette } from './palette';
import { PipelinePanel } from './pipeline-panel';
import { StartScreen } from './start-screen';
import { useEditor, useEditorStore } from './store-context';
import { Toolbar } from './toolbar';
import { useGlobalKeys, openFileDialog } from './global-keys';
import { NoticeBanner } from './notice';
import { ProblemsPanel } from './problems';
import { startTour } from './tour-start';
import { selectedTaskId } from '../store/editor-store';
import { SelectionPanel } from './selection-panel';
import { whenCanvasUsable } from './after-usable';
import { GroupInspector, TourPanel } from './editor-parts';
import { CommandPalette, ShortcutsOverlay } from './command-palette';

const SpecView = lazy(() => import('./spec-view'));
const SimulationPanel = lazy(() => import('./simulation-panel').then((m) => ({ default: m.SimulationPanel })));
const PythonDialog = lazy(() => import('./python-dialog').then((m) => ({ default: m.PythonDialog })));
const RunDialog = lazy(() => import('./run-dialog').then((m) => ({ default: m.RunDialog })));
const HelpDialog = lazy(() => import('./help-dialog').then((m) => ({ default: m.HelpDialog })));
const HistoryDialog = lazy(() => import('./history-dialog').then((m) => ({ default: m.HistoryDialog })));
const ShareDialog = lazy(() => import('./share-dialog').then((m) => ({ default: m.ShareDialog })));

type Dialogs = 'commands' | 'shortcuts' | 'share' | 'versions' | 'help' | 'run' | 'python' | null;

const isField = (el: EventTarget) => el instanceof HTMLElement && el.matches('input, textarea, select');

export function App() {
  return (
    <ReactFlowProvider>
      <Editor />
    </ReactFlowProvider>
  );
}

function Editor() {
  const screen = useEditor((s) => s.screen);
  const selected = useEditor(selectedTaskId);
  const many = useEditor((s) => s.selection.length > 1);
  const selectedGroup = useEditor((s) => s.selectedGroup);
  const readOnly = useEditor((s) => s.readOnly);
  const touring = useEditor((s) => s.tour !== null);
  const store = useEditorStore();
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [playing, setPlaying] = useState(false);
  // The spec view's code is requested once the canvas is usable (Monaco itself even later).
  const [specShown, setSpecShown] = useState(false);
  useEffect(() => whenCanvasUsable(store, () => setSpecShown(true)), [store]);
  useGlobalKeys(store, setDialog);
  if (screen === 'loading') return <div className="start muted">Loading…</div>;
  if (screen === 'start')
    return (
      <>
        <StartScreen />
        <NoticeBanner />
      </>
    );
  return (
    <>
      <div className="app">
        <Toolbar onCommands={() => setDialog('commands')} onShortcuts={() => setDialog('shortcuts')} onShare={() => setDialog('share')} onVersions={() => setDialog('versions')} onHelp={() => setDialog('help')} onRun={() => setDialog('run')} onPython={() => setDialog('python')} onPlay={() => setPlaying(true)} />
        <div className="workspace">
          <Palette />
          <main className="canvas-area" aria-label="Canvas">
            <Canvas />
            <NoticeBanner />
            <ProblemsPanel />
            {touring && (
              <Suspense fallback={null}>
                <TourPanel />
              </Suspense>
            )}
            {playing && (
              <Suspense fallback={null}>
                <SimulationPanel onClose={() => setPlaying(false)} />
              </Suspense>
            )}
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
              {selected ? (
                <Inspector taskId={selected} />
              ) : many ? (
                <SelectionPanel />
              ) : selectedGroup ? (
                <Suspense fallback={<p className="muted">Loading…</p>}>
                  <GroupInspector groupId={selectedGroup} />
                </Suspense>
              ) : (
                <PipelinePanel />
              )}
            </fieldset>
            <div className="side-bottom">
              {specShown ? (
                <Suspense fallback={<div className="spec-loading">Loading spec view…</div>}>
                  <SpecView />
                </Suspense>
              ) : (
                <div className="spec-loading">Loading spec view…</div>
              )}
            </div>
          </aside>
        </div>
      </div>
      <Suspense fallback={null}>
      {dialog === 'commands' && (
        <CommandPalette
          ctx={{ openFile: openFileDialog, showShortcuts: () => setDialog('shortcuts'), showCommands: () => setDialog('commands'), showShare: () => setDialog('share'), showVersions: () => setDialog('versions') }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'shortcuts' && <ShortcutsOverlay onClose={() => setDialog(null)} />}
      {dialog === 'share' && <ShareDialog onClose={() => setDialog(null)} />}
      {dialog === 'versions' && <HistoryDialog onClose={() => setDialog(null)} />}
      {dialog === 'run' && <RunDialog onClose={() => setDialog(null)} />}
      {dialog === 'python' && <PythonDialog onClose={() => setDialog(null)} />}
      {dialog === 'help' && (
        <HelpDialog
          onClose={() => setDialog(null)}
          onShortcuts={() => setDialog('shortcuts')}
          onTour={() => {
            setDialog(null);
            startTour(store);
          }}
        />
      )}
      </Suspense>
    </>
  );
}
