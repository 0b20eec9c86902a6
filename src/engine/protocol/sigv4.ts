import { ALGORITHM_IDENTIFIER, SignatureV4Base, createScope, getCanonicalHeaders, getPayloadHash, getSigningKey } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, HttpRequest } from '@smithy/types';
import type { Checksum, ChecksumConstructor, SourceData } from '@smithy/types';
import { sha256 } from '@noble/hashes/sha2.js';
import { hmac } from '@noble/hashes/hmac.js';
import { ServiceError } from '../errors.ts';
import { utf8Encode } from '../encoding/index.ts';
import type { CallerRef, Simulator } from '../kernel/index.ts';

/**
 * SigV4 verification by recomputation: rebuild the request from the headers the client says it signed, sign it with
 * the secret key of the access key in the Authorization header (@smithy/signature-v4, the SDK's own signer), and
 * compare. Who signed is the caller; the credential scope's region is the region of the call.
 */

export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

function toBytes(data: SourceData): Uint8Array {
  if (typeof data === 'string') return utf8Encode(data);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** SHA-256 and HMAC-SHA-256 from @noble/hashes (pure, synchronous, same in the page and in Node) as a smithy Checksum. */
export class NobleSha256 implements Checksum {
  private readonly secret: Uint8Array | undefined;
  private state: { update(data: Uint8Array): unknown; digest(): Uint8Array };

  constructor(secret?: SourceData) {
    this.secret = secret === undefined ? undefined : toBytes(secret);
    this.state = this.fresh();
  }

  private fresh() {
    return this.secret ? hmac.create(sha256, this.secret) : sha256.create();
  }

  update(chunk: SourceData): void {
    this.state.update(toBytes(chunk));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.state.digest());
  }

  reset(): void {
    this.state = this.fresh();
  }
}

export interface SignedHttpRequest {
  method: string;
  /** The path without the query string, as received (e.g. `/`). */
  path: string;
  /** The raw query string without `?` (empty for AWS JSON). */
  query?: string;
  /** Header names in lower case (as node:http gives them). */
  headers: Record<string, string | string[] | undefined>;
  body: string | Uint8Array;
}

export type SigV4Result =
  | { ok: true; caller: CallerRef; accessKeyId: string; region: string; service: string }
  | { ok: false; error: ServiceError };

export interface VerifyOptions {
  /** The signing name the operation's service expects (`secretsmanager`, `kms`); unchecked when absent. */
  expectedService?: string;
  /** A faster hash for the host (e.g. node:crypto); the pure @noble one by default. */
  sha256?: ChecksumConstructor;
}

