/**
 * Checks a recording of the generated Python (made by the stand-in `kfp` package in
 * `python-fake/`, see its README) against the document it was generated from: the same
 * tasks under the same task keys, the same components, arguments, options and groups, the
 * same pipeline parameters, outputs and compile call. Returns the differences as sentences
 * (empty when everything maps back). Used by the tests only; pure.
 */
import type { Catalog } from '../catalog/catalog';
import { taskEntry } from '../catalog/resolve';
import { taskKeys } from '../compiler/compile';
import { groupChildren } from '../compiler/names';
import {
  isArtifactType,
  isLoopItemRef,
  isOneOf,
  isParameterRef,
  isTaskOutput,
  isTemplate,
  type Binding,
  type CommandLineItem,
  type Condition,
  type ContainerComponentDef,
  type IoType,
  type LoopItems,
  type Operand,
  type PipelineDocument,
  type Source,
  type TaskOutputRef,
} from '../document/types';
import { sanitizeName, type JsonValue, type ParameterType } from '../spec/pipeline-spec';
import { isImporter } from './python-context';
import { standaloneSpec } from './python-components';
import type { PythonOptions } from './python-context';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Recording = Record<string, any>;

type FlatGroup = { id: string; kind: 'if' | 'elif' | 'else' | 'condition' | 'loop' | 'exit'; parent: number | null };

/** The groups in the order their `with` blocks are entered (an If/Elif/Else chain has no block of its own). */
export function flatGroups(doc: PipelineDocument, options: PythonOptions = {}): FlatGroup[] {
  const children = groupChildren(doc.groups ?? []);
  const out: FlatGroup[] = [];
  const visit = (parentId: string, parent: number | null) => {
    for (const g of children.get(parentId) ?? []) {
      if (g.kind === 'branches') {
        (children.get(g.id) ?? [])
          .filter((b) => b.kind === 'condition')
          .forEach((b, i) => {
            out.push({ id: b.id, kind: i === 0 ? 'if' : b.kind === 'condition' && b.condition ? 'elif' : 'else', parent });
            visit(b.id, out.length - 1);
          });
        continue;
      }
      const kind = g.kind === 'condition' ? (options.legacyCondition ? 'condition' : 'if') : g.kind === 'loop' ? 'loop' : 'exit';
      out.push({ id: g.id, kind, parent });
      visit(g.id, out.length - 1);
    }
  };
  visit('', null);
  return out;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => (v as any)[k] !== undefined)
        .map((k) => [k, canonical((v as any)[k])]),
    );
  return v;
}

function pyTypeOf(v: JsonValue, type?: ParameterType): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return type === 'NUMBER_DOUBLE' || !Number.isInteger(v) ? 'float' : 'int';
  if (typeof v === 'string') return 'str';
  return Array.isArray(v) ? 'list' : 'dict';
}

