import { describe, expect, it } from 'vitest';
import { isPolicyItemId, policyItem, policyItemFromId } from '../../../src/quiz/parametric-policy.ts';
import { questionSchema } from '../../../src/quiz/schema.ts';
import { bankFromRecords } from '../../../src/quiz/bank.ts';

const seeds = Array.from({ length: 120 }, (_, i) => i + 1);
const items = seeds.map(policyItem);
const answerOf = (item: ReturnType<typeof policyItem>) => item.options.find((o) => o.correct)!.id;
const statements = (text: string | undefined) => (text && text !== '(none)' ? (JSON.parse(text).Statement as { Effect: string }[]) : []);

describe('parametric policy items', () => {
  it('are valid questions of the content schema (besides their exhibits) with exactly one answer', () => {
    for (const item of items) {
      const { exhibits: _e, generator: _g, ...question } = item;
      expect(questionSchema.safeParse(question).error?.issues ?? []).toEqual([]);
    }
  });

  it('are rebuilt exactly from their id, so a saved session can name them', () => {
    expect(isPolicyItemId('q-gen-policy-42')).toBe(true);
    expect(isPolicyItemId('q-staging-labels-rollback')).toBe(false);
    expect(policyItemFromId('q-gen-policy-42')).toEqual(policyItem(42));
    const bank = bankFromRecords({}, { generate: policyItemFromId });
    expect(bank.get('q-gen-policy-7')?.stem).toBe(policyItem(7).stem);
    expect(bank.get('q-gen-policy-x')).toBeUndefined();
  });

  it('draw every outcome of the evaluation logic across seeds', () => {
    expect(new Set(items.map(answerOf))).toEqual(new Set(['allowed', 'explicit-deny', 'no-allow', 'guardrail']));
  });

  it('agree with the rules the answers name: a Deny for explicit denials, a guardrail for guardrail denials, a grant on both sides across accounts', () => {
    for (const item of items) {
      const exhibit = (title: string) => item.exhibits!.find((e) => e.title.startsWith(title))?.text;
      const all = item.exhibits!.flatMap((e) => statements(e.text));
      const answer = answerOf(item);
      const crossAccount = item.stem.includes('another account');
      if (answer === 'explicit-deny') expect(all.some((s) => s.Effect === 'Deny')).toBe(true);
      if (answer === 'guardrail') expect(Boolean(exhibit('Permissions boundary') ?? exhibit('SCP'))).toBe(true);
      if (answer === 'allowed') {
        expect(statements(exhibit('Identity policy')).some((s) => s.Effect === 'Allow')).toBe(true);
        if (crossAccount) expect(statements(exhibit('Resource policy')).some((s) => s.Effect === 'Allow')).toBe(true);
      }
      if (crossAccount && exhibit('Resource policy') === '(none)') expect(['no-allow', 'explicit-deny']).toContain(answer);
    }
  });

  it('explain the right answer with the authorizer\'s own explanation', () => {
    for (const item of items.slice(0, 20)) {
      const right = item.options.find((o) => o.correct)!;
      expect(right.rationale).toMatch(/^The authorizer decides: secretsmanager:GetSecretValue on arn:aws:secretsmanager:/);
    }
  });
});
