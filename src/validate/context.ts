/**
 * What the validator's checks share: the diagnostics list, the entries of the tasks'
 * components, task keys and group names for messages, and where each task and group sits.
 */
import type { Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import type { CatalogEntry } from '../catalog/types';
import { numberGroups, taskKeysOf } from '../compiler/names';
import type { Group, PipelineDocument, Task } from '../document/types';

export type DiagnosticCode =
  | 'NO_TASKS'
  | 'BAD_PIPELINE_NAME'
  | 'BAD_PARAMETER_NAME'
  | 'DUPLICATE_PARAMETER'
  | 'BAD_PARAMETER_DEFAULT'
  | 'UNKNOWN_COMPONENT'
  | 'UNKNOWN_INPUT'
  | 'MISSING_REQUIRED_INPUT'
  | 'BAD_CONSTANT'
  | 'UNKNOWN_PARAMETER'
  | 'PARAMETER_TYPE_MISMATCH'
  | 'UNKNOWN_TASK'
  | 'UNKNOWN_OUTPUT'
  | 'OUTPUT_TYPE_MISMATCH'
  | 'CYCLE'
  | 'EXIT_TASK_ONLY'
  | 'BAD_RETRY'
  // control flow
  | 'UNKNOWN_GROUP'
  | 'GROUP_CYCLE'
  | 'BAD_BRANCHES'
  | 'CONDITION_MISSING'
  | 'CONDITION_REFERS_TO_NOTHING'
  | 'CONDITION_TYPE'
  | 'LOOP_NOT_LIST'
  | 'LOOP_ITEM_OUTSIDE_LOOP'
  | 'BAD_LOOP_FIELD'
  | 'BAD_PARALLELISM'
  | 'EXIT_HANDLER_NOT_TOP_LEVEL'
  | 'EXIT_TASK_NOT_CAPABLE'
  | 'ILLEGAL_CROSS_GROUP'
  | 'BAD_COLLECTED'
  | 'BAD_ONE_OF'
  | 'BAD_TEMPLATE'
  | 'BAD_PIPELINE_OUTPUT'
  | 'BAD_IGNORE_UPSTREAM'
  // components and task settings
  | 'BAD_COMPONENT'
  | 'BAD_RESOURCES'
  | 'BAD_IMPORTER';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: 'error' | 'warning';
  message: string;
  taskId?: string;
  input?: string;
  parameter?: string;
  /** A control-flow group (`doc.groups` id). */
  groupId?: string;
  /** A pipeline output, by name. */
  output?: string;
  /** An embedded component (`doc.components` id). */
  component?: string;
}

export interface Context {
  doc: PipelineDocument;
  catalog: Catalog;
  out: Diagnostic[];
  /** Task id → task key (`model-deploy-2`). */
  keys: Map<string, string>;
  tasks: Map<string, Task>;
  /** Task id → the entry of its component (absent when unknown). */
  entries: Map<string, CatalogEntry>;
  groups: Map<string, Group>;
  /** Group id → `condition-2`, `for-loop-1`, … */
  groupNames: Map<string, string>;
  error(code: DiagnosticCode, message: string, at?: Partial<Diagnostic>): void;
  warn(code: DiagnosticCode, message: string, at?: Partial<Diagnostic>): void;
}

export function createContext(doc: PipelineDocument, catalog: Catalog): Context {
  const out: Diagnostic[] = [];
  const entries = new Map<string, CatalogEntry>();
  for (const t of doc.tasks) {
    const entry = taskEntry(doc, catalog, t);
    if (entry) entries.set(t.id, entry);
  }
  return {
    doc,
    catalog,
    out,
    keys: taskKeysOf(doc, catalog),
    tasks: new Map(doc.tasks.map((t) => [t.id, t])),
    entries,
    groups: new Map((doc.groups ?? []).map((g) => [g.id, g])),
    groupNames: numberGroups(doc).names,
    error: (code, message, at = {}) => out.push({ code, severity: 'error', message, ...at }),
    warn: (code, message, at = {}) => out.push({ code, severity: 'warning', message, ...at }),
  };
}

/** A task's key, or its id when unknown. */
export const taskLabel = (ctx: Context, id: string) => ctx.keys.get(id) ?? id;
/** A group's label for messages: its display name or compiled name. */
export function groupLabel(ctx: Context, id: string): string {
  const g = ctx.groups.get(id);
  const name = ctx.groupNames.get(id) ?? id;
  return g?.displayName ? `${g.displayName} (${name})` : name;
}

/**
 * The groups enclosing a group id, from the top level down to it (inclusive). Stops at an
 * unknown id or a cycle (the structure checks report those).
 */
export function groupChain(ctx: Context, id: string | undefined): string[] {
  const chain: string[] = [];
  const seen = new Set<string>();
  let g = id !== undefined ? ctx.groups.get(id) : undefined;
  while (g && !seen.has(g.id)) {
    seen.add(g.id);
    chain.unshift(g.id);
    g = g.parent !== undefined ? ctx.groups.get(g.parent) : undefined;
  }
  return chain;
}

/** The groups enclosing a task, top level first (exit tasks sit at the top level). */
export const taskChain = (ctx: Context, task: Task) => groupChain(ctx, task.group);

/** Is the task the exit task of an exit handler? */
export function isExitTask(ctx: Context, taskId: string): boolean {
  return (ctx.doc.groups ?? []).some((g) => g.kind === 'exitHandler' && g.exitTask === taskId);
}
