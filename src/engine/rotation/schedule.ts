import awsCronParser from 'aws-cron-parser';
import { DAY, HOUR, SECOND, startOfUtcDay } from '../clock/index.ts';
import { ServiceError } from '../errors.ts';
import type { Rng } from '../ids/index.ts';

/** RotationRules as Secrets Manager stores them. */
export interface RotationRulesInput {
  automaticallyAfterDays?: number;
  duration?: string;
  scheduleExpression?: string;
}

/** One rotation window: Secrets Manager rotates at some moment in [start, end). */
export interface RotationWindow {
  start: number;
  end: number;
}

type ParsedRule =
  | { kind: 'rate'; unit: 'hours' | 'days'; value: number; durationHours: number | undefined }
  | { kind: 'cron'; cron: ReturnType<typeof awsCronParser.parse>; inHours: boolean; startHours: number[]; durationHours: number | undefined };

const invalid = (message: string) => new ServiceError('InvalidParameterException', message);

const RATE = /^rate\((\d+) (hour|hours|day|days)\)$/;
const CRON = /^cron\((.+)\)$/;

/**
 * Parses and checks RotationRules as the User Guide's "Rotation schedules" page states them: rate(N hours|days)
 * or cron(Minutes Hours Day-of-month Month Day-of-week Year) in UTC; at most one rotation every four hours; cron
 * minutes must be 0 and year must be *; the window (Duration, "3h") must not run into the next UTC day (schedules
 * in days) or into the next window (schedules in hours). AutomaticallyAfterDays N behaves as rate(N days).
 * The texts of these refusals are SecretsLab's own: AWS's exact wording is not documented.
 */
export function parseRotationRules(rules: RotationRulesInput): ParsedRule {
  const durationHours = rules.duration === undefined ? undefined : Number(rules.duration.slice(0, -1));
  if (durationHours !== undefined && durationHours < 1) throw invalid('The rotation window Duration must be at least 1h.');
  let parsed: ParsedRule;
  if (rules.scheduleExpression === undefined) {
    parsed = { kind: 'rate', unit: 'days', value: rules.automaticallyAfterDays ?? 30, durationHours };
  } else {
    const rate = RATE.exec(rules.scheduleExpression);
    const cron = CRON.exec(rules.scheduleExpression);
    if (rate) {
      const value = Number(rate[1]);
      const unit = rate[2]!.startsWith('hour') ? 'hours' : 'days';
      if (unit === 'hours' && value < 4) throw invalid('You can rotate a secret at most every four hours: the rate must be at least rate(4 hours).');
      if (unit === 'hours' && value > 23) throw invalid('A rate in hours must be less than 24 hours; use days.');
      if (unit === 'days' && (value < 1 || value > 999)) throw invalid('A rate in days must be between 1 and 999 days.');
      parsed = { kind: 'rate', unit, value, durationHours };
    } else if (cron) {
      parsed = parseCron(cron[1]!, durationHours);
    } else {
      throw invalid(`Invalid ScheduleExpression: ${rules.scheduleExpression}. Use a rate() or cron() expression.`);
    }
  }
  checkWindow(parsed);
  return parsed;
}

function parseCron(body: string, durationHours: number | undefined): ParsedRule {
  const fields = body.trim().split(/\s+/);
  if (fields.length !== 6) throw invalid('A cron expression has six fields: Minutes Hours Day-of-month Month Day-of-week Year.');
  const [minutes, hours, dayOfMonth, , dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if (minutes !== '0') throw invalid('The minutes field of a rotation cron expression must be 0: rotation windows open on the hour.');
  if (year !== '*') throw invalid('The year field of a rotation cron expression must be *.');
  // AWS cron: one of day-of-month and day-of-week must be ?, as in EventBridge.
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) throw invalid('One of Day-of-month and Day-of-week must be ?.');
  let cron: ReturnType<typeof awsCronParser.parse>;
  try {
    cron = awsCronParser.parse(body);
  } catch {
    throw invalid(`Invalid cron expression: cron(${body}).`);
  }
  const startHours = expandHours(hours);
  if (startHours.length === 0) throw invalid(`Invalid cron expression: cron(${body}).`);
  for (let i = 1; i < startHours.length; i++) {
    if (startHours[i]! - startHours[i - 1]! < 4) throw invalid('You can rotate a secret at most every four hours.');
  }
  return { kind: 'cron', cron, inHours: startHours.length > 1, startHours, durationHours };
}

