/** Which constants KFP accepts for which parameter types. */
import type { JsonValue, ParameterType } from '../spec/pipeline-spec';

/** Does a constant fit a parameter type? Returns a reason when it does not. */
export function checkConstant(type: ParameterType, value: JsonValue): string | undefined {
  if (value === null) return 'None (null) is not a value KFP accepts';
  if (containsNull(value)) return 'null inside a list or dict is not a value KFP accepts';
  switch (type) {
    case 'STRING':
      return typeof value === 'string' ? undefined : 'expects text';
    case 'NUMBER_INTEGER':
      return typeof value === 'number' && Number.isInteger(value) ? undefined : 'expects a whole number';
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expects a number';
    case 'BOOLEAN':
      return typeof value === 'boolean' ? undefined : 'expects true or false';
    case 'STRUCT':
      return typeof value === 'object' && !Array.isArray(value) ? undefined : 'expects a JSON object';
    case 'LIST':
      return Array.isArray(value) ? undefined : 'expects a JSON list';
  }
}

export function containsNull(v: JsonValue): boolean {
  if (v === null) return true;
  if (Array.isArray(v)) return v.some(containsNull);
  if (typeof v === 'object') return Object.values(v).some(containsNull);
  return false;
}

