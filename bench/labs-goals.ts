import { applySolution, buildLabWorld, evaluateGoals, parseLab, type Lab } from '../src/scenarios/index.ts';
import { labSources, nodeClock, priceBook } from '../test/content/labs-files.ts';
import type { Metric } from './results.ts';

/**
 * Issue 8's lab runtime: the lab page re-evaluates every goal after each change to the world, on a clone per goal,
 * so the time of one evaluation is the delay a learner sees before the goal list updates. Measured on each lab's
 * world after its reference solution (the largest world the lab reaches); the slowest lab is the figure. Lab 08's
 * learner-written handler runs in node:vm as its solution's time passes (nodeClock), as in the content tests.
 */
const ROUNDS = 7;

function labs(): Lab[] {
  return labSources().map(parseLab);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function labsGoalsBench(): Metric[] {
  const context = { priceBook: priceBook() };
  let slowestBuild = { id: '', ms: 0 };
  let slowestEvaluation = { id: '', ms: 0, goals: 0 };
  for (const lab of labs()) {
    const builds: number[] = [];
    const evaluations: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now();
      const world = buildLabWorld(lab);
      builds.push(performance.now() - start);
      if (round === 0 && applySolution(lab, world, nodeClock(world))) throw new Error(`${lab.id}: its solution fails`);
      if (round > 0) applySolution(lab, world, nodeClock(world));
      const before = performance.now();
      const results = evaluateGoals(lab.goals, world, context);
      evaluations.push(performance.now() - before);
      // A broken lab cannot post a fast figure.
      if (results.some((r) => !r.passed)) throw new Error(`${lab.id}: a goal fails after the solution`);
    }
    if (median(builds) > slowestBuild.ms) slowestBuild = { id: lab.id, ms: median(builds) };
    if (median(evaluations) > slowestEvaluation.ms) slowestEvaluation = { id: lab.id, ms: median(evaluations), goals: lab.goals.length };
  }
  return [
    { name: 'labs.buildWorldSlowest', value: slowestBuild.ms, unit: 'ms', note: `median of ${ROUNDS}, slowest lab (${slowestBuild.id})` },
    {
      name: 'labs.evaluateGoalsSlowest',
      value: slowestEvaluation.ms,
      unit: 'ms',
      note: `all goals after the solution, median of ${ROUNDS}, slowest lab (${slowestEvaluation.id}, ${slowestEvaluation.goals} goals)`,
    },
  ];
}
