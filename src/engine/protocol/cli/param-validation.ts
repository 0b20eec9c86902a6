import type { InputShape } from './input-shapes.ts';

/**
 * botocore's client-side ParamValidator (botocore/validate.py), which the CLI runs before sending anything: missing
 * required members, unknown members, wrong types, and `min` constraints (never `max`: that is left to the service).
 * Every problem is reported, each as botocore words it, naming Python's types as Python prints them.
 */

function pythonType(value: unknown): string {
  if (value === null || value === undefined) return "<class 'NoneType'>";
  if (typeof value === 'boolean') return "<class 'bool'>";
  if (typeof value === 'number') return Number.isInteger(value) ? "<class 'int'>" : "<class 'float'>";
  if (typeof value === 'string') return "<class 'str'>";
  if (Array.isArray(value)) return "<class 'list'>";
  if (value instanceof Uint8Array) return "<class 'bytes'>";
  return "<class 'dict'>";
}

/** Python's str() of a JSON value, close enough to read (dicts and lists as their repr). */
function pythonText(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (value instanceof Uint8Array) return `b'...'`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
}

function pythonRepr(value: unknown): string {
  return typeof value === 'string' ? `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : pythonText(value);
}

const VALID_TYPES: Record<InputShape['kind'], string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  float: "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>",
  timestamp: "<class 'datetime.datetime'>, <class 'str'>",
  boolean: "<class 'bool'>",
  blob: "<class 'bytes'>, <class 'bytearray'>, file-like object",
  document: '',
  list: "<class 'list'>, <class 'tuple'>",
  map: "<class 'dict'>",
  structure: "<class 'dict'>",
};

function typeOk(shape: InputShape, value: unknown): boolean {
  switch (shape.kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
    case 'timestamp':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'blob':
      return value instanceof Uint8Array || typeof value === 'string';
    case 'document':
      return true;
    case 'list':
      return Array.isArray(value);
    case 'map':
    case 'structure':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
  }
}

export function validateParams(shape: InputShape, params: Record<string, unknown>): string[] {
  const problems: string[] = [];
  visit(shape, params, 'input', problems);
  return problems;
}

function visit(shape: InputShape, value: unknown, name: string, problems: string[]): void {
  if (!typeOk(shape, value)) {
    problems.push(`Invalid type for parameter ${name}, value: ${pythonText(value)}, type: ${pythonType(value)}, valid types: ${VALID_TYPES[shape.kind]}`);
    return;
  }
  switch (shape.kind) {
    case 'structure': {
      const source = value as Record<string, unknown>;
      // Required members are checked at the top level only (argparse names missing flags first). Below it, the
      // engine's schemas are stricter than some AWS models (a Tag's Key and Value are both optional in the Secrets
      // Manager model), so a missing nested member is left for the service to refuse, as AWS does.
      if (name === 'input') {
        for (const member of shape.members) {
          if (member.required && source[member.wire] === undefined) problems.push(`Missing required parameter in ${name}: "${member.wire}"`);
        }
      }
      const known = new Set(shape.members.map((member) => member.wire));
      for (const key of Object.keys(source)) {
        if (!known.has(key)) {
          problems.push(`Unknown parameter in ${name}: "${key}", must be one of: ${shape.members.map((member) => member.wire).join(', ')}`);
        }
      }
      for (const member of shape.members) {
        const memberValue = source[member.wire];
        if (memberValue === undefined) continue;
        visit(member.shape, memberValue, name === 'input' ? member.wire : `${name}.${member.wire}`, problems);
      }
      return;
    }
    case 'list': {
      const items = value as unknown[];
      if (shape.min !== undefined && items.length < shape.min) {
        problems.push(`Invalid length for parameter ${name}, value: ${items.length}, valid min length: ${shape.min}`);
      }
      items.forEach((item, index) => visit(shape.member, item, `${name}[${index}]`, problems));
      return;
    }
    case 'map':
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) visit(shape.value, item, `${name}.${key}`, problems);
      return;
    case 'string':
      if (shape.min !== undefined && (value as string).length < shape.min) {
        problems.push(`Invalid length for parameter ${name}, value: ${(value as string).length}, valid min length: ${shape.min}`);
      }
      return;
    case 'integer':
      if (shape.min !== undefined && (value as number) < shape.min) {
        problems.push(`Invalid value for parameter ${name}, value: ${value as number}, valid min value: ${shape.min}`);
      }
      return;
    default:
      return;
  }
}