const AUTH_PATTERN = /^AWS4-HMAC-SHA256\s+(.*)$/;
const AMZ_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function header(headers: SignedHttpRequest['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function incomplete(message: string): SigV4Result {
  return { ok: false, error: new ServiceError('IncompleteSignatureException', message) };
}

function unrecognized(): SigV4Result {
  return { ok: false, error: new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.') };
}

function mismatch(message = SIGNATURE_MISMATCH): SigV4Result {
  return { ok: false, error: new ServiceError('InvalidSignatureException', message) };
}

function parseQuery(query: string | undefined): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!query) return out;
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    const prior = out[key];
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function hex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Verifies a SigV4 Authorization header against the simulated principals' access keys. */
export async function verifySigV4(sim: Simulator, request: SignedHttpRequest, options: VerifyOptions = {}): Promise<SigV4Result> {
  const authorization = header(request.headers, 'authorization');
  if (!authorization) return { ok: false, error: new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token') };
  const auth = AUTH_PATTERN.exec(authorization.trim());
  if (!auth) return incomplete(`Unsupported AWS 'algorithm': '${authorization.split(/\s/)[0] ?? ''}'`);
  const params: Record<string, string> = {};
  for (const part of auth[1]!.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const missing = ['Credential', 'Signature', 'SignedHeaders'].filter((p) => !params[p]);
  if (missing.length) {
    return incomplete(missing.map((p) => `Authorization header requires '${p}' parameter.`).join(' '));
  }
  const scope = params.Credential!.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    return incomplete(`Credential should be scoped to a valid region. `);
  }
  const [accessKeyId, shortDate, region, service] = scope as [string, string, string, string, string];
  const amzDate = header(request.headers, 'x-amz-date');
  const dateParts = amzDate ? AMZ_DATE_PATTERN.exec(amzDate) : null;
  if (!amzDate || !dateParts) {
    return incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  // Who is asking comes before whether they signed correctly: an unknown key is reported as such.
  const secretAccessKey = sim.identity.secretAccessKey(sim.state, accessKeyId);
  if (secretAccessKey === undefined) return unrecognized();
  // Temporary credentials are only good with the token they were issued with; a long-term key takes no token.
  const sessionToken = header(request.headers, 'x-amz-security-token') || undefined;
  const issuedToken = sim.identity.sessionToken?.(sim.state, accessKeyId);
  if (sessionToken === undefined ? issuedToken !== undefined : issuedToken === undefined || !constantTimeEqual(sessionToken, issuedToken)) {
    return unrecognized();
  }
  if (options.expectedService && service !== options.expectedService) {
    return mismatch(`Credential should be scoped to correct service: '${options.expectedService}'. `);
  }
  if (!amzDate.startsWith(shortDate)) {
    return mismatch(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${shortDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
  }

  const hashConstructor = options.sha256 ?? NobleSha256;
  const signedHeaderNames = params.SignedHeaders!.split(';');
  const headers: Record<string, string> = {};
  for (const name of signedHeaderNames) {
    const value = header(request.headers, name);
    if (value === undefined) return mismatch();
    headers[name] = value;
  }
  // A signed payload hash must be the hash of the payload actually received.
  const claimedHash = headers['x-amz-content-sha256'];
  if (claimedHash !== undefined && claimedHash !== 'UNSIGNED-PAYLOAD') {
    const hash = new hashConstructor();
    hash.update(typeof request.body === 'string' ? utf8Encode(request.body) : request.body);
    if (hex(await hash.digest()) !== claimedHash) return mismatch();
  }
  const expected = await verifierFor(hashConstructor).expectedSignature(
    {
      method: request.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: request.path,
      query: parseQuery(request.query),
      headers,
      body: request.body,
    },
    { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    { longDate: amzDate, shortDate, region, service, signedHeaders: new Set(signedHeaderNames) },
  );
  if (expected.signedHeaders !== params.SignedHeaders || !constantTimeEqual(expected.signature, params.Signature!.toLowerCase())) return mismatch();
  return { ok: true, caller: { accessKeyId }, accessKeyId, region, service };
}

/**
 * The signing steps of @smithy/signature-v4 (canonical headers, canonical request, string to sign, signing key),
 * applied to the request exactly as received. `SignatureV4.sign()` would do the same after cloning the request and
 * re-deriving the date and scope it is given; going through its steps directly halves the cost per request.
 */
class SignatureRecomputer extends SignatureV4Base {
  constructor(private readonly hash: ChecksumConstructor) {
    super({ credentials: { accessKeyId: '', secretAccessKey: '' }, region: '', service: '', sha256: hash, uriEscapePath: true, applyChecksum: false });
  }

  async expectedSignature(
    request: HttpRequest,
    credentials: AwsCredentialIdentity,
    scope: { longDate: string; shortDate: string; region: string; service: string; signedHeaders: Set<string> },
  ): Promise<{ signature: string; signedHeaders: string }> {
    const canonicalHeaders = getCanonicalHeaders(request, undefined, scope.signedHeaders);
    const payloadHash = await getPayloadHash(request, this.hash);
    const canonicalRequest = this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
    const credentialScope = createScope(scope.shortDate, scope.region, scope.service);
    const stringToSign = await this.createStringToSign(scope.longDate, credentialScope, canonicalRequest, ALGORITHM_IDENTIFIER);
    const key = await getSigningKey(this.hash, credentials, scope.shortDate, scope.region, scope.service);
    const mac = new this.hash(key);
    mac.update(utf8Encode(stringToSign));
    return { signature: hex(await mac.digest()), signedHeaders: this.getCanonicalHeaderList(canonicalHeaders) };
  }
}

const recomputers = new Map<ChecksumConstructor, SignatureRecomputer>();

function verifierFor(hash: ChecksumConstructor): SignatureRecomputer {
  let recomputer = recomputers.get(hash);
  if (!recomputer) recomputers.set(hash, (recomputer = new SignatureRecomputer(hash)));
  return recomputer;
}
