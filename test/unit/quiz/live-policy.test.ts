import { describe, expect, it } from 'vitest';
import { gradeLiveTask, LIVE_TASKS } from '../../../src/quiz/live-policy.ts';

const task = (id: string) => LIVE_TASKS.find((t) => t.id === id)!;
const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

describe('live policy items', () => {
  it('refuse the empty starter with the validator\'s findings, and grade nothing', () => {
    for (const live of LIVE_TASKS) {
      const grade = gradeLiveTask(live, live.starter);
      expect(grade.passed).toBe(false);
      expect(grade.findings.some((f) => f.severity === 'ERROR')).toBe(true);
      expect(grade.checks).toEqual([]);
    }
  });

  it('pass a least-privilege answer to each task', () => {
    const answers: Record<string, object[]> = {
      'live-read-one-secret': [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/orders/db-*' }],
      'live-payments-path': [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/payments/*' }],
      'live-vpce-only': [
        {
          Effect: 'Allow',
          Action: 'secretsmanager:GetSecretValue',
          Resource: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/orders/db-*',
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } },
        },
      ],
    };
    for (const live of LIVE_TASKS) {
      const grade = gradeLiveTask(live, policy(answers[live.id]!));
      expect(grade.checks.filter((c) => !c.passed).map((c) => c.request.label)).toEqual([]);
      expect(grade.passed).toBe(true);
    }
  });

  it('fail an over-broad answer on the requests that should stay denied, and explain each', () => {
    const grade = gradeLiveTask(task('live-read-one-secret'), policy([{ Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' }]));
    expect(grade.passed).toBe(false);
    expect(grade.checks.filter((c) => !c.passed).map((c) => c.request.label)).toEqual([
      'read another secret',
      'store a new value in the orders secret',
      'delete the orders secret',
    ]);
    expect(grade.checks[0]!.explanation).toContain('allowed');
  });

  it('catch the prefix trap: prod/pay* also matches payroll', () => {
    const grade = gradeLiveTask(task('live-payments-path'), policy([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Resource: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/pay*' }]));
    expect(grade.checks.filter((c) => !c.passed).map((c) => c.request.label)).toEqual(['read prod/payroll/bank-api']);
  });

  it('fail an answer without the endpoint condition on the internet read', () => {
    const grade = gradeLiveTask(task('live-vpce-only'), policy([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/orders/db-*' }]));
    expect(grade.checks.filter((c) => !c.passed).map((c) => c.request.label)).toEqual(['read over the internet (no endpoint)', 'read through another endpoint']);
  });
});
