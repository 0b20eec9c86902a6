import { ServiceError } from '../errors.ts';
import type { CallerRef, Simulator } from '../kernel/index.ts';
import { inputFromWire, outputToWire } from './case-mapping.ts';
import type { WireService } from './wire-names.ts';

/**
 * AWS JSON 1.1, the protocol of Secrets Manager, KMS, CloudTrail, Parameter Store (SSM) and EventBridge: `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a
 * JSON body; HTTP 200 and a JSON body on success; on failure the HTTP status of the error (400 for every client
 * error) and `{"__type": code, "Message": text}` (reference/secretsmanager-api.md §1).
 */

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

export interface AwsJsonRequest {
  /** The X-Amz-Target header, e.g. `secretsmanager.GetSecretValue` or `TrentService.Encrypt`. */
  target: string | undefined;
  body: string;
  /** From the signature's credential scope; the world's default region when absent. */
  region?: string;
  /** Who signed the request; the default account's admin when absent. */
  caller?: CallerRef;
  sourceIp?: string;
  userAgent?: string;
  /** Request id for failures that never reach the simulator (it assigns its own to every call). */
  requestId?: string;
  /**
   * Fill a missing idempotency token as an SDK would (from the world's seeded RNG). Off for raw HTTP, where AWS
   * refuses the request; on for SecretsLab's own SDK-shaped clients (a learner's rotation function).
   */
  fillIdempotencyToken?: boolean;
}

export interface AwsJsonResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RoutedOperation {
  /** The engine's service name (`secretsmanager`, `kms`, `ssm`, `events`...). */
  service: WireService;
  operation: string;
  /** The SigV4 signing name the credential scope must carry. */
  signingName: string;
}

/** The SigV4 signing name of each service the endpoint speaks (the `endpointPrefix` of the AWS models). */
const SIGNING_NAMES: Record<WireService, string> = { secretsmanager: 'secretsmanager', kms: 'kms', cloudtrail: 'cloudtrail', ssm: 'ssm', events: 'events' };

/**
 * KMS answers errors with a lower-case `message` member, Secrets Manager with `Message` (both recorded against AWS;
 * SDKs and the CLI read either). Parameter Store's model gives its errors a lower-case `message` (ParameterNotFound,
 * ParameterAlreadyExists, InvalidKeyId, HierarchyLevelLimitExceededException...; a few older shapes say `Message`);
 * EventBridge's error shapes declare no member, and it answers with `message` as the AWS JSON services built like
 * KMS do.
 */
const MESSAGE_MEMBER: Record<WireService, string> = { secretsmanager: 'Message', kms: 'message', cloudtrail: 'Message', ssm: 'message', events: 'message' };

/** The X-Amz-Target prefix of CloudTrail (the `targetPrefix` of its AWS model). */
const CLOUDTRAIL_TARGET_PREFIX = 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101';

const routesBySimulator = new WeakMap<Simulator, Map<string, RoutedOperation>>();

function isWireService(name: string): name is WireService {
  return Object.hasOwn(SIGNING_NAMES, name);
}

function routes(sim: Simulator): Map<string, RoutedOperation> {
  let table = routesBySimulator.get(sim);
  if (!table) {
    table = new Map();
    for (const { service, targetPrefix, operation } of sim.operations()) {
      if (!isWireService(service)) continue;
      table.set(`${targetPrefix}.${operation}`, { service, operation, signingName: SIGNING_NAMES[service] });
    }
    routesBySimulator.set(sim, table);
  }
  return table;
}

/** The operation an X-Amz-Target names, or undefined (UnknownOperationException). */
export function routeTarget(sim: Simulator, target: string | undefined): RoutedOperation | undefined {
  return target === undefined ? undefined : routes(sim).get(target);
}

