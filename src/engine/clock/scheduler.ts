/**
 * Work waiting on virtual time (a recovery window ending, a scheduled rotation, a billing boundary). Tasks are
 * data, not closures, so they live in the snapshot; services register a handler per task kind.
 */
export interface ScheduledTask {
  id: number;
  at: number;
  kind: string;
  /** Plain JSON that the handler for `kind` understands. */
  payload: Record<string, unknown>;
  /** Shown in the time controls' list of upcoming events. */
  description: string;
}

export interface ScheduleState {
  nextTaskId: number;
  tasks: ScheduledTask[];
}

export function emptySchedule(): ScheduleState {
  return { nextTaskId: 1, tasks: [] };
}

export function addTask(schedule: ScheduleState, task: Omit<ScheduledTask, 'id'>): ScheduledTask {
  const scheduled = { ...task, id: schedule.nextTaskId++ };
  schedule.tasks.push(scheduled);
  // Equal instants keep the order they were scheduled in, so replays are exact.
  schedule.tasks.sort((a, b) => a.at - b.at || a.id - b.id);
  return scheduled;
}

export function removeTasks(schedule: ScheduleState, match: (task: ScheduledTask) => boolean): number {
  const before = schedule.tasks.length;
  schedule.tasks = schedule.tasks.filter((task) => !match(task));
  return before - schedule.tasks.length;
}

/** Removes and returns the earliest task due at or before `until`. */
export function takeDueTask(schedule: ScheduleState, until: number): ScheduledTask | undefined {
  const first = schedule.tasks[0];
  if (!first || first.at > until) return undefined;
  schedule.tasks.shift();
  return first;
}
