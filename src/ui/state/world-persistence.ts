import { createSimulator, loadSimulator, type Simulator, type World } from '../../engine/index.ts';
import type { KeyValueStore } from './key-value-store.ts';

export const WORLD_KEY = 'world';
export const PREVIOUS_KEY = 'world:previous';
export const CORRUPT_PREFIX = 'world:corrupt:';

export interface SavedWorld {
  savedAt: string;
  snapshot: World;
}

export interface RestoredWorld {
  simulator: Simulator;
  /** What the store holds under the world's key now (the entry restored), for the next save's backup. */
  stored: { value: unknown };
  /** Set when saved work could not be used: what happened and where the data was kept. */
  notice?: string;
}

/**
 * Restores the learner's world. A snapshot from an older SecretsLab is migrated by the engine; one that cannot be
 * read is never dropped: it is kept aside under its own key, the learner is told, and the last good save (kept as a
 * backup before every overwrite) is offered instead.
 */
export async function restoreWorld(store: KeyValueStore, now: () => Date = () => new Date()): Promise<RestoredWorld> {
  const saved = await store.get(WORLD_KEY);
  if (saved === undefined) return { simulator: createSimulator(), stored: { value: undefined } };
  const loaded = tryLoad(saved);
  if (loaded.simulator) return { simulator: loaded.simulator, stored: { value: saved } };

  const corruptKey = `${CORRUPT_PREFIX}${now().toISOString()}`;
  await store.set(corruptKey, saved);
  // The main key now only ever holds saves this app wrote and could read back.
  await store.del(WORLD_KEY);
  const previous = await store.get(PREVIOUS_KEY);
  const fallback = previous === undefined ? undefined : tryLoad(previous).simulator;
  const kept = `It was kept aside unchanged (saved-work key "${corruptKey}") so nothing is lost.`;
  if (fallback) {
    return { simulator: fallback, stored: { value: undefined }, notice: `Your saved world could not be loaded (${loaded.reason}). ${kept} The previous save was restored instead.` };
  }
  return { simulator: createSimulator(), stored: { value: undefined }, notice: `Your saved world could not be loaded (${loaded.reason}). ${kept} A new world was started.` };
}

function tryLoad(saved: unknown): { simulator?: Simulator; reason: string } {
  try {
    if (saved === null || typeof saved !== 'object' || !('snapshot' in saved)) return { reason: 'the saved entry is not a SecretsLab save' };
    return { simulator: loadSimulator((saved as SavedWorld).snapshot), reason: '' };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Saves the world, keeping the save it replaces (always one this app wrote) as the backup. Both writes go in one
 * transaction. When the caller knows what is stored (`replaced`: the entry it restored or last wrote), the transaction
 * starts before the first await: a save made as the page goes away (reload, tab closed) has no read to wait for,
 * which a reload used to cut short, losing the last change.
 */
export async function saveWorld(store: KeyValueStore, snapshot: World, now: () => Date = () => new Date(), replaced?: { value: unknown }): Promise<SavedWorld> {
  const saved: SavedWorld = { savedAt: now().toISOString(), snapshot };
  const current = replaced ? replaced.value : await store.get(WORLD_KEY);
  await store.setMany(current === undefined ? [[WORLD_KEY, saved]] : [[PREVIOUS_KEY, current], [WORLD_KEY, saved]]);
  return saved;
}
