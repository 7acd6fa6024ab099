/**
 * Monaco, bundled locally (never from a CDN) and imported by the spec view only after the
 * canvas is usable. Only what a read-only spec viewer needs: the editor core, find, folding,
 * hover, copy, YAML colouring and a small JSON colouring of our own (no JSON language service
 * or worker: the spec is ours and always valid, and the service is costly on large specs).
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/find/register';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/languages/definitions/yaml/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

monaco.languages.register({ id: 'json', extensions: ['.json'], aliases: ['JSON'] });
monaco.languages.setMonarchTokensProvider('json', {
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
      [/"(?:[^"\\]|\\.)*"/, 'string'],
      [/-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\],:]/, 'delimiter'],
    ],
  },
});
// No bracket pairs: bracket matching, guides and colouring are off in the read-only view
// (src/ui/spec-view.tsx), and without pairs Monaco keeps no bracket tree of the whole text.

export { monaco };