export function checkRecording(doc: PipelineDocument, catalog: Catalog, rec: Recording, options: PythonOptions = {}): string[] {
  const problems: string[] = [];
  const expectSame = (what: string, got: unknown, want: unknown) => {
    if (!same(got, want)) problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  };
  const keys = taskKeys(doc, catalog);
  const groups = flatGroups(doc, options);
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const key = (id: string) => keys.get(id) ?? `?${id}`;

  const source = (s: Source | TaskOutputRef | LoopItems): unknown => {
    if (isParameterRef(s as Source)) return { parameter: (s as { parameter: string }).parameter };
    if (isLoopItemRef(s as Source)) {
      const l = s as { loopItem: string; field?: string };
      return l.field === undefined ? { loopItem: groupIndex.get(l.loopItem) } : { loopItem: groupIndex.get(l.loopItem), field: l.field };
    }
    if ('constant' in s) return { constant: s.constant, py: 'list' };
    return { task: key((s as TaskOutputRef).task), output: (s as TaskOutputRef).output };
  };
  const binding = (b: Binding, type?: ParameterType): unknown => {
    if ('constant' in b) return { constant: b.constant, py: pyTypeOf(b.constant, type) };
    if (isTemplate(b)) {
      const parts: unknown[] = [];
      for (const p of b.template) {
        if (typeof p !== 'string') parts.push(source(p));
        else if (p !== '' && typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += p;
        else if (p !== '') parts.push(p);
      }
      return { template: parts };
    }
    if (isOneOf(b)) return { oneOf: b.oneOf.map(source) };
    if (isTaskOutput(b)) return b.collected ? { ...(source(b) as object), collected: true } : source(b);
    return source(b as Source);
  };
  const operand = (o: Operand): unknown => {
    if (!('constant' in o)) return source(o);
    const v = o.constant;
    return { constant: v, py: typeof v === 'number' ? (o.type === 'NUMBER_DOUBLE' || !Number.isInteger(v) ? 'float' : 'int') : pyTypeOf(v) };
  };
  const mirrored: Record<string, string> = { '==': '==', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
  const checkCondition = (what: string, got: any, c: Condition) => {
    const want = { operator: c.operator, left: operand(c.left), right: operand(c.right) };
    const swapped = { operator: mirrored[c.operator], left: operand(c.right), right: operand(c.left) };
    if (!same(got, want) && !same(got, swapped)) expectSame(what, got, want);
  };

  // The pipeline and the compile call.
  expectSame('number of @dsl.pipeline functions', rec.pipelines.length, 1);
  const pipeline = rec.pipelines[0] ?? {};
  expectSame('pipeline name', pipeline.name, doc.name);
  expectSame('description', pipeline.description ?? undefined, doc.description || undefined);
  expectSame('display name', pipeline.display_name ?? undefined, doc.displayName || undefined);
  expectSame('pipeline root', pipeline.pipeline_root ?? undefined, doc.pipelineRoot || undefined);
  expectSame('compile calls', rec.compiles, [{ pipeline: doc.name, package_path: options.packagePath ?? `${doc.name}.yaml` }]);
  const artifacts = (pipeline.parameters ?? []).filter((p: any) => p.artifact !== undefined);
  expectSame(
    'artifact inputs',
    artifacts.map((a: any) => {
      const isList = a.artifact?.list !== undefined;
      return { name: a.name, artifactType: isList ? a.artifact.list : a.artifact, isList: isList || undefined, optional: a.optional || undefined };
    }),
    (doc.artifactInputs ?? []).map((a) => ({ name: a.name, artifactType: a.artifactType, isList: a.isList, optional: a.optional })),
  );
  for (const x of [...(doc.artifactInputs ?? []), ...doc.parameters, ...(doc.outputs ?? [])])
    if (x.description && !squash(String(pipeline.docstring ?? '')).includes(squash(x.description)))
      problems.push(`the pipeline docstring lacks the description of ${x.name}`);
  const params = new Map<string, any>((pipeline.parameters ?? []).filter((p: any) => p.artifact === undefined).map((p: any) => [p.name, p]));
  expectSame('pipeline parameters', [...params.keys()].sort(), doc.parameters.map((p) => p.name).sort());
  for (const p of doc.parameters) {
    const got = params.get(p.name);
    if (!got) continue;
    let type = got.type;
    if (p.optional && p.default === undefined) type = type?.optional;
    if (p.type === 'LIST' && typeof type === 'object' && type?.list) type = 'LIST';
    expectSame(`type of parameter ${p.name}`, type, p.type);
    if (p.default !== undefined) {
      expectSame(`default of parameter ${p.name}`, got.default, p.default);
      if (p.type === 'NUMBER_DOUBLE') expectSame(`default of ${p.name} is a float`, got.default_py, 'float');
    } else if (p.optional) expectSame(`parameter ${p.name} defaults to None`, got.default, null);
    else expectSame(`parameter ${p.name} is required`, 'default' in got, false);
  }
  const outputs = Object.fromEntries((doc.outputs ?? []).map((o) => [o.name, binding(o.source as Binding)]));
  expectSame('pipeline outputs', pipeline.outputs ?? {}, outputs);

  // Groups.
  expectSame('number of groups', rec.groups.length, groups.length);
  groups.forEach((want, i) => {
    const got = rec.groups[i];
    const g = doc.groups!.find((x) => x.id === want.id)!;
    if (!got) return;
    const what = `group ${i} (${g.id})`;
    expectSame(`${what} kind`, got.kind, want.kind);
    expectSame(`${what} parent`, got.parent, want.parent);
    expectSame(`${what} name`, got.name ?? undefined, g.displayName || undefined);
    if (g.kind === 'condition' && g.condition) checkCondition(`${what} condition`, got.condition, g.condition);
    if (g.kind === 'loop') {
      expectSame(`${what} items`, got.items, source(g.items));
      expectSame(`${what} parallelism`, got.parallelism ?? undefined, g.parallelism || undefined);
    }
    if (g.kind === 'exitHandler') expectSame(`${what} exit task`, got.exit_task, key(g.exitTask));
  });

  // Tasks.
  expectSame('task keys', rec.tasks.map((t: any) => t.key).sort(), [...keys.values()].sort());
  const recorded = new Map<string, any>(rec.tasks.map((t: any) => [t.key, t]));
  const exitTasks = new Set((doc.groups ?? []).flatMap((g) => (g.kind === 'exitHandler' ? [g.exitTask] : [])));
  for (const t of doc.tasks) {
    const got = recorded.get(key(t.id));
    if (!got) continue;
    const what = `task ${key(t.id)}`;
    const entry = taskEntry(doc, catalog, t)!;
    const def = doc.components?.[t.component];
    if (isImporter(doc, t)) {
      expectSame(`${what} component`, got.component, { kind: 'importer' });
      const s = t.importer;
      expectSame(`${what} importer`, got.importer, {
        artifactType: s?.artifactType ?? { schemaTitle: 'system.Artifact', schemaVersion: '0.0.1' },
        reimport: s?.reimport ?? false,
        metadata: s?.metadata && Object.keys(s.metadata).length > 0 ? s.metadata : null,
        downloadToWorkspace: s?.downloadToWorkspace ?? false,
      });
    } else if (def?.kind === 'container') {
      expectSame(`${what} component kind`, got.component.kind, 'container');
      problems.push(...checkContainer(what, rec.components[got.component.function], def));
    } else if (!def && /^v1\./.test(t.component)) expectSame(`${what} component`, got.component, { kind: 'gcpc', id: t.component });
    else {
      expectSame(`${what} component kind`, got.component.kind, 'loaded');
      const loaded = rec.loaded[got.component.index];
      expectSame(`${what} loaded spec`, loaded?.spec, JSON.parse(JSON.stringify(standaloneSpec(entry))));
      expectSame(`${what} loaded as a single step`, loaded?.single, !entry.graph);
      if (def?.kind === 'verbatim' && !def.spec.dag) {
        const k = sanitizeName(def.name);
        const { executorLabel: _label, ...spec } = loaded?.spec?.components?.[`comp-${k}`] ?? {};
        expectSame(`${what} verbatim component`, spec, def.spec);
        expectSame(`${what} verbatim executor`, loaded?.spec?.deploymentSpec?.executors?.[`exec-${k}`], def.executor);
      }
    }
    const inputs: Record<string, unknown> = {};
    for (const [name, b] of Object.entries(t.inputs))
      inputs[name] = binding(b, entry.inputDefinitions?.parameters?.[name]?.parameterType ?? (isImporter(doc, t) ? 'STRING' : undefined));
    expectSame(`${what} arguments`, got.inputs, inputs);
    expectSame(`${what} group`, got.group, exitTasks.has(t.id) || t.group === undefined ? null : groupIndex.get(t.group));
    const o = got.options ?? {};
    expectSame(`${what} display name`, o.display_name, t.displayName || undefined);
    expectSame(`${what} caching`, o.caching, t.caching ? undefined : false);
    const b = t.retryBackoff ?? {};
    expectSame(
      `${what} retry`,
      o.retry,
      t.retries === undefined
        ? undefined
        : {
            num_retries: t.retries,
            backoff_duration: b.duration === undefined ? undefined : `${b.duration}s`,
            backoff_factor: b.factor,
            backoff_max_duration: b.maxDuration === undefined ? undefined : `${b.maxDuration}s`,
          },
    );
    expectSame(`${what} after`, o.after, t.after.length > 0 ? t.after.map(key) : undefined);
    const r = t.resources ?? {};
    expectSame(`${what} resources`, [o.cpu_request, o.cpu_limit, o.memory_request, o.memory_limit, o.accelerator_type, o.accelerator_limit], [
      r.cpuRequest,
      r.cpuLimit,
      r.memoryRequest,
      r.memoryLimit,
      r.acceleratorType,
      r.acceleratorCount,
    ]);
    expectSame(`${what} env`, o.env, t.env && t.env.length > 0 ? t.env.map((e) => [e.name, e.value]) : undefined);
    expectSame(`${what} ignores upstream failure`, o.ignore_upstream_failure, t.ignoreUpstreamFailure || undefined);
  }
  return problems;
}

// ---------------------------------------------------------------- container components

function ioType(t: IoType): unknown {
  return isArtifactType(t) ? { schemaTitle: t.schemaTitle, schemaVersion: t.schemaVersion } : t;
}

function commandItem(item: CommandLineItem): unknown {
  if (typeof item === 'string') return item;
  if ('executorInput' in item) return '{{$}}';
  if ('concat' in item) return { concat: item.concat.map(commandItem) };
  if ('ifPresent' in item) {
    const { input, then, else: otherwise } = item.ifPresent;
    const branch = (b: CommandLineItem | CommandLineItem[]) => (Array.isArray(b) ? b.map(commandItem) : commandItem(b));
    return { ifPresent: otherwise === undefined ? { input, then: branch(then) } : { input, then: branch(then), else: branch(otherwise) } };
  }
  return item;
}

function checkContainer(what: string, got: any, def: ContainerComponentDef): string[] {
  if (!got) return [`${what}: its container component was not recorded`];
  const problems: string[] = [];
  const expectSame = (field: string, a: unknown, b: unknown) => {
    if (!same(a, b)) problems.push(`${what} component ${field}: got ${JSON.stringify(a)}, want ${JSON.stringify(b)}`);
  };
  expectSame('name', got.name, sanitizeName(def.name));
  const gotInputs = [...got.inputs]
    .map((i: any) => {
      let type = i.type;
      const out: any = { name: i.name };
      if (type?.optional !== undefined) type = type.optional;
      if (i.optional || i.type?.optional !== undefined) out.optional = true;
      if (type?.list !== undefined) {
        out.isList = true;
        type = type.list;
      }
      out.type = type;
      if (i.default !== undefined && i.default !== null) out.default = i.default;
      return out;
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const wantInputs = def.inputs
    .map((i) => {
      const out: any = { name: i.name, type: ioType(i.type) };
      if (i.default !== undefined && i.default !== null) out.default = i.default;
      else if (i.optional || i.default === null) out.optional = true;
      if (i.isList) out.isList = true;
      return out;
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  expectSame('inputs', gotInputs, wantInputs);
  const gotOutputs = got.outputs.map((o: any) => (o.type?.list !== undefined ? { name: o.name, type: o.type.list, isList: true } : o));
  expectSame('outputs', gotOutputs, def.outputs.map((o) => (o.isList ? { name: o.name, type: ioType(o.type), isList: true } : { name: o.name, type: ioType(o.type) })));
  expectSame('image', got.image, def.image);
  expectSame('command', got.command, def.command.map(commandItem));
  expectSame('args', got.args, def.args.map(commandItem));
  for (const io of [...(def.description ? [{ name: '', description: def.description }] : []), ...def.inputs, ...def.outputs])
    if (io.description && !String(got.description ?? '').includes(io.description.trim()))
      problems.push(`${what} component docstring lacks "${io.description}"`);
  return problems;
}
