import { ServiceError, commonErrors } from '../errors.ts';
import { Rng, seedRng, uuid } from '../ids/index.ts';
import { addTask, emptySchedule, removeTasks, takeDueTask, toMilliseconds, type Duration, type ScheduledTask } from '../clock/index.ts';
import type {
  AnyOperation,
  AuthorizationRequest,
  Authorizer,
  IdentityResolver,
  NestedCall,
  OperationContext,
  RecordKeeper,
  ResolvedTarget,
  ServiceModule,
} from './operation.ts';
import { servicePrincipal, type CallerRef, type Principal } from './principal.ts';
import type { CallRecord, LogEntry, ServiceEventRecord } from './records.ts';
import { validationErrorFrom } from './validation.ts';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION, DEFAULT_START_TIME, SECOND_ACCOUNT_ID, SUPPORTED_REGIONS, WORLD_SCHEMA_VERSION, type World } from './world.ts';
import { redact } from './redact.ts';
import { parseWorld } from './snapshot.ts';

export interface CallRequest {
  service: string;
  operation: string;
  input?: unknown;
  /** Defaults to the admin of the default account. */
  caller?: CallerRef;
  /** Defaults to the world's default region. */
  region?: string;
  sourceIpAddress?: string;
  userAgent?: string;
  /** Fill a missing idempotency token as SDKs and the CLI do (default true; the raw HTTP endpoint passes false). */
  fillIdempotencyToken?: boolean;
}

export type CallResult<O = unknown> =
  | { ok: true; output: O; requestId: string }
  | { ok: false; error: ServiceError; requestId: string };

export type SimulatorEvent =
  | { type: 'call'; record: CallRecord }
  | { type: 'service-event'; record: ServiceEventRecord }
  | { type: 'clock'; now: number }
  | { type: 'load' };

export interface SimulatorParts {
  services: readonly ServiceModule[];
  identity: IdentityResolver;
  authorizer: Authorizer;
  /** Runs once on a new world (default principals, AWS managed resources created eagerly). */
  bootstrap?(world: World, rng: Rng): void;
}

export interface NewWorldOptions {
  seed?: string;
  startTime?: number;
  logLimit?: number;
}

/** The learner's simulated address (a documentation range, RFC 5737) when a call names none. */
const DEFAULT_SOURCE_IP = '203.0.113.10';

interface RegisteredOperation {
  module: ServiceModule;
  operation: AnyOperation;
  action: string;
  /** Usage meter of a successful call, e.g. `secretsmanager:GetSecretValue`. */
  meterKey: string;
}

/**
 * The simulator: the world, and the one pipeline every call flows through, whoever makes it (a button, the
 * terminal, the in-page SDK, the CLI over HTTP): identify the principal, validate the input, resolve the resource,
 * authorize, execute, record. A refused call changes no resource: side effects are buffered and applied only when
 * the operation succeeds, and operations check before they mutate.
 */
export class Simulator {
  private world: World;
  private rng: Rng;
  /** Service name, then operation name: two lookups on strings the caller already holds, no key to build. */
  private readonly registry = new Map<string, Map<string, RegisteredOperation>>();
  private readonly listeners = new Set<(event: SimulatorEvent) => void>();
  private memo = new WeakMap<object, unknown>();
  private readonly recordKeepers: { name: string; records: RecordKeeper }[];

  private constructor(
    world: World,
    private readonly parts: SimulatorParts,
  ) {
    this.world = world;
    this.rng = new Rng(world.rng);
    this.recordKeepers = parts.services.flatMap((m) => (m.records ? [{ name: m.name, records: m.records }] : []));
    for (const module of parts.services) {
      for (const operation of module.operations) {
        let byName = this.registry.get(module.name);
        if (!byName) this.registry.set(module.name, (byName = new Map()));
        byName.set(operation.name, {
          module,
          operation,
          action: operation.action ?? `${module.iamPrefix}:${operation.name}`,
          meterKey: `${module.name}:${operation.name}`,
        });
      }
    }
  }