/** The service a target prefix belongs to, even when the operation is unknown (for the error's message member). */
export function serviceOfTarget(target: string | undefined): WireService | undefined {
  if (!target) return undefined;
  // CloudTrail's prefix has dots of its own, so the operation is what follows the last one.
  if (target.startsWith(`${CLOUDTRAIL_TARGET_PREFIX}.`)) return 'cloudtrail';
  const prefix = target.slice(0, target.indexOf('.'));
  if (prefix === 'secretsmanager') return 'secretsmanager';
  if (prefix === 'TrentService') return 'kms';
  if (prefix === 'AmazonSSM') return 'ssm';
  if (prefix === 'AWSEvents') return 'events';
  return undefined;
}

function responseHeaders(requestId: string): Record<string, string> {
  return { 'content-type': AWS_JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId };
}

/** The wire form of an AWS error. */
export function errorResponse(service: WireService | undefined, error: ServiceError, requestId: string): AwsJsonResponse {
  const body: Record<string, string> = { __type: error.code };
  // AWS leaves the member out when there is no text (UnknownOperationException, InvalidCiphertextException).
  if (error.message) body[MESSAGE_MEMBER[service ?? 'secretsmanager']] = error.message;
  return { status: error.httpStatus, headers: responseHeaders(requestId), body: JSON.stringify(body) };
}

/**
 * A failure of SecretsLab itself. It is a 500 that says so, with a code no AWS service uses, so a learner never
 * mistakes our bug for AWS behaviour.
 */
export function bugResponse(error: unknown, requestId: string): AwsJsonResponse {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    headers: responseHeaders(requestId),
    body: JSON.stringify({
      __type: 'SecretsLabBug',
      Message: `SecretsLab bug (this is not an AWS error): ${detail}. Please report it with the request that caused it.`,
    }),
  };
}

let fallbackSequence = 0;

/** A request id for failures before the simulator: deterministic, uuid-shaped, clearly not from the world's RNG. */
function fallbackRequestId(): string {
  fallbackSequence = (fallbackSequence + 1) % 0x1000000000000;
  return `00000000-0000-4000-8000-${fallbackSequence.toString(16).padStart(12, '0')}`;
}

function parseBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ServiceError('SerializationException', 'The request body is not valid JSON.');
  }
}

/**
 * Serves one AWS JSON 1.1 request against the simulator: route, decode, `simulator.call()`, encode. Authentication
 * (SigV4) is the caller's business: this receives the already verified caller and region.
 */
export function handleAwsJson(sim: Simulator, request: AwsJsonRequest): AwsJsonResponse {
  const route = routeTarget(sim, request.target);
  if (!route) {
    return errorResponse(serviceOfTarget(request.target), new ServiceError('UnknownOperationException', ''), request.requestId ?? fallbackRequestId());
  }
  let input: unknown;
  try {
    input = inputFromWire(route.service, parseBody(request.body));
  } catch (error) {
    if (error instanceof ServiceError) return errorResponse(route.service, error, request.requestId ?? fallbackRequestId());
    return bugResponse(error, request.requestId ?? fallbackRequestId());
  }
  let requestId = request.requestId ?? '';
  try {
    const result = sim.call({
      service: route.service,
      operation: route.operation,
      input,
      ...(request.caller ? { caller: request.caller } : {}),
      ...(request.region ? { region: request.region } : {}),
      ...(request.sourceIp ? { sourceIpAddress: request.sourceIp } : {}),
      ...(request.userAgent ? { userAgent: request.userAgent } : {}),
      // SDKs and the CLI fill idempotency tokens themselves; a raw request without one is refused as AWS refuses it.
      fillIdempotencyToken: request.fillIdempotencyToken ?? false,
    });
    requestId = result.requestId;
    if (!result.ok) return errorResponse(route.service, result.error, requestId);
    return { status: 200, headers: responseHeaders(requestId), body: JSON.stringify(outputToWire(route.service, result.output ?? {})) };
  } catch (error) {
    return bugResponse(error, requestId || fallbackRequestId());
  }
}
