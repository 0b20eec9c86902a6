export { SECOND, MINUTE, HOUR, DAY, toMilliseconds, startOfUtcDay, isoTime, type Duration, type DurationParts } from './duration.ts';
export { emptySchedule, addTask, sortSchedule, removeTasks, takeDueTask, type ScheduledTask, type ScheduleState } from './scheduler.ts';
