import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Checksum, SourceData } from '@smithy/types';
import { ServiceError, type Simulator } from '../engine/index.ts';
import {
  FORM_CONTENT_TYPE,
  errorResponse,
  handleAwsJson,
  handleAwsQuery,
  isQueryService,
  parseForm,
  queryErrorResponse,
  routeTarget,
  scopeService,
  serviceOfQueryAction,
  serviceOfTarget,
  verifySigV4,
  type AwsJsonResponse,
} from '../engine/index.ts';
import { loadOrCreateWorld, persistWorld, type Persister } from './state-file.ts';
import { advanceRunningFunctionsSync } from '../sandbox/run-functions.ts';
import { nodeSandbox } from './node-sandbox.ts';

/**
 * The local endpoint: AWS JSON 1.1 for Secrets Manager, KMS, CloudTrail, Parameter Store (SSM) and EventBridge, and
 * the AWS Query protocol for IAM and STS, over HTTP, so the real AWS CLI and SDKs drive the simulator
 * (`aws --endpoint-url http://127.0.0.1:4566 secretsmanager list-secrets`, `aws --endpoint-url ... sts assume-role
 * ...`). One URL serves them all: a request with an X-Amz-Target header is AWS JSON; a form with an Action is
 * Query, for the service its signature is scoped to. Every request must carry a valid SigV4 signature made with a
 * simulated principal's access key (test/test is the default account's admin), or with temporary credentials from
 * AssumeRole and their X-Amz-Security-Token.
 */

export interface EndpointOptions {
  port?: number;
  /** 127.0.0.1 unless asked otherwise: the simulator has no business listening on other interfaces. */
  host?: string;
  statePath?: string;
  seed?: string;
  /** Use this simulator instead of loading or creating one (tests, benchmarks). */
  sim?: Simulator;
  /** Milliseconds between a change and the save (default 150). */
  saveDebounceMs?: number;
  /**
   * Let virtual time follow the wall clock while the server runs (deletion windows and rotations then come due in
   * real time). Off by default: the world's clock stands still and every timestamp is the world's start instant.
   */
  realtime?: boolean;
  /** The wall clock, for tests of `realtime`. */
  wallClock?: () => number;
  log?: (line: string) => void;
}

export interface RunningEndpoint {
  url: string;
  host: string;
  port: number;
  sim: Simulator;
  server: Server;
  /** What loading the state said (loaded, new, recovered). */
  notes: string[];
  realtime: boolean;
  /** Saves the world now if it changed (no-op without --state). */
  flush(): void;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4566;
export const DEFAULT_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const SIGNING_NAMES = { secretsmanager: 'secretsmanager', kms: 'kms', cloudtrail: 'cloudtrail', ssm: 'ssm', events: 'events' } as const;

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** node:crypto's SHA-256 for signature checks on the server; the engine's default is the pure @noble one. */
class NodeSha256 implements Checksum {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
  }
  update(chunk: SourceData): void {
    this.hash.update(toBuffer(chunk));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, response: AwsJsonResponse): void {
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, { ...response.headers, 'content-length': body.length });
  res.end(body);
}

const LANDING_TEXT = `SecretsLab endpoint: AWS Secrets Manager, KMS, CloudTrail, SSM Parameter Store and EventBridge (AWS JSON 1.1), IAM and STS (Query), simulated.
Point the AWS CLI or an SDK at this URL, e.g.
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url <this URL> secretsmanager list-secrets
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url <this URL> sts get-caller-identity
`;

interface Incoming {
  method: string;
  path: string;
  query: string;
  body: string;
  requestId: string;
  sourceIp?: string;
  userAgent?: string;
}

function remoteAddress(req: IncomingMessage): string | undefined {
  return req.socket.remoteAddress?.replace(/^::ffff:/, '');
}

/**
 * A Query request (IAM, STS) names no target: it is a form, POSTed (`application/x-www-form-urlencoded`) or, as
 * AWS also accepts, sent as the query string of a GET, with an `Action`.
 */
function isQueryRequest(req: IncomingMessage, query: string): boolean {
  if (req.headers['x-amz-target'] !== undefined) return false;
  if (req.method === 'GET') return /(?:^|&)Action=/.test(query);
  return req.method === 'POST' && String(req.headers['content-type'] ?? '').toLowerCase().startsWith(FORM_CONTENT_TYPE);
}

async function serveQuery(sim: Simulator, req: IncomingMessage, incoming: Incoming, tick: () => void): Promise<AwsJsonResponse> {
  const form = req.method === 'GET' ? incoming.query : incoming.body;
  const authorization = req.headers.authorization;
  const signed = scopeService(authorization);
  // The credential scope says which service was meant (IAM and STS share the protocol and, here, the URL).
  const service = isQueryService(signed) ? signed : serviceOfQueryAction(sim, parseFormAction(form));
  const auth = await verifySigV4(
    sim,
    { method: incoming.method, path: incoming.path, query: incoming.query, headers: req.headers, body: incoming.body },
    { sha256: NodeSha256, ...(service ? { expectedService: service } : {}) },
  );
  if (!auth.ok) return queryErrorResponse(service, auth.error, incoming.requestId);
  tick();
  return handleAwsQuery(sim, {
    service,
    body: form,
    region: auth.region,
    caller: auth.caller,
    requestId: incoming.requestId,
    ...(incoming.sourceIp ? { sourceIp: incoming.sourceIp } : {}),
    ...(incoming.userAgent ? { userAgent: incoming.userAgent } : {}),
  });
}

