import { utf8Decode, utf8Encode } from '../encoding/index.ts';
import type { CallerRef, Simulator } from '../kernel/index.ts';
import { handleAwsJson } from './aws-json.ts';
import { FORM_CONTENT_TYPE, handleAwsQuery, isQueryService } from './query-protocol.ts';

/**
 * A request handler for AWS SDK v3 clients running in the page: the SDK builds, signs and parses real AWS JSON 1.1
 * and Query (IAM, STS) messages, and this hands them to the in-page simulator instead of the network (stack-notes
 * "In-page SDK").
 * Usage: `new SecretsManagerClient({ region, endpoint: 'https://secretsmanager.sim.invalid', credentials,
 * maxAttempts: 1, requestHandler: inPageRequestHandler(sim, { caller }) })`.
 */

/** The parts of the SDK's HttpRequest this handler reads. */
export interface InPageHttpRequest {
  headers: Record<string, string | undefined>;
  body?: unknown;
}

export interface InPageHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface InPageHandlerOptions {
  /** Who the page is acting as; a function so the UI can switch identities without a new client. Default: admin. */
  caller?: CallerRef | (() => CallerRef | undefined);
  /** Used when the request carries no signature scope. Default: the world's default region. */
  region?: string;
  sourceIp?: string;
  userAgent?: string;
}

export interface InPageRequestHandler {
  handle(request: InPageHttpRequest): Promise<{ response: InPageHttpResponse }>;
  updateHttpClientConfig(): void;
  httpHandlerConfigs(): Record<string, never>;
}

function headerValue(headers: InPageHttpRequest['headers'], name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return utf8Decode(body);
  throw new Error('The in-page request handler only accepts string or byte bodies.');
}

/** The region of the signature's credential scope (`Credential=AKID/20260101/us-west-2/secretsmanager/aws4_request`). */
export function scopeRegion(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1] : undefined;
}

/** The service of the signature's credential scope (`.../us-east-1/sts/aws4_request` -> `sts`). */
export function scopeService(authorization: string | undefined): string | undefined {
  return authorization ? /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization)?.[1] : undefined;
}

export function inPageRequestHandler(sim: Simulator, options: InPageHandlerOptions = {}): InPageRequestHandler {
  return {
    handle(request) {
      const caller = typeof options.caller === 'function' ? options.caller() : options.caller;
      const authorization = headerValue(request.headers, 'authorization');
      const region = scopeRegion(authorization) ?? options.region;
      const target = headerValue(request.headers, 'x-amz-target');
      const signedFor = scopeService(authorization);
      if (target === undefined && (headerValue(request.headers, 'content-type') ?? '').startsWith(FORM_CONTENT_TYPE) && isQueryService(signedFor)) {
        const result = handleAwsQuery(sim, {
          service: signedFor,
          body: bodyText(request.body),
          ...(region ? { region } : {}),
          ...(caller ? { caller } : {}),
          sourceIp: options.sourceIp ?? '203.0.113.10',
          userAgent: options.userAgent ?? headerValue(request.headers, 'user-agent') ?? 'secretslab-in-page-sdk',
        });
        return Promise.resolve({ response: { statusCode: result.status, headers: result.headers, body: utf8Encode(result.body) } });
      }
      const result = handleAwsJson(sim, {
        target,
        body: bodyText(request.body),
        ...(region ? { region } : {}),
        ...(caller ? { caller } : {}),
        sourceIp: options.sourceIp ?? '203.0.113.10',
        userAgent: options.userAgent ?? headerValue(request.headers, 'user-agent') ?? 'secretslab-in-page-sdk',
      });
      return Promise.resolve({ response: { statusCode: result.status, headers: result.headers, body: utf8Encode(result.body) } });
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}
