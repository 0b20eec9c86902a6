import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/engine/index.ts';
import { memoryStore } from '../../../../src/ui/state/key-value-store.ts';
import { AppState } from '../../../../src/ui/state/app-state.svelte.ts';
import { PREVIOUS_KEY, WORLD_KEY, restoreWorld } from '../../../../src/ui/state/world-persistence.ts';

function counting() {
  const store = memoryStore();
  const writes: string[][] = [];
  return { store: { ...store, setMany: (entries: [string, unknown][]) => (writes.push(entries.map(([k]) => k)), store.setMany(entries)) }, writes, raw: store };
}

describe('saving the learner\'s world', () => {
  it('writes a change at once on flush (as the page goes away), and a second flush with nothing new writes nothing', async () => {
    const { store, writes, raw } = counting();
    const restored = await restoreWorld(store);
    const app = new AppState(restored.simulator, store, undefined, undefined, restored.stored);
    app.call('secretsmanager', 'CreateSecret', { name: 'first', secretString: 'x' });
    await app.flush();
    app.call('secretsmanager', 'CreateSecret', { name: 'second', secretString: 'y' });
    await app.flush();
    await app.flush();
    expect(writes).toEqual([[WORLD_KEY], [PREVIOUS_KEY, WORLD_KEY]]);
    // The backup is the save before the last one, not a copy of the last one.
    expect(JSON.stringify(await raw.get(PREVIOUS_KEY))).toContain('"name":"first"');
    expect(JSON.stringify(await raw.get(PREVIOUS_KEY))).not.toContain('"name":"second"');
    expect(JSON.stringify(await raw.get(WORLD_KEY))).toContain('"name":"second"');
  });

  it('tries again on the next flush when a save fails', async () => {
    const { store, raw } = counting();
    let failing = true;
    const flaky = { ...store, setMany: (entries: [string, unknown][]) => (failing ? Promise.reject(new Error('quota exceeded')) : store.setMany(entries)) };
    const app = new AppState(createSimulator(), flaky, undefined, undefined, { value: undefined });
    app.call('secretsmanager', 'CreateSecret', { name: 'kept', secretString: 'x' });
    await app.flush();
    expect(app.saveError).toMatch(/Saving failed: quota exceeded/);
    failing = false;
    await app.flush();
    expect(app.saveError).toBeUndefined();
    expect(JSON.stringify(await raw.get(WORLD_KEY))).toContain('"name":"kept"');
  });
});
