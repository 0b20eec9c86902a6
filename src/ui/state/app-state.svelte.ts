import { untrack } from 'svelte';
import {
  createSimulator,
  DEFAULT_ACCOUNT_ID,
  loadSimulator,
  pendingInvocations,
  type CallResult,
  type PendingInvocation,
  type Simulator,
  type World,
} from '../../engine/index.ts';
import type { Bridge, SandboxOutcome } from '../../sandbox/bridge.ts';
import { advanceRunningFunctions, type AsyncSandbox } from '../../sandbox/run-functions.ts';
import type { KeyValueStore } from './key-value-store.ts';
import { saveWorld } from './world-persistence.ts';

const UNDO_LIMIT = 50;
const SAVE_DELAY_MS = 250;

/**
 * The app's one state holder (svelte.dev REPL style): the simulator, who the learner is acting as and where, undo
 * and redo over world snapshots, and autosave. Components read `version` to re-render after any change: the world
 * is a plain object graph, so a counter bumped on every simulator event is cheaper than deep reactive proxies.
 */
export class AppState {
  readonly simulator: Simulator;
  /**
   * Bumped when displayed state may have changed (a write, a load, time passing). Reads do not bump it, so a view
   * can list resources in an effect without looping on its own ListSecrets call.
   */
  version = $state(0);
  /** Bumped on every call and event, for the call log. */
  logVersion = $state(0);
  /** The principal ARN the console acts as; undefined means the default account's admin. */
  actingAs = $state<string | undefined>(undefined);
  region = $state('us-east-1');
  notice = $state<string | undefined>(undefined);
  canUndo = $state(false);
  canRedo = $state(false);
  saveError = $state<string | undefined>(undefined);
  /** Virtual milliseconds per real second while time plays; 0 when paused. */
  playRate = $state(0);
  /** True while a move of time is in progress (a learner's handler runs); other moves wait, undo is off. */
  busy = $state(false);
  /** What a learner's rotation function is doing now ("Running rotate-key: setSecret…"), for the clock bar. */
  running = $state<string | undefined>(undefined);

  private undoStack: World[] = [];
  private redoStack: World[] = [];
  /** Which operations only read (fixed for the app's life, so not reactive). */
  private readonly readOnly: Record<string, boolean> = {};
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private unsaved = false;
  private playTimer: ReturnType<typeof setInterval> | undefined;
  /** The moves of time not yet finished, run one after another (see moveTime). */
  private timeQueue: Promise<void> = Promise.resolve();
  private queuedMoves = 0;
  private changing = false;
  private workerSandbox: Promise<AsyncSandbox> | undefined;

  constructor(
    simulator: Simulator = createSimulator(),
    private readonly store?: KeyValueStore,
    notice?: string,
    /** Where learner-written handlers run; by default a Web Worker per invocation, loaded on first use. */
    private readonly functionSandbox?: AsyncSandbox,
    /** What the store holds for the world now (from restoreWorld), so a save need not read it first. */
    private stored?: { value: unknown },
  ) {
    this.simulator = simulator;
    this.notice = notice;
    for (const op of simulator.operations()) this.readOnly[`${op.service}.${op.operation}`] = op.readOnly;
    // Events arrive synchronously, often while a view's effect is making a call: the counters are bumped without
    // reading them in that effect's context, or the effect would depend on them and rerun forever.
    simulator.subscribe((event) => {
      untrack(() => {
        this.logVersion++;
        if (event.type === 'call' && event.record.invokedBy) return;
        const changes = event.type !== 'call' || (!event.record.readOnly && !event.record.errorCode) || event.record.operation === 'GetSecretValue';
        if (changes) this.version++;
      });
      this.scheduleSave();
    });
  }

  get accountId(): string {
    return this.actingAs ? (/::(\d{12}):/.exec(this.actingAs)?.[1] ?? DEFAULT_ACCOUNT_ID) : DEFAULT_ACCOUNT_ID;
  }

  /** One API call as the learner, through the one pipeline; a successful write can be undone. */
  call<O = Record<string, unknown>>(service: string, operation: string, input: unknown = {}): CallResult<O> {
    const isWrite = this.readOnly[`${service}.${operation}`] === false;
    const before = isWrite ? this.simulator.snapshot() : undefined;
    const result = this.simulator.call<O>({
      service,
      operation,
      input,
      region: this.region,
      userAgent: 'secretslab-console',
      ...(this.actingAs ? { caller: { principalArn: this.actingAs } } : {}),
    });
    if (before && result.ok && !this.changing) this.pushUndo(before);
    return result;
  }

  /**
   * A change made outside the AWS API (deploying a function's code, a simulated database): one undo step, and views
   * re-read the world. An action that throws changes nothing and leaves no undo step.
   */
  change<T>(action: () => T): T {
    if (this.changing) return action();
    const before = this.simulator.snapshot();
    // Calls made inside (say, RotateSecret after deploying a function) belong to this one undo step.
    this.changing = true;
    let result: T;
    try {
      result = action();
    } finally {
      this.changing = false;
    }
    this.pushUndo(before);
    this.version++;
    return result;
  }

  /**
   * Lets virtual time run on its own at `rate` virtual milliseconds per real second (the engine has no timers: the
   * app moves its clock in small steps). One undo step covers the whole run, so Undo returns to where play began.
   * A tick that comes while a handler still runs is skipped rather than queued, so time never piles up behind it.
   */
  play(rate: number): void {
    if (!(rate > 0)) return;
    if (this.playTimer === undefined) this.pushUndo(this.simulator.snapshot());
    else clearInterval(this.playTimer);
    this.playRate = rate;
    const stepMs = 250;
    this.playTimer = setInterval(() => {
      if (!this.busy) void this.moveTime((to) => to(this.simulator.now + (rate * stepMs) / 1000), { undo: false });
    }, stepMs);
  }

