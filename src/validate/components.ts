/**
 * Checks of the components a document carries and of the container and importer settings
 * of tasks: what KFP's `@dsl.container_component`, `PipelineTask.set_*` and `dsl.importer`
 * accept.
 */
import { IMPORTER_ID } from '../catalog/builtins';
import { referencedNames } from '../catalog/command-line';
import { sanitizeName } from '../compiler/names';
import { CPU_PATTERN, isArtifactType, MEMORY_PATTERN, type ContainerComponentDef, type EmbeddedComponent, type Task } from '../document/types';
import type { ParameterType } from '../spec/pipeline-spec';
import { taskLabel, type Context } from './context';
import { checkConstant } from './constants';

function checkContainer(ctx: Context, id: string, def: ContainerComponentDef): void {
  const at = { component: id };
  const bad = (why: string) => ctx.error('BAD_COMPONENT', `Component ${def.name || id}: ${why}.`, at);
  if (!sanitizeName(def.name)) bad('the name needs at least one letter or digit');
  if (!def.image.trim()) bad('the container image is empty');
  const names = new Map<string, 'input' | 'output'>();
  for (const io of [...def.inputs.map((i) => ['input', i] as const), ...def.outputs.map((o) => ['output', o] as const)]) {
    const [side, x] = io;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(x.name)) bad(`the ${side} name "${x.name}" must be a Python identifier (letters, digits, _)`);
    if (names.has(x.name)) bad(`two inputs or outputs are called "${x.name}"`);
    names.set(x.name, side);
  }
  for (const input of def.inputs) {
    if (isArtifactType(input.type)) {
      if (input.default !== undefined) bad(`input ${input.name} is an artifact and cannot have a default`);
    } else if (input.type === 'TASK_FINAL_STATUS') {
      if (input.default !== undefined) bad(`input ${input.name} is filled in by KFP and cannot have a default`);
    } else if (input.default !== undefined && input.default !== null) {
      const why = checkConstant(input.type as ParameterType, input.default);
      if (why) bad(`the default of input ${input.name} ${why}`);
    }
    if (input.isList && !isArtifactType(input.type)) bad(`input ${input.name} is a list of artifacts only if its type is an artifact type`);
  }
  const inputKind = new Map(def.inputs.map((i) => [i.name, isArtifactType(i.type) ? 'artifact' : 'parameter']));
  const outputKind = new Map(def.outputs.map((o) => [o.name, isArtifactType(o.type) ? 'artifact' : 'parameter']));
  const walk = (items: ContainerComponentDef['command'], where: string) => {
    for (const item of items) {
      if (typeof item === 'string') continue;
      const refs = referencedNames(item);
      for (const name of refs.inputs) if (!inputKind.has(name)) bad(`the ${where} refers to an input "${name}" that does not exist`);
      for (const name of refs.outputs) if (!outputKind.has(name)) bad(`the ${where} refers to an output "${name}" that does not exist`);
      if ('inputValue' in item && inputKind.get(item.inputValue) === 'artifact')
        bad(`the ${where} takes the value of ${item.inputValue}, an artifact; use its path or URI`);
      for (const key of ['inputPath', 'inputUri', 'inputMetadata'] as const)
        if (key in item && inputKind.get((item as Record<string, string>)[key]) === 'parameter')
          bad(`the ${where} takes a path or URI of ${(item as Record<string, string>)[key]}, a value; use its value`);
      for (const key of ['outputUri', 'outputMetadata'] as const)
        if (key in item && outputKind.get((item as Record<string, string>)[key]) === 'parameter')
          bad(`the ${where} takes the URI of output ${(item as Record<string, string>)[key]}, a value; use its path`);
    }
  };
  walk(def.command, 'command');
  walk(def.args, 'arguments');
}

