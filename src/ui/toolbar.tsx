import { useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import { actionById, download, tidyUp } from './actions';
import { openPipelineFile } from './open-file';
import { exportBlockers } from '../store/editor-store';
import { useServices } from './services';
import { OPEN_FILE_INPUT_ID } from './global-keys';
import { useEditor, useEditorStore } from './store-context';

export function Toolbar(props: {
  onCommands(): void;
  onShortcuts(): void;
  onShare(): void;
  onVersions(): void;
  onHelp(): void;
  onRun(): void;
  onPython(): void;
  onPlay(): void;
}) {
  const { onCommands, onShortcuts, onShare, onVersions, onHelp, onRun, onPython, onPlay } = props;
  const flow = useReactFlow();
  const store = useEditorStore();
  const name = useEditor((s) => s.doc.name);
  const canUndo = useEditor((s) => s.history.past.length > 0 || (!!s.history.base && s.history.base !== s.doc));
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const readOnly = useEditor((s) => s.readOnly);
  const save = useEditor((s) => s.saveStatus);
  const { takeOver } = useServices();
  const blockerText = useEditor((s) => exportBlockers(s).join('\n'));
  const blockers = blockerText ? blockerText.split('\n') : [];
  const blocked = blockers.length > 0;
  const reason = blocked ? `Export blocked: ${blockers[0]}${blockers.length > 1 ? ` (+${blockers.length - 1} more)` : ''}` : '';

  const fileInput = useRef<HTMLInputElement>(null);
  const saveDoc = () => void actionById('save-file').run({ store, flow, openFile: () => undefined, showShortcuts: onShortcuts, showCommands: onCommands, showShare: onShare, showVersions: onVersions });
  const openDoc = async (file: File | undefined) => {
    if (file) await openPipelineFile(store, file);
  };

  return (
    <header className="toolbar">
      <button type="button" className="brand" title="Back to your pipelines" onClick={() => store.getState().closeDocument()}>
        Pipeline Canvas
      </button>
      <span className="doc-name" title="Pipeline name">
        {name || 'untitled'}
      </span>
      <button type="button" onClick={() => store.getState().select(null)}>
        Pipeline
      </button>
      <button type="button" disabled={!canUndo} title="Undo (Ctrl+Z)" onClick={() => store.getState().undo()}>
        Undo
      </button>
      <button type="button" disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => store.getState().redo()}>
        Redo
      </button>
      <button type="button" onClick={saveDoc} title="Save this pipeline as a Pipeline Canvas document (for the CLI or to open later)">
        Save document
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Open document
      </button>
      <input
        ref={fileInput}
        id={OPEN_FILE_INPUT_ID}
        type="file"
        accept=".json,.yaml,.yml,application/json,application/yaml"
        hidden
        aria-label="Open document file"
        onChange={(e) => {
          void openDoc(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <button type="button" title="Arrange the tasks left to right by dependency (Shift+L)" onClick={() => void tidyUp(store, flow)}>
        Tidy up
      </button>
      <button type="button" title="Named versions: save, restore, compare" onClick={onVersions}>
        Versions
      </button>
      <button type="button" title="Share link, SVG and PNG pictures" onClick={onShare}>
        Share
      </button>
      <button type="button" title="Run any action by name (Ctrl+K)" onClick={onCommands}>
        Commands
      </button>
      <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onShortcuts}>
        ?
      </button>
      <button type="button" title="Guided tour and glossary" onClick={onHelp}>
        Help
      </button>
      <span className="spacer" />
      {readOnly && (
        <span className="read-only" role="status">
          Read-only: open in another tab{' '}
          <button type="button" onClick={() => void takeOver()}>
            Edit here
          </button>
        </span>
      )}
      <span className={`save-status save-${save.state}`} role="status" title={save.message}>
        {save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? 'Saved in this browser' : save.state === 'error' ? 'Not saved' : ''}
      </span>
      {blocked && (
        <span className="blocked" role="status" data-testid="export-blocked">
          {reason}
        </span>
      )}
      <button type="button" title="Watch a simulated run: order, branches, loops, failures, wall time" onClick={onPlay}>
        Play
      </button>
      <button type="button" title="The pipeline as KFP v2 Python" onClick={onPython}>
        Python
      </button>
      <button type="button" title="Parameter values and job settings: the request, curl line or Python that starts a run" onClick={onRun}>
        Run…
      </button>
      <button type="button" disabled={blocked} title={reason || 'Download the compiled spec as JSON'} onClick={() => download(store, 'json')}>
        Download JSON
      </button>
      <button type="button" disabled={blocked} title={reason || 'Download the compiled spec as YAML'} onClick={() => download(store, 'yaml')}>
        Download YAML
      </button>
    </header>
  );
}
