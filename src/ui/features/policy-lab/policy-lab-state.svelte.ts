/**
 * The Policy Lab's one state holder: editor texts, the request, the matrix axes, and the last evaluation. It is
 * saved to localStorage on every change (debounced) so nothing typed is lost on reload; a saved lab that cannot be
 * read is kept aside under another key, and the lab starts from the first preset and says so.
 */
import { evaluateLab, SLOTS, validateSlot, type Highlight, type LabOutcome, type LabRequest, type LabState, type SlotId } from './lab-model.ts';
import { defaultLabState, type Preset } from './presets.ts';
import type { Finding } from './engine-types.ts';

export const STORAGE_KEY = 'secretslab:policy-lab';
const SAVED_VERSION = 1;
const SAVE_DELAY_MS = 300;

const REQUEST_FIELDS: readonly (keyof LabRequest)[] = ['principal', 'action', 'resource', 'resourceAccount', 'keyArn', 'context'];

/** Reads a saved lab, or explains why it cannot. */
export function readSavedLab(raw: string | null): { state: LabState | undefined; problem: string | undefined } {
  if (raw === null) return { state: undefined, problem: undefined };
  let saved: unknown;
  try {
    saved = JSON.parse(raw);
  } catch {
    return { state: undefined, problem: 'it is not valid JSON' };
  }
  if (!saved || typeof saved !== 'object') return { state: undefined, problem: 'it is not an object' };
  const record = saved as Record<string, unknown>;
  if (record.version !== SAVED_VERSION) return { state: undefined, problem: `its version is ${JSON.stringify(record.version)}, expected ${SAVED_VERSION}` };
  const texts = record.texts as Record<string, unknown> | undefined;
  const request = record.request as Record<string, unknown> | undefined;
  if (!texts || typeof texts !== 'object' || !request || typeof request !== 'object') return { state: undefined, problem: 'its texts or request are missing' };
  const state = defaultLabState();
  for (const slot of SLOTS) {
    const text = texts[slot.id];
    // A slot added since the lab was saved (the RCP) starts empty rather than making the whole save unreadable.
    if (text === undefined) continue;
    if (typeof text !== 'string') return { state: undefined, problem: `the ${slot.label} is not text` };
    state.texts[slot.id] = text;
  }
  for (const field of REQUEST_FIELDS) {
    const value = request[field];
    if (typeof value !== 'string') return { state: undefined, problem: `the request's ${field} is not text` };
    state.request[field] = value;
  }
  if (typeof record.keepFullAwsAccess === 'boolean') state.keepFullAwsAccess = record.keepFullAwsAccess;
  if (typeof record.matrixPrincipals === 'string') state.matrixPrincipals = record.matrixPrincipals;
  if (typeof record.matrixActions === 'string') state.matrixActions = record.matrixActions;
  return { state, problem: undefined };
}

export class PolicyLabState {
  texts = $state<Record<SlotId, string>>(defaultLabState().texts);
  request = $state<LabRequest>(defaultLabState().request);
  keepFullAwsAccess = $state(true);
  matrixPrincipals = $state('');
  matrixActions = $state('');
  active = $state<SlotId>('identity-1');
  /** The last evaluation, and the inputs it was made from (to say when it is out of date). */
  outcome = $state.raw<LabOutcome | undefined>(undefined);
  evaluatedSignature = $state('');
  notice = $state<string | undefined>(undefined);
  presetTitle = $state<string | undefined>(undefined);

  /** The validator's findings per slot, recomputed as the learner types. */
  readonly findings = $derived.by(() => {
    const all = {} as Record<SlotId, Finding[]>;
    for (const slot of SLOTS) all[slot.id] = validateSlot(slot.id, this.texts[slot.id]);
    return all;
  });

  readonly signature = $derived(JSON.stringify([this.texts, this.request, this.keepFullAwsAccess]));
  readonly stale = $derived(this.outcome !== undefined && this.signature !== this.evaluatedSignature);

  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly storage: Storage | undefined = globalThis.localStorage) {
    const raw = storage?.getItem(STORAGE_KEY) ?? null;
    const { state, problem } = readSavedLab(raw);
    if (problem) {
      // Keep the unreadable text rather than overwrite it: the learner (or a bug report) may still want it.
      storage?.setItem(`${STORAGE_KEY}:unreadable`, raw ?? '');
      this.notice = `Your saved Policy Lab could not be read (${problem}), so the lab starts from the first situation. The unreadable copy is kept in this browser's storage under “${STORAGE_KEY}:unreadable”.`;
    }
    this.apply(state ?? defaultLabState());
  }

  snapshot(): LabState {
    return {
      texts: { ...this.texts },
      request: { ...this.request },
      keepFullAwsAccess: this.keepFullAwsAccess,
      matrixPrincipals: this.matrixPrincipals,
      matrixActions: this.matrixActions,
    };
  }

  private apply(state: LabState): void {
    this.texts = { ...state.texts };
    this.request = { ...state.request };
    this.keepFullAwsAccess = state.keepFullAwsAccess;
    this.matrixPrincipals = state.matrixPrincipals;
    this.matrixActions = state.matrixActions;
  }

  loadPreset(preset: Preset): void {
    this.apply(structuredClone(preset.state));
    this.presetTitle = preset.title;
    this.outcome = undefined;
    this.active = SLOTS.find((slot) => preset.state.texts[slot.id].trim() !== '')?.id ?? 'identity-1';
  }

  evaluate(): LabOutcome {
    const outcome = evaluateLab(this.snapshot());
    this.outcome = outcome;
    this.evaluatedSignature = this.signature;
    // Show the editor that holds the (first) deciding statement, unless the one on screen holds one.
    if (outcome.ok && outcome.highlights.length && !outcome.highlights.some((h) => h.slot === this.active)) {
      this.active = (outcome.highlights[0] as Highlight).slot;
    }
    return outcome;
  }

  /** Called by the page whenever anything saved changes. */
  scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify({ version: SAVED_VERSION, ...this.snapshot() }));
    } catch (error) {
      this.notice = `The lab could not be saved in this browser (${error instanceof Error ? error.message : String(error)}); copy anything you want to keep.`;
    }
  }
}
