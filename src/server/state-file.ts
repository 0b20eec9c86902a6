import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSimulator, loadSimulator, SnapshotError, type Simulator } from '../engine/index.ts';

/**
 * `--state FILE`: the world lives in a JSON snapshot so a learner's CLI session survives restarts. Writes are atomic
 * (write FILE.tmp, fsync, rename over FILE), so a crash leaves either the old world or the new one, never half of
 * each. A file that cannot be loaded is reported and moved aside, never overwritten silently.
 */

export interface LoadedWorld {
  sim: Simulator;
  /** What happened, for the console: loaded, created, or recovered from a corrupt file. */
  notes: string[];
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-');
}

export function loadOrCreateWorld(statePath: string | undefined, seed: string | undefined): LoadedWorld {
  const fresh = () => createSimulator(seed === undefined ? {} : { seed });
  if (!statePath) return { sim: fresh(), notes: ['State: in memory only (pass --state FILE to keep it between runs).'] };
  if (!existsSync(statePath)) {
    return { sim: fresh(), notes: [`State: ${statePath} does not exist yet; starting a new world and saving it there.`] };
  }
  const text = readFileSync(statePath, 'utf8');
  try {
    const sim = loadSimulator(text);
    const notes = [`State: loaded ${statePath}.`];
    if (seed !== undefined) notes.push(`(--seed ${seed} ignored: the saved world keeps its own seed, ${sim.state.seed}.)`);
    return { sim, notes };
  } catch (error) {
    // Only a snapshot that is unusable is set aside; any other failure is our bug and the file is left untouched.
    if (!(error instanceof SnapshotError)) throw error;
    const aside = `${statePath}.corrupt-${timestamp()}`;
    renameSync(statePath, aside);
    return {
      sim: fresh(),
      notes: [
        `State: ${statePath} could not be loaded: ${error.message}`,
        `       It was moved to ${aside} (nothing was deleted); starting a new world in ${statePath}.`,
      ],
    };
  }
}

export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export interface Persister {
  /** Writes now if anything changed since the last save. */
  flush(): void;
  /** Flushes and stops listening. */
  stop(): void;
}

/** Saves the world after changes, at most every `debounceMs`, and on flush. */
export function persistWorld(sim: Simulator, statePath: string, debounceMs = 150, onError: (error: unknown) => void = () => {}): Persister {
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    try {
      writeAtomically(statePath, JSON.stringify(sim.snapshot()));
    } catch (error) {
      dirty = true;
      onError(error);
    }
  };
  // Every call changes the world (even a read is logged, billed and dated), and so does the clock.
  const unsubscribe = sim.subscribe(() => {
    dirty = true;
    timer ??= setTimeout(save, debounceMs);
  });
  if (!existsSync(statePath)) {
    dirty = true;
    save();
  }
  return {
    flush: save,
    stop() {
      unsubscribe();
      save();
    },
  };
}
