import { describe, expect, it } from 'vitest';
import { momentInWindow, nextRotationWindow, parseRotationRules } from '../../../../src/engine/rotation/index.ts';
import { Rng, seedRng } from '../../../../src/engine/ids/index.ts';
import { rotationLab, run, sm, smResult, token } from './helpers.ts';

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

/** The window starts of the first n windows from `from`, each the next after the previous one opened. */
function starts(expression: string, from: string, n: number, duration?: string): { start: string; end: string }[] {
  const rule = parseRotationRules({ scheduleExpression: expression, ...(duration ? { duration } : {}) });
  const out: { start: string; end: string }[] = [];
  let now = at(from);
  for (let i = 0; i < n; i++) {
    const w = nextRotationWindow(rule, now, now);
    out.push({ start: iso(w.start), end: iso(w.end) });
    now = w.start;
  }
  return out;
}

describe("AWS's documented schedule expressions (User Guide, Rotation schedules)", () => {
  it('cron(0 4/12 * * ? *): 4:00 AM and 4:00 PM every day, windows of one hour (a schedule in hours)', () => {
    expect(starts('cron(0 4/12 * * ? *)', '2026-01-01T00:00:00Z', 3)).toEqual([
      { start: '2026-01-01T04:00:00.000Z', end: '2026-01-01T05:00:00.000Z' },
      { start: '2026-01-01T16:00:00.000Z', end: '2026-01-01T17:00:00.000Z' },
      { start: '2026-01-02T04:00:00.000Z', end: '2026-01-02T05:00:00.000Z' },
    ]);
  });

  it('cron(0 8/8 * * ? *): every 8 hours from 8:00 AM, restarting each day', () => {
    expect(starts('cron(0 8/8 * * ? *)', '2026-01-01T09:00:00Z', 3).map((w) => w.start)).toEqual([
      '2026-01-01T16:00:00.000Z',
      '2026-01-02T08:00:00.000Z',
      '2026-01-02T16:00:00.000Z',
    ]);
  });

  it('cron(0 8 1/7 * ? *): every 7 days from the 1st at 8:00 AM; the window closes at the end of the day', () => {
    expect(starts('cron(0 8 1/7 * ? *)', '2026-01-01T00:00:00Z', 3)).toEqual([
      { start: '2026-01-01T08:00:00.000Z', end: '2026-01-02T00:00:00.000Z' },
      { start: '2026-01-08T08:00:00.000Z', end: '2026-01-09T00:00:00.000Z' },
      { start: '2026-01-15T08:00:00.000Z', end: '2026-01-16T00:00:00.000Z' },
    ]);
  });

  it('cron(0 0 ? * SUN#1 *): the first Sunday of each month at midnight (the ? field and #)', () => {
    expect(starts('cron(0 0 ? * SUN#1 *)', '2026-01-01T00:00:00Z', 3).map((w) => w.start)).toEqual([
      '2026-01-04T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
    ]);
  });

  it('cron(0 16 L * ? *): the last day of every month at 4:00 PM, with a Duration of 3h', () => {
    expect(starts('cron(0 16 L * ? *)', '2026-01-01T00:00:00Z', 2, '3h')).toEqual([
      { start: '2026-01-31T16:00:00.000Z', end: '2026-01-31T19:00:00.000Z' },
      { start: '2026-02-28T16:00:00.000Z', end: '2026-02-28T19:00:00.000Z' },
    ]);
  });

  it('rate(10 days): the window opens at midnight ten days after the last rotation and lasts the day (or Duration)', () => {
    const rule = parseRotationRules({ scheduleExpression: 'rate(10 days)' });
    const w = nextRotationWindow(rule, at('2026-01-03T15:20:00Z'), at('2026-01-03T15:20:00Z'));
    expect([iso(w.start), iso(w.end)]).toEqual(['2026-01-13T00:00:00.000Z', '2026-01-14T00:00:00.000Z']);
    const short = nextRotationWindow(parseRotationRules({ scheduleExpression: 'rate(10 days)', duration: '2h' }), at('2026-01-03T15:20:00Z'), at('2026-01-03T15:20:00Z'));
    expect([iso(short.start), iso(short.end)]).toEqual(['2026-01-13T00:00:00.000Z', '2026-01-13T02:00:00.000Z']);
  });

  it('rate(4 hours): the shortest interval; windows of one hour', () => {
    const rule = parseRotationRules({ scheduleExpression: 'rate(4 hours)' });
    const w = nextRotationWindow(rule, at('2026-01-01T01:30:00Z'), at('2026-01-01T01:30:00Z'));
    expect([iso(w.start), iso(w.end)]).toEqual(['2026-01-01T05:00:00.000Z', '2026-01-01T06:00:00.000Z']);
  });

  it('AutomaticallyAfterDays behaves as rate(N days)', () => {
    const a = nextRotationWindow(parseRotationRules({ automaticallyAfterDays: 7 }), at('2026-02-02T17:16:00Z'), at('2026-02-02T17:16:00Z'));
    const b = nextRotationWindow(parseRotationRules({ scheduleExpression: 'rate(7 days)' }), at('2026-02-02T17:16:00Z'), at('2026-02-02T17:16:00Z'));
    expect(a).toEqual(b);
  });
});

