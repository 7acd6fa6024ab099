import { useId } from 'react';
import { inputPorts, isRequired, outputPorts } from '../catalog/ports';
import { derive } from '../store/derive';
import { InputField } from './input-field';
import { taskEntry } from '../catalog/resolve';
import { IMPORTER_ID } from '../catalog/builtins';
import { ImporterSettingsForm, TaskRuntime } from './task-runtime';
import { openNested } from './open-file';
import { RunAfter, RetryBackoff } from './task-options';
import { useEditor, useEditorStore } from './store-context';

export function Inspector({ taskId }: { taskId: string }) {
  const store = useEditorStore();
  const retriesId = useId();
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  const task = doc.tasks.find((t) => t.id === taskId);
  if (!task) return null;
  const entry = taskEntry(doc, catalog, task);
  const { keys, diagnostics } = derive(doc, catalog);
  const key = keys.get(task.id) ?? task.id;
  const problems = diagnostics.filter((d) => d.taskId === task.id);

  return (
    <section className="panel inspector" aria-label={`Task ${key}`}>
      <div className="panel-head">
        <h2>{entry?.title ?? task.component}</h2>
        <button type="button" className="link" onClick={() => store.getState().select(null)}>
          Pipeline settings
        </button>
      </div>
      <p className="muted">
        Task <code>{key}</code> · <code>{task.component}</code>
      </p>
      {entry?.summary && <p className="summary">{entry.summary}</p>}
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <fieldset className="task-options">
        <legend>Task</legend>
        <label>
          Display name
          <input
            type="text"
            value={task.displayName ?? ''}
            placeholder={key}
            onChange={(e) => store.getState().setTaskOptions(task.id, { displayName: e.target.value })}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={task.caching}
            onChange={(e) => store.getState().setTaskOptions(task.id, { caching: e.target.checked })}
          />
          Cache results
        </label>
        <label htmlFor={retriesId}>Retries</label>
        <select
          id={retriesId}
          value={task.retries === undefined ? '' : String(task.retries)}
          onChange={(e) =>
            store.getState().setTaskOptions(task.id, { retries: e.target.value === '' ? undefined : Number(e.target.value) })
          }
        >
          <option value="">No retry policy</option>
          {[0, 1, 2, 3, 4, 5, 10].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {task.retries !== undefined && <RetryBackoff task={task} />}
        <RunAfter task={task} doc={doc} keys={keys} />
        <button type="button" className="danger" onClick={() => store.getState().removeTasks([task.id])}>
          Delete task
        </button>
      </fieldset>
      {entry && (
        <>
          <h3>Inputs</h3>
          {[...inputPorts(entry)]
            .sort((a, b) => Number(isRequired(b)) - Number(isRequired(a)))
            .map((port) => (
              <InputField key={port.name} task={task} port={port} entry={entry} doc={doc} catalog={catalog} keys={keys} />
            ))}
          <h3>Outputs</h3>
          <ul className="outputs">
            {outputPorts(entry).map((p) => {
              const exposed = doc.outputs?.find((o) => 'task' in o.source && o.source.task === task.id && o.source.output === p.name);
              return (
                <li key={p.name}>
                  <code>{p.name}</code> <span className="input-type">{p.type}</span>
                  <label className="inline expose">
                    <input
                      type="checkbox"
                      checked={!!exposed}
                      onChange={(e) => {
                        if (!e.target.checked) return exposed && store.getState().removePipelineOutput(exposed.name);
                        const taken = new Set((doc.outputs ?? []).map((o) => o.name));
                        let name = p.name;
                        for (let i = 2; taken.has(name); i++) name = `${p.name}_${i}`;
                        store.getState().setPipelineOutput({ name, source: { task: task.id, output: p.name } });
                      }}
                    />
                    Pipeline output{exposed ? ` “${exposed.name}”` : ''}
                  </label>
                  {entry.help[p.name] && <div className="help">{entry.help[p.name]}</div>}
                </li>
              );
            })}
          </ul>
          {task.component === IMPORTER_ID && <ImporterSettingsForm task={task} />}
          {(() => {
            const def = doc.components?.[task.component];
            if (def?.kind !== 'verbatim' || !def.spec.dag) return null;
            return (
              <button
                type="button"
                onClick={() => void openNested(store, def)}
                title="Opens the pipeline inside this step as a pipeline of its own (changes there do not flow back here)"
              >
                Open this nested pipeline
              </button>
            );
          })()}
          {doc.components?.[task.component]?.kind === 'verbatim' && (
            <details className="task-runtime" open>
              <summary>Code (read-only, kept as it came)</summary>
              <pre className="run-code">{[...(entry.executor?.container?.command ?? []), ...(entry.executor?.container?.args ?? [])].join('\n') || 'A nested pipeline: its steps are kept as they are.'}</pre>
            </details>
          )}
          <TaskRuntime task={task} />
        </>
      )}
    </section>
  );
}
