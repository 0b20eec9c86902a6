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

/**
 * The schedule stays ordered by (at, id): equal instants keep the order they were scheduled in, so replays are exact.
 * A new task has the largest id, so it goes after every task due at or before its instant: a binary search and one
 * splice, not a sort of the whole schedule (a thousand rotating secrets keep thousands of tasks waiting).
 */
export function addTask(schedule: ScheduleState, task: Omit<ScheduledTask, 'id'>): ScheduledTask {
  const scheduled = { ...task, id: schedule.nextTaskId++ };
  const tasks = schedule.tasks;
  let low = 0;
  let high = tasks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (tasks[mid]!.at <= scheduled.at) low = mid + 1;
    else high = mid;
  }
  if (low === tasks.length) tasks.push(scheduled);
  else tasks.splice(low, 0, scheduled);
  return scheduled;
}

/** Restores the schedule's order (a snapshot written by hand may list its tasks in any order). */
export function sortSchedule(schedule: ScheduleState): void {
  schedule.tasks.sort((a, b) => a.at - b.at || a.id - b.id);
}

export function removeTasks(schedule: ScheduleState, match: (task: ScheduledTask) => boolean): number {
  // Most calls find nothing to take back: no new array then.
  if (!schedule.tasks.some(match)) return 0;
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
