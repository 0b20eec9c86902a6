import { pricing, rotationState, settleTraffic, targetsState, type Simulator } from '../engine/index.ts';
import { durationMs } from './actions.ts';
import type { GoalCheck } from './schema.ts';

type ApplicationCheck = Extract<GoalCheck, { application: unknown }>['application'];
type Outcome = { passed: boolean; reason: string };

/**
 * Answers an application goal from the engine's own record of the application's traffic (settled up to now, on the
 * goal's clone of the world) and of the rotation runs of its secret: what the application lived through, not what
 * the learner clicked.
 */
export function evaluateApplication(check: ApplicationCheck, simulator: Simulator, priceBook: pricing.PriceBook | undefined): Outcome {
  settleTraffic(simulator);
  const app = Object.values(targetsState(simulator.state).applications).find((a) => a.name === check.name);
  if (!app) return { passed: false, reason: `There is no application named ${check.name}.` };
  const since = check.withinLast ? simulator.now - durationMs(check.withinLast) : -Infinity;
  const stretch = check.withinLast ? ` in the last ${check.withinLast}` : '';
  // A segment that overlaps the window counts whole: a failure just before the window still fails the goal.
  const segments = check.withinLast ? app.segments.filter((s) => s.to > since) : undefined;
  const failed = segments ? segments.reduce((n, s) => n + s.failed, 0) : app.totals.failed;
  const connections = segments ? segments.reduce((n, s) => n + s.ok + s.failed, 0) : app.totals.ok + app.totals.failed;
  const found: string[] = [];
  if (check.failedAtMost !== undefined) {
    if (failed > check.failedAtMost) return { passed: false, reason: `${app.name} had ${failed} failed connections${stretch}; at most ${check.failedAtMost} allowed.` };
    found.push(`${failed} failed connections${stretch}`);
  }
  if (check.connectionsAtLeast !== undefined) {
    if (connections < check.connectionsAtLeast) return { passed: false, reason: `${app.name} made ${connections} connections${stretch}; expected at least ${check.connectionsAtLeast}.` };
    found.push(`${connections} connections`);
  }
  if (check.rotationsAtLeast !== undefined) {
    const state = rotationState(simulator.state);
    const runs = [...(state.history[app.secretArn] ?? []), state.runs[app.secretArn]];
    const rotations = new Set(
      runs.filter((r) => r && r.mode === 'rotate' && r.state === 'succeeded' && (r.endedAt ?? -Infinity) > since).map((r) => r!.runId),
    ).size;
    if (rotations < check.rotationsAtLeast) return { passed: false, reason: `The secret rotated successfully ${rotations} times${stretch}; expected at least ${check.rotationsAtLeast}.` };
    found.push(`${rotations} successful rotations`);
  }
  if (check.throttledShareAtMost !== undefined) {
    if (!priceBook) return { passed: false, reason: 'No price table was given to find the request quota.' };
    const quota = priceBook.quota('secretsmanager', 'GetSecretValue');
    const traffic = pricing.trafficOver(trafficModel(app), 1, quota);
    const share = traffic.throttledShare;
    const shown = `${share.times(100).toDecimalPlaces(1).toString()}%`;
    if (share.greaterThan(check.throttledShareAtMost)) {
      return { passed: false, reason: `${app.name} attempts ${traffic.attemptedPerSecond.toDecimalPlaces(1).toString()} GetSecretValue calls per second against a quota of ${quota}: ${shown} are throttled.` };
    }
    found.push(`${shown} of its reads throttled (${traffic.attemptedPerSecond.toDecimalPlaces(2).toString()} calls per second against ${quota})`);
  }
  if (check.projectedMonthlyCostAtMost !== undefined) {
    if (!priceBook) return { passed: false, reason: 'No price table was given to price the traffic.' };
    const month = new Date(simulator.now).toISOString().slice(0, 7);
    const design: pricing.Design = {
      ...pricing.DEFAULT_DESIGN,
      label: app.name,
      secrets: 1,
      traffic: trafficModel(app),
      rotationEveryDays: null,
      region: app.region,
    };
    const projected = pricing.project(design, priceBook, { startMonth: month, months: 1, freeTier: false });
    const cost = pricing.formatUsd(projected.totalDue);
    if (projected.totalDue.greaterThan(check.projectedMonthlyCostAtMost)) {
      return { passed: false, reason: `At its current traffic, ${app.name}'s secret is projected to cost ${cost} a month; the target is at most $${check.projectedMonthlyCostAtMost}.` };
    }
    found.push(`projected to cost ${cost} a month`);
  }
  return { passed: true, reason: `${app.name}: ${found.join(', ')}.` };
}

/** The application's steady traffic in the pricing model's terms. */
function trafficModel(app: { clients: unknown[]; connectionIntervalMs: number; cacheTtlMs: number | null }): pricing.TrafficModel {
  return { clients: app.clients.length, readEverySeconds: app.connectionIntervalMs / 1000, cacheTtlSeconds: app.cacheTtlMs === null ? 0 : app.cacheTtlMs / 1000 };
}
