import { activeKeys, partnerApis, type Simulator } from '../engine/index.ts';
import type { GoalCheck } from './schema.ts';

type PartnerApiCheck = Extract<GoalCheck, { partnerApi: unknown }>['partnerApi'];
type Outcome = { passed: boolean; reason: string };

/** A key is named by its last characters only, as the vendor's own console would: a goal's reason never shows it. */
const ending = (key: string) => `the key ending in ${key.slice(-4)}`;
const keys = (n: number) => `${n} active ${n === 1 ? 'key' : 'keys'}`;

/**
 * Answers a third-party API goal: for each listed staging label, the secret's value in that version holds a key the
 * service accepts now (a client that read that version still gets in), and the service holds no more keys than
 * allowed. The keys are read as the account's admin on the goal's clone of the world; the service's key list is
 * read directly, so checking leaves no request in its counters.
 */
export function evaluatePartnerApi(check: PartnerApiCheck, simulator: Simulator): Outcome {
  const api = partnerApis(simulator.state)[check.host];
  if (!api) return { passed: false, reason: `There is no third-party API at ${check.host}.` };
  const active = activeKeys(api);
  // The schema's default; a goal built in code rather than parsed may leave it out.
  const field = check.field ?? 'apiKey';
  const accepted: string[] = [];
  for (const stage of check.accepts) {
    const read = simulator.call<{ secretString?: string }>({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: check.secret, versionStage: stage } });
    if (!read.ok) return { passed: false, reason: `GetSecretValue of ${check.secret} (${stage}) failed: ${read.error.code}: ${read.error.message}` };
    const key = fieldOf(read.output.secretString, field);
    if (key === undefined) {
      return { passed: false, reason: `The ${stage} value of ${check.secret} is not a JSON object with a string "${field}": a client reading it has no key to send.` };
    }
    if (!active.some((k) => k.value === key)) {
      return { passed: false, reason: `${api.name} refuses ${ending(key)} (${stage} of ${check.secret}): it is not one of its active keys.` };
    }
    accepted.push(stage);
  }
  if (check.activeKeysAtMost !== undefined && active.length > check.activeKeysAtMost) {
    return { passed: false, reason: `${api.name} holds ${keys(active.length)}; at most ${check.activeKeysAtMost} allowed.` };
  }
  return { passed: true, reason: `${api.name} accepts the keys in ${accepted.join(' and ')} (${keys(active.length)}).` };
}

function fieldOf(text: string | undefined, field: string): string | undefined {
  try {
    const value = JSON.parse(text ?? '') as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const member = (value as Record<string, unknown>)[field];
    return typeof member === 'string' ? member : undefined;
  } catch {
    return undefined;
  }
}
