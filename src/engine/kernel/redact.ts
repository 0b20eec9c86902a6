/**
 * A copy of a request or response that is safe to log: members named sensitive (secret values, plaintexts,
 * generated passwords) are dropped wherever they appear, and bytes are summarised, never copied. CloudTrail
 * behaves the same way: it never records a secret value.
 */
export function redact(value: unknown, sensitive: readonly string[]): Record<string, unknown> | null {
  if (value === null || typeof value !== 'object') return null;
  return redactObject(value as Record<string, unknown>, sensitive);
}

function redactObject(object: Record<string, unknown>, sensitive: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Object.keys, not Object.entries: the same members in the same order, without a [key, value] pair for each (every
  // logged call redacts its request, a write its response too).
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const member = object[key];
    if (member === undefined || sensitive.includes(key)) continue;
    out[key] = redactValue(member, sensitive);
  }
  return out;
}

function redactValue(value: unknown, sensitive: readonly string[]): unknown {
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, sensitive));
  if (value !== null && typeof value === 'object') return redactObject(value as Record<string, unknown>, sensitive);
  return value;
}
