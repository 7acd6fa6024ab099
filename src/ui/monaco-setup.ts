/**
 * Monaco, bundled locally (never from a CDN) and loaded only when the spec view is shown.
 */
// The whole editor with its contributions (the JSON language service needs several of them);
// languages register lazily, so only JSON and YAML code is ever fetched.
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};
loader.config({ monaco });

export { monaco };
