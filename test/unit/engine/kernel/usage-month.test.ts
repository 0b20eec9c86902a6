import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator, type World } from '../../../../src/engine/index.ts';

/**
 * Usage is kept by calendar month (UTC). The month of an instant is remembered with the month's bounds, so calls at
 * new instants within a month reuse it; these tests show every call lands in the month its own instant names.
 */

const monthOf = (instant: number) => new Date(instant).toISOString().slice(0, 7);

function getRandomPasswordAt(sim: ReturnType<typeof createSimulator>): void {
  const result = sim.call({ service: 'secretsmanager', operation: 'GetRandomPassword', input: {} });
  expect(result.ok).toBe(true);
}

function countsByMonth(sim: ReturnType<typeof createSimulator>): Record<string, number> {
  const usage = (sim.state as World).usage;
  const out: Record<string, number> = {};
  for (const month in usage) out[month] = usage[month]!['111122223333']?.['secretsmanager:GetRandomPassword'] ?? 0;
  return out;
}

describe('usage months', () => {
  it('meter each call in the UTC month of its instant, around month ends and across years (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1999, 0, 1), max: Date.UTC(2101, 0, 1) }),
        fc.array(fc.integer({ min: 0, max: 45 * 24 * 3600_000 }), { minLength: 1, maxLength: 12 }),
        (start, steps) => {
          const sim = createSimulator({ startTime: start });
          const expected: Record<string, number> = {};
          for (const step of steps) {
            sim.advance(step);
            getRandomPasswordAt(sim);
            expected[monthOf(sim.now)] = (expected[monthOf(sim.now)] ?? 0) + 1;
          }
          expect(countsByMonth(sim)).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('move to the next month at the first millisecond of it', () => {
    const sim = createSimulator({ startTime: Date.UTC(2026, 0, 31, 23, 59, 59, 998) });
    getRandomPasswordAt(sim);
    sim.advance(1);
    getRandomPasswordAt(sim);
    sim.advance(1);
    getRandomPasswordAt(sim);
    expect(countsByMonth(sim)).toEqual({ '2026-01': 2, '2026-02': 1 });
  });
});