  static create(parts: SimulatorParts, options: NewWorldOptions = {}): Simulator {
    const seed = options.seed ?? 'secretslab';
    const world: World = {
      schemaVersion: WORLD_SCHEMA_VERSION,
      seed,
      rng: seedRng(seed),
      clock: { now: options.startTime ?? DEFAULT_START_TIME },
      schedule: emptySchedule(),
      defaultAccountId: DEFAULT_ACCOUNT_ID,
      defaultRegion: DEFAULT_REGION,
      regions: [...SUPPORTED_REGIONS],
      accounts: {
        [DEFAULT_ACCOUNT_ID]: { id: DEFAULT_ACCOUNT_ID, name: 'Production' },
        [SECOND_ACCOUNT_ID]: { id: SECOND_ACCOUNT_ID, name: 'Development' },
      },
      services: Object.fromEntries(parts.services.map((m) => [m.name, m.initialState()])),
      log: { entries: [], limit: options.logLimit ?? 5000, nextSequence: 1 },
      usage: {},
      records: Object.fromEntries(parts.services.filter((m) => m.records).map((m) => [m.name, m.records!.initial()])),
    };
    parts.bootstrap?.(world, new Rng(world.rng));
    return new Simulator(world, parts);
  }

  /** Loads a snapshot (validated, migrated to the current schema version); throws a SnapshotError if it is unusable. */
  static fromSnapshot(parts: SimulatorParts, snapshot: unknown): Simulator {
    return new Simulator(parseWorld(snapshot, parts.services), parts);
  }

  get now(): number {
    return this.world.clock.now;
  }

  /** Read-only view of the live world; callers must not mutate it (use call()). */
  get state(): Readonly<World> {
    return this.world;
  }

  serviceState<S>(serviceName: string): S {
    return this.world.services[serviceName] as S;
  }

  /** A deep copy of the world as plain JSON. */
  snapshot(): World {
    return JSON.parse(JSON.stringify(this.world)) as World;
  }

  /** Replaces the world with a snapshot (undo, import, lab set-up). */
  load(snapshot: unknown): void {
    this.world = parseWorld(snapshot, this.parts.services);
    this.rng = new Rng(this.world.rng);
    this.memo = new WeakMap();
    this.invalidateCaches(undefined);
    this.emit({ type: 'load' });
  }

