import type { z } from 'zod';
import type { Rng } from '../ids/index.ts';
import type { ScheduledTask } from '../clock/index.ts';
import type { Principal } from './principal.ts';
import type { World } from './world.ts';
import type { LogEntry } from './records.ts';

/** What authorization is asked: one action by one principal on one resource. */
export interface AuthorizationRequest {
  principal: Principal;
  action: string;
  resourceArn: string;
  resourceAccountId: string;
  region: string;
  /** Condition keys known for this request (aws:*, secretsmanager:*, kms:*), beyond the principal's own. */
  context: Record<string, string | string[] | boolean | number>;
  /** Set when an AWS service asks on the principal's behalf, e.g. Secrets Manager asking KMS for Decrypt. */
  viaService?: string;
  /**
   * The resource's own policy: a secret's resource policy (absent document: none attached) or a KMS key policy,
   * which must allow for IAM policies to count at all.
   */
  resourcePolicy?: { type: 'resource' | 'key' | 'trust'; document: string | undefined };
  /** Where the call came from (aws:SourceIp). */
  sourceIp?: string;
}

export interface AuthorizationDecision {
  allowed: boolean;
  /** The sentence AWS puts in AccessDeniedException, or why access was allowed. */
  message: string;
  /** The evaluator's trace, for the learner (shape owned by the authorizer). */
  trace?: unknown;
}

export interface Authorizer {
  authorize(world: World, request: AuthorizationRequest): AuthorizationDecision;
  /**
   * Called after anything that may change a decision (a successful write, scheduled work, a load), so an
   * authorizer may memoize decisions between writes. `service`: the module whose write or scheduled task it was
   * (an authorizer that knows which services' state its decisions read may keep its memo across the others);
   * undefined when anything may have changed (a snapshot load).
   */
  invalidate?(service?: string): void;
}

export interface IdentityResolver {
  /** Undefined when the access key or principal is unknown (the endpoint answers UnrecognizedClientException). */
  byAccessKey(world: World, accessKeyId: string): Principal | undefined;
  /** True when the key belongs to temporary credentials that have expired (ExpiredToken rather than an unknown key). */
  isExpired?(world: World, accessKeyId: string): boolean;
  byArn(world: World, principalArn: string): Principal | undefined;
  /** The signing secret of an access key, for SigV4 verification. */
  secretAccessKey(world: World, accessKeyId: string): string | undefined;
  /**
   * The session token issued with temporary credentials (a request signed with them must carry it in
   * X-Amz-Security-Token); undefined for a long-term access key.
   */
  sessionToken?(world: World, accessKeyId: string): string | undefined;
  defaultPrincipal(world: World, accountId: string): Principal;
}

/** A call one service makes to another on the caller's behalf (Secrets Manager's KMS calls). */
export interface NestedCall {
  service: string;
  operation: string;
  invokedBy: string;
  requestParameters: Record<string, unknown>;
  resources: { arn: string; accountId: string }[];
  errorCode?: string;
  errorMessage?: string;
}

export interface OperationContext {
  readonly world: World;
  readonly now: number;
  readonly rng: Rng;
  /** The region the call was made in. */
  readonly region: string;
  readonly principal: Principal;
  readonly requestId: string;
  /** In-memory memo that is never part of the snapshot (decrypted plaintexts, see DESIGN.md). */
  readonly memo: WeakMap<object, unknown>;
  /** The same call acting in another region (replication writes the replica in its region). */
  withRegion(region: string): OperationContext;
  /** Checks a further permission the operation needs (e.g. kms:Decrypt through Secrets Manager); throws AccessDenied. */
  requirePermission(request: Omit<AuthorizationRequest, 'principal' | 'region' | 'sourceIp'> & { region?: string }): void;
  recordNestedCall(call: NestedCall): void;
  meter(meterKey: string, quantity: number, accountId?: string): void;
  schedule(task: Omit<ScheduledTask, 'id'>): void;
  unschedule(match: (task: ScheduledTask) => boolean): void;
  emitServiceEvent(event: {
    service: string;
    eventName: string;
    accountId: string;
    resources: { arn: string; accountId: string }[];
    details: Record<string, unknown>;
  }): void;
}

/** The resource a call acts on, found before authorization so the authorizer can see its ARN and tags. */
export interface ResolvedTarget<T = unknown> {
  resourceArn: string;
  resourceAccountId: string;
  resource?: T;
  context?: AuthorizationRequest['context'];
  resourcePolicy?: AuthorizationRequest['resourcePolicy'];
}

/**
 * One AWS operation, as the pipeline runs it: its input schema (AWS's constraints, camelCase member names as in
 * AWS's validation messages), how to find its resource, and what it does. Adding an operation is a new file
 * exporting one of these plus one registry line.
 */
export interface OperationDefinition<I = never, O = unknown, T = unknown> {
  service: string;
  name: string;
  /** The IAM action; defaults to `${iamPrefix}:${name}`. */
  action?: string;
  readOnly: boolean;
  input: z.ZodType<I>;
  /**
   * The member the AWS model marks `idempotencyToken`: SDKs and the CLI fill it with a UUID when the caller leaves
   * it out, and so does the pipeline unless the request comes over raw HTTP (CallRequest.fillIdempotencyToken).
   */
  idempotencyToken?: string;
  /** Checks AWS makes before looking anything up (e.g. the missing ClientRequestToken). */
  precheck?(raw: Record<string, unknown>): void;
  resolve?(ctx: OperationContext, input: I): ResolvedTarget<T>;
  execute(ctx: OperationContext, input: I, target: ResolvedTarget<T>): O;
  /** Fields of input and output that must never be logged (secret values, plaintexts, passwords). */
  sensitive?: readonly string[];
  /** AWS requires no permission for this operation, and not even an explicit deny stops it (sts:GetCallerIdentity). */
  unauthorized?: true;
}

export interface ServiceModule {
  /** The endpoint prefix and X-Amz-Target prefix, e.g. `secretsmanager`, `TrentService` for KMS. */
  name: string;
  iamPrefix: string;
  targetPrefix: string;
  stateSchema: z.ZodType;
  initialState(): unknown;
  operations: readonly AnyOperation[];
  /**
   * Error codes where this service's protocol differs from the AWS JSON services': IAM and STS speak the Query
   * protocol and answer `ValidationError`, `AccessDenied`, `InvalidClientTokenId` and `ExpiredToken`.
   */
  errorCodes?: Partial<Record<'validation' | 'accessDenied' | 'unrecognizedClient' | 'expiredToken', string>>;
  /** The AccessDenied text as this service words it (STS names the action and role, but no policy type). */
  accessDeniedMessage?(message: string, operation: string): string;
  taskHandlers?: Record<string, (ctx: OperationContext, payload: Record<string, unknown>) => void>;
  /**
   * Bookkeeping this service derives from the record stream (CloudTrail's event history, CloudWatch's metrics).
   * It lives in `world.records[name]`, apart from the resources in `world.services`, because it moves even when a
   * call is refused (a denied call is still an event), exactly like the call log.
   */
  records?: RecordKeeper;
}

export interface RecordKeeper<S = unknown> {
  schema: z.ZodType;
  initial(): S;
  /** Sees every entry the pipeline appends to the log, in order: calls (allowed or refused), nested calls, service events. */
  observe(state: S, entry: LogEntry, world: World): void;
}

// The registry holds operations of many input and output types; each definition is checked where it is written.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = OperationDefinition<any, any, any>;
