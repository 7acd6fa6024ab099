/**
 * Loading of the version-2 data-flow and control-flow parts of a saved document:
 * bindings, conditions, loop items, groups and pipeline outputs. Shapes only; whether the
 * names refer to something is the validator's job.
 */
import { isParameterType, PARAMETER_TYPES, type JsonValue } from '../spec/pipeline-spec';
import {
  child,
  copyJson,
  describe,
  expectArray,
  expectOneOf,
  expectRecord,
  expectString,
  expectWholeNumber,
  fieldsText,
  finiteNumber,
  has,
  item,
  onlyKeys,
  optionalString,
  refuse,
  shapeOf,
} from './load-json';
import type {
  Binding,
  Condition,
  ConditionOperator,
  Group,
  LoopItems,
  Operand,
  PipelineOutput,
  Position,
  Size,
  Source,
  TaskOutputRef,
  TemplatePart,
} from './types';

const ref = (obj: Record<string, unknown>, path: string): TaskOutputRef => ({
  task: expectString(obj.task, child(path, 'task'), true),
  output: expectString(obj.output, child(path, 'output'), true),
});

function loopItemRef(obj: Record<string, unknown>, path: string): { loopItem: string; field?: string } {
  const out: { loopItem: string; field?: string } = { loopItem: expectString(obj.loopItem, child(path, 'loopItem'), true) };
  if (has(obj as never, 'field')) out.field = expectString(obj.field, child(path, 'field'), true);
  return out;
}

const SOURCE_SHAPES = '{"parameter": name}, {"task": id, "output": name} or {"loopItem": group id, "field"?: key}';

/** A run-time value: parameter, task output or loop item. */
export function loadSource(value: unknown, path: string): Source {
  const obj = expectRecord(value, path);
  switch (shapeOf(obj)) {
    case 'parameter':
      return { parameter: expectString(obj.parameter, child(path, 'parameter'), true) };
    case 'output,task':
      return ref(obj, path);
    case 'loopItem':
    case 'field,loopItem':
      return loopItemRef(obj, path);
    default:
      return refuse(path, `must be one of ${SOURCE_SHAPES}, but has ${fieldsText(shapeOf(obj))}`);
  }
}

function loadRefs(value: unknown, path: string): TaskOutputRef[] {
  const list = expectArray(value, path);
  if (list.length === 0) refuse(path, 'must name at least one task output');
  return list.map((v, i) => {
    const p = item(path, i);
    const obj = expectRecord(v, p);
    onlyKeys(obj, p, ['task', 'output']);
    return ref(obj, p);
  });
}

export const BINDING_SHAPES_V1 = 'exactly one of {"constant": value}, {"parameter": name} or {"task": id, "output": name}';
const BINDING_SHAPES =
  'exactly one of {"constant": value}, {"parameter": name}, {"task": id, "output": name, "collected"?: true}, {"loopItem": group id, "field"?: key}, {"template": [...]} or {"oneOf": [...]}';

/** A task input's binding; version 1 knew only the first three shapes. */
export function loadBinding(value: unknown, path: string, version: number): Binding {
  const obj = expectRecord(value, path);
  const keys = shapeOf(obj);
  const v1 = version === 1;
  switch (keys) {
    case 'constant':
      return { constant: copyJson(obj.constant, child(path, 'constant'), 5) };
    case 'parameter':
      return { parameter: expectString(obj.parameter, child(path, 'parameter'), true) };
    case 'output,task':
      return ref(obj, path);
  }
  if (!v1)
    switch (keys) {
      case 'collected,output,task':
        if (obj.collected !== true) refuse(child(path, 'collected'), `must be true, not ${describe(obj.collected)}`);
        return { ...ref(obj, path), collected: true };
      case 'loopItem':
      case 'field,loopItem':
        return loopItemRef(obj, path);
      case 'template': {
        const parts = expectArray(obj.template, child(path, 'template')).map(
          (p, i): TemplatePart => (typeof p === 'string' ? p : loadSource(p, item(child(path, 'template'), i))),
        );
        return { template: parts };
      }
      case 'oneOf':
        return { oneOf: loadRefs(obj.oneOf, child(path, 'oneOf')) };
    }
  return refuse(path, `must be ${v1 ? BINDING_SHAPES_V1 : BINDING_SHAPES}, but has ${fieldsText(keys)}`);
}

export const CONDITION_OPERATORS: readonly ConditionOperator[] = ['==', '!=', '<', '<=', '>', '>='];

function loadOperand(value: unknown, path: string): Operand {
  const obj = expectRecord(value, path);
  if (!has(obj, 'constant')) return loadSource(obj, path);
  onlyKeys(obj, path, ['constant', 'type']);
  const c = obj.constant;
  if (typeof c !== 'string' && typeof c !== 'boolean' && typeof c !== 'number')
    refuse(child(path, 'constant'), `must be text, a number or true/false, not ${describe(c)}`);
  const operand: Operand = { constant: typeof c === 'number' ? finiteNumber(c, child(path, 'constant')) : c };
  if (has(obj, 'type')) {
    operand.type = expectOneOf(obj.type, child(path, 'type'), ['NUMBER_INTEGER', 'NUMBER_DOUBLE'] as const);
    if (typeof c !== 'number') refuse(child(path, 'type'), 'is only for number constants');
  }
  return operand;
}