  subscribe(listener: (event: SimulatorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  hasOperation(service: string, operation: string): boolean {
    return this.registry.get(service)?.has(operation) ?? false;
  }

  /** Every registered operation, for the coverage table and the endpoint's target routing. */
  operations(): { service: string; targetPrefix: string; operation: string; action: string; readOnly: boolean }[] {
    return [...this.registry.values()].flatMap((byName) => [...byName.values()]).map(({ module, operation, action }) => ({
      service: module.name,
      targetPrefix: module.targetPrefix,
      operation: operation.name,
      action,
      readOnly: operation.readOnly,
    }));
  }

  get identity(): IdentityResolver {
    return this.parts.identity;
  }

  /** Evaluates an authorization request without making a call (the policy lab, lab goals). */
  authorize(request: AuthorizationRequest) {
    return this.parts.authorizer.authorize(this.world, request);
  }

  /**
   * Who a caller is. Remembered between writes at one instant (sessions expire with time), so the records of many
   * calls share one principal object instead of each holding its own copy.
   */
  identify(caller: CallerRef | undefined): Principal | undefined {
    const now = this.world.clock.now;
    if (this.identities.now !== now) this.identities = { now, byKey: new Map(), byArn: new Map(), admin: undefined };
    const known = this.identities;
    if (!caller) return (known.admin ??= this.parts.identity.defaultPrincipal(this.world, this.world.defaultAccountId));
    if ('accessKeyId' in caller) {
      if (known.byKey.has(caller.accessKeyId)) return known.byKey.get(caller.accessKeyId);
      const principal = this.parts.identity.byAccessKey(this.world, caller.accessKeyId);
      known.byKey.set(caller.accessKeyId, principal);
      return principal;
    }
    if (known.byArn.has(caller.principalArn)) return known.byArn.get(caller.principalArn);
    const principal = this.parts.identity.byArn(this.world, caller.principalArn);
    known.byArn.set(caller.principalArn, principal);
    return principal;
  }

  private identities: {
    now: number;
    byKey: Map<string, Principal | undefined>;
    byArn: Map<string, Principal | undefined>;
    admin: Principal | undefined;
  } = { now: Number.NaN, byKey: new Map(), byArn: new Map(), admin: undefined };

  /** After anything that may change who is who or what is allowed: a write or a task of `service`, or a load. */
  private invalidateCaches(service: string | undefined): void {
    this.identities = { now: Number.NaN, byKey: new Map(), byArn: new Map(), admin: undefined };
    this.parts.authorizer.invalidate?.(service);
  }

  call<O = unknown>(request: CallRequest): CallResult<O> {
    const requestId = uuid(this.rng);
    const registered = this.registry.get(request.service)?.get(request.operation);
    const principal = this.identify(request.caller);
    // An unknown or expired key never reaches the service, so CloudTrail has nothing to record either.
    if (!principal) return { ok: false, error: this.credentialError(request.caller, registered?.module), requestId };
    if (!registered) return { ok: false, error: commonErrors.unknownOperation(), requestId };
    const codes = registered.module.errorCodes ?? {};

    const { operation, action } = registered;
    const region = request.region ?? this.world.defaultRegion;
    let raw = (request.input ?? {}) as Record<string, unknown>;
    const tokenMember = operation.idempotencyToken;
    if (tokenMember && request.fillIdempotencyToken !== false && raw && typeof raw === 'object' && raw[tokenMember] === undefined) {
      raw = { ...raw, [tokenMember]: uuid(this.rng) };
    }
    const effects = new BufferedEffects();
    const ctx = this.context(region, principal, requestId, effects);
    let input: unknown = raw;
    let target: ResolvedTarget | undefined;
    try {
      if (!this.world.regions.includes(region)) {
        throw new ServiceError('UnrecognizedClientException', `The security token included in the request is invalid.`);
      }
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw commonErrors.serialization('Start of structure or map expected.');
      }
      operation.precheck?.(raw);
      const parsed = operation.input.safeParse(raw);
      if (!parsed.success) throw validationErrorFrom(parsed.error.issues, raw, operation.sensitive, codes.validation);
      input = parsed.data;
      target = operation.resolve?.(ctx, input) ?? { resourceArn: '*', resourceAccountId: principal.accountId };
      const decision = operation.unauthorized ? { allowed: true, message: '' } : this.parts.authorizer.authorize(this.world, {
        principal,
        action,
        resourceArn: target.resourceArn,
        resourceAccountId: target.resourceAccountId,
        region,
        context: target.context ?? {},
        ...(target.resourcePolicy ? { resourcePolicy: target.resourcePolicy } : {}),
        sourceIp: request.sourceIpAddress ?? DEFAULT_SOURCE_IP,
      });
      if (!decision.allowed) {
        const message = registered.module.accessDeniedMessage?.(decision.message, operation.name) ?? decision.message;
        throw new ServiceError(codes.accessDenied ?? 'AccessDeniedException', message, codes.accessDenied ? 403 : 400);
      }
      const output = operation.execute(ctx, input, target) as O;
      ctx.meter(registered.meterKey, 1);
      effects.commit(this);
      if (!operation.readOnly) this.invalidateCaches(registered.module.name);
      this.record(request, principal, requestId, region, registered, input, target, output, undefined, effects);
      return { ok: true, output, requestId };
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      this.record(request, principal, requestId, region, registered, input, target, undefined, error, effects);
      return { ok: false, error, requestId };
    }
  }

  /** Why a caller could not be identified, in the words of the service called: an expired session, or an unknown key. */
  private credentialError(caller: CallerRef | undefined, module: ServiceModule | undefined): ServiceError {
    const codes = module?.errorCodes ?? {};
    if (caller && 'accessKeyId' in caller && this.parts.identity.isExpired?.(this.world, caller.accessKeyId)) {
      return commonErrors.expiredToken(codes.expiredToken);
    }
    return commonErrors.unrecognizedClient(codes.unrecognizedClient);
  }

  /** Moves virtual time forward, running every scheduled task that falls due, in order. */
  advance(duration: Duration): void {
    this.advanceTo(this.world.clock.now + toMilliseconds(duration));
  }

  /**
   * Moves virtual time to `instant`, running due tasks in order. With `stopWhen`, time stops right after the first
   * task that makes it true (the clock stays at that task's instant) and the call returns false: a host that must
   * do work outside the engine (run a learner's rotation function in a sandbox) does it there, then advances again.
   */
  advanceTo(instant: number, stopWhen?: () => boolean): boolean {
    if (instant < this.world.clock.now) throw new RangeError('Virtual time only moves forward.');
    for (let task = takeDueTask(this.world.schedule, instant); task; task = takeDueTask(this.world.schedule, instant)) {
      this.world.clock.now = Math.max(this.world.clock.now, task.at);
      this.runTask(task);
      if (stopWhen?.()) {
        this.emit({ type: 'clock', now: this.world.clock.now });
        return false;
      }
    }
    this.world.clock.now = instant;
    this.emit({ type: 'clock', now: instant });
    return true;
  }

  /** The next scheduled task, for "jump to next event". */
  nextTask(): ScheduledTask | undefined {
    return this.world.schedule.tasks[0];
  }

  private runTask(task: ScheduledTask): void {
    const module = this.parts.services.find((m) => m.taskHandlers?.[task.kind]);
    const handler = module?.taskHandlers?.[task.kind];
    if (!module || !handler) throw new Error(`No handler for scheduled task kind ${task.kind}`);
    const accountId = typeof task.payload.accountId === 'string' ? task.payload.accountId : this.world.defaultAccountId;
    const region = typeof task.payload.region === 'string' ? task.payload.region : this.world.defaultRegion;
    const effects = new BufferedEffects();
    const ctx = this.context(region, servicePrincipal(`${module.name}.amazonaws.com`, accountId), uuid(this.rng), effects);
    try {
      handler(ctx, task.payload);
      effects.commit(this);
      this.invalidateCaches(module.name);
    } catch (error) {
      // A task that fails as the service would (e.g. a key disabled before a purge) is logged, not fatal.
      if (!(error instanceof ServiceError)) throw error;
      effects.flushNested(this);
    }
  }

  private context(region: string, principal: Principal, requestId: string, effects: BufferedEffects): OperationContext {
    return new CallContext(this.world, this.rng, region, principal, requestId, this.memo, this.parts.authorizer, effects);
  }


  /** @internal used by BufferedEffects */
  applyMeter(meterKey: string, quantity: number, accountId: string): void {
    const month = this.monthOf(this.world.clock.now);
    const byAccount = (this.world.usage[month] ??= {});
    const meters = (byAccount[accountId] ??= {});
    meters[meterKey] = (meters[meterKey] ?? 0) + quantity;
  }

  private monthCache = { from: Number.NaN, to: Number.NaN, month: '' };

  /**
   * 'YYYY-MM' of an instant (UTC), remembered with the month's bounds: every metered call asks, and scheduled work
   * (rotation steps, a second apart) reaches it at a new instant almost every time, within the same month.
   */
  private monthOf(instant: number): string {
    const known = this.monthCache;
    if (!(instant >= known.from && instant < known.to)) {
      const date = new Date(instant);
      const year = date.getUTCFullYear();
      const month = date.getUTCMonth();
      // setUTCFullYear, not Date.UTC, which reads years 0-99 as 1900-1999.
      const from = new Date(0).setUTCFullYear(year, month, 1);
      const to = new Date(0).setUTCFullYear(year, month + 1, 1);
      this.monthCache = { from, to, month: date.toISOString().slice(0, 7) };
    }
    return this.monthCache.month;
  }

  /** @internal */
  applySchedule(task: Omit<ScheduledTask, 'id'>): void {
    addTask(this.world.schedule, task);
  }

  /** @internal */
  applyUnschedule(match: (task: ScheduledTask) => boolean): void {
    removeTasks(this.world.schedule, match);
  }

  /** @internal */
  appendServiceEvent(event: Omit<ServiceEventRecord, 'sequence' | 'eventTime'>): void {
    const record: ServiceEventRecord & { kind: 'service-event' } = {
      kind: 'service-event',
      ...event,
      sequence: this.world.log.nextSequence++,
      eventTime: this.world.clock.now,
    };
    this.append(record);
    this.emit({ type: 'service-event', record });
  }

  /** @internal */
  appendNestedCall(entry: { call: NestedCall; region: string; principal: Principal; at: number }): void {
    const { call, region, principal } = entry;
    const record: CallRecord & { kind: 'call' } = {
      kind: 'call',
      sequence: this.world.log.nextSequence++,
      requestId: uuid(this.rng),
      eventTime: entry.at,
      service: call.service,
      operation: call.operation,
      region,
      principal,
      invokedBy: call.invokedBy,
      requestParameters: call.requestParameters,
      responseElements: null,
      readOnly: true,
      resources: call.resources,
      sourceIpAddress: call.invokedBy,
      userAgent: call.invokedBy,
      ...(call.errorCode ? { errorCode: call.errorCode, errorMessage: call.errorMessage } : {}),
    };
    this.append(record);
    this.emit({ type: 'call', record });
  }

  private record(
    request: CallRequest,
    principal: Principal,
    requestId: string,
    region: string,
    registered: RegisteredOperation,
    input: unknown,
    target: ResolvedTarget | undefined,
    output: unknown,
    error: ServiceError | undefined,
    effects: BufferedEffects,
  ): void {
    if (error) effects.flushNested(this);
    const { operation, module } = registered;
    const sensitive = operation.sensitive ?? [];
    const record: CallRecord & { kind: 'call' } = {
      kind: 'call',
      sequence: this.world.log.nextSequence++,
      requestId,
      eventTime: this.world.clock.now,
      service: module.name,
      operation: operation.name,
      region,
      principal,
      requestParameters: redact(input, sensitive),
      responseElements: error || operation.readOnly ? null : redact(output, sensitive),
      readOnly: operation.readOnly,
      resources:
        target && target.resourceArn !== '*' ? [{ arn: target.resourceArn, accountId: target.resourceAccountId }] : [],
      sourceIpAddress: request.sourceIpAddress ?? DEFAULT_SOURCE_IP,
      userAgent: request.userAgent ?? 'secretslab-console',
      ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
    };
    this.append(record);
    this.emit({ type: 'call', record });
  }

  private append(entry: LogEntry): void {
    for (const keeper of this.recordKeepers) keeper.records.observe(this.world.records[keeper.name], entry, this.world);
    const log = this.world.log;
    log.entries.push(entry);
    // Trim in batches so a long run costs amortized O(1) per call.
    if (log.entries.length > log.limit + Math.ceil(log.limit / 4)) log.entries.splice(0, log.entries.length - log.limit);
  }

  private emit(event: SimulatorEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/**
 * What an operation sees of the world during one call. A class rather than an object of closures: one is made per
 * call, on the hot path.
 */
class CallContext implements OperationContext {
  readonly now: number;

  constructor(
    readonly world: World,
    readonly rng: Rng,
    readonly region: string,
    readonly principal: Principal,
    readonly requestId: string,
    readonly memo: WeakMap<object, unknown>,
    private readonly authorizer: Authorizer,
    private readonly effects: BufferedEffects,
  ) {
    this.now = world.clock.now;
  }

  withRegion(region: string): OperationContext {
    return new CallContext(this.world, this.rng, region, this.principal, this.requestId, this.memo, this.authorizer, this.effects);
  }

  requirePermission(request: Omit<AuthorizationRequest, 'principal' | 'region' | 'sourceIp'> & { region?: string }): void {
    const full: AuthorizationRequest = {
      principal: this.principal,
      action: request.action,
      resourceArn: request.resourceArn,
      resourceAccountId: request.resourceAccountId,
      region: request.region ?? this.region,
      context: request.context,
    };
    if (request.viaService !== undefined) full.viaService = request.viaService;
    if (request.resourcePolicy !== undefined) full.resourcePolicy = request.resourcePolicy;
    const decision = this.authorizer.authorize(this.world, full);
    if (!decision.allowed) throw commonErrors.accessDenied(decision.message);
  }

  recordNestedCall(call: NestedCall): void {
    (this.effects.nested ??= []).push({ call, region: this.region, principal: this.principal, at: this.world.clock.now });
  }

  meter(meterKey: string, quantity: number, accountId?: string): void {
    (this.effects.meters ??= []).push({ meterKey, quantity, accountId: accountId ?? this.principal.accountId });
  }

  schedule(task: Omit<ScheduledTask, 'id'>): void {
    (this.effects.scheduled ??= []).push(task);
  }

  unschedule(match: (task: ScheduledTask) => boolean): void {
    (this.effects.unscheduled ??= []).push(match);
  }

  emitServiceEvent(event: Parameters<OperationContext['emitServiceEvent']>[0]): void {
    (this.effects.serviceEvents ??= []).push({ ...event, region: this.region });
  }
}

/** Side effects an operation asks for, applied only if it succeeds (so a refused call changes nothing). */
class BufferedEffects {
  // Created on first use: most calls (reads) buffer nothing but a meter, and this object is made per call.
  nested: { call: NestedCall; region: string; principal: Principal; at: number }[] | undefined;
  meters: { meterKey: string; quantity: number; accountId: string }[] | undefined;
  scheduled: Omit<ScheduledTask, 'id'>[] | undefined;
  unscheduled: ((task: ScheduledTask) => boolean)[] | undefined;
  serviceEvents: Omit<ServiceEventRecord, 'sequence' | 'eventTime'>[] | undefined;

  commit(simulator: Simulator): void {
    this.flushNested(simulator);
    if (this.unscheduled) for (const match of this.unscheduled) simulator.applyUnschedule(match);
    if (this.scheduled) for (const task of this.scheduled) simulator.applySchedule(task);
    if (this.serviceEvents) for (const event of this.serviceEvents) simulator.appendServiceEvent(event);
    if (this.meters) for (const m of this.meters) simulator.applyMeter(m.meterKey, m.quantity, m.accountId);
    this.unscheduled = this.scheduled = this.serviceEvents = this.meters = undefined;
  }

  /** The service's own calls happened even if the caller's call then failed (CloudTrail shows both). */
  flushNested(simulator: Simulator): void {
    if (this.nested) for (const entry of this.nested) simulator.appendNestedCall(entry);
    this.nested = undefined;
  }
}
