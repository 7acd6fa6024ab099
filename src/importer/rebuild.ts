/**
 * A checked PipelineSpec → a document: the pipeline's interface, every task with its
 * component, bindings and options, the control-flow groups (conditions, If/Elif/Else, loops,
 * exit handlers) with their conditions and loop items, `.after` edges, and the pipeline
 * outputs. What the document cannot say is left for the kept parts (`kept-diff.ts`).
 *
 * Task order matters to KFP (the `-2`, `-3` suffixes of task keys follow creation order),
 * so tasks are put in an order that puts producers first and `x` before `x-2`
 * (`renumber.ts`); groups are listed depth-first with siblings by the number in their name,
 * which gives back KFP's `condition-N` / `for-loop-N` numbering.
 */
import type { Catalog } from '../catalog/catalog';
import { sanitizeName } from '../compiler/names';
import {
  DOCUMENT_FORMAT,
  DOCUMENT_VERSION,
  type Binding,
  type ComponentDescriptions,
  type EmbeddedComponent,
  type Group,
  type PipelineDocument,
  type Task,
  type TemplatePart,
} from '../document/types';
import { isParameterType, type JsonObject, type JsonValue } from '../spec/pipeline-spec';
import { importComponent, type ImportedComponent, type SpecParts } from './components';
import { compareKeys, isObject, own, sameJson } from './json-utils';
import { addAfterEdges } from './rebuild-after';
import { buildGroup, findExitTasks, GROUP_KEY, groupKind, orderedGroups } from './rebuild-groups';
import { pipelineInputs, pipelineOutputs } from './rebuild-interface';
import { ALL_DONE, obj, type RebuildState } from './rebuild-state';
import { renumber } from './renumber';
import { resolveSpec, type GroupRec, type Resolved, type Scope, type TaskRec } from './resolve-channels';

function toBinding(r: Resolved): Binding {
  if ('collected' in r) return { ...r.collected, collected: true };
  if ('oneOf' in r) return { oneOf: r.oneOf };
  return { ...r.source } as Binding;
}

export class Rebuilder implements RebuildState {
  readonly tasks = new Map<string, TaskRec>();
  readonly groups = new Map<string, GroupRec>();
  readonly rootInputs: Set<string>;
  readonly parts: SpecParts;
  readonly root: Scope;
  readonly docTasks = new Map<string, Task>();
  readonly docGroups = new Map<string, Group>();
  readonly exitTasks = new Map<string, GroupRec>();
  private readonly components: Record<string, EmbeddedComponent> = {};
  private readonly componentIds = new Map<string, string>();
  private readonly embeddedIds = new WeakMap<EmbeddedComponent, string>();
  private readonly descriptions: Record<string, ComponentDescriptions> = {};
  private readonly allKeys = new Set<string>();
  /** Tasks of one component (same spec, executor and name) import the same way. */
  private readonly importedCache = new Map<string, ImportedComponent>();
  private walk = 0;

  constructor(
    readonly spec: JsonObject,
    private readonly catalog: Catalog,
  ) {
    this.parts = {
      components: obj(spec.components) as Record<string, JsonObject>,
      executors: obj(obj(spec.deploymentSpec).executors) as Record<string, JsonObject>,
    };
    const rootSpec = obj(spec.root);
    const inputs = obj(rootSpec.inputDefinitions);
    this.rootInputs = new Set([
      ...Object.entries(obj(inputs.parameters))
        .filter(([, p]) => isParameterType(obj(p).parameterType))
        .map(([name]) => name),
      ...Object.keys(obj(inputs.artifacts)),
    ]);
    this.root = { comp: rootSpec, tasks: obj(obj(rootSpec.dag).tasks) as Record<string, JsonObject> };
  }