/** The hours of the day a cron Hours field opens a window at (`*`, lists, ranges, increments). */
function expandHours(field: string): number[] {
  const hours = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [0, 23];
    else if (range.includes('-')) [from, to] = range.split('-').map(Number) as [number, number];
    else [from, to] = [Number(range), stepText === undefined ? Number(range) : 23];
    if (![from, to, step].every(Number.isInteger) || from < 0 || to > 23 || step < 1) return [];
    for (let h = from; h <= to; h += step) hours.add(h);
  }
  return [...hours].sort((a, b) => a - b);
}

function checkWindow(rule: ParsedRule): void {
  const d = rule.durationHours;
  if (d === undefined) return;
  if (rule.kind === 'rate') {
    if (rule.unit === 'hours' && d > rule.value) throw invalid('The rotation window must not extend into the next rotation window.');
    if (rule.unit === 'days' && d > 24) throw invalid('The rotation window must not extend into the next UTC day.');
    return;
  }
  for (let i = 0; i < rule.startHours.length; i++) {
    const start = rule.startHours[i]!;
    if (start + d > 24) throw invalid('The rotation window must not extend into the next UTC day.');
    const next = rule.startHours[i + 1];
    if (next !== undefined && start + d > next) throw invalid('The rotation window must not extend into the next rotation window.');
  }
}

/** How long a window stays open: Duration, else one hour for schedules in hours and the rest of the UTC day for days. */
function windowFrom(start: number, rule: ParsedRule): RotationWindow {
  const inHours = rule.kind === 'rate' ? rule.unit === 'hours' : rule.inHours;
  if (rule.durationHours !== undefined) return { start, end: start + rule.durationHours * HOUR };
  return { start, end: inHours ? start + HOUR : startOfUtcDay(start) + DAY };
}

/**
 * The next rotation window after a rotation (or a manual change, which counts as one) at `last`, for schedules
 * counted from the last rotation (rate, AutomaticallyAfterDays: "calculated from the previous rotation"), or the
 * next window opening after `now` for cron. Rate windows open at midnight (days) or on the hour (hours).
 */
export function nextRotationWindow(rule: ParsedRule, last: number, now: number): RotationWindow {
  if (rule.kind === 'rate') {
    if (rule.unit === 'days') {
      let start = startOfUtcDay(last) + rule.value * DAY;
      // A window already over (rotation was off, or failed for days) is not replayed: the next one still ahead is.
      while (windowFrom(start, rule).end <= now) start += rule.value * DAY;
      return windowFrom(start, rule);
    }
    const start = Math.floor(last / HOUR) * HOUR + rule.value * HOUR;
    return windowFrom(Math.max(start, Math.ceil(now / HOUR) * HOUR), rule);
  }
  const next = awsCronParser.next(rule.cron, new Date(now));
  if (!next) throw invalid('The cron expression has no future occurrence.');
  return windowFrom(next.getTime(), rule);
}

/** A seeded moment inside the window, on a whole minute (Secrets Manager picks "any time during the window"). */
export function momentInWindow(rotationWindow: RotationWindow, rng: Rng): number {
  const minutes = Math.max(1, Math.floor((rotationWindow.end - rotationWindow.start) / 60_000));
  return rotationWindow.start + rng.nextInt(minutes) * 60_000;
}

/** What DescribeSecret shows as NextRotationDate: the last second of the window (AWS shows e.g. 23:59:59 for a day). */
export function shownNextRotationDate(rotationWindow: RotationWindow): number {
  return rotationWindow.end - SECOND;
}
