export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface DurationParts {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  milliseconds?: number;
}

/** A span of virtual time: milliseconds, or parts that add up to it. */
export type Duration = number | DurationParts;

export function toMilliseconds(duration: Duration): number {
  if (typeof duration === 'number') return duration;
  return (
    (duration.days ?? 0) * DAY +
    (duration.hours ?? 0) * HOUR +
    (duration.minutes ?? 0) * MINUTE +
    (duration.seconds ?? 0) * SECOND +
    (duration.milliseconds ?? 0)
  );
}

/** Midnight UTC of the day containing the instant (Secrets Manager's LastAccessedDate has day resolution). */
export function startOfUtcDay(instant: number): number {
  return Math.floor(instant / DAY) * DAY;
}

/** The last instant formatted: every authorization at one instant asks for aws:CurrentTime, and records ask again. */
let lastIso = { instant: Number.NaN, text: '' };

export function isoTime(instant: number): string {
  if (lastIso.instant !== instant) lastIso = { instant, text: new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return lastIso.text;
}
