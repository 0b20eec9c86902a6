import { bytesToBase64 } from '../../encoding/index.ts';
import { isDateMember, MAP_MEMBERS } from '../wire-names.ts';
import { isQueryDateMember, URL_ENCODED_DOCUMENT_MEMBERS } from '../query-names.ts';
import { wireMemberName } from './input-shapes.ts';
import { CLI_OUTPUT_MODEL } from './output-model.ts';
import type { CliShape } from './output-model-types.ts';

/**
 * An operation's domain output to the value the CLI prints, as botocore parses a response and the CLI then
 * transforms it: members in the model's order (members the model does not know are dropped; without a model for
 * the value, every member is kept in the engine's order), timestamps as ISO 8601 text (the CLI's default `cli_timestamp_format = iso8601`), blobs as base64, and for
 * IAM the URL-encoded policy documents decoded back into JSON objects, as the CLI does before printing.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Python's datetime.isoformat() of a UTC time: microseconds only when not zero, offset `+00:00`. The CLI prints in
 * the machine's local zone; the page always prints UTC, the zone of the world's clock.
 */
export function cliTimestamp(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  const millis = iso.slice(20, 23);
  return `${iso.slice(0, 19)}${millis === '000' ? '' : `.${millis}000`}+00:00`;
}

function shapeOf(service: string, name: string | undefined): CliShape | undefined {
  return name === undefined ? undefined : CLI_OUTPUT_MODEL.shapes[service]?.[name];
}

export function cliOutputValue(service: string, operation: string, output: unknown): Json {
  const shapeName = CLI_OUTPUT_MODEL.operations[service]?.[operation];
  return convert(service, output, shapeName, undefined) ?? {};
}

function isDate(service: string, member: string | undefined): boolean {
  if (member === undefined) return false;
  return service === 'iam' || service === 'sts' ? isQueryDateMember(member) : isDateMember(member);
}

function decodedDocument(service: string, member: string | undefined, value: string): Json | undefined {
  if (service !== 'iam' || member === undefined || !URL_ENCODED_DOCUMENT_MEMBERS.iam.has(member)) return undefined;
  try {
    // The engine keeps documents as text; the CLI shows IAM's as parsed JSON (botocore's json_decode_policies).
    return JSON.parse(value) as Json;
  } catch {
    return undefined;
  }
}

/** `member` is the domain name of the member holding the value, for the fallbacks when the model is silent. */
function convert(service: string, value: unknown, shapeName: string | undefined, member: string | undefined): Json | undefined {
  if (value === undefined || value === null) return undefined;
  const shape = shapeOf(service, shapeName);
  if (value instanceof Uint8Array) return bytesToBase64(value);
  if (typeof value === 'number' && (shape?.type === 'timestamp' || (!shape && isDate(service, member)))) return cliTimestamp(value);
  if (typeof value === 'string') return decodedDocument(service, member, value) ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) {
    const itemShape = shape?.type === 'list' ? shape.member : undefined;
    return value.map((item) => convert(service, item, itemShape, member) ?? null);
  }
  if (typeof value !== 'object') return String(value);
  const source = value as Record<string, unknown>;
  if (shape?.type === 'map') {
    const out: Record<string, Json> = {};
    for (const key of Object.keys(source)) {
      const item = convert(service, source[key], shape.value, undefined);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  const out: Record<string, Json> = {};
  if (shape?.type === 'structure') {
    const domainKeys = new Map(Object.keys(source).map((key) => [wireMemberName(service, key), key]));
    for (const [wire, memberShape] of shape.members) {
      const key = domainKeys.get(wire);
      if (key === undefined) continue;
      const item = convert(service, source[key], memberShape, key);
      if (item !== undefined) out[wire] = item;
    }
    // botocore's parser walks the model's members only: what the service sends beyond them (a member newer than the
    // CLI's model, such as DescribeParameters' ARN for CLI 2.9) is never printed.
    return out;
  }
  for (const key of Object.keys(source)) {
    const item = MAP_MEMBERS.has(key) ? copyMap(service, source[key]) : convert(service, source[key], undefined, key);
    if (item !== undefined) out[wireMemberName(service, key)] = item;
  }
  return out;
}

/** Without a model, a map's keys are data and must not be renamed (VersionIdsToStages, EncryptionContext). */
function copyMap(service: string, value: unknown): Json | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return convert(service, value, undefined, undefined);
  const out: Record<string, Json> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const converted = convert(service, item, undefined, undefined);
    if (converted !== undefined) out[key] = converted;
  }
  return out;
}
