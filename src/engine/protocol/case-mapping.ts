import { ServiceError } from '../errors.ts';
import { base64ToBytes, bytesToBase64 } from '../encoding/index.ts';
import { BLOB_MEMBERS, MAP_MEMBERS, WIRE_NAME_EXCEPTIONS, isDateMember, type ProtocolService, type WireService } from './wire-names.ts';

/**
 * Conversion between AWS JSON 1.1 members and the engine's domain objects:
 *   wire                          domain
 *   PascalCase member names       camelCase (first letter lower-cased, plus WIRE_NAME_EXCEPTIONS)
 *   epoch seconds (fractional)    epoch milliseconds
 *   base64 strings                Uint8Array
 * Keys of map-typed members (VersionIdsToStages, EncryptionContext) are data and pass unchanged.
 */

type JsonObject = Record<string, unknown>;

interface ServiceNames {
  toDomain: Map<string, string>;
  toWire: Map<string, string>;
}

const namesByService = new Map<ProtocolService, ServiceNames>();

function names(service: ProtocolService): ServiceNames {
  let entry = namesByService.get(service);
  if (!entry) {
    const exceptions = WIRE_NAME_EXCEPTIONS[service];
    entry = {
      toDomain: new Map(Object.entries(exceptions).map(([domain, wire]) => [wire, domain])),
      toWire: new Map(Object.entries(exceptions)),
    };
    namesByService.set(service, entry);
  }
  return entry;
}

export function domainName(service: ProtocolService, wireName: string): string {
  const cache = names(service).toDomain;
  let name = cache.get(wireName);
  if (name === undefined) {
    name = wireName.charAt(0).toLowerCase() + wireName.slice(1);
    if (cache.size < 4096) cache.set(wireName, name);
  }
  return name;
}

export function wireName(service: ProtocolService, domainName: string): string {
  const cache = names(service).toWire;
  let name = cache.get(domainName);
  if (name === undefined) {
    name = domainName.charAt(0).toUpperCase() + domainName.slice(1);
    if (cache.size < 4096) cache.set(domainName, name);
  }
  return name;
}

/** Assigns without ever touching a prototype: JSON.parse makes `__proto__` an ordinary own key. */
function put(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * A request body (already JSON-parsed) to the operation's domain input. Values of the wrong JSON type are left for
 * the operation's schema to reject, except blobs, which must be decodable here.
 */
export function inputFromWire(service: WireService, body: unknown): unknown {
  return convertIn(service, body, '');
}

function convertIn(service: WireService, value: unknown, path: string): unknown {
  if (Array.isArray(value)) return value.map((item, i) => convertIn(service, item, `${path}.${i + 1}.member`));
  if (!isPlainObject(value)) return value;
  const out: JsonObject = {};
  const blobs = BLOB_MEMBERS[service];
  for (const key of Object.keys(value)) {
    const name = domainName(service, key);
    const member = value[key];
    const memberPath = path ? `${path}.${name}` : name;
    if (MAP_MEMBERS.has(name)) put(out, name, copyMap(member));
    else if (blobs.has(name)) put(out, name, decodeBlob(member, memberPath));
    else if (typeof member === 'number' && isDateMember(name)) put(out, name, Math.round(member * 1000));
    else put(out, name, convertIn(service, member, memberPath));
  }
  return out;
}

function copyMap(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value)) put(out, key, value[key]);
  return out;
}

function decodeBlob(value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'string') {
    throw new ServiceError('SerializationException', `Unexpected value type at '${path}': expected a base64-encoded string`);
  }
  const bytes = base64ToBytes(value);
  // The exact text AWS sends for undecodable base64 is not recorded; this one names the member.
  if (!bytes) throw new ServiceError('SerializationException', `Invalid base64 value at '${path}'.`);
  return bytes;
}

/** An operation's domain output to the JSON value the wire carries (undefined members are dropped by JSON). */
export function outputToWire(service: WireService, output: unknown): unknown {
  return convertOut(service, output);
}

function convertOut(service: WireService, value: unknown): unknown {
  if (value instanceof Uint8Array) return bytesToBase64(value);
  if (Array.isArray(value)) return value.map((item) => convertOut(service, item));
  if (value === null || typeof value !== 'object') return value;
  const source = value as JsonObject;
  const out: JsonObject = {};
  for (const key of Object.keys(source)) {
    const member = source[key];
    if (member === undefined) continue;
    const name = wireName(service, key);
    if (MAP_MEMBERS.has(key)) put(out, name, copyMap(member));
    else if (typeof member === 'number' && isDateMember(key)) put(out, name, member / 1000);
    else put(out, name, convertOut(service, member));
  }
  return out;
}