function parseFormAction(form: string): string | undefined {
  try {
    return parseForm(form).get('Action');
  } catch {
    return undefined;
  }
}

async function serveJson(sim: Simulator, req: IncomingMessage, incoming: Incoming, tick: () => void): Promise<AwsJsonResponse> {
  const target = req.headers['x-amz-target'] as string | undefined;
  const service = serviceOfTarget(target);
  const route = routeTarget(sim, target);
  const auth = await verifySigV4(
    sim,
    { method: 'POST', path: incoming.path, query: incoming.query, headers: req.headers, body: incoming.body },
    {
      sha256: NodeSha256,
      ...(route ? { expectedService: route.signingName } : service ? { expectedService: SIGNING_NAMES[service] } : {}),
    },
  );
  if (!auth.ok) return errorResponse(service, auth.error, incoming.requestId);
  tick();
  return handleAwsJson(sim, {
    target,
    body: incoming.body,
    region: auth.region,
    caller: auth.caller,
    requestId: incoming.requestId,
    ...(incoming.sourceIp ? { sourceIp: incoming.sourceIp } : {}),
    ...(incoming.userAgent ? { userAgent: incoming.userAgent } : {}),
  });
}

async function serve(sim: Simulator, req: IncomingMessage, res: ServerResponse, tick: () => void): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const query = q < 0 ? '' : url.slice(q + 1);
  const queryRequest = isQueryRequest(req, query);
  if (req.method !== 'POST' && !queryRequest) {
    res.writeHead(req.method === 'GET' ? 200 : 405, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'GET' ? LANDING_TEXT : 'AWS requests are POST / (AWS JSON 1.1 or Query), or GET /?Action=... (Query).\n');
    return;
  }
  const requestId = randomUUID();
  const raw = await readBody(req);
  if (!raw) {
    const tooLarge = new ServiceError('SerializationException', `The request body is larger than ${MAX_BODY_BYTES} bytes.`, 413);
    send(res, queryRequest ? queryErrorResponse(undefined, tooLarge, requestId) : errorResponse(serviceOfTarget(req.headers['x-amz-target'] as string | undefined), tooLarge, requestId));
    return;
  }
  const sourceIp = remoteAddress(req);
  const userAgent = req.headers['user-agent'];
  const incoming: Incoming = {
    method: req.method ?? 'POST',
    path: q < 0 ? url : url.slice(0, q),
    query,
    body: raw.toString('utf8'),
    requestId,
    ...(sourceIp ? { sourceIp } : {}),
    ...(userAgent ? { userAgent } : {}),
  };
  send(res, queryRequest ? await serveQuery(sim, req, incoming, tick) : await serveJson(sim, req, incoming, tick));
}

export async function startEndpoint(options: EndpointOptions = {}): Promise<RunningEndpoint> {
  const log = options.log ?? (() => {});
  const loaded = options.sim ? { sim: options.sim, notes: [] } : loadOrCreateWorld(options.statePath, options.seed);
  const { sim } = loaded;
  const persister: Persister | undefined = options.statePath
    ? persistWorld(sim, options.statePath, options.saveDebounceMs ?? 150, (error) => log(`Could not save ${options.statePath}: ${String(error)}`))
    : undefined;

  const wallClock = options.wallClock ?? Date.now;
  const functionSandbox = nodeSandbox();
  const wallStart = wallClock();
  const virtualStart = sim.now;
  // Virtual time moves only forward: a wall clock set back leaves it where it is.
  const tick = options.realtime
    ? () => {
        const target = virtualStart + (wallClock() - wallStart);
        // A learner's rotation function (deployed from the app into a shared world) runs in node:vm as time passes.
        if (target > sim.now) advanceRunningFunctionsSync(sim, target, functionSandbox);
      }
    : () => {};

  const server = createServer({ keepAlive: true }, (req, res) => {
    serve(sim, req, res, tick).catch((error: unknown) => {
      // Only our own failures get here (AWS errors are answered inside serve): say so, never pose as AWS.
      log(`SecretsLab bug while serving ${String(req.headers['x-amz-target'])}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
        res.end(JSON.stringify({ __type: 'SecretsLabBug', Message: `SecretsLab bug (this is not an AWS error): ${String(error)}` }));
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;

  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    host,
    port,
    sim,
    server,
    notes: loaded.notes,
    realtime: options.realtime === true,
    flush: () => persister?.flush(),
    close() {
      closed ??= new Promise<void>((resolve) => {
        persister?.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
