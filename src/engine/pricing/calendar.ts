/** Calendar months in UTC, as AWS bills them ('2026-01' runs from 1 January 00:00 UTC to 1 February 00:00 UTC). */

const MONTH = /^(\d{4})-(\d{2})$/;

export interface MonthSpan {
  month: string;
  start: number;
  end: number;
  /** Milliseconds in the month: proration divides by this, so a full month of any length costs the monthly price. */
  milliseconds: number;
}

export function monthSpan(month: string): MonthSpan {
  const parts = MONTH.exec(month);
  if (!parts) throw new RangeError(`A month is written YYYY-MM, not ${month}`);
  const year = Number(parts[1]);
  const index = Number(parts[2]) - 1;
  if (index < 0 || index > 11) throw new RangeError(`A month is written YYYY-MM, not ${month}`);
  const start = Date.UTC(year, index, 1);
  const end = Date.UTC(year, index + 1, 1);
  return { month, start, end, milliseconds: end - start };
}

export function monthOf(instant: number): string {
  return new Date(instant).toISOString().slice(0, 7);
}

export function nextMonth(month: string): string {
  return monthOf(monthSpan(month).end);
}

/** Months from `first`, `count` of them. */
export function monthsFrom(first: string, count: number): string[] {
  const months: string[] = [];
  for (let month = first; months.length < count; month = nextMonth(month)) months.push(month);
  return months;
}