  /** Records the tasks and groups of a DAG, then of its groups' DAGs. */
  private walkScope(scope: Scope): void {
    const groups: GroupRec[] = [];
    for (const key of Object.keys(scope.tasks).sort(compareKeys)) {
      const t = scope.tasks[key];
      const kind = groupKind(this.parts.components, key, t, scope);
      if (kind) {
        const comp = this.parts.components[String(obj(t.componentRef).name)];
        const g: GroupRec = {
          key,
          number: Number(GROUP_KEY.exec(key)![2]),
          kind,
          spec: t,
          parent: scope,
          scope: { comp, tasks: obj(obj(comp.dag).tasks) as Record<string, JsonObject> },
          id: `G:${key}`,
        };
        g.scope.group = g;
        const iterator = obj(t.parameterIterator ?? t.artifactIterator);
        if (typeof iterator.itemInput === 'string') g.itemInput = iterator.itemInput;
        this.groups.set(key, g);
        groups.push(g);
      } else {
        this.allKeys.add(key);
        this.tasks.set(key, { key, spec: t, scope, id: `T:${key}`, walk: this.walk++ });
      }
    }
    groups.sort((a, b) => a.number - b.number);
    for (const g of groups) this.walkScope(g.scope);
  }

  /** The name a task key comes from: `foo-2` → `foo` when a task `foo` exists. */
  private nameOfKey(key: string): string {
    const m = /^(.*)-(\d+)$/.exec(key);
    return m && Number(m[2]) >= 2 && this.allKeys.has(m[1]) ? m[1] : key;
  }

  private embed(def: EmbeddedComponent): string {
    const same = this.embeddedIds.get(def);
    if (same) return same;
    // Built the same way from sorted specs: equal components give equal text.
    const text = JSON.stringify(def);
    const known = this.componentIds.get(text);
    if (known) return known;
    const base = `custom.${sanitizeName(def.name) || 'component'}`;
    let id = base;
    for (let i = 2; own(this.components, id); i++) id = `${base}-${i}`;
    this.components[id] = def;
    this.componentIds.set(text, id);
    this.embeddedIds.set(def, id);
    return id;
  }

  // ---------------------------------------------------------------- tasks

  private buildTask(rec: TaskRec): Task {
    const t = rec.spec;
    const compName = String(obj(t.componentRef).name);
    const comp = this.parts.components[compName];
    const params = obj(obj(t.inputs).parameters);
    const uri = obj(params.uri).runtimeValue;
    const uriConstant = isObject(uri) ? uri.constant : undefined;
    const name = this.nameOfKey(rec.key);
    const label = comp.executorLabel;
    // KFP writes keys sorted, so equal components give equal text.
    const cacheKey = JSON.stringify([name, comp, typeof label === 'string' ? this.parts.executors[label] ?? null : null, uriConstant ?? null, rec.key === name]);
    let imported = comp.dag === undefined ? this.importedCache.get(cacheKey) : undefined;
    if (!imported) {
      imported = importComponent(this.parts, this.catalog, rec.key, name, compName, uriConstant);
      if (comp.dag === undefined) this.importedCache.set(cacheKey, imported);
    }
    if (imported.descriptions && own(this.descriptions, imported.component) && !sameJson(this.descriptions[imported.component], imported.descriptions)) {
      // Two tasks of one catalog component with different descriptions: keep this one verbatim.
      const { executorLabel: _l, ...spec } = comp;
      const executor = typeof label === 'string' ? this.parts.executors[label] : undefined;
      imported = { component: '', embedded: { kind: 'verbatim', name, spec: structuredClone(spec), ...(executor ? { executor: structuredClone(executor) } : {}) } };
    }
    if (imported.descriptions) this.descriptions[imported.component] = imported.descriptions;
    const component = imported.embedded ? this.embed(imported.embedded) : imported.component;

    const task: Task = { id: rec.id, component, caching: true, after: [], inputs: {}, position: { x: 0, y: 0 } };
    if (rec.scope.group) task.group = rec.scope.group.id;
    const caching = t.cachingOptions;
    if (isObject(caching) && Object.keys(caching).length === 0) task.caching = false;
    const name2 = obj(t.taskInfo).name;
    if (typeof name2 === 'string' && name2 !== rec.key) task.displayName = name2;
    if (isObject(t.retryPolicy)) this.retry(task, t.retryPolicy);
    if (imported.resources) task.resources = imported.resources;
    if (imported.env) task.env = imported.env;
    if (imported.importer) task.importer = imported.importer;
    if (obj(t.triggerPolicy).strategy === ALL_DONE && !this.exitTasks.has(rec.key)) task.ignoreUpstreamFailure = true;

    const declared = new Set([...Object.keys(obj(obj(comp.inputDefinitions).parameters)), ...Object.keys(obj(obj(comp.inputDefinitions).artifacts))]);
    task.inputs = this.bindings(rec, declared);
    return task;
  }

