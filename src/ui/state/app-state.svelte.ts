import { untrack } from 'svelte';
import {
  createSimulator,
  DEFAULT_ACCOUNT_ID,
  loadSimulator,
  type CallResult,
  type Duration,
  type Simulator,
  type World,
} from '../../engine/index.ts';
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

  private undoStack: World[] = [];
  private redoStack: World[] = [];
  /** Which operations only read (fixed for the app's life, so not reactive). */
  private readonly readOnly: Record<string, boolean> = {};
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private playTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    simulator: Simulator = createSimulator(),
    private readonly store?: KeyValueStore,
    notice?: string,
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
    if (before && result.ok) this.pushUndo(before);
    return result;
  }

  /**
   * Lets virtual time run on its own at `rate` virtual milliseconds per real second (the engine has no timers: the
   * app moves its clock in small steps). One undo step covers the whole run, so Undo returns to where play began.
   */
  play(rate: number): void {
    if (!(rate > 0)) return;
    if (this.playTimer === undefined) this.pushUndo(this.simulator.snapshot());
    else clearInterval(this.playTimer);
    this.playRate = rate;
    const stepMs = 250;
    this.playTimer = setInterval(() => this.simulator.advance((rate * stepMs) / 1000), stepMs);
  }

  pause(): void {
    if (this.playTimer !== undefined) clearInterval(this.playTimer);
    this.playTimer = undefined;
    this.playRate = 0;
  }

  advance(duration: Duration): void {
    this.pushUndo(this.simulator.snapshot());
    this.simulator.advance(duration);
  }

  advanceTo(instant: number): void {
    if (instant <= this.simulator.now) return;
    this.pushUndo(this.simulator.snapshot());
    this.simulator.advanceTo(instant);
  }

  undo(): void {
    this.pause();
    const previous = this.undoStack.pop();
    if (!previous) return;
    this.redoStack.push(this.simulator.snapshot());
    this.simulator.load(previous);
    this.updateFlags();
  }

  redo(): void {
    this.pause();
    const next = this.redoStack.pop();
    if (!next) return;
    this.undoStack.push(this.simulator.snapshot());
    this.simulator.load(next);
    this.updateFlags();
  }

  reset(): void {
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
    this.pause();
    this.pushUndo(this.simulator.snapshot());
    this.simulator.load(snapshot);
    return { ok: true };
  }

  /** Writes pending changes now (before the page unloads, and in tests). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.store) return;
    try {
      await saveWorld(this.store, this.simulator.snapshot());
      this.saveError = undefined;
    } catch (error) {
      this.saveError = `Saving failed: ${error instanceof Error ? error.message : String(error)}. Export your world to keep a copy.`;
    }
  }

  private scheduleSave(): void {
    if (!this.store) return;
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
