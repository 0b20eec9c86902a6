import type { z } from 'zod';
import { ServiceError } from '../errors.ts';

/**
 * Turns zod issues into the error AWS's request validation (Coral) returns, e.g.
 * `1 validation error detected: Value '5000' at 'passwordLength' failed to satisfy constraint: Member must have
 * value less than or equal to 4096`. Member paths are camelCase and list members are written `filters.1.member`.
 * A value of the wrong JSON type is a SerializationException, as AWS JSON services answer it.
 */
export function validationErrorFrom(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown,
  sensitive: readonly string[] = [],
  code = 'ValidationException',
): ServiceError {
  const typeIssue = issues.find((issue) => issue.code === 'invalid_type' && valueAt(raw, issue.path) !== undefined);
  if (typeIssue && typeIssue.code === 'invalid_type') {
    return new ServiceError(
      'SerializationException',
      `Unexpected value type at '${formatPath(typeIssue.path)}': expected ${typeIssue.expected}`,
    );
  }
  // Coral never echoes a sensitive member's value (a secret string that is too long is not repeated back).
  const sentences = issues.map((issue) => {
    const hidden = issue.path.some((key) => typeof key === 'string' && sensitive.includes(key));
    const value = hidden ? '' : `${formatValue(valueAt(raw, issue.path))} `;
    return `Value ${value}at '${formatPath(issue.path)}' failed to satisfy constraint: ${constraintText(issue)}`;
  });
  const count = sentences.length;
  const head = `${count} validation error${count === 1 ? '' : 's'} detected: `;
  return new ServiceError(code, head + sentences.join('; '));
}

function constraintText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return 'Member must not be null';
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'bigint'
        ? `Member must have value less than or equal to ${String(issue.maximum)}`
        : `Member must have length less than or equal to ${String(issue.maximum)}`;
    case 'too_small':
      return issue.origin === 'number' || issue.origin === 'bigint'
        ? `Member must have value greater than or equal to ${String(issue.minimum)}`
        : `Member must have length greater than or equal to ${String(issue.minimum)}`;
    case 'invalid_format':
      return issue.format === 'regex' && 'pattern' in issue
        ? `Member must satisfy regular expression pattern: ${String(issue.pattern).replace(/^\/|\/[a-z]*$/g, '')}`
        : issue.message;
    case 'invalid_value':
      return `Member must satisfy enum value set: [${issue.values.map(String).join(', ')}]`;
    default:
      return issue.message;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') parts.push(`${key + 1}.member`);
    else parts.push(String(key));
  }
  return parts.join('.');
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `'[${value.map((v) => String(v)).join(', ')}]'`;
  if (value instanceof Uint8Array) return "'java.nio.HeapByteBuffer'";
  if (typeof value === 'object') return `'${JSON.stringify(value)}'`;
  return `'${String(value)}'`;
}