  private retry(task: Task, rp: JsonObject): void {
    const seconds = (v: JsonValue | undefined) => {
      const m = typeof v === 'string' ? /^(\d+)s$/.exec(v) : null;
      return m ? Number(m[1]) : undefined;
    };
    const count = Number(rp.maxRetryCount ?? 0);
    task.retries = Number.isInteger(count) && count >= 0 ? count : 0;
    const backoff: NonNullable<Task['retryBackoff']> = {};
    const duration = seconds(rp.backoffDuration);
    if (duration) backoff.duration = duration;
    if (typeof rp.backoffFactor === 'number' && rp.backoffFactor !== 2 && rp.backoffFactor > 0) backoff.factor = rp.backoffFactor;
    const max = seconds(rp.backoffMaxDuration);
    if (max !== undefined && max !== 3600) backoff.maxDuration = max;
    if (Object.keys(backoff).length > 0) task.retryBackoff = backoff;
  }

  private bindings(rec: TaskRec, declared: ReadonlySet<string>): Record<string, Binding> {
    const inputs = obj(rec.spec.inputs);
    const params = obj(inputs.parameters);
    const out: Record<string, Binding> = {};
    for (const [name, raw] of Object.entries(params)) {
      if (!declared.has(name) || !isObject(raw)) continue;
      if (raw.taskFinalStatus !== undefined) continue; // filled in by KFP
      if (isObject(raw.runtimeValue) && own(raw.runtimeValue, 'constant')) {
        const constant = raw.runtimeValue.constant as JsonValue;
        out[name] = (typeof constant === 'string' && this.template(rec, constant, params, declared)) || { constant: structuredClone(constant) };
        continue;
      }
      const r = resolveSpec(this, rec.scope, raw);
      if (r) out[name] = toBinding(r);
    }
    for (const [name, raw] of Object.entries(obj(inputs.artifacts))) {
      if (!declared.has(name) || !isObject(raw)) continue;
      const r = resolveSpec(this, rec.scope, raw);
      if (r) out[name] = toBinding(r);
    }
    return out;
  }

  /** An f-string: a constant whose placeholders name inputs KFP injected for it. */
  private template(rec: TaskRec, text: string, params: JsonObject, declared: ReadonlySet<string>): Binding | undefined {
    const re = /\{\{\$\.inputs\.parameters\['([^']+)'\]\}\}/g;
    const parts: TemplatePart[] = [];
    let last = 0;
    let any = false;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const injected = m[1];
      if (declared.has(injected) || !isObject(params[injected])) continue;
      const r = resolveSpec(this, rec.scope, params[injected] as JsonObject);
      if (!r || !('source' in r)) return undefined;
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push(r.source);
      last = m.index + m[0].length;
      any = true;
    }
    if (!any) return undefined;
    if (last < text.length) parts.push(text.slice(last));
    return { template: parts };
  }

  /** The document (tasks and groups with their final ids, positions still at 0,0). */
  build(): PipelineDocument {
    const info = obj(this.spec.pipelineInfo);
    const doc: PipelineDocument = { format: DOCUMENT_FORMAT, version: DOCUMENT_VERSION, name: String(info.name), parameters: [], tasks: [] };
    if (typeof info.displayName === 'string' && info.displayName) doc.displayName = info.displayName;
    if (typeof info.description === 'string' && info.description) doc.description = info.description;
    if (typeof this.spec.defaultPipelineRoot === 'string' && this.spec.defaultPipelineRoot) doc.pipelineRoot = this.spec.defaultPipelineRoot;
    pipelineInputs(this, doc);

    this.walkScope(this.root);
    findExitTasks(this);
    for (const rec of this.tasks.values()) this.docTasks.set(rec.key, this.buildTask(rec));
    for (const g of this.groups.values()) this.docGroups.set(g.key, buildGroup(this, g));
    addAfterEdges(this);
    const outputs = pipelineOutputs(this);
    if (outputs.length > 0) doc.outputs = outputs;

    doc.tasks = [...this.docTasks.values()];
    const groups = orderedGroups(this);
    if (groups.length > 0) doc.groups = groups;
    if (Object.keys(this.components).length > 0) doc.components = this.components;
    if (Object.keys(this.descriptions).length > 0) doc.descriptions = this.descriptions;
    return renumber(doc, [...this.tasks.values()]);
  }
}
