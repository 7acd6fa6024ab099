/**
 * Components in the generated Python: a container component made in the app becomes a
 * `@dsl.container_component` function returning `dsl.ContainerSpec(...)` with its
 * placeholders as Python expressions (`name`, `greeting.path`, `dsl.ConcatPlaceholder`);
 * any other component that is not in GCPC (Python-function components and pipelines kept
 * verbatim from a compiled spec, user components in the catalog) is loaded with
 * `components.load_component_from_text(...)` from the spec KFP itself would write for it.
 */
import type { CatalogEntry } from '../catalog/types';
import { componentSpecOf, executorOf, SDK_VERSION } from '../compiler/compile';
import { isArtifactType, type CommandLineItem, type ComponentInputDef, type ContainerComponentDef } from '../document/types';
import { SCHEMA_VERSION, sanitizeName, type JsonObject } from '../spec/pipeline-spec';
import type { PyImports } from './python-imports';
import { pyDocstring, pyLiteral, pyString, yamlSafeJson } from './python-literal';
import { isIdentifier } from './python-names';

/** One argument list or list literal: on one line when it fits, else one item a line. */
export function pyList(open: string, items: string[], close: string, indent: string, width = 88): string {
  const flat = `${open}${items.join(', ')}${close}`;
  if (items.length === 0 || (indent.length + flat.length <= width && !items.some((i) => i.includes('\n')))) return flat;
  return `${open}\n${items.map((i) => `${indent}    ${i},`).join('\n')}\n${indent}${close}`;
}

// ---------------------------------------------------------------- container components

function inputAnnotation(input: ComponentInputDef, imports: PyImports): string {
  const dsl = imports.kfpModule('dsl');
  const t = input.type;
  if (isArtifactType(t)) {
    const cls = imports.artifactClass(t);
    const inner = input.isList ? `${imports.typingName('List')}[${cls}]` : cls;
    const annotation = `${dsl}.Input[${inner}]`;
    return input.optional ? `${imports.typingName('Optional')}[${annotation}] = None` : annotation;
  }
  const py = imports.parameterType(t);
  if (t === 'TASK_FINAL_STATUS') return py;
  if (input.default !== undefined && input.default !== null) return `${py} = ${pyLiteral(input.default, t === 'NUMBER_DOUBLE')}`;
  if (input.optional || input.default === null) return `${imports.typingName('Optional')}[${py}] = None`;
  return py;
}

/** A command-line element as a Python expression inside the component function. */
function placeholderExpr(item: CommandLineItem, def: ContainerComponentDef, imports: PyImports, indent: string): string {
  const dsl = imports.kfpModule('dsl');
  const ref = (name: string) => (isIdentifier(name) ? name : `locals()[${pyString(name)}]`);
  if (typeof item === 'string') return pyString(item);
  if ('inputValue' in item) return ref(item.inputValue);
  if ('inputPath' in item) return `${ref(item.inputPath)}.path`;
  if ('inputUri' in item) return `${ref(item.inputUri)}.uri`;
  if ('inputMetadata' in item)
    return item.key === undefined ? `${ref(item.inputMetadata)}.metadata` : `${ref(item.inputMetadata)}.metadata[${pyString(item.key)}]`;
  if ('outputPath' in item) {
    const output = def.outputs.find((o) => o.name === item.outputPath);
    return output && !isArtifactType(output.type) ? ref(item.outputPath) : `${ref(item.outputPath)}.path`;
  }
  if ('outputUri' in item) return `${ref(item.outputUri)}.uri`;
  if ('outputMetadata' in item)
    return item.key === undefined ? `${ref(item.outputMetadata)}.metadata` : `${ref(item.outputMetadata)}.metadata[${pyString(item.key)}]`;
  if ('executorInput' in item) return `${dsl}.PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER`;
  const inner = indent + '    ';
  if ('concat' in item) return `${dsl}.ConcatPlaceholder(${placeholderList(item.concat, def, imports, inner)})`;
  const { input, then, else: otherwise } = item.ifPresent;
  const branch = (b: CommandLineItem | CommandLineItem[]) =>
    Array.isArray(b) ? placeholderList(b, def, imports, inner) : placeholderExpr(b, def, imports, inner);
  const args = [`input_name=${pyString(input)}`, `then=${branch(then)}`];
  if (otherwise !== undefined) args.push(`else_=${branch(otherwise)}`);
  return pyList(`${dsl}.IfPresentPlaceholder(`, args, ')', indent);
}

function placeholderList(items: CommandLineItem[], def: ContainerComponentDef, imports: PyImports, indent: string): string {
  return pyList('[', items.map((i) => placeholderExpr(i, def, imports, indent + '    ')), ']', indent);
}

/** A Google-style docstring: the description, then `Args:` with each input's and output's description. */
function docstring(def: ContainerComponentDef): string | undefined {
  const args = [...def.inputs, ...def.outputs].filter((io) => io.description);
  if (!def.description && args.length === 0) return undefined;
  const parts: string[] = [];
  if (def.description) parts.push(def.description.trim());
  if (args.length > 0) {
    if (parts.length > 0) parts.push('');
    parts.push('Args:', ...args.map((io) => `    ${io.name}: ${io.description!.trim().replace(/\n/g, '\n        ')}`));
  }
  return pyDocstring(parts.join('\n'), '    ');
}

