import type { z } from 'zod';
import { wireName } from '../case-mapping.ts';
import { isDateMember, type ProtocolService } from '../wire-names.ts';

/**
 * The shape of each operation's input as the CLI needs it (which flags exist, which take an integer, a list, a
 * structure), read from the operation's own zod schema so the terminal can never drift from what the engine accepts.
 * Member names come out in wire form (PascalCase) because that is what shorthand and JSON values are written in.
 */
export type InputShape =
  | { kind: 'string'; enum?: readonly string[]; min?: number }
  | { kind: 'integer'; min?: number }
  | { kind: 'float' }
  /** A timestamp member: the CLI reads ISO 8601 or epoch seconds; the engine holds epoch milliseconds. */
  | { kind: 'timestamp' }
  | { kind: 'boolean' }
  | { kind: 'blob' }
  | { kind: 'document' }
  | { kind: 'list'; member: InputShape; min?: number }
  | { kind: 'map'; value: InputShape }
  | { kind: 'structure'; members: StructureMember[] };

export interface StructureMember {
  /** PascalCase, as written in JSON and shorthand values (`SecretId`). */
  wire: string;
  /** camelCase, as the engine's input has it (`secretId`). */
  domain: string;
  shape: InputShape;
  required: boolean;
}

/** zod 4 keeps a schema's definition on `_zod.def`; only the fields read here are typed. */
interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
  getter?: () => z.ZodType;
  checks?: { _zod: { def: { check: string; format?: string; minimum?: number; value?: number; inclusive?: boolean } } }[];
}

function defOf(schema: z.ZodType): ZodDef {
  return (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
}

const PROTOCOL_SERVICES: ReadonlySet<string> = new Set(['secretsmanager', 'kms', 'iam', 'sts', 'ssm', 'events']);

/** The wire spelling of a member: the codec's own rule and exceptions where the service has a codec. */
export function wireMemberName(service: string, domain: string): string {
  if (PROTOCOL_SERVICES.has(service)) return wireName(service as ProtocolService, domain);
  return domain.charAt(0).toUpperCase() + domain.slice(1);
}

/** Wrappers that change nothing the CLI sees. */
const TRANSPARENT = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

function isOptional(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return true;
  if (TRANSPARENT.has(def.type) && def.innerType) return isOptional(def.innerType);
  return false;
}

/**
 * The lower bounds botocore checks on the client before sending (its ParamValidator checks `min` only, never
 * `max`): the length of strings and lists, the value of integers.
 */
function minimum(def: ZodDef): { min?: number } {
  for (const check of def.checks ?? []) {
    const { check: kind, minimum: min, value, inclusive } = check._zod.def;
    if (kind === 'min_length' && min !== undefined) return { min };
    if (kind === 'greater_than' && value !== undefined) return { min: inclusive ? value : value + 1 };
  }
  return {};
}

function isInteger(def: ZodDef): boolean {
  return (def.checks ?? []).some((check) => check._zod.def.check === 'number_format' && /int/.test(check._zod.def.format ?? ''));
}

export function inputShape(service: string, schema: z.ZodType): InputShape {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return { kind: 'string', ...minimum(def) };
    case 'enum':
      return { kind: 'string', enum: Object.values(def.entries ?? {}) };
    case 'literal':
      return { kind: 'string', enum: (def.values ?? []).map(String) };
    case 'number':
      return isInteger(def) ? { kind: 'integer', ...minimum(def) } : { kind: 'float' };
    case 'int':
      return { kind: 'integer' };
    case 'boolean':
      return { kind: 'boolean' };
    // The engine types blobs as z.instanceof(Uint8Array), which zod represents as a custom check.
    case 'custom':
      return { kind: 'blob' };
    case 'array':
      return { kind: 'list', member: inputShape(service, def.element!), ...minimum(def) };
    case 'record':
      return { kind: 'map', value: inputShape(service, def.valueType!) };
    case 'object':
      return {
        kind: 'structure',
        members: Object.entries(def.shape ?? {}).map(([domain, member]) => {
          const shape = inputShape(service, member);
          const timestamp = (shape.kind === 'integer' || shape.kind === 'float') && isDateMember(domain);
          return { wire: wireMemberName(service, domain), domain, shape: timestamp ? { kind: 'timestamp' as const } : shape, required: !isOptional(member) };
        }),
      };
    case 'pipe':
      return inputShape(service, def.in!);
    case 'lazy':
      return inputShape(service, def.getter!());
    case 'union':
      return inputShape(service, def.options![0]!);
    default:
      if (TRANSPARENT.has(def.type) && def.innerType) return inputShape(service, def.innerType);
      return { kind: 'document' };
  }
}
