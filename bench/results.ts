import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One figure for bench/results.json: `{"metric.name": {"value": 123, "unit": "per second"}}` (DESIGN.md). */
export interface Metric {
  name: string;
  value: number;
  unit: 'per second' | 'ms' | 'ratio' | 'kB' | 'score';
  /** How it was measured, for the printed table only. */
  note?: string;
}

export const RESULTS_PATH = new URL('./results.json', import.meta.url);

/** Merges this run's metrics into bench/results.json, keeping every other metric already recorded there. */
export function writeResults(metrics: Metric[]): void {
  let existing: Record<string, { value: number; unit: string }> = {};
  if (existsSync(RESULTS_PATH)) {
    try {
      existing = JSON.parse(readFileSync(RESULTS_PATH, 'utf8')) as typeof existing;
    } catch {
      throw new Error('bench/results.json exists but is not JSON; fix or remove it (it is never rewritten blindly).');
    }
  }
  for (const metric of metrics) existing[metric.name] = { value: metric.value, unit: metric.unit };
  const sorted = Object.fromEntries(Object.entries(existing).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(RESULTS_PATH, `${JSON.stringify(sorted, null, 2)}\n`);
}

export function printTable(metrics: Metric[]): void {
  const rows = metrics.map((m) => [m.name, m.unit === 'ratio' ? m.value.toFixed(3) : Math.round(m.value).toLocaleString('en-US'), m.unit, m.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ['metric', 'value', 'unit', 'how'][i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(['metric', 'value', 'unit', 'how']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