export function loadCondition(value: unknown, path: string): Condition {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, ['left', 'operator', 'right']);
  for (const k of ['left', 'operator', 'right']) if (!has(obj, k)) refuse(path, `has no "${k}"`);
  return {
    left: loadOperand(obj.left, child(path, 'left')),
    operator: expectOneOf(obj.operator, child(path, 'operator'), CONDITION_OPERATORS),
    right: loadOperand(obj.right, child(path, 'right')),
  };
}

function loadLoopItems(value: unknown, path: string): LoopItems {
  const obj = expectRecord(value, path);
  if (shapeOf(obj) === 'constant') {
    const list = expectArray(obj.constant, child(path, 'constant'));
    return { constant: copyJson(list, child(path, 'constant'), 5) as JsonValue[] };
  }
  return loadSource(obj, path);
}

function loadBox<T extends Position | Size>(value: unknown, path: string, keys: readonly string[]): T {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, keys);
  const out: Record<string, number> = {};
  for (const k of keys) {
    if (!has(obj, k)) refuse(path, `has no "${k}"`);
    out[k] = finiteNumber(obj[k], child(path, k));
  }
  return out as unknown as T;
}

export const GROUP_KINDS = ['condition', 'branches', 'loop', 'exitHandler'] as const;
const GROUP_COMMON = ['id', 'kind', 'parent', 'displayName', 'position', 'size'];
const GROUP_FIELDS: Record<Group['kind'], string[]> = {
  condition: [...GROUP_COMMON, 'condition'],
  branches: GROUP_COMMON,
  loop: [...GROUP_COMMON, 'items', 'parallelism', 'itemType'],
  exitHandler: [...GROUP_COMMON, 'exitTask'],
};

export function loadGroup(value: unknown, path: string): Group {
  const obj = expectRecord(value, path);
  if (!has(obj, 'id')) refuse(path, 'has no "id"');
  if (!has(obj, 'kind')) refuse(path, 'has no "kind"');
  const id = expectString(obj.id, child(path, 'id'), true);
  const kind = expectOneOf(obj.kind, child(path, 'kind'), GROUP_KINDS);
  onlyKeys(obj, path, GROUP_FIELDS[kind]);
  const base: { id: string; parent?: string; displayName?: string; position?: Position; size?: Size } = { id };
  if (has(obj, 'parent')) base.parent = expectString(obj.parent, child(path, 'parent'), true);
  const displayName = optionalString(obj, 'displayName', path);
  if (displayName !== undefined) base.displayName = displayName;
  if (has(obj, 'position')) base.position = loadBox<Position>(obj.position, child(path, 'position'), ['x', 'y']);
  if (has(obj, 'size')) base.size = loadBox<Size>(obj.size, child(path, 'size'), ['width', 'height']);
  switch (kind) {
    case 'condition': {
      const g: Group = { ...base, kind };
      if (has(obj, 'condition')) g.condition = loadCondition(obj.condition, child(path, 'condition'));
      return g;
    }
    case 'branches':
      return { ...base, kind };
    case 'loop': {
      if (!has(obj, 'items')) refuse(path, 'has no "items"');
      const g: Group = { ...base, kind, items: loadLoopItems(obj.items, child(path, 'items')) };
      if (has(obj, 'parallelism')) g.parallelism = expectWholeNumber(obj.parallelism, child(path, 'parallelism'));
      if (has(obj, 'itemType')) {
        if (!isParameterType(obj.itemType))
          refuse(child(path, 'itemType'), `must be one of ${PARAMETER_TYPES.join(', ')}, not ${describe(obj.itemType)}`);
        g.itemType = obj.itemType;
      }
      return g;
    }
    case 'exitHandler':
      if (!has(obj, 'exitTask')) refuse(path, 'has no "exitTask"');
      return { ...base, kind, exitTask: expectString(obj.exitTask, child(path, 'exitTask'), true) };
  }
}

export function loadOutput(value: unknown, path: string): PipelineOutput {
  const obj = expectRecord(value, path);
  onlyKeys(obj, path, ['name', 'source', 'description']);
  if (!has(obj, 'name')) refuse(path, 'has no "name"');
  if (!has(obj, 'source')) refuse(path, 'has no "source"');
  const name = expectString(obj.name, child(path, 'name'), true);
  const at = child(path, 'source');
  const s = expectRecord(obj.source, at);
  let output: PipelineOutput;
  switch (shapeOf(s)) {
    case 'output,task':
      output = { name, source: ref(s, at) };
      break;
    case 'collected,output,task':
      if (s.collected !== true) refuse(child(at, 'collected'), `must be true, not ${describe(s.collected)}`);
      output = { name, source: { ...ref(s, at), collected: true } };
      break;
    case 'oneOf':
      output = { name, source: { oneOf: loadRefs(s.oneOf, child(at, 'oneOf')) } };
      break;
    default:
      return refuse(at, `must be {"task": id, "output": name, "collected"?: true} or {"oneOf": [...]}, but has ${fieldsText(shapeOf(s))}`);
  }
  const description = optionalString(obj, 'description', path);
  if (description !== undefined) output.description = description;
  return output;
}

