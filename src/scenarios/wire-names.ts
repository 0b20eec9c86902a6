import { domainName, inputFromWire, outputToWire, wireName } from '../engine/index.ts';

/**
 * Labs write requests with AWS's member names (SecretId, KmsKeyId) and read outputs the same way (JMESPath over
 * `SecretList[].Name`, as the CLI's --query does). The engine speaks camelCase inside; these convert at the edge.
 * JSON-protocol services have the engine's own codec; the Query-protocol ones (IAM, STS) and Organizations follow
 * the plain "first letter" rule, which is all their implemented members need (see engine/protocol/wire-names.ts).
 */

const JSON_SERVICES = new Set(['secretsmanager', 'kms', 'cloudtrail']);
const QUERY_SERVICES = new Set(['iam', 'sts']);

type JsonService = 'secretsmanager' | 'kms' | 'cloudtrail';

export function toEngineInput(service: string, input: Record<string, unknown>): unknown {
  if (JSON_SERVICES.has(service)) return inputFromWire(service as JsonService, input);
  return renameKeys(input, (key) => (QUERY_SERVICES.has(service) ? domainName(service as 'iam' | 'sts', key) : lowerFirst(key)));
}

export function toAwsOutput(service: string, output: unknown): unknown {
  if (JSON_SERVICES.has(service)) return outputToWire(service as JsonService, output);
  return renameKeys(output, (key) => (QUERY_SERVICES.has(service) ? wireName(service as 'iam' | 'sts', key) : upperFirst(key)));
}

function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || key === '__proto__') continue;
    out[rename(key)] = renameKeys(member, rename);
  }
  return out;
}

const lowerFirst = (key: string) => key.charAt(0).toLowerCase() + key.slice(1);
const upperFirst = (key: string) => key.charAt(0).toUpperCase() + key.slice(1);
