import { aggregate, statisticOf, type MetricSeries } from './metric-store.ts';
import type { AlarmState, ComparisonOperator, MetricAlarm } from './state.ts';

export interface AlarmEvaluation {
  state: AlarmState;
  reason: string;
  /** The datapoints the decision used, newest first (what CloudWatch puts in StateReasonData). */
  recentDatapoints: number[];
}

const WORDS: Record<ComparisonOperator, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

export function breaches(value: number, operator: ComparisonOperator, threshold: number): boolean {
  switch (operator) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

/**
 * One evaluation of a metric alarm at the end of a period, as CloudWatch describes it ("Evaluating an alarm",
 * "Configuring how CloudWatch alarms treat missing data"): the last EvaluationPeriods periods are read; the alarm is
 * ALARM when at least DatapointsToAlarm of them breach (M out of N), otherwise OK. Missing periods count as breaching
 * (`breaching`) or good (`notBreaching`), or are left out (`missing`, `ignore`); when every period is missing,
 * `missing` gives INSUFFICIENT_DATA and `ignore` keeps the current state.
 * Simplification: CloudWatch may look further back than N periods to find real datapoints when some are missing;
 * the simulator reads exactly N.
 */
export function evaluateAlarm(alarm: MetricAlarm, series: MetricSeries | undefined, at: number): AlarmEvaluation {
  const periodMs = alarm.period * 1000;
  const start = at - alarm.evaluationPeriods * periodMs;
  const points = aggregate(series, start, at, periodMs);
  const values = points.map((p) => statisticOf(p, alarm.statistic));
  const missing = alarm.evaluationPeriods - points.length;
  const newestFirst = [...values].reverse();

  if (points.length === 0) {
    switch (alarm.treatMissingData) {
      case 'missing':
        return { state: 'INSUFFICIENT_DATA', reason: insufficient(alarm.evaluationPeriods), recentDatapoints: [] };
      case 'ignore':
        return { state: alarm.stateValue, reason: alarm.stateReason, recentDatapoints: [] };
      default:
        break;
    }
  }
  let breaching = values.filter((v) => breaches(v, alarm.comparisonOperator, alarm.threshold)).length;
  if (alarm.treatMissingData === 'breaching') breaching += missing;
  const considered = alarm.treatMissingData === 'breaching' || alarm.treatMissingData === 'notBreaching' ? alarm.evaluationPeriods : points.length;
  const state: AlarmState = breaching >= alarm.datapointsToAlarm ? 'ALARM' : 'OK';
  return { state, reason: thresholdReason(alarm, state, breaching, considered, points.map((p, i) => [p.timestamp, values[i]!])), recentDatapoints: newestFirst };
}

function insufficient(periods: number): string {
  return `Insufficient Data: ${periods} datapoint${periods === 1 ? ' was' : 's were'} unknown.`;
}

/** CloudWatch's wording: "Threshold Crossed: 1 out of the last 1 datapoints [5.0 (28/11/26 10:15:00)] was greater than…". */
function thresholdReason(alarm: MetricAlarm, state: AlarmState, breaching: number, considered: number, points: [number, number][]): string {
  const shown = state === 'ALARM' ? points.filter(([, v]) => breaches(v, alarm.comparisonOperator, alarm.threshold)) : points.filter(([, v]) => !breaches(v, alarm.comparisonOperator, alarm.threshold));
  const listed = shown
    .reverse()
    .map(([t, v]) => `${formatNumber(v)} (${formatTimestamp(t)})`)
    .join(', ');
  const count = state === 'ALARM' ? breaching : considered - breaching;
  const verb = state === 'ALARM' ? 'was' : 'was not';
  const transition = state === 'ALARM' ? 'OK -> ALARM' : 'ALARM -> OK';
  return (
    `Threshold Crossed: ${count} out of the last ${considered} datapoints [${listed}] ${verb} ${WORDS[alarm.comparisonOperator]} ` +
    `the threshold (${formatNumber(alarm.threshold)}) (minimum ${alarm.datapointsToAlarm} datapoint${alarm.datapointsToAlarm === 1 ? '' : 's'} for ${transition} transition).`
  );
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/** dd/MM/yy HH:mm:ss in UTC, as alarm reasons print datapoint times. */
function formatTimestamp(instant: number): string {
  const iso = new Date(instant).toISOString();
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)} ${iso.slice(11, 19)}`;
}
