/**
 * The app's question bank: every content/quiz file, bundled into the quiz's own chunk (this module is reached only
 * from the lazily loaded quiz view, so the initial bundle does not grow), plus parametric items whose answers the
 * engine decides: policy questions (the authorizer) and cost questions (the pricing projection over the dated price
 * files). Any id of a parametric item resolves, so saved sessions naming one still load.
 */
import { pricing } from '../../../engine/index.ts';
import { bankFromRecords, type QuestionBank } from '../../../quiz/bank.ts';
import { policyItem, policyItemFromId } from '../../../quiz/parametric-policy.ts';
import { costItem, costItemFromId } from '../../../quiz/parametric-cost.ts';

const files = import.meta.glob('/content/quiz/*.json', { eager: true, import: 'default' });
const priceFiles = import.meta.glob('/content/pricing/*.json', { eager: true, import: 'default' });

/** How many parametric items of each kind join the practice pool (their seeds are 1…N). */
export const POLICY_ITEMS = 12;
export const COST_ITEMS = 8;

let cached: QuestionBank | undefined;

export function questionBank(): QuestionBank {
  if (cached) return cached;
  const book = pricing.parsePriceBook(Object.keys(priceFiles).sort().map((path) => priceFiles[path]));
  const generated = [
    ...Array.from({ length: POLICY_ITEMS }, (_, i) => policyItem(i + 1)),
    ...Array.from({ length: COST_ITEMS }, (_, i) => costItem(i + 1, book)),
  ];
  cached = bankFromRecords(files, { items: generated, generate: (id) => policyItemFromId(id) ?? costItemFromId(id, book) });
  return cached;
}
