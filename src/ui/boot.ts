import { AppState } from './state/app-state.svelte.ts';
import { indexedDbStore } from './state/key-value-store.ts';
import { restoreWorld } from './state/world-persistence.ts';
import Shell from './features/shell/Shell.svelte';

/**
 * Everything the app needs once the page has painted: the engine (every simulated service), the saved world and
 * the shell. App.svelte imports this lazily so the first paint does not wait for the whole simulator to download
 * and parse (issue 7: at most 150 kB gzip of initial JavaScript).
 */
export async function boot(): Promise<{ app: AppState; Shell: typeof Shell }> {
  const store = indexedDbStore();
  const { simulator, notice, stored } = await restoreWorld(store);
  return { app: new AppState(simulator, store, notice, undefined, stored), Shell };
}
