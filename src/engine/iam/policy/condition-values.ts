/**
 * Parsing condition values for the typed operator families [OPS]: numbers, dates, booleans, base64 binary
 * and IP ranges. Each returns undefined for a value that is not of its type; the operator then does not
 * match (spec section 3: "non-numeric values: treat as no match").
 */
import ipaddr from 'ipaddr.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  return NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

const EPOCH_SECONDS = /^-?\d+(\.\d+)?$/;
const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A date as epoch milliseconds. IAM accepts ISO 8601 (date only, with time, with an offset) and epoch
 * seconds [OPS Date]. Without an offset the time is UTC: the engine never reads the host's time zone.
 */
export function parseDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (EPOCH_SECONDS.test(trimmed)) return Number(trimmed) * 1000;
  const m = ISO_DATE.exec(trimmed);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  let instant = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), millis);
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    instant -= sign * offsetMinutes * 60_000;
  }
  return instant;
}

/** `Bool` compares `true`/`false`; anything else is not a boolean and matches nothing. */
export function parseBool(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  return undefined;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_INDEX = new Map([...BASE64_ALPHABET].map((ch, i) => [ch, i]));

/** Decodes base64 (the engine has no atob/TextEncoder); undefined when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  const clean = text.trim().replace(/=+$/, '');
  if (clean.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const value = BASE64_INDEX.get(ch);
    if (value === undefined) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(bytes);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export type IpRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** A CIDR block, or a bare address meaning /32 (IPv4) or /128 (IPv6) [OPS IpAddress]. */
export function parseIpRange(text: string): IpRange | undefined {
  const trimmed = text.trim();
  try {
    if (trimmed.includes('/')) return ipaddr.parseCIDR(trimmed);
    const address = ipaddr.parse(trimmed);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return undefined;
  }
}

export function parseIpAddress(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const trimmed = text.trim();
  try {
    return ipaddr.isValid(trimmed) ? ipaddr.parse(trimmed) : undefined;
  } catch {
    return undefined;
  }
}

export function ipInRange(address: ipaddr.IPv4 | ipaddr.IPv6, range: IpRange): boolean {
  const [base, bits] = range;
  if (address.kind() !== base.kind()) return false;
  return address.match(base, bits);
}

/** True when a CIDR's address has bits set beyond its prefix (Access Analyzer "Improve IP range"). */
export function hasHostBits(range: IpRange): boolean {
  const [base, bits] = range;
  const bytes = base.toByteArray();
  for (let bit = bits; bit < bytes.length * 8; bit++) {
    if (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1) return true;
  }
  return false;
}

/**
 * Request values repeat from call to call (the caller's source IP, the current time), and every statement that
 * tests them would parse them again; these remember the last few thousand. Parsing is pure, so a remembered
 * result is the result.
 */
const MEMO_LIMIT = 4_096;
const addressMemo = new Map<string, ipaddr.IPv4 | ipaddr.IPv6 | null>();
const dateMemo = new Map<string, number | null>();

export function parseIpAddressMemo(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const known = addressMemo.get(text);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseIpAddress(text);
  if (addressMemo.size >= MEMO_LIMIT) addressMemo.clear();
  addressMemo.set(text, parsed ?? null);
  return parsed;
}

export function parseDateMemo(text: string): number | undefined {
  const known = dateMemo.get(text);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseDate(text);
  if (dateMemo.size >= MEMO_LIMIT) dateMemo.clear();
  dateMemo.set(text, parsed ?? null);
  return parsed;
}
