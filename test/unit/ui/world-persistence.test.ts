import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../src/engine/index.ts';
import { memoryStore } from '../../../src/ui/state/key-value-store.ts';
import { CORRUPT_PREFIX, PREVIOUS_KEY, WORLD_KEY, restoreWorld, saveWorld } from '../../../src/ui/state/world-persistence.ts';

const at = () => new Date('2026-11-28T12:00:00Z');

function worldWithSecret(name: string) {
  const sim = createSimulator();
  sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name, secretString: 'x' } });
  return sim.snapshot();
}

describe('saved work', () => {
  it('starts a new world when nothing was saved', async () => {
    const { simulator, notice } = await restoreWorld(memoryStore());
    expect(notice).toBeUndefined();
    expect(simulator.now).toBe(createSimulator().now);
  });

  it('restores exactly what was saved, and keeps the replaced save as a backup', async () => {
    const store = memoryStore();
    await saveWorld(store, worldWithSecret('first'), at);
    await saveWorld(store, worldWithSecret('second'), at);
    const { simulator } = await restoreWorld(store);
    expect(JSON.stringify(simulator.snapshot())).toContain('"name":"second"');
    expect(JSON.stringify(await store.get(PREVIOUS_KEY))).toContain('"name":"first"');
  });

  it('keeps a corrupt save aside, says so, and falls back to the previous save', async () => {
    const store = memoryStore();
    await saveWorld(store, worldWithSecret('good'), at);
    await saveWorld(store, worldWithSecret('newer'), at);
    const corrupt = { savedAt: 'x', snapshot: { schemaVersion: 1, seed: 42 } };
    await store.set(WORLD_KEY, corrupt);
    const { simulator, notice } = await restoreWorld(store, at);
    expect(notice).toMatch(/could not be loaded .*kept aside unchanged .*previous save was restored/);
    expect(JSON.stringify(simulator.snapshot())).toContain('"name":"good"');
    expect(await store.get(`${CORRUPT_PREFIX}2026-11-28T12:00:00.000Z`)).toEqual(corrupt);
    // The next save does not turn the corrupt entry into the backup.
    await saveWorld(store, simulator.snapshot(), at);
    expect(JSON.stringify(await store.get(PREVIOUS_KEY))).not.toContain('"seed":42');
  });

  it('starts fresh, still keeping the data, when there is no usable backup', async () => {
    const store = memoryStore({ [WORLD_KEY]: 'garbage' });
    const { notice } = await restoreWorld(store, at);
    expect(notice).toMatch(/not a SecretsLab save.*A new world was started/);
    expect(await store.get(`${CORRUPT_PREFIX}2026-11-28T12:00:00.000Z`)).toBe('garbage');
  });

  it('starts both writes of a save before its first await when it knows what is stored, so an unloading page keeps them', async () => {
    const store = memoryStore();
    const restored = await restoreWorld(store);
    expect(restored.stored).toEqual({ value: undefined });
    const first = await saveWorld(store, worldWithSecret('first'), at, restored.stored);
    // A store whose writes only count if they were issued synchronously, as a page that goes away allows.
    const issued: string[] = [];
    const unloading = { ...store, get: () => new Promise<unknown>(() => {}), setMany: (entries: [string, unknown][]) => (issued.push(...entries.map(([k]) => k)), store.setMany(entries)) };
    void saveWorld(unloading, worldWithSecret('last change'), at, { value: first });
    expect(issued).toEqual([PREVIOUS_KEY, WORLD_KEY]);
    const { simulator, stored } = await restoreWorld(store);
    expect(JSON.stringify(simulator.snapshot())).toContain('"name":"last change"');
    expect(JSON.stringify(await store.get(PREVIOUS_KEY))).toContain('"name":"first"');
    expect(stored.value).toEqual(await store.get(WORLD_KEY));
  });

  it('refuses a snapshot from a newer SecretsLab rather than half-reading it', async () => {
    const future = { ...worldWithSecret('x'), schemaVersion: 99 };
    const store = memoryStore({ [WORLD_KEY]: { savedAt: 'x', snapshot: future } });
    const { notice } = await restoreWorld(store, at);
    expect(notice).toContain('newer SecretsLab');
  });
});
