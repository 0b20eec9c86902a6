/**
 * Live items: "make this request succeed with least privilege". The learner writes an identity policy; the engine's
 * validator reads it as IAM's policy editor would, and the engine's authorizer decides a list of requests with it:
 * the target requests must be allowed and the listed others denied (least privilege means those stay denied). The
 * grade is every check passing, with the authorizer's own explanation for each.
 */
import { iamPolicy } from '../engine/index.ts';

const ACCOUNT = '111111111111';
const ROLE = 'app-reader';
const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/app`;
const secretArn = (name: string) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}`;

export interface LiveRequest {
  action: string;
  resource: string;
  context?: Record<string, string>;
  /** What the request is, in words, for the results table. */
  label: string;
}

export interface LiveTask {
  id: string;
  title: string;
  brief: string;
  starter: string;
  allow: LiveRequest[];
  deny: LiveRequest[];
  /** The task statement and concept the item practises, as questions carry them. */
  task: '1.1' | '1.2';
  concept: string;
}

const PROD_DB = secretArn('prod/orders/db-AbCdEf');
const PAY_A = secretArn('prod/payments/stripe-key-Q1w2E3');
const PAY_B = secretArn('prod/payments/webhook-secret-zZ9yX8');
const PAYROLL = secretArn('prod/payroll/bank-api-P0o9I8');
const ENDPOINT = 'vpce-0a1b2c3d4e5f60718';

const EMPTY_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "",
      "Resource": ""
    }
  ]
}`;

export const LIVE_TASKS: LiveTask[] = [
  {
    id: 'live-read-one-secret',
    title: 'Read one secret, and nothing more',
    brief: `The orders service runs as the role ${ROLE}. Let it read the value of the secret ${PROD_DB} and nothing else: not other secrets, and no changes to this one.`,
    starter: EMPTY_POLICY,
    allow: [{ action: 'secretsmanager:GetSecretValue', resource: PROD_DB, label: 'read the orders database secret' }],
    deny: [
      { action: 'secretsmanager:GetSecretValue', resource: PAY_A, label: 'read another secret' },
      { action: 'secretsmanager:PutSecretValue', resource: PROD_DB, label: 'store a new value in the orders secret' },
      { action: 'secretsmanager:DeleteSecret', resource: PROD_DB, label: 'delete the orders secret' },
    ],
    task: '1.2',
    concept: 'iam.least-privilege.secret-read',
  },
  {
    id: 'live-payments-path',
    title: 'Every payments secret, none of payroll',
    brief: `The payments service (role ${ROLE}) must read and describe every secret whose name starts with prod/payments/, including ones created later. Payroll secrets (prod/payroll/…) must stay out of reach, and it must not change any secret.`,
    starter: EMPTY_POLICY,
    allow: [
      { action: 'secretsmanager:GetSecretValue', resource: PAY_A, label: 'read prod/payments/stripe-key' },
      { action: 'secretsmanager:GetSecretValue', resource: PAY_B, label: 'read prod/payments/webhook-secret' },
      { action: 'secretsmanager:DescribeSecret', resource: PAY_B, label: 'describe prod/payments/webhook-secret' },
    ],
    deny: [
      { action: 'secretsmanager:GetSecretValue', resource: PAYROLL, label: 'read prod/payroll/bank-api' },
      { action: 'secretsmanager:PutSecretValue', resource: PAY_A, label: 'store a new value in prod/payments/stripe-key' },
      { action: 'secretsmanager:GetSecretValue', resource: PROD_DB, label: 'read prod/orders/db' },
    ],
    task: '1.1',
    concept: 'iam.least-privilege.resource-wildcards',
  },
  {
    id: 'live-vpce-only',
    title: 'Only through the VPC endpoint',
    brief: `The role ${ROLE} may read ${PROD_DB}, but only when the request arrives through the interface VPC endpoint ${ENDPOINT}; a read over the internet or through another endpoint must fail.`,
    starter: EMPTY_POLICY,
    allow: [{ action: 'secretsmanager:GetSecretValue', resource: PROD_DB, context: { 'aws:SourceVpce': ENDPOINT }, label: `read through ${ENDPOINT}` }],
    deny: [
      { action: 'secretsmanager:GetSecretValue', resource: PROD_DB, label: 'read over the internet (no endpoint)' },
      { action: 'secretsmanager:GetSecretValue', resource: PROD_DB, context: { 'aws:SourceVpce': 'vpce-0ffffffffffffffff' }, label: 'read through another endpoint' },
      { action: 'secretsmanager:GetSecretValue', resource: PAY_A, context: { 'aws:SourceVpce': ENDPOINT }, label: 'read another secret through the endpoint' },
    ],
    task: '1.1',
    concept: 'sm.vpc-endpoint.source-vpce',
  },
];

export interface LiveCheck {
  request: LiveRequest;
  expected: 'Allow' | 'Deny';
  decision: iamPolicy.Decision;
  passed: boolean;
  explanation: string;
}

export interface LiveGrade {
  passed: boolean;
  /** The validator's findings (errors stop the grading, as IAM would refuse to save the policy). */
  findings: iamPolicy.Finding[];
  checks: LiveCheck[];
}

export function gradeLiveTask(task: LiveTask, policyText: string): LiveGrade {
  const { findings, policy } = iamPolicy.validatePolicy(policyText, 'identity');
  if (!policy || findings.some((finding) => finding.severity === 'ERROR')) return { passed: false, findings, checks: [] };
  const decide = (request: LiveRequest, expected: 'Allow' | 'Deny'): LiveCheck => {
    const result = iamPolicy.authorize({
      request: {
        principal: SESSION,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/${ROLE}`,
        action: request.action,
        resource: request.resource,
        resourceAccount: ACCOUNT,
        ...(request.context ? { context: request.context } : {}),
      },
      policies: { identity: [{ name: `inline:${ROLE}`, policy }] },
    });
    const allowed = result.decision === 'Allow';
    return { request, expected, decision: result.decision, passed: allowed === (expected === 'Allow'), explanation: result.explanation };
  };
  const checks = [...task.allow.map((r) => decide(r, 'Allow')), ...task.deny.map((r) => decide(r, 'Deny'))];
  return { passed: checks.every((check) => check.passed), findings, checks };
}