function checkComponent(ctx: Context, id: string, def: EmbeddedComponent): void {
  if (def.kind === 'container') return checkContainer(ctx, id, def);
  const at = { component: id };
  if (!sanitizeName(def.name)) ctx.error('BAD_COMPONENT', `Component ${id}: the name needs at least one letter or digit.`, at);
  if (!def.spec.dag && !def.executor) ctx.error('BAD_COMPONENT', `Component ${def.name}: it has neither an executor nor a DAG.`, at);
}

function checkResources(ctx: Context, t: Task): void {
  const at = { taskId: t.id };
  const name = taskLabel(ctx, t.id);
  const entry = ctx.entries.get(t.id);
  // A GCPC entry listed before its executor arrives (none yet) is a container: all of them are.
  const container = !!entry && entry.kind !== 'importer' && entry.kind !== 'graph' && (!entry.executor || !!entry.executor.container);
  const r = t.resources;
  if ((r || t.env?.length) && entry && !container)
    ctx.error('BAD_RESOURCES', `${name}: resources and environment variables can only be set on single-step container components, not on ${entry.kind === 'graph' ? 'a pipeline used as a component' : 'an importer'}.`, at);
  if (r) {
    for (const key of ['cpuRequest', 'cpuLimit'] as const)
      if (r[key] !== undefined && !CPU_PATTERN.test(r[key]!))
        ctx.error('BAD_RESOURCES', `${name}: CPU "${r[key]}" must be a number of cores or millicores like 500m.`, at);
    for (const key of ['memoryRequest', 'memoryLimit'] as const)
      if (r[key] !== undefined && !MEMORY_PATTERN.test(r[key]!))
        ctx.error('BAD_RESOURCES', `${name}: memory "${r[key]}" must be a whole number with an optional unit (K, M, G, T, P, E, or Ki, Mi, Gi, …).`, at);
    if (r.acceleratorCount !== undefined && !(Number.isInteger(r.acceleratorCount) && r.acceleratorCount >= 0))
      ctx.error('BAD_RESOURCES', `${name}: the number of accelerators must be a whole number of 0 or more.`, at);
    if (r.acceleratorType !== undefined && !r.acceleratorType.trim())
      ctx.error('BAD_RESOURCES', `${name}: the accelerator type is empty.`, at);
    if (r.acceleratorCount !== undefined && r.acceleratorType === undefined)
      ctx.warn('BAD_RESOURCES', `${name}: an accelerator count without an accelerator type has no effect on Vertex AI.`, at);
  }
  const seen = new Set<string>();
  for (const e of t.env ?? []) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(e.name))
      ctx.error('BAD_RESOURCES', `${name}: "${e.name}" is not a valid environment variable name.`, at);
    if (seen.has(e.name)) ctx.warn('BAD_RESOURCES', `${name}: the environment variable ${e.name} is set twice; the last value wins.`, at);
    seen.add(e.name);
  }
}

function checkImporter(ctx: Context, t: Task): void {
  const at = { taskId: t.id };
  const name = taskLabel(ctx, t.id);
  if (t.component === IMPORTER_ID && !t.importer)
    ctx.error('BAD_IMPORTER', `${name}: an importer needs the artifact type it imports.`, at);
  if (t.component !== IMPORTER_ID && t.importer)
    ctx.error('BAD_IMPORTER', `${name}: importer settings only apply to an importer.`, at);
  if (t.importer) {
    const { schemaTitle, schemaVersion } = t.importer.artifactType;
    if (!/^(system|google)\.[A-Za-z0-9_]+$/.test(schemaTitle))
      ctx.error('BAD_IMPORTER', `${name}: the artifact type "${schemaTitle}" must be system.<Name> or google.<Name>.`, at);
    if (!/^\d+\.\d+\.\d+$/.test(schemaVersion))
      ctx.error('BAD_IMPORTER', `${name}: the artifact schema version "${schemaVersion}" must look like 0.0.1.`, at);
  }
}

export function checkComponents(ctx: Context): void {
  for (const [id, def] of Object.entries(ctx.doc.components ?? {})) checkComponent(ctx, id, def);
  for (const t of ctx.doc.tasks) {
    checkResources(ctx, t);
    checkImporter(ctx, t);
  }
}
