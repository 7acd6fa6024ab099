/**
 * What the pieces of the Python generator share: the document, each task's component and
 * task key, the file's names and imports, how each component is called, and the variable
 * of each task and loop item. Built once per export by `buildContext`.
 */
import type { Catalog } from '../catalog/catalog';
import { IMPORTER_ID } from '../catalog/builtins';
import { moduleOfId } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import type { CatalogEntry } from '../catalog/types';
import { taskKeys } from '../compiler/compile';
import {
  bindingTasks,
  isOneOf,
  isTaskOutput,
  type Group,
  type LoopGroup,
  type PipelineDocument,
  type Task,
} from '../document/types';
import { sanitizeName } from '../spec/pipeline-spec';
import { containerComponentSource, loadedComponentNote, specConstant, standaloneSpec } from './python-components';
import { PyImports } from './python-imports';
import { yamlSafeJson } from './python-literal';
import { PyNames, snakeCase } from './python-names';

export interface PythonOptions {
  /** Write a standalone condition as `dsl.Condition` (KFP's older name, same output) instead of `dsl.If`. */
  legacyCondition?: boolean;
  /** The file the final compile line writes; `<pipeline name>.yaml` by default. */
  packagePath?: string;
}

export interface PyContext {
  doc: PipelineDocument;
  options: PythonOptions;
  names: PyNames;
  imports: PyImports;
  /** Local name of `kfp.dsl`. */
  dsl: string;
  entries: Map<string, CatalogEntry>;
  keys: Map<string, string>;
  /** Task id → what to call (`ModelDeployOp`, `write_greeting`, `dsl.importer`). */
  callee: Map<string, string>;
  /** Task id → its variable, for the tasks something refers to or configures. */
  taskVar: Map<string, string>;
  /** Loop group id → its item variable. */
  loopVar: Map<string, string>;
  groups: Map<string, Group>;
  /** Module-level definitions: container component functions and component loaders. */
  definitions: string[];
}

const GCPC_ID = /^v1\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

export const isImporter = (doc: PipelineDocument, t: Task) => t.component === IMPORTER_ID && !doc.components?.[IMPORTER_ID];

/** Does the task need a variable: something reads it, runs after it, or it has options? */
function referencedTasks(doc: PipelineDocument): Set<string> {
  const out = new Set<string>();
  for (const t of doc.tasks) {
    for (const b of Object.values(t.inputs)) bindingTasks(b).forEach((id) => out.add(id));
    t.after.forEach((id) => out.add(id));
    if (
      t.displayName ||
      !t.caching ||
      t.after.length > 0 ||
      t.retries !== undefined ||
      t.ignoreUpstreamFailure ||
      (t.env && t.env.length > 0) ||
      (t.resources && Object.keys(t.resources).length > 0)
    )
      out.add(t.id);
  }
  for (const g of doc.groups ?? []) {
    if (g.kind === 'exitHandler') out.add(g.exitTask);
    if (g.kind === 'loop' && isTaskOutput(g.items)) out.add(g.items.task);
    if (g.kind === 'condition' && g.condition)
      for (const o of [g.condition.left, g.condition.right]) if ('task' in o && typeof o.task === 'string') out.add(o.task);
  }
  for (const o of doc.outputs ?? []) (isOneOf(o.source) ? o.source.oneOf : [o.source]).forEach((r) => out.add(r.task));
  return out;
}

/** `display_names` → `display_name`, `entries` → `entry`; otherwise `item`. */
function loopVarBase(g: LoopGroup): string {
  if (!('parameter' in g.items)) return 'item';
  const name = snakeCase(g.items.parameter);
  if (/[^s]ies$/.test(name)) return `${name.slice(0, -3)}y`;
  if (/[^s]s$/.test(name)) return name.slice(0, -1);
  return 'item';
}

export function buildContext(doc: PipelineDocument, catalog: Catalog, options: PythonOptions): PyContext {
  const entries = new Map<string, CatalogEntry>();
  for (const t of doc.tasks) {
    const entry = taskEntry(doc, catalog, t);
    if (!entry) throw new Error(`Task ${t.id} uses the unknown component "${t.component}".`);
    entries.set(t.id, entry);
  }
  const names = new PyNames();
  // Names that cannot change: pipeline parameters and the inputs/outputs of components made here.
  for (const p of [...doc.parameters, ...(doc.artifactInputs ?? [])]) names.fix(p.name);
  for (const def of Object.values(doc.components ?? {}))
    if (def.kind === 'container') for (const io of [...def.inputs, ...def.outputs]) names.fix(io.name);
  const imports = new PyImports(names);
  const ctx: PyContext = {
    doc,
    options,
    names,
    imports,
    dsl: imports.kfpModule('dsl'),
    entries,
    keys: taskKeys(doc, catalog),
    callee: new Map(),
    taskVar: new Map(),
    loopVar: new Map(),
    groups: new Map((doc.groups ?? []).map((g) => [g.id, g])),
    definitions: [],
  };
  imports.kfpModule('compiler');
  resolveComponents(ctx);
  return ctx;
}

/** How each task's component is called; the definitions of components made here or loaded. */
function resolveComponents(ctx: PyContext): void {
  const { doc, imports, names } = ctx;
  const byComponent = new Map<string, string>();
  const loaders = new Map<string, string>();
  for (const t of doc.tasks) {
    if (isImporter(doc, t)) {
      ctx.callee.set(t.id, `${ctx.dsl}.importer`);
      continue;
    }
    const known = byComponent.get(t.component);
    if (known) {
      ctx.callee.set(t.id, known);
      continue;
    }
    const entry = ctx.entries.get(t.id)!;
    const def = doc.components?.[t.component];
    let callee: string;
    const gcpc = GCPC_ID.exec(t.component);
    if (def?.kind === 'container') {
      callee = names.takeComponentFunction(sanitizeName(def.name));
      ctx.definitions.push(containerComponentSource(callee, def, imports));
    } else if (!def && gcpc) {
      callee = imports.gcpcComponent(moduleOfId(t.component), gcpc[2]);
    } else {
      const spec = standaloneSpec(entry);
      const text = yamlSafeJson(spec);
      const same = loaders.get(text);
      if (same) callee = same;
      else {
        const components = imports.kfpModule('components');
        const base = snakeCase(sanitizeName(entry.name), 'component');
        callee = names.take(base);
        const constant = names.take(`${base.toUpperCase().replace(/^_+/, '')}_SPEC`);
        ctx.definitions.push(
          [loadedComponentNote(entry), specConstant(constant, spec), `${callee} = ${components}.load_component_from_text(${constant})`].join('\n'),
        );
        loaders.set(text, callee);
      }
    }
    byComponent.set(t.component, callee);
    ctx.callee.set(t.id, callee);
  }
}

/** Variables of referenced tasks (from their task keys) and of loop items. */
export function nameVariables(ctx: PyContext): void {
  const used = referencedTasks(ctx.doc);
  for (const t of ctx.doc.tasks)
    if (used.has(t.id)) ctx.taskVar.set(t.id, ctx.names.takeWithSuffix(snakeCase(ctx.keys.get(t.id)!, 'task'), 'task'));
  for (const g of ctx.doc.groups ?? []) if (g.kind === 'loop') ctx.loopVar.set(g.id, ctx.names.take(loopVarBase(g)));
}