/** `@dsl.container_component` `def <fn>(...)` for a container component made in the app. */
export function containerComponentSource(fn: string, def: ContainerComponentDef, imports: PyImports): string {
  const dsl = imports.kfpModule('dsl');
  const required: string[] = [];
  const optional: string[] = [];
  for (const input of def.inputs) {
    const annotation = inputAnnotation(input, imports);
    (annotation.includes(' = ') ? optional : required).push(`${input.name}: ${annotation}`);
  }
  const outputs = def.outputs.map((o) => {
    if (isArtifactType(o.type)) {
      const cls = imports.artifactClass(o.type);
      return `${o.name}: ${dsl}.Output[${o.isList ? `${imports.typingName('List')}[${cls}]` : cls}]`;
    }
    return `${o.name}: ${dsl}.OutputPath(${imports.parameterType(o.type)})`;
  });
  const signature = pyList(`def ${fn}(`, [...required, ...outputs, ...optional], '):', '');
  const spec = [`image=${pyString(def.image)}`];
  if (def.command.length > 0) spec.push(`command=${placeholderList(def.command, def, imports, '        ')}`);
  if (def.args.length > 0) spec.push(`args=${placeholderList(def.args, def, imports, '        ')}`);
  const doc = docstring(def);
  return [`@${dsl}.container_component`, signature, ...(doc ? [doc] : []), `    return ${pyList(`${dsl}.ContainerSpec(`, spec, ')', '    ')}`].join('\n');
}

// ---------------------------------------------------------------- components loaded from their spec

/**
 * The compiled spec of one component on its own, as `Compiler().compile(component)` writes
 * it and `components.load_component_from_text` reads it: a pipeline (graph component)
 * keeps its DAG; a single-step component is one task passing every input through.
 */
export function standaloneSpec(entry: CatalogEntry): JsonObject {
  const key = sanitizeName(entry.name) || 'component';
  const header = { pipelineInfo: { name: key }, schemaVersion: SCHEMA_VERSION, sdkVersion: SDK_VERSION };
  if (entry.graph)
    return {
      components: entry.graph.components,
      deploymentSpec: { executors: entry.graph.executors },
      ...header,
      root: entry.graph.root,
    };
  const spec = componentSpecOf(entry) as JsonObject;
  const inputs = (spec.inputDefinitions ?? {}) as { parameters?: JsonObject; artifacts?: JsonObject };
  const outputs = (spec.outputDefinitions ?? {}) as { parameters?: JsonObject; artifacts?: JsonObject };
  const passthrough = (group: JsonObject | undefined, field: string) =>
    Object.fromEntries(Object.keys(group ?? {}).map((name) => [name, { [field]: name }]));
  const taskInputs: JsonObject = {};
  if (inputs.artifacts) taskInputs.artifacts = passthrough(inputs.artifacts, 'componentInputArtifact');
  if (inputs.parameters) taskInputs.parameters = passthrough(inputs.parameters, 'componentInputParameter');
  const task: JsonObject = { cachingOptions: { enableCache: true }, componentRef: { name: `comp-${key}` }, taskInfo: { name: key } };
  if (Object.keys(taskInputs).length > 0) task.inputs = taskInputs;
  const dag: JsonObject = { tasks: { [key]: task } };
  const dagOutputs: JsonObject = {};
  if (outputs.artifacts)
    dagOutputs.artifacts = Object.fromEntries(
      Object.keys(outputs.artifacts).map((name) => [name, { artifactSelectors: [{ outputArtifactKey: name, producerSubtask: key }] }]),
    );
  if (outputs.parameters)
    dagOutputs.parameters = Object.fromEntries(
      Object.keys(outputs.parameters).map((name) => [name, { valueFromParameter: { outputParameterKey: name, producerSubtask: key } }]),
    );
  if (Object.keys(dagOutputs).length > 0) dag.outputs = dagOutputs;
  const root: JsonObject = { dag };
  if (spec.inputDefinitions) root.inputDefinitions = spec.inputDefinitions;
  if (spec.outputDefinitions) root.outputDefinitions = spec.outputDefinitions;
  return {
    components: { [`comp-${key}`]: { ...spec, executorLabel: `exec-${key}` } },
    deploymentSpec: { executors: { [`exec-${key}`]: executorOf(entry) as JsonObject } },
    ...header,
    root,
  };
}

/** What a loaded component is, for the comment above its loader. */
export function loadedComponentNote(entry: CatalogEntry): string {
  const what =
    entry.kind === 'graph'
      ? 'a pipeline used as a component'
      : entry.kind === 'python'
        ? 'a Python function component'
        : entry.kind === 'yaml'
          ? 'a YAML component'
          : 'a container component';
  const lines = [`# "${entry.name}" is ${what}, kept as compiled: KFP loads it from its spec.`];
  const env = (executorOf(entry) as { container?: { env?: unknown[] } }).container?.env;
  if (Array.isArray(env) && env.length > 0)
    lines.push('# KFP drops the environment variables of a loaded container; set them on its tasks with .set_env_variable().');
  return lines.join('\n');
}

/** `NAME_SPEC = r"""{…}"""`: the spec as JSON (which is YAML) in a raw string; JSON never holds `"""`. */
export function specConstant(constant: string, spec: JsonObject): string {
  return `${constant} = r"""\n${yamlSafeJson(spec)}\n"""`;
}
