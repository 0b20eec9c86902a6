import type { KeyValueStore } from '../../state/key-value-store.ts';

/** Saved per lab in IndexedDB, so the index shows progress after a reload. */
export interface LabProgress {
  /** Goal ids passing at the last evaluation. */
  passed: string[];
  goalCount: number;
  completed: boolean;
  /** How many hints the learner has opened, per step index. */
  hintsShown: Record<number, number>;
  /** Epoch milliseconds of the last change (wall time: progress is about the learner, not the simulation). */
  updatedAt: number;
}

export const PROGRESS_KEY = 'labs:progress';
/** The lab whose world is loaded, if any: the lab page evaluates goals only against that lab's own world. */
export const ACTIVE_KEY = 'labs:active';
/** The learner's own world, kept when a lab replaces it, so "Return to my world" can bring it back. */
export const BACKUP_KEY = 'labs:world-before-lab';

export type ProgressBook = Record<string, LabProgress>;

export async function readProgress(store: KeyValueStore): Promise<ProgressBook> {
  const saved = await store.get(PROGRESS_KEY);
  return saved && typeof saved === 'object' ? (saved as ProgressBook) : {};
}

export function emptyProgress(goalCount: number): LabProgress {
  return { passed: [], goalCount, completed: false, hintsShown: {}, updatedAt: 0 };
}
