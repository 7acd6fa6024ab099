/**
 * What component a task of an imported spec runs, in order of preference:
 *
 * 1. a catalog entry, when the spec's component has the same interface (descriptions aside)
 *    and executor (the task's resources and environment aside) and its task key comes from
 *    the entry's name; the file's descriptions are kept (`doc.descriptions`);
 * 2. a `dsl.importer` task, with its settings;
 * 3. a container component made in the app (`ContainerComponentDef`), when it writes back
 *    exactly the same component spec and executor;
 * 4. otherwise the component kept verbatim (Python-function components, graph components,
 *    anything with fields this version does not model).
 */
import { IMPORTER_ID } from '../catalog/builtins';
import type { Catalog } from '../catalog/catalog';
import { containerExecutor, embeddedEntry } from '../catalog/embedded';
import type { CatalogEntry } from '../catalog/types';
import { componentSpecOf } from '../compiler/compile';
import { withTaskSettings } from '../compiler/resources';
import { sanitizeName } from '../compiler/names';
import type {
  CommandLineItem,
  ComponentDescriptions,
  ComponentInputDef,
  ComponentOutputDef,
  ContainerComponentDef,
  EmbeddedComponent,
  EnvVar,
  ImporterSettings,
  TaskResources,
  VerbatimComponentDef,
} from '../document/types';
import { isParameterType, type ContainerSpec, type JsonObject, type JsonValue } from '../spec/pipeline-spec';
import { descriptionsOf, isObject, own, sameJson, withoutDescriptions } from './json-utils';

export interface ImportedComponent {
  /** Catalog id, `kfp.importer`, or the id of an embedded component (see `embedded`). */
  component: string;
  importer?: ImporterSettings;
  resources?: TaskResources;
  env?: EnvVar[];
  /** Descriptions the file gives a catalog (or importer) component. */
  descriptions?: ComponentDescriptions;
  /** A component to embed in the document under `component`. */
  embedded?: EmbeddedComponent;
}

export interface SpecParts {
  components: Record<string, JsonObject>;
  executors: Record<string, JsonObject>;
}

// ---------------------------------------------------------------- task settings

/** Task settings (resources, environment) split off an executor, when they write back exactly. */
function splitSettings(executor: JsonObject): { base: JsonObject; resources?: TaskResources; env?: EnvVar[] } {
  const container = executor.container;
  if (!isObject(container) || (container.resources === undefined && container.env === undefined)) return { base: executor };
  const { resources: r, env: e, ...rest } = container;
  let resources: TaskResources | undefined;
  if (isObject(r)) {
    const text = (v: JsonValue | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);
    const found: TaskResources = {};
    const set = (key: keyof Omit<TaskResources, 'acceleratorCount'>, v: JsonValue | undefined) => {
      const t = text(v);
      if (t !== undefined) found[key] = t;
    };
    set('cpuRequest', r.resourceCpuRequest);
    set('cpuLimit', r.resourceCpuLimit);
    set('memoryRequest', r.resourceMemoryRequest);
    set('memoryLimit', r.resourceMemoryLimit);
    if (isObject(r.accelerator)) {
      set('acceleratorType', r.accelerator.resourceType ?? r.accelerator.type);
      const count = Number(r.accelerator.resourceCount ?? r.accelerator.count);
      if (Number.isInteger(count) && count >= 0) found.acceleratorCount = count;
    }
    if (Object.keys(found).length > 0) resources = found;
  }
  let env: EnvVar[] | undefined;
  if (Array.isArray(e) && e.every((v) => isObject(v) && typeof v.name === 'string' && typeof v.value === 'string' && Object.keys(v).length === 2))
    env = e.map((v) => ({ name: (v as JsonObject).name as string, value: (v as JsonObject).value as string }));

  const attempt = (withResources: boolean, withEnv: boolean) => {
    const base: JsonObject = { ...rest };
    if (!withResources && r !== undefined) base.resources = r;
    if (!withEnv && e !== undefined) base.env = e;
    const res = withResources ? resources : undefined;
    const vars = withEnv ? env : undefined;
    if ((withResources && !res) || (withEnv && !vars)) return undefined;
    const rebuilt = withTaskSettings(base as ContainerSpec, res, vars);
    if (!sameJson(rebuilt, container)) return undefined;
    const out: { base: JsonObject; resources?: TaskResources; env?: EnvVar[] } = { base: { ...executor, container: base } };
    if (res) out.resources = res;
    if (vars) out.env = vars;
    return out;
  };
  return attempt(true, true) ?? attempt(true, false) ?? attempt(false, true) ?? { base: executor };
}