  pause(): void {
    if (this.playTimer !== undefined) clearInterval(this.playTimer);
    this.playTimer = undefined;
    this.playRate = 0;
  }

  /** Moves virtual time forward by `ms` milliseconds. */
  advance(ms: number): Promise<void> {
    return this.moveTime((to) => to(this.simulator.now + ms));
  }

  advanceTo(instant: number): Promise<void> {
    if (instant <= this.simulator.now && !this.busy) return Promise.resolve();
    return this.moveTime((to) => (instant > this.simulator.now ? to(instant) : undefined));
  }

  /**
   * One user action that moves time, in one or more hops (`to(instant)`): one undo step for all of it. Moves run one
   * after another: one asked for while a learner's handler runs waits its turn. A hop stops wherever a rotation step
   * is handed to a learner-written function, runs the handler in the sandbox (advanceRunningFunctions), and goes on;
   * without such a step it completes synchronously, so the world has moved when this returns.
   */
  moveTime(action: (to: (instant: number) => Promise<void>) => Promise<void> | void, options: { undo?: boolean } = {}): Promise<void> {
    const run = async () => {
      try {
        if (options.undo !== false) this.pushUndo(this.simulator.snapshot());
        await action((instant) => this.hop(instant));
      } catch (error) {
        // Only the sandbox can fail here (the worker script did not load, say); the step stays waiting for a retry.
        this.notice = `Time stopped where a rotation function had to run: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        if (--this.queuedMoves === 0) {
          this.busy = false;
          this.running = undefined;
        }
      }
    };
    const idle = this.queuedMoves === 0;
    this.queuedMoves++;
    this.busy = true;
    const done = idle ? run() : this.timeQueue.then(run);
    this.timeQueue = done.catch(() => undefined);
    return done;
  }

  /** Resolves when every move of time asked for so far has finished. */
  settled(): Promise<void> {
    return this.timeQueue;
  }

  private hop(instant: number): Promise<void> {
    const target = Math.max(instant, this.simulator.now);
    const needsHandler = () => pendingInvocations(this.simulator.state).length > 0;
    // The common case (no learner-written function waiting) stays synchronous.
    if (!needsHandler() && this.simulator.advanceTo(target, needsHandler)) return Promise.resolve();
    return advanceRunningFunctions(this.simulator, target, this.sandbox);
  }

  /** Runs one handler invocation, saying which in `running`. */
  private readonly sandbox: AsyncSandbox = async (invocation: PendingInvocation, bridge: Bridge): Promise<SandboxOutcome> => {
    this.running = `Running ${invocation.functionName}: ${invocation.step}…`;
    try {
      const sandbox = this.functionSandbox ?? (await (this.workerSandbox ??= import('../../sandbox/worker-sandbox.ts').then((m) => m.workerSandbox())));
      return await sandbox(invocation, bridge);
    } finally {
      this.running = undefined;
    }
  };

  undo(): void {
    if (this.busy) return;
    this.pause();
    const previous = this.undoStack.pop();
    if (!previous) return;
    this.redoStack.push(this.simulator.snapshot());
    this.simulator.load(previous);
    this.updateFlags();
  }

  redo(): void {
    if (this.busy) return;
    this.pause();
    const next = this.redoStack.pop();
    if (!next) return;
    this.undoStack.push(this.simulator.snapshot());
    this.simulator.load(next);
    this.updateFlags();
  }

  reset(): void {
    if (this.busy) return;
    this.pause();
    this.pushUndo(this.simulator.snapshot());
    this.simulator.load(createSimulator().snapshot());
  }

  exportWorld(): string {
    return JSON.stringify(this.simulator.snapshot(), null, 2);
  }

  /** Replaces the world with an exported one; a file that is not a valid world is refused and nothing changes. */
  importWorld(text: string): { ok: true } | { ok: false; message: string } {
    let snapshot: World;
    try {
      snapshot = loadSimulator(text).snapshot();
    } catch (error) {
      return { ok: false, message: `That file is not a SecretsLab world: ${error instanceof Error ? error.message : String(error)}. Your current world is unchanged.` };
    }
    if (this.busy) return { ok: false, message: 'A rotation function is still running; try again when it has finished. Your current world is unchanged.' };
    this.pause();
    this.pushUndo(this.simulator.snapshot());
    this.simulator.load(snapshot);
    return { ok: true };
  }

  /** Writes pending changes now (before the page unloads, and in tests). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    // Only a change waits to be saved (beforeunload and pagehide both flush; the backup must stay the older save).
    if (!this.store || !this.unsaved) return;
    this.unsaved = false;
    try {
      this.stored = { value: await saveWorld(this.store, this.simulator.snapshot(), undefined, this.stored) };
      this.saveError = undefined;
    } catch (error) {
      this.unsaved = true;
      this.saveError = `Saving failed: ${error instanceof Error ? error.message : String(error)}. Export your world to keep a copy.`;
    }
  }

  private scheduleSave(): void {
    if (!this.store) return;
    this.unsaved = true;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  private pushUndo(snapshot: World): void {
    this.undoStack.push(snapshot);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
    this.updateFlags();
  }

  private updateFlags(): void {
    this.canUndo = this.undoStack.length > 0;
    this.canRedo = this.redoStack.length > 0;
  }
}

