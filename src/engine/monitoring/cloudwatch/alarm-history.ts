import type { AlarmHistoryItem, MetricAlarm } from './state.ts';

/** CloudWatch keeps alarm history for 30 days; the simulator keeps an alarm's last 100 items. */
export const HISTORY_LIMIT = 100;

export function recordHistory(alarm: MetricAlarm, item: AlarmHistoryItem): void {
  alarm.history.push(item);
  if (alarm.history.length > HISTORY_LIMIT) alarm.history.splice(0, alarm.history.length - HISTORY_LIMIT);
}