// ---------------------------------------------------------------- catalog

const indexCache = new WeakMap<Catalog, Map<string, CatalogEntry[]>>();

/** Catalog entries by the task key their name gives (`model-deploy`). */
function catalogIndex(catalog: Catalog): Map<string, CatalogEntry[]> {
  let index = indexCache.get(catalog);
  if (index) return index;
  index = new Map();
  for (const entry of catalog.entries.values()) {
    if (entry.kind === 'importer' || entry.kind === 'graph' || entry.verbatim || entry.graph) continue;
    const key = sanitizeName(entry.name);
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
  indexCache.set(catalog, index);
  return index;
}

/** The catalog entry a component of the spec is (same interface, descriptions aside, and executor). */
function catalogMatch(catalog: Catalog, key: string, comp: JsonObject, executor: JsonObject): CatalogEntry | undefined {
  const index = catalogIndex(catalog);
  const bases = [key];
  const m = /^(.*)-\d+$/.exec(key);
  if (m) bases.push(m[1]);
  for (const base of bases)
    for (const entry of index.get(base) ?? []) {
      if (!keyFromName(key, entry.name)) continue;
      // Entries without their executor yet are never matched: the app waits for them (ui/open-file).
      if (!entry.executor || !sameJson(entry.executor, executor)) continue;
      if (!sameJson(withoutDescriptions(entry.inputDefinitions as JsonValue), withoutDescriptions(comp.inputDefinitions))) continue;
      if (!sameJson(withoutDescriptions(entry.outputDefinitions as JsonValue), withoutDescriptions(comp.outputDefinitions))) continue;
      return entry;
    }
  return undefined;
}

/** Does the task key come from this component name (`name`, `name-2`, …)? */
function keyFromName(key: string, name: string): boolean {
  const base = sanitizeName(name);
  return key === base || (key.startsWith(`${base}-`) && /^\d+$/.test(key.slice(base.length + 1)));
}

/** The descriptions a document must hold so that the entry compiles with the file's texts. */
function fileDescriptions(entry: CatalogEntry, comp: JsonObject): ComponentDescriptions | undefined {
  const inputs = descriptionsOf(comp.inputDefinitions);
  const outputs = descriptionsOf(comp.outputDefinitions);
  const ours = componentSpecOf(entry);
  if (sameJson(descriptionsOf(ours.inputDefinitions as JsonValue), inputs) && sameJson(descriptionsOf(ours.outputDefinitions as JsonValue), outputs))
    return undefined;
  const out: ComponentDescriptions = {};
  if (Object.keys(inputs).length > 0) out.inputs = inputs;
  if (Object.keys(outputs).length > 0) out.outputs = outputs;
  return out;
}

// ---------------------------------------------------------------- importer

function importerTask(comp: JsonObject, executor: JsonObject, uriConstant: JsonValue | undefined): ImportedComponent | undefined {
  const imp = executor.importer;
  if (!isObject(imp) || Object.keys(executor).length !== 1) return undefined;
  const known = new Set(['artifactUri', 'typeSchema', 'metadata', 'reimport', 'downloadToWorkspace']);
  if (Object.keys(imp).some((k) => !known.has(k))) return undefined;
  const type = imp.typeSchema;
  if (!isObject(type) || typeof type.schemaTitle !== 'string' || typeof type.schemaVersion !== 'string' || Object.keys(type).length !== 2) return undefined;
  const settings: ImporterSettings = { artifactType: { schemaTitle: type.schemaTitle, schemaVersion: type.schemaVersion } };
  if (imp.reimport === true) settings.reimport = true;
  else if (imp.reimport !== undefined) return undefined;
  if (imp.downloadToWorkspace === true) settings.downloadToWorkspace = true;
  else if (imp.downloadToWorkspace !== undefined) return undefined;
  if (imp.metadata !== undefined) {
    if (!isObject(imp.metadata) || Object.keys(imp.metadata).length === 0) return undefined;
    settings.metadata = structuredClone(imp.metadata);
  }
  // The URI: a constant when the task passes one, else the task's `uri` input at run time.
  const uri = imp.artifactUri;
  if (!isObject(uri)) return undefined;
  if (own(uri, 'constant')) {
    if (typeof uriConstant !== 'string' || uri.constant !== uriConstant || Object.keys(uri).length !== 1) return undefined;
  } else if (!(uri.runtimeParameter === 'uri' && Object.keys(uri).length === 1 && typeof uriConstant !== 'string')) return undefined;
  // KFP's importer component: a `uri` parameter in, one `artifact` out.
  const want = {
    inputDefinitions: { parameters: { uri: { parameterType: 'STRING' } } },
    outputDefinitions: { artifacts: { artifact: { artifactType: settings.artifactType } } },
  };
  const { executorLabel: _l, ...rest } = comp;
  const bare = { ...rest, inputDefinitions: withoutDescriptions(rest.inputDefinitions), outputDefinitions: withoutDescriptions(rest.outputDefinitions) };
  if (!sameJson(bare, want)) return undefined;
  const inputs = descriptionsOf(comp.inputDefinitions);
  const outputs = descriptionsOf(comp.outputDefinitions);
  const descriptions: ComponentDescriptions = {};
  if (Object.keys(inputs).length > 0) descriptions.inputs = inputs;
  if (Object.keys(outputs).length > 0) descriptions.outputs = outputs;
  return { component: IMPORTER_ID, importer: settings, descriptions };
}

// ---------------------------------------------------------------- container components

const PLACEHOLDERS: Array<[RegExp, (m: RegExpExecArray) => CommandLineItem]> = [
  [/^\{\{\$\.inputs\.parameters\['([^']+)'\]\}\}$/, (m) => ({ inputValue: m[1] })],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.path\}\}$/, (m) => ({ inputPath: m[1] })],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.uri\}\}$/, (m) => ({ inputUri: m[1] })],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.metadata\}\}$/, (m) => ({ inputMetadata: m[1] })],
  [/^\{\{\$\.inputs\.artifacts\['([^']+)'\]\.metadata\['([^']+)'\]\}\}$/, (m) => ({ inputMetadata: m[1], key: m[2] })],
  [/^\{\{\$\.outputs\.parameters\['([^']+)'\]\.output_file\}\}$/, (m) => ({ outputPath: m[1] })],
  [/^\{\{\$\.outputs\.artifacts\['([^']+)'\]\.path\}\}$/, (m) => ({ outputPath: m[1] })],
  [/^\{\{\$\.outputs\.artifacts\['([^']+)'\]\.uri\}\}$/, (m) => ({ outputUri: m[1] })],
  [/^\{\{\$\.outputs\.artifacts\['([^']+)'\]\.metadata\}\}$/, (m) => ({ outputMetadata: m[1] })],
  [/^\{\{\$\.outputs\.artifacts\['([^']+)'\]\.metadata\['([^']+)'\]\}\}$/, (m) => ({ outputMetadata: m[1], key: m[2] })],
  [/^\{\{\$\}\}$/, () => ({ executorInput: true })],
];

/** A Concat/IfPresent structure (parsed JSON) as a command-line element. */
function structItem(v: JsonValue, depth: number): CommandLineItem | undefined {
  if (depth > 20) return undefined;
  if (typeof v === 'string') return stringItem(v, depth);
  if (!isObject(v)) return undefined;
  if (Array.isArray(v.Concat) && Object.keys(v).length === 1) {
    const parts = v.Concat.map((x) => structItem(x, depth + 1));
    return parts.every((p) => p !== undefined) ? { concat: parts as CommandLineItem[] } : undefined;
  }
  if (isObject(v.IfPresent) && Object.keys(v).length === 1) {
    const ip = v.IfPresent;
    if (typeof ip.InputName !== 'string') return undefined;
    const branch = (b: JsonValue | undefined) =>
      Array.isArray(b) ? (b.map((x) => structItem(x, depth + 1)) as Array<CommandLineItem | undefined>) : b === undefined ? undefined : structItem(b, depth + 1);
    const then = branch(ip.Then);
    if (then === undefined || (Array.isArray(then) && then.some((x) => x === undefined))) return undefined;
    const out: { input: string; then: CommandLineItem | CommandLineItem[]; else?: CommandLineItem | CommandLineItem[] } = {
      input: ip.InputName,
      then: then as CommandLineItem | CommandLineItem[],
    };
    if (ip.Else !== undefined) {
      const otherwise = branch(ip.Else);
      if (otherwise === undefined || (Array.isArray(otherwise) && otherwise.some((x) => x === undefined))) return undefined;
      out.else = otherwise as CommandLineItem | CommandLineItem[];
    }
    return { ifPresent: out };
  }
  return undefined;
}

/** One command-line string as a placeholder, a Concat/IfPresent, or literal text. */
function stringItem(s: string, depth = 0): CommandLineItem {
  for (const [re, make] of PLACEHOLDERS) {
    const m = re.exec(s);
    if (m) return make(m);
  }
  if (s.startsWith('{"Concat"') || s.startsWith('{"IfPresent"')) {
    try {
      const parsed = structItem(JSON.parse(s) as JsonValue, depth);
      if (parsed) return parsed;
    } catch {
      // not JSON: literal text
    }
  }
  return s;
}

const IO_KEYS = new Set(['parameterType', 'artifactType', 'defaultValue', 'isOptional', 'isArtifactList', 'description']);

function ioDefs(defs: JsonValue | undefined, input: boolean): Array<ComponentInputDef | ComponentOutputDef> | undefined {
  const out: Array<ComponentInputDef | ComponentOutputDef> = [];
  if (defs === undefined) return out;
  if (!isObject(defs) || Object.keys(defs).some((k) => k !== 'parameters' && k !== 'artifacts')) return undefined;
  for (const [name, spec] of Object.entries((defs.artifacts ?? {}) as JsonObject)) {
    if (!isObject(spec) || Object.keys(spec).some((k) => !IO_KEYS.has(k)) || !isObject(spec.artifactType)) return undefined;
    const t = spec.artifactType;
    if (typeof t.schemaTitle !== 'string' || typeof t.schemaVersion !== 'string' || Object.keys(t).length !== 2) return undefined;
    const io: ComponentInputDef = { name, type: { schemaTitle: t.schemaTitle, schemaVersion: t.schemaVersion } };
    if (spec.isArtifactList === true) io.isList = true;
    if (input && spec.isOptional === true) io.optional = true;
    if (typeof spec.description === 'string') io.description = spec.description;
    out.push(io);
  }
  for (const [name, spec] of Object.entries((defs.parameters ?? {}) as JsonObject)) {
    if (!isObject(spec) || Object.keys(spec).some((k) => !IO_KEYS.has(k))) return undefined;
    const type = spec.parameterType;
    if (!(isParameterType(type) || (input && type === 'TASK_FINAL_STATUS'))) return undefined;
    const io: ComponentInputDef = { name, type };
    if (input && spec.defaultValue !== undefined) io.default = structuredClone(spec.defaultValue);
    else if (input && spec.isOptional === true) io.optional = true;
    if (typeof spec.description === 'string') io.description = spec.description;
    out.push(io);
  }
  return out;
}

/** A Python-function component (KFP 2's `kfp.dsl.executor_main`, KFP 1.8's `kfp.v2.components.executor_main`): kept verbatim. */
const isPython = (executor: JsonObject) => /\bexecutor_main\b/.test(JSON.stringify(executor.container ?? ''));

/** The spec's component as one made in the app, if it writes back exactly the same. */
function containerComponent(name: string, comp: JsonObject, executor: JsonObject): ContainerComponentDef | undefined {
  const container = executor.container;
  if (!isObject(container) || Object.keys(executor).length !== 1 || isPython(executor)) return undefined;
  if (Object.keys(container).some((k) => k !== 'image' && k !== 'command' && k !== 'args') || typeof container.image !== 'string') return undefined;
  if (Object.keys(comp).some((k) => k !== 'executorLabel' && k !== 'inputDefinitions' && k !== 'outputDefinitions')) return undefined;
  const inputs = ioDefs(comp.inputDefinitions, true);
  const outputs = ioDefs(comp.outputDefinitions, false);
  if (!inputs || !outputs) return undefined;
  // What the app's container components allow (the validator's rules): Python identifiers,
  // each used once across inputs and outputs, a name and an image.
  const names = [...inputs, ...outputs].map((io) => io.name);
  if (names.some((n) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) || new Set(names).size !== names.length) return undefined;
  if (!sanitizeName(name) || !container.image.trim()) return undefined;
  const strings = (v: JsonValue | undefined) => (v === undefined ? [] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined);
  const command = strings(container.command);
  const args = strings(container.args);
  if (!command || !args) return undefined;
  const def: ContainerComponentDef = {
    kind: 'container',
    name,
    inputs: inputs as ComponentInputDef[],
    outputs: outputs as ComponentOutputDef[],
    image: container.image,
    command: command.map((s) => stringItem(s)),
    args: args.map((s) => stringItem(s)),
  };
  // Written back exactly? (Interface with descriptions, and the executor.)
  const entry = embeddedEntry('check', def);
  const { executorLabel: _label, ...wantComp } = comp;
  if (!sameJson(componentSpecOf(entry), wantComp)) return undefined;
  if (!sameJson(containerExecutor(def), executor)) return undefined;
  return def;
}

// ---------------------------------------------------------------- entry point

/**
 * The component of a (non-group) task with key `key` running `compName`. `uriConstant`: the
 * constant the task passes to `uri` (importers). `name`: the component name the key comes
 * from. An embedded component comes back in `embedded`, with `component` left empty for the
 * caller to fill in.
 */
export function importComponent(
  parts: SpecParts,
  catalog: Catalog,
  key: string,
  name: string,
  compName: string,
  uriConstant: JsonValue | undefined,
): ImportedComponent {
  const comp = parts.components[compName];
  const label = comp.executorLabel;
  const raw = typeof label === 'string' ? parts.executors[label] : undefined;
  if (comp.dag !== undefined || !raw) return { component: '', embedded: graphComponent(parts, compName, name) };

  const imported = importerTask(comp, raw, uriConstant);
  if (imported && keyFromName(key, 'importer')) return imported;

  const { base, resources, env } = splitSettings(raw);
  const settings = { ...(resources ? { resources } : {}), ...(env ? { env } : {}) };
  const onlyInterface = Object.keys(comp).every((k) => k === 'executorLabel' || k === 'inputDefinitions' || k === 'outputDefinitions');
  if (onlyInterface) {
    const entry = catalogMatch(catalog, key, comp, base);
    if (entry) {
      const out: ImportedComponent = { component: entry.id, ...settings };
      const descriptions = fileDescriptions(entry, comp);
      if (descriptions) out.descriptions = descriptions;
      return out;
    }
  }
  const container = containerComponent(name, comp, base);
  if (container) return { component: '', embedded: container, ...settings };
  const { executorLabel: _label, ...spec } = comp;
  return { component: '', embedded: { kind: 'verbatim', name, spec: structuredClone(spec), executor: structuredClone(base) }, ...settings };
}

/** A graph component (a pipeline used as a component) with everything its DAG reaches. */
function graphComponent(parts: SpecParts, compName: string, name: string): VerbatimComponentDef {
  const { components, executors } = parts;
  const usedComponents: Record<string, JsonObject> = {};
  const usedExecutors: Record<string, JsonObject> = {};
  const todo = [components[compName]];
  while (todo.length > 0) {
    const c = todo.pop()!;
    const tasks = (isObject(c.dag) && isObject(c.dag.tasks) ? c.dag.tasks : {}) as Record<string, JsonObject>;
    for (const task of Object.values(tasks)) {
      const ref = (task.componentRef as JsonObject).name as string;
      if (own(usedComponents, ref)) continue;
      usedComponents[ref] = structuredClone(components[ref]);
      const label = components[ref].executorLabel;
      if (typeof label === 'string' && own(executors, label)) usedExecutors[label] = structuredClone(executors[label]);
      todo.push(components[ref]);
    }
  }
  const root = components[compName];
  const { executorLabel: _label, ...spec } = root;
  const def: VerbatimComponentDef = { kind: 'verbatim', name, spec: structuredClone(spec) };
  if (typeof root.executorLabel === 'string' && own(executors, root.executorLabel)) def.executor = structuredClone(executors[root.executorLabel]);
  if (root.dag !== undefined) {
    def.components = usedComponents;
    def.executors = usedExecutors;
  }
  return def;
}
