import { changePath, evaluateGoals, labSnapshot, runSolution, type CallPath, type ChangeAction, type ChangePath, type GoalResult, type Lab, type SolutionStep } from '../../../scenarios/index.ts';
import type { AppState } from '../../state/app-state.svelte.ts';
import type { KeyValueStore } from '../../state/key-value-store.ts';
import { labPriceBook } from './lab-prices.ts';
import { ACTIVE_KEY, BACKUP_KEY, PROGRESS_KEY, emptyProgress, readProgress, type LabProgress, type ProgressBook } from './lab-progress.ts';

export interface ShowMeLine {
  index: number;
  text: string;
  ok: boolean;
}

/** Pause between "show me" steps, so each call can be seen landing in the console and the call log. */
const SHOW_ME_PAUSE_MS = 400;

/**
 * The labs' state: which lab's world is loaded, progress per lab (IndexedDB), the live goal results, and "show me".
 * Starting a lab replaces the learner's world through the app's own import (so Undo can bring it back), after
 * keeping a copy under its own key for "Return to my world".
 */
export class LabsState {
  progress = $state<ProgressBook>({});
  activeLabId = $state<string | undefined>(undefined);
  hasBackup = $state(false);
  ready = $state(false);
  goals = $state.raw<GoalResult[]>([]);
  showMe = $state<ShowMeLine[]>([]);
  showingMe = $state(false);
  message = $state<string | undefined>(undefined);

  constructor(
    private readonly app: AppState,
    private readonly store: KeyValueStore,
  ) {}

  async load(): Promise<void> {
    this.progress = await readProgress(this.store);
    const active = await this.store.get(ACTIVE_KEY);
    this.activeLabId = typeof active === 'string' ? active : undefined;
    this.hasBackup = (await this.store.get(BACKUP_KEY)) !== undefined;
    this.ready = true;
  }

  progressOf(lab: Lab): LabProgress {
    return this.progress[lab.id] ?? emptyProgress(lab.goals.length);
  }

  /** Loads the lab's starting world (the same on every start: a seeded set-up). */
  async start(lab: Lab): Promise<void> {
    if (!this.activeLabId && !this.hasBackup) {
      await this.store.set(BACKUP_KEY, this.app.simulator.snapshot());
      this.hasBackup = true;
    }
    const loaded = this.app.importWorld(JSON.stringify(labSnapshot(lab)));
    if (!loaded.ok) {
      this.message = loaded.message;
      return;
    }
    this.app.actingAs = undefined;
    this.app.region = 'us-east-1';
    this.activeLabId = lab.id;
    this.showMe = [];
    await this.store.set(ACTIVE_KEY, lab.id);
    this.message = `“${lab.title}” is loaded: its world replaced yours, which is kept (Return to my world, or Undo).`;
  }

  async returnToMyWorld(): Promise<void> {
    const backup = await this.store.get(BACKUP_KEY);
    if (backup !== undefined) {
      const loaded = this.app.importWorld(JSON.stringify(backup));
      if (!loaded.ok) {
        this.message = loaded.message;
        return;
      }
    }
    await this.store.del(BACKUP_KEY);
    await this.store.del(ACTIVE_KEY);
    this.hasBackup = false;
    this.activeLabId = undefined;
    this.goals = [];
    this.message = 'Your own world is back.';
  }

  /** Re-evaluates the goals of the loaded lab against the engine's state, and saves progress. */
  evaluate(lab: Lab): void {
    if (this.activeLabId !== lab.id) {
      this.goals = [];
      return;
    }
    this.goals = evaluateGoals(lab.goals, this.app.simulator, { priceBook: labPriceBook() });
    const passed = this.goals.filter((g) => g.passed).map((g) => g.id);
    const before = this.progressOf(lab);
    const completed = before.completed || passed.length === lab.goals.length;
    if (before.passed.join() === passed.join() && before.completed === completed) return;
    this.saveProgress(lab, { ...before, passed, goalCount: lab.goals.length, completed });
  }

  revealHint(lab: Lab, stepIndex: number): void {
    const before = this.progressOf(lab);
    const shown = Math.min((before.hintsShown[stepIndex] ?? 0) + 1, lab.steps[stepIndex]?.hints.length ?? 0);
    this.saveProgress(lab, { ...before, hintsShown: { ...before.hintsShown, [stepIndex]: shown } });
  }

  private saveProgress(lab: Lab, entry: LabProgress): void {
    this.progress = { ...this.progress, [lab.id]: { ...entry, updatedAt: Date.now() } };
    void this.store.set(PROGRESS_KEY, $state.snapshot(this.progress));
  }

  /**
   * Changes outside AWS (the application's code, the network) act on the world directly, as the rotation view's
   * controls do; no API event follows, so the version is bumped for the goals and views to re-read.
   */
  private changePath(): ChangePath {
    const change = changePath(this.app.simulator);
    return (name, args) => {
      change(name, args);
      this.app.version++;
    };
  }

  /** The learner makes one of the lab's "outside AWS" changes from the lab page. */
  applyChange(action: ChangeAction): { ok: true } | { ok: false; message: string } {
    try {
      this.changePath()(action.change.control, action.change.args);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Applies the reference solution one call at a time through the app's own call path (the console's identity and
   * region are set to each call's, then restored), so every call shows in the call log and can be undone.
   */
  async runShowMe(lab: Lab): Promise<void> {
    if (this.showingMe) return;
    this.showingMe = true;
    this.showMe = [];
    const acting = this.app.actingAs;
    const region = this.app.region;
    const defaultAdmin = `arn:aws:iam::${this.app.simulator.state.defaultAccountId}:user/admin`;
    const path: CallPath = (call) => {
      this.app.actingAs = call.principalArn && call.principalArn !== defaultAdmin ? call.principalArn : undefined;
      this.app.region = call.region ?? 'us-east-1';
      return this.app.call(call.service, call.operation, call.input);
    };
    try {
      // An advance may hand rotation steps to a learner-written function: the next step waits until they have run.
      for (const step of runSolution(lab.solution, path, (ms) => void this.app.advance(ms), this.changePath())) {
        await this.app.settled();
        this.showMe = [...this.showMe, describeStep(step)];
        await new Promise((resolve) => setTimeout(resolve, SHOW_ME_PAUSE_MS));
      }
    } catch (error) {
      this.showMe = [...this.showMe, { index: this.showMe.length, text: error instanceof Error ? error.message : String(error), ok: false }];
    } finally {
      this.app.actingAs = acting;
      this.app.region = region;
      this.showingMe = false;
    }
  }
}

function describeStep(step: SolutionStep): ShowMeLine {
  const note = step.action.note ? `${step.action.note} ` : '';
  const { outcome } = step;
  if (outcome.kind === 'advance') return { index: step.index, text: `${note}Moved the clock forward.`, ok: true };
  if (outcome.kind === 'change') return { index: step.index, text: `${note}Outside AWS: ${outcome.explain}`, ok: true };
  const name = 'call' in step.action ? step.action.call.operation : '';
  if (outcome.ok) return { index: step.index, text: `${note}${name}: done.`, ok: true };
  if (outcome.expected) return { index: step.index, text: `${note}${name}: refused as expected (${outcome.errorCode}).`, ok: true };
  return { index: step.index, text: `${note}${name} failed: ${outcome.errorCode}: ${outcome.message} Your world differs from what the solution expects; Reset the lab and try again.`, ok: false };
}
