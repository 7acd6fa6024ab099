/**
 * Stable JSON for a document: 2-space indent, trailing newline, fields in a fixed order
 * (format and version first), inputs sorted by name, components by id. Constants are
 * written as given. Empty version-2 lists are left out.
 */
import type { JsonValue } from '../spec/pipeline-spec';
import {
  isConstant,
  isLoopItemRef,
  isOneOf,
  isParameterRef,
  isTaskOutput,
  isTemplate,
  type Binding,
  type CommandLineItem,
  type Condition,
  type EmbeddedComponent,
  type Group,
  type Operand,
  type PipelineDocument,
  type PipelineOutput,
  type Source,
  type Task,
} from './types';

function source(s: Source): Source {
  if (isParameterRef(s)) return { parameter: s.parameter };
  if (isLoopItemRef(s)) return { loopItem: s.loopItem, field: s.field };
  return { task: s.task, output: s.output };
}

function binding(b: Binding): Binding {
  if (isConstant(b)) return { constant: b.constant };
  if (isParameterRef(b)) return { parameter: b.parameter };
  if (isTaskOutput(b)) return b.collected ? { task: b.task, output: b.output, collected: true } : { task: b.task, output: b.output };
  if (isLoopItemRef(b)) return { loopItem: b.loopItem, field: b.field };
  if (isTemplate(b)) return { template: b.template.map((p) => (typeof p === 'string' ? p : source(p))) };
  if (isOneOf(b)) return { oneOf: b.oneOf.map((r) => ({ task: r.task, output: r.output })) };
  return b;
}

const operand = (o: Operand): Operand => ('constant' in o ? { constant: o.constant, type: o.type } : source(o));
const condition = (c: Condition): Condition => ({ left: operand(c.left), operator: c.operator, right: operand(c.right) });

function group(g: Group): Record<string, unknown> {
  const out: Record<string, unknown> = { id: g.id, kind: g.kind, parent: g.parent, displayName: g.displayName };
  switch (g.kind) {
    case 'condition':
      out.condition = g.condition && condition(g.condition);
      break;
    case 'loop':
      out.items = 'constant' in g.items ? { constant: g.items.constant } : source(g.items);
      out.parallelism = g.parallelism;
      out.itemType = g.itemType;
      break;
    case 'exitHandler':
      out.exitTask = g.exitTask;
      break;
  }
  out.position = g.position && { x: g.position.x, y: g.position.y };
  out.size = g.size && { width: g.size.width, height: g.size.height };
  return out;
}

function commandLine(c: CommandLineItem): unknown {
  if (typeof c === 'string' || !('concat' in c || 'ifPresent' in c)) return c;
  if ('concat' in c) return { concat: c.concat.map(commandLine) };
  const branch = (b: CommandLineItem | CommandLineItem[]) => (Array.isArray(b) ? b.map(commandLine) : commandLine(b));
  return { ifPresent: { input: c.ifPresent.input, then: branch(c.ifPresent.then), else: c.ifPresent.else && branch(c.ifPresent.else) } };
}

function component(c: EmbeddedComponent): Record<string, unknown> {
  if (c.kind === 'verbatim')
    return { kind: c.kind, name: c.name, spec: c.spec, executor: c.executor, components: c.components, executors: c.executors };
  const io = (x: { name: string; type: unknown; default?: JsonValue; optional?: boolean; isList?: boolean; description?: string }) => ({
    name: x.name,
    type: x.type,
    default: x.default,
    optional: x.optional,
    isList: x.isList,
    description: x.description,
  });
  return {
    kind: c.kind,
    name: c.name,
    description: c.description,
    inputs: c.inputs.map(io),
    outputs: c.outputs.map(io),
    image: c.image,
    command: c.command.map(commandLine),
    args: c.args.map(commandLine),
  };
}

function output(o: PipelineOutput): PipelineOutput {
  const s = o.source;
  if (isOneOf(s)) return { name: o.name, source: { oneOf: s.oneOf.map((r) => ({ task: r.task, output: r.output })) }, description: o.description };
  return {
    name: o.name,
    source: s.collected ? { task: s.task, output: s.output, collected: true } : { task: s.task, output: s.output },
    description: o.description,
  };
}

const sortedTexts = (m: Record<string, string> | undefined) =>
  m && Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));

function task(t: Task): Record<string, unknown> {
  return {
    id: t.id,
    component: t.component,
    displayName: t.displayName,
    group: t.group,
    caching: t.caching,
    retries: t.retries,
    retryBackoff: t.retryBackoff && {
      duration: t.retryBackoff.duration,
      factor: t.retryBackoff.factor,
      maxDuration: t.retryBackoff.maxDuration,
    },
    ignoreUpstreamFailure: t.ignoreUpstreamFailure,
    after: t.after,
    inputs: Object.fromEntries(
      Object.keys(t.inputs)
        .sort()
        .map((name) => [name, binding(t.inputs[name])]),
    ),
    importer: t.importer && {
      artifactType: { schemaTitle: t.importer.artifactType.schemaTitle, schemaVersion: t.importer.artifactType.schemaVersion },
      reimport: t.importer.reimport,
      metadata: t.importer.metadata,
      downloadToWorkspace: t.importer.downloadToWorkspace,
    },
    resources: t.resources && {
      cpuRequest: t.resources.cpuRequest,
      cpuLimit: t.resources.cpuLimit,
      memoryRequest: t.resources.memoryRequest,
      memoryLimit: t.resources.memoryLimit,
      acceleratorType: t.resources.acceleratorType,
      acceleratorCount: t.resources.acceleratorCount,
    },
    env: t.env?.map((e) => ({ name: e.name, value: e.value })),
    position: { x: t.position.x, y: t.position.y },
  };
}

export function saveDocument(doc: PipelineDocument): string {
  const ordered = {
    format: doc.format,
    version: doc.version,
    name: doc.name,
    displayName: doc.displayName,
    description: doc.description,
    pipelineRoot: doc.pipelineRoot,
    target: doc.target,
    parameters: doc.parameters.map((p) => ({ name: p.name, type: p.type, default: p.default, optional: p.optional, description: p.description })),
    artifactInputs: doc.artifactInputs?.length
      ? doc.artifactInputs.map((a) => ({
          name: a.name,
          artifactType: { schemaTitle: a.artifactType.schemaTitle, schemaVersion: a.artifactType.schemaVersion },
          isList: a.isList,
          optional: a.optional,
          description: a.description,
        }))
      : undefined,
    tasks: doc.tasks.map(task),
    groups: doc.groups?.length ? doc.groups.map(group) : undefined,
    components: doc.components && Object.keys(doc.components).length > 0
      ? Object.fromEntries(Object.keys(doc.components).sort().map((id) => [id, component(doc.components![id])]))
      : undefined,
    outputs: doc.outputs?.length ? doc.outputs.map(output) : undefined,
    descriptions: doc.descriptions && Object.keys(doc.descriptions).length > 0
      ? Object.fromEntries(
          Object.keys(doc.descriptions)
            .sort()
            .map((id) => [id, { inputs: sortedTexts(doc.descriptions![id].inputs), outputs: sortedTexts(doc.descriptions![id].outputs) }]),
        )
      : undefined,
    platformSpec: doc.platformSpec,
    kept: doc.kept?.length ? doc.kept.map((k) => ({ path: k.path, value: k.value })) : undefined,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}
