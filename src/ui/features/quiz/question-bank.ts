/**
 * The app's question bank: every content/quiz file, bundled into the quiz's own chunk (this module is reached only
 * from the lazily loaded quiz view, so the initial bundle does not grow), plus a few parametric policy items the
 * engine's authorizer answers. Any id of a parametric item resolves, so saved sessions naming one still load.
 */
import { bankFromRecords, type QuestionBank } from '../../../quiz/bank.ts';
import { policyItem, policyItemFromId } from '../../../quiz/parametric-policy.ts';

const files = import.meta.glob('/content/quiz/*.json', { eager: true, import: 'default' });

/** How many parametric policy items join the practice pool (their seeds are 1…N). */
export const POLICY_ITEMS = 12;

let cached: QuestionBank | undefined;

export function questionBank(): QuestionBank {
  cached ??= bankFromRecords(files, { items: Array.from({ length: POLICY_ITEMS }, (_, i) => policyItem(i + 1)), generate: policyItemFromId });
  return cached;
}
