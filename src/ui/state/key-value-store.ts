import { createStore, del, get, keys, set, setMany } from 'idb-keyval';

/** Where the app keeps saved work: IndexedDB in the browser, a Map in tests. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Several writes in one transaction, started before this returns (so a page going away still commits them). */
  setMany(entries: [string, unknown][]): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export function indexedDbStore(): KeyValueStore {
  const store = createStore('secretslab', 'saved-work');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    setMany: (entries) => setMany(entries, store),
    del: (key) => del(key, store),
    keys: async () => (await keys(store)).map(String),
  };
}

export function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore & { entries: Map<string, unknown> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => {
      entries.set(key, value);
    },
    setMany: async (pairs) => {
      for (const [key, value] of pairs) entries.set(key, value);
    },
    del: async (key) => {
      entries.delete(key);
    },
    keys: async () => [...entries.keys()],
  };
}
