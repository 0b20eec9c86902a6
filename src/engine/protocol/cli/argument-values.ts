import { base64ToBytes, utf8Encode } from '../../encoding/index.ts';
import { paramError } from './cli-errors.ts';
import type { InputShape, StructureMember } from './input-shapes.ts';
import { parseShorthand, ShorthandParseError, type ShorthandValue } from './shorthand.ts';

/**
 * One flag's text to the value botocore would put in the request (still in wire form: PascalCase members), as
 * awscli/argprocess.py does it: JSON when the value looks like JSON, shorthand for structures, maps and lists of
 * them, scalars otherwise; then shorthand results coerced to the model's types (BackCompatVisitor).
 */

const PARAM_FILE_PREFIXES = ['file://', 'fileb://'];

/** The CLI reads `file://` and `fileb://` values from disk; a page has no disk to read from, so say so plainly. */
function refuseParamFile(cliName: string, text: string): void {
  const prefix = PARAM_FILE_PREFIXES.find((candidate) => text.startsWith(candidate));
  if (prefix) {
    throw paramError(
      cliName,
      `Unable to load paramfile ${text}: the in-page terminal has no files to read (${prefix} is not available in a browser); give the value inline instead, e.g. '{"Version":"2012-10-17",...}'`,
    );
  }
}

function parseJson(cliName: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // Python's json module words its errors differently from JavaScript's; the CLI's framing is kept.
    throw paramError(cliName, `Invalid JSON: ${error instanceof Error ? error.message : String(error)}\nJSON received: ${text}`);
  }
}

/**
 * A timestamp as botocore reads one: epoch seconds, or an ISO 8601 date or date-time (UTC unless it names a zone).
 * The value handed on is epoch milliseconds, the engine's time.
 */
function parseTimestamp(cliName: string, text: string): number {
  const trimmed = text.trim();
  if (/^[+-]?\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const ms = Date.parse(dateOnly ? `${trimmed}T00:00:00Z` : zoned ? trimmed : `${trimmed}Z`);
  if (Number.isNaN(ms)) throw paramError(cliName, `Invalid timestamp value: ${text}`);
  return ms;
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('[') || trimmed.startsWith('{');
}

function supportsShorthand(shape: InputShape): boolean {
  if (shape.kind === 'structure' || shape.kind === 'map') return true;
  return shape.kind === 'list' && (shape.member.kind === 'structure' || shape.member.kind === 'map' || shape.member.kind === 'list');
}

/**
 * base64 as Python's b64decode reads it by default: characters outside the alphabet are dropped, then the rest must
 * be whole groups of four.
 */
function decodeBase64(cliName: string, text: string): Uint8Array {
  const cleaned = text.replace(/[^A-Za-z0-9+/=]/g, '');
  const bytes = cleaned === '' ? new Uint8Array() : base64ToBytes(cleaned);
  if (!bytes) throw paramError(cliName, `Invalid base64: "${text}"`);
  return bytes;
}

/**
 * How blob flags are read: CLI v2 reads them as base64 by default; `--cli-binary-format raw-in-base64-out` takes the
 * text itself (the form most tutorials use with `aws kms encrypt --plaintext`).
 */
export type BinaryFormat = 'base64' | 'raw-in-base64-out';

/** A scalar flag's text (argparse already turned integers into numbers). */
export function scalarValue(cliName: string, shape: InputShape, text: string, binaryFormat: BinaryFormat = 'base64'): unknown {
  refuseParamFile(cliName, text);
  switch (shape.kind) {
    case 'integer':
    case 'float':
      return Number(text);
    case 'boolean':
      return text.toLowerCase() !== 'false' && text !== '';
    case 'blob':
      return binaryFormat === 'raw-in-base64-out' ? utf8Encode(text) : decodeBase64(cliName, text);
    case 'timestamp':
      return parseTimestamp(cliName, text);
    case 'document':
      return parseJson(cliName, text);
    default:
      return text;
  }
}

/** A structure, map or list flag's text(s): JSON, shorthand, or (lists of scalars) one value per word. */
export function complexValue(cliName: string, shape: InputShape, values: string[]): unknown {
  for (const value of values) refuseParamFile(cliName, value);
  const first = values[0] ?? '';
  if (shape.kind !== 'list') {
    if (looksLikeJson(first)) return parseJson(cliName, first);
    return shorthandValue(cliName, shape, first);
  }
  if (values.length === 1 && looksLikeJson(first) && first.trim().startsWith('[')) return parseJson(cliName, first);
  if (supportsShorthand(shape) && !looksLikeJson(first)) {
    const parsed = values.map((value) => shorthandValue(cliName, shape.member, value));
    return parsed;
  }
  return values.map((value) => {
    if (shape.member.kind === 'structure' || shape.member.kind === 'map') return parseJson(cliName, value);
    return shape.member.kind === 'integer' || shape.member.kind === 'float' ? Number(value) : value;
  });
}

function shorthandValue(cliName: string, shape: InputShape, text: string): unknown {
  try {
    return coerce(shape, parseShorthand(text));
  } catch (error) {
    if (error instanceof ShorthandParseError) throw paramError(cliName, error.message);
    throw error;
  }
}

/**
 * The CLI's BackCompatVisitor: shorthand yields only strings and lists of strings, so each value is brought to its
 * member's type where that is unambiguous (`a=b` for a list member becomes `['b']`, `"30"` for an integer 30).
 * Members the model does not have are left alone for validation to name.
 */
function coerce(shape: InputShape, value: ShorthandValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (shape.kind) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const member of shape.members) {
        if (Object.hasOwn(value, member.wire)) out[member.wire] = coerce(member.shape, value[member.wire]);
      }
      return out;
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, coerce(shape.value, item)]));
    }
    case 'list':
      return Array.isArray(value) ? value.map((item) => coerce(shape.member, item)) : [coerce(shape.member, value)];
    case 'integer':
    case 'float':
      return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? Number(value) : value;
    case 'timestamp':
      return typeof value === 'string' ? parseTimestamp('', value) : value;
    case 'boolean':
      if (typeof value === 'string' && value.toLowerCase() === 'true') return true;
      if (typeof value === 'string' && value.toLowerCase() === 'false') return false;
      return value;
    default:
      return value;
  }
}

/** A validated wire value to the engine's domain form: member names camelCase, map keys untouched. */
export function toDomain(shape: InputShape, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  switch (shape.kind) {
    case 'structure': {
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const member of shape.members) {
        if (source[member.wire] !== undefined) out[member.domain] = toDomain(member.shape, source[member.wire]);
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => toDomain(shape.member, item));
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, toDomain(shape.value, item)]));
    case 'blob':
      return typeof value === 'string' ? utf8Encode(value) : value;
    default:
      return value;
  }
}

export type { StructureMember };