describe('schedule limits are refused', () => {
  const refused = [
    ['rate(2 hours)', undefined, /every four hours/],
    ['rate(0 days)', undefined, /between 1 and 999/],
    ['cron(30 4 * * ? *)', undefined, /minutes field/],
    ['cron(0 4 * * ? 2027)', undefined, /year field/],
    ['cron(0 4 * * * *)', undefined, /must be \?/],
    ['cron(0 0/2 * * ? *)', undefined, /every four hours/],
    ['cron(0 22 * * ? *)', '3h', /next UTC day/],
    ['rate(6 hours)', '7h', /next rotation window/],
    ['cron(0 4/6 * * ? *)', '7h', /next rotation window/],
    ['every day', undefined, /rate\(\) or cron\(\)/],
  ] as const;
  for (const [expression, duration, message] of refused) {
    it(`${expression}${duration ? ` with Duration ${duration}` : ''}`, () => {
      expect(() => parseRotationRules({ scheduleExpression: expression, ...(duration ? { duration } : {}) })).toThrow(message);
    });
  }

  it('RotateSecret refuses such rules with InvalidParameterException and saves nothing', () => {
    const lab = rotationLab();
    const result = smResult(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, rotationRules: { scheduleExpression: 'cron(15 4 * * ? *)' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('InvalidParameterException');
    expect(sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn })).not.toHaveProperty('rotationEnabled');
  });
});

describe('rotation at a seeded moment inside the window', () => {
  it('moments fall inside the window, on whole minutes, and replay identically', () => {
    const window = { start: at('2026-01-31T16:00:00Z'), end: at('2026-01-31T19:00:00Z') };
    const a = new Rng(seedRng('w'));
    const b = new Rng(seedRng('w'));
    const moments = Array.from({ length: 200 }, () => momentInWindow(window, a));
    expect(moments).toEqual(Array.from({ length: 200 }, () => momentInWindow(window, b)));
    for (const m of moments) {
      expect(m).toBeGreaterThanOrEqual(window.start);
      expect(m).toBeLessThan(window.end);
      expect(m % 60_000).toBe(0);
    }
    expect(new Set(moments).size).toBeGreaterThan(50);
  });

  it('scheduled rotations of a cron schedule with a Duration window start inside each window and show NextRotationDate', () => {
    const lab = rotationLab();
    sm(lab.sim, 'RotateSecret', {
      secretId: lab.secretArn,
      rotationLambdaARN: lab.functionArn,
      rotationRules: { scheduleExpression: 'cron(0 16 L * ? *)', duration: '2h' },
      rotateImmediately: false,
      clientRequestToken: token(2),
    });
    lab.sim.advance(60_000);
    expect(sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn }).nextRotationDate).toBe(at('2026-01-31T17:59:59Z'));
    const startsSeen: number[] = [];
    for (let month = 0; month < 4; month++) {
      lab.sim.advanceTo(lab.sim.nextTask()!.at);
      lab.sim.advance(60_000);
      const r = run(lab.sim, lab.secretArn)!;
      expect(r.trigger).toBe('schedule');
      expect(r.state).toBe('succeeded');
      startsSeen.push(r.startedAt);
    }
    const lastDays = ['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30'];
    startsSeen.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(at(`${lastDays[i]}T16:00:00Z`));
      expect(s).toBeLessThan(at(`${lastDays[i]}T18:00:00Z`));
    });
    expect(sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn }).lastRotatedDate).toBe(run(lab.sim, lab.secretArn)!.endedAt);
  });

  it('a manual PutSecretValue counts as a rotation for AutomaticallyAfterDays (RotationRulesType)', () => {
    const lab = rotationLab();
    sm(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, rotationRules: { automaticallyAfterDays: 5 }, rotateImmediately: false });
    lab.sim.advance(60_000);
    const before = sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn }).nextRotationDate;
    expect(before).toBe(at('2026-01-06T23:59:59Z'));
    lab.sim.advance(3 * D);
    sm(lab.sim, 'PutSecretValue', { secretId: lab.secretArn, secretString: '{"username":"app","password":"app-pass-1"}' });
    expect(sm(lab.sim, 'DescribeSecret', { secretId: lab.secretArn }).nextRotationDate).toBe(at('2026-01-09T23:59:59Z'));
  });

  it('CancelRotateSecret removes the scheduled rotation: time passes and nothing rotates', () => {
    const lab = rotationLab();
    sm(lab.sim, 'RotateSecret', { secretId: lab.secretArn, rotationLambdaARN: lab.functionArn, rotationRules: { scheduleExpression: 'rate(1 day)' }, rotateImmediately: false });
    lab.sim.advance(60_000);
    sm(lab.sim, 'CancelRotateSecret', { secretId: lab.secretArn });
    lab.sim.advance(10 * D);
    expect(run(lab.sim, lab.secretArn)!.state).toBe('tested');
  });
});
