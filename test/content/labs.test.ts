import { describe, expect, it } from 'vitest';
import { applySolution, buildLabWorld, evaluateGoals, parseLab, type Lab } from '../../src/scenarios/index.ts';
import { TASK_STATEMENTS } from '../../src/quiz/schema.ts';
import { labSources, nodeClock, priceBook } from './labs-files.ts';

const sources = labSources();

describe('lab content', () => {
  it('finds all sixteen labs, one for each lab of the issue', () => {
    expect(sources.map((source) => source.folder.slice(0, 2))).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  for (const source of sources) {
    describe(source.folder, () => {
      // A lab that does not parse fails its own tests, not the whole suite.
      let parsed: Lab | Error;
      try {
        parsed = parseLab(source);
      } catch (error) {
        parsed = error instanceof Error ? error : new Error(String(error));
      }
      const lab = parsed instanceof Error ? undefined : parsed;
      if (!lab) {
        it('validates', () => {
          throw parsed;
        });
        return;
      }

      it('validates and names its exam task statement', () => {
        expect(lab.id).toBe(source.folder);
        expect(TASK_STATEMENTS[lab.task]).toBeTruthy();
        expect(lab.situation.length).toBeGreaterThan(80);
      });

      // Every lab runs on the Node host's clock, which runs learner-written rotation functions (lab 08) in node:vm.
      it('its starting world does not already meet its goals', () => {
        const results = evaluateGoals(lab.goals, buildLabWorld(lab, nodeClock), { priceBook: priceBook() });
        expect(results.filter((r) => !r.passed).length, JSON.stringify(results, null, 1)).toBeGreaterThan(0);
      });

      it('its reference solution, run through the API, meets every goal', () => {
        const world = buildLabWorld(lab, nodeClock);
        const failed = applySolution(lab, world, nodeClock(world));
        expect(failed, failed && JSON.stringify(failed.outcome)).toBeUndefined();
        const results = evaluateGoals(lab.goals, world, { priceBook: priceBook() });
        expect(results.filter((r) => !r.passed), JSON.stringify(results, null, 1)).toEqual([]);
      });
    });
  }
});
