import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../src/engine/index.ts';
import { runBill } from '../../../src/server/bill-command.ts';

const dir = mkdtempSync(join(tmpdir(), 'secretslab-bill-'));
const usagePath = join(dir, 'usage.json');
writeFileSync(usagePath, JSON.stringify({ month: '2026-01', secrets: 10, secretsManagerCalls: 100_000, customerManagedKeys: 1, kmsRequests: 100_000 }));

describe('secretslab bill', () => {
  it('prints a described month like the Bills page, with the exam view beside it', () => {
    const text = runBill({ usage: usagePath });
    expect(text).toMatch(/^Bill for account 111122223333, 2026-01/);
    expect(text).toMatch(/Secrets \(us-east-1\)\s+7440 hours\s+\$4\.00\s+\$0\.40 per secret-month/);
    expect(text).toMatch(/KMS requests\s+100000 requests \(20000 free\)\s+\$0\.24/);
    expect(text).toMatch(/\nTotal\s+\$5\.74\n/);
    expect(text).toMatch(/Exam view total: \$5\.80\./);
  });

  it('prints the exam view alone with --exam, and exact decimal strings with --json', () => {
    expect(runBill({ usage: usagePath, exam: true })).toMatch(/\nTotal\s+\$5\.80\n/);
    const json = JSON.parse(runBill({ usage: usagePath, json: true })) as { total: string; totalDue: string; lineItems: { amount: string }[] };
    expect(json.total).toBe('5.74');
    expect(json.totalDue).toBe('5.74');
    expect(typeof json.lineItems[0]!.amount).toBe('string');
  });

  it('bills a saved world for its current month by default', () => {
    const sim = createSimulator();
    sim.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 'saved', secretString: 'x' } });
    sim.advance({ days: 32 });
    const statePath = join(dir, 'world.json');
    writeFileSync(statePath, JSON.stringify(sim.snapshot()));
    // The clock stands at 2 February, so the default month is February, billed so far: the secret's first 24 hours.
    expect(runBill({ state: statePath })).toMatch(/2026-02[\s\S]*Secrets \(us-east-1\)\s+24 hours/);
    expect(runBill({ state: statePath, month: '2026-01' })).toMatch(/Secrets \(us-east-1\)\s+744 hours\s+\$0\.40[\s\S]*\nTotal\s+\$0\.40\n/);
  });

  it('refuses unclear input with a message a learner can act on', () => {
    expect(() => runBill({})).toThrow(/exactly one of --state FILE or --usage FILE/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ month: 'January', secrets: 2 }));
    expect(() => runBill({ usage: bad })).toThrow(/--usage .*bad\.json: month:/);
    expect(() => runBill({ usage: usagePath, month: '2026-13' })).toThrow(/YYYY-MM/);
  });
});
