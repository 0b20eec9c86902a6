/**
 * A second guard behind the pipeline's redaction: whatever an operation forgets to mark sensitive, these members never
 * reach an event. CloudTrail leaves secret material out of its records entirely (Secrets Manager's GetSecretValue,
 * PutSecretValue and CreateSecret events have no value; KMS's Decrypt and GenerateDataKey events have no plaintext).
 */
const NEVER_RECORDED: ReadonlySet<string> = new Set([
  'secretString',
  'secretBinary',
  'randomPassword',
  'plaintext',
  'secretAccessKey',
  'sessionToken',
  'password',
]);

export function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (NEVER_RECORDED.has(key)) continue;
    out[key] = scrub(member);
  }
  return out;
}
