import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator, loadSimulator, type Simulator, type World } from '../../../../src/engine/index.ts';

/**
 * Periodic Security Hub runs walk a list of every finding kept beside the findings dictionary (dropped when a finding
 * is added or deleted), and checks hand back shared results. These tests show the findings a world accumulates are
 * exactly those of a world that starts each step from a snapshot, with nothing kept.
 */

type Step =
  | { kind: 'create'; name: string; tagged: boolean }
  | { kind: 'delete'; name: string }
  | { kind: 'tag'; name: string }
  | { kind: 'read'; name: string }
  | { kind: 'advance'; hours: number };

function apply(sim: Simulator, step: Step): void {
  const secretsmanager = (operation: string, input: Record<string, unknown>) => sim.call({ service: 'secretsmanager', operation, input });
  if (step.kind === 'create') {
    secretsmanager('CreateSecret', { name: step.name, secretString: 'v', ...(step.tagged ? { tags: [{ key: 'team', value: 'blue' }] } : {}) });
  } else if (step.kind === 'delete') secretsmanager('DeleteSecret', { secretId: step.name, forceDeleteWithoutRecovery: true });
  else if (step.kind === 'tag') secretsmanager('TagResource', { secretId: step.name, tags: [{ key: 'owner', value: 'ops' }] });
  else if (step.kind === 'read') secretsmanager('GetSecretValue', { secretId: step.name });
  else sim.advance({ hours: step.hours });
  // Something is logged after every step, so the periodic runs that fell due are carried out.
  sim.call({ service: 'securityhub', operation: 'GetFindings', input: {} });
}

/** The Security Hub record keeper's state: its findings by id (typed loosely: the test reads two fields). */
const findingsOf = (sim: Simulator) => (sim.state as World).records.securityhub as { findings: Record<string, unknown> } | undefined;

/** Runs the steps, comparing after each one with a world loaded from a snapshot taken just before it. */
function agreesWithFresh(steps: Step[]): void {
  const sim = createSimulator();
  for (const s of steps) {
    const fresh = loadSimulator(sim.snapshot());
    apply(sim, s);
    apply(fresh, s);
    expect(findingsOf(sim)).toEqual(findingsOf(fresh));
  }
}

describe('Security Hub findings with kept finding lists and shared check results', () => {
  it('match a world that keeps nothing between steps, through creations, deletions, 90-day pruning and re-creation (property)', () => {
    const name = fc.constantFrom('a', 'b', 'c');
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('create' as const), name, tagged: fc.boolean() }),
      fc.record({ kind: fc.constant('delete' as const), name }),
      fc.record({ kind: fc.constant('tag' as const), name }),
      fc.record({ kind: fc.constant('read' as const), name }),
      // Up to 100 days: enough to prune an archived finding (90 days) and cross the unused-secret limit.
      fc.record({ kind: fc.constant('advance' as const), hours: fc.constantFrom(1, 13, 24 * 30, 24 * 100) }),
    );
    fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 14 }), agreesWithFresh), { numRuns: 60 });
  });

  it('prune a finding made after the list was first walked (a run, a new secret, its deletion, 100 days)', () => {
    agreesWithFresh([
      { kind: 'create', name: 'a', tagged: false },
      { kind: 'advance', hours: 13 },
      { kind: 'create', name: 'b', tagged: true },
      { kind: 'delete', name: 'b' },
      { kind: 'advance', hours: 24 * 100 },
      { kind: 'create', name: 'b', tagged: false },
      { kind: 'delete', name: 'b' },
      { kind: 'advance', hours: 24 * 100 },
    ]);
  });

  it('prune an archived finding after 90 days and make a new one for a secret of the same name', () => {
    const sim = createSimulator();
    apply(sim, { kind: 'create', name: 'a', tagged: false });
    const before = Object.values(findingsOf(sim)!.findings as Record<string, { resourceId: string; recordState: string }>);
    const arn = before.find((f) => f.resourceId.includes(':secret:a-'))!.resourceId;
    apply(sim, { kind: 'delete', name: 'a' });
    apply(sim, { kind: 'advance', hours: 24 * 100 });
    const findings = () => Object.values(findingsOf(sim)!.findings as Record<string, { resourceId: string; recordState: string }>);
    expect(findings().filter((f) => f.resourceId === arn)).toEqual([]);
    apply(sim, { kind: 'create', name: 'a', tagged: false });
    expect(findings().filter((f) => f.resourceId.includes(':secret:a-') && f.recordState === 'ACTIVE').length).toBeGreaterThan(0);
  });
});
