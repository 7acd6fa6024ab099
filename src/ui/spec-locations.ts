/**
 * Where each part of a compiled spec sits in its JSON or YAML text (both are written
 * one key per line, indented blocks), so the spec view can highlight a task's entries
 * and map a cursor position back to the task it belongs to.
 */

export interface Span {
  start: number; // 1-based line numbers, inclusive
  end: number;
}

const KEY_LINE = /^(\s*)(?:"((?:[^"\\]|\\.)*)"|([^\s"'#:][^:]*?)):(?:\s|$)/;

/** Line spans of the entries we link to: tasks, components and executors by task key. */
export function specLocations(text: string): Map<string, Span> {
  const lines = text.split('\n');
  const out = new Map<string, Span>();
  const stack: Array<{ indent: number; key: string; line: number }> = [];
  const close = (indent: number, lineNo: number) => {
    while (stack.length && stack[stack.length - 1].indent >= indent) {
      const top = stack.pop()!;
      const path = [...stack.map((s) => s.key), top.key].join('/');
      if (/^(root\/dag\/tasks|components|deploymentSpec\/executors)\/[^/]+$/.test(path)) out.set(path, { start: top.line, end: lineNo - 1 });
    }
  };
  lines.forEach((line, i) => {
    if (line.trimStart().startsWith('#')) return;
    const m = KEY_LINE.exec(line);
    if (!m) return;
    const indent = m[1].length;
    const key = m[2] !== undefined ? JSON.parse(`"${m[2]}"`) : m[3].trim();
    close(indent, i + 1);
    stack.push({ indent, key, line: i + 1 });
  });
  close(-1, lines.length + 1);
  // JSON closes a block on its own line; trim trailing brace-only lines out of nothing: spans stay inclusive.
  return out;
}

/** The spans that belong to a task key: its DAG task, its component and its executor. */
export function taskSpans(locations: Map<string, Span>, key: string): Span[] {
  return [`root/dag/tasks/${key}`, `components/comp-${key}`, `deploymentSpec/executors/exec-${key}`]
    .map((p) => locations.get(p))
    .filter((s): s is Span => !!s);
}

/** The task key whose entry contains `line`, if any. */
export function taskAtLine(locations: Map<string, Span>, line: number): string | undefined {
  for (const [path, span] of locations) {
    if (line < span.start || line > span.end) continue;
    const [, group, name] = /^(root\/dag\/tasks|components|deploymentSpec\/executors)\/(.+)$/.exec(path) ?? [];
    if (group === 'root/dag/tasks') return name;
    if (group === 'components' && name.startsWith('comp-')) return name.slice(5);
    if (group === 'deploymentSpec/executors' && name.startsWith('exec-')) return name.slice(5);
  }
  return undefined;
}
