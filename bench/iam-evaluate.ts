import {
  authorize,
  authorizeThroughKey,
  policyFromDocument,
  type AuthorizationInput,
  type AuthorizationResult,
  type KeyStep,
} from '../src/engine/iam/policy/index.ts';
import { printTable, type Metric } from './results.ts';

/**
 * Issue 3's evaluator figures: decisions per second of the pure policy authorizer, policies parsed once up front (as
 * the simulator and `secretslab evaluate` cache them), every decision built with its full trace and explanation.
 */

const WARM_UP_MS = 500;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 2_000);

const ACCOUNT = '111122223333';
const OTHER_ACCOUNT = '444455556666';
const SECRET_ARN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db/orders-AbCdEf`;

export interface EvaluateScenario {
  name: string;
  note: string;
  /** Expected decision, checked on every call so a broken evaluator cannot post a fast figure. */
  expect: AuthorizationResult['decision'];
  /** The same request again and again (the recorded figure). */
  run: () => AuthorizationResult;
  /**
   * One of VARIANTS distinct requests with the same outcome (other callers, secrets, source IPs, times): what is left
   * when the evaluator's per-statement memos rarely hit.
   */
  runVariant: (i: number) => AuthorizationResult;
}

const VARIANTS = 1_000;

/** Request `i` of a scenario's distinct requests: another caller, resource, source IP, time and team tag. */
function variantOf(input: AuthorizationInput, i: number): AuthorizationInput {
  const { request } = input;
  const context: Record<string, string | readonly string[]> = { ...request.context };
  if (context['aws:SourceIp']) context['aws:SourceIp'] = `203.0.113.${i % 256}`;
  if (context['aws:CurrentTime'])
    context['aws:CurrentTime'] =
      `2026-05-04T12:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
  if (typeof context['aws:PrincipalTag/team'] === 'string')
    context['aws:PrincipalTag/team'] = `${context['aws:PrincipalTag/team']}-${i}`;
  return {
    request: { ...request, principal: `${request.principal}-${i}`, resource: `${request.resource}${i}`, context },
    policies: input.policies,
  };
}

function variants(input: AuthorizationInput): AuthorizationInput[] {
  return Array.from({ length: VARIANTS }, (_, i) => variantOf(input, i));
}

/** One identity statement allowing GetSecretValue on one secret; the caller in the same account. */
function simpleScenario(): EvaluateScenario {
  const input: AuthorizationInput = {
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
      action: 'secretsmanager:GetSecretValue',
      resource: SECRET_ARN,
      resourceAccount: ACCOUNT,
    },
    policies: {
      identity: [
        {
          name: 'inline:ReadOrders',
          policy: policyFromDocument({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `${SECRET_ARN.slice(0, -6)}*` },
            ],
          }),
        },
      ],
    },
  };
  const inputs = variants(input);
  return {
    name: 'iam.evaluate.simple',
    note: 'one-statement Allow, same account',
    expect: 'Allow',
    run: () => authorize(input),
    runVariant: (i) => authorize(inputs[i % VARIANTS] as AuthorizationInput),
  };
}

/**
 * Twenty statements with wildcards and conditions; most name the action (so their resources and conditions are
 * really evaluated), and the one that grants comes last.
 */
export function twentyStatementPolicy(): unknown {
  const secretPrefix = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:`;
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'KmsDescribe', Effect: 'Allow', Action: ['kms:Describe*', 'kms:List*'], Resource: '*' },
      { Sid: 'ListAll', Effect: 'Allow', Action: 'secretsmanager:List*', Resource: '*' },
      { Sid: 'DevSecrets', Effect: 'Allow', Action: 'secretsmanager:Get*', Resource: `${secretPrefix}dev/*` },
      {
        Sid: 'StagingSecrets',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: `${secretPrefix}staging/*`,
      },
      {
        Sid: 'OtherRegion',
        Effect: 'Allow',
        Action: 'secretsmanager:*',
        Resource: `arn:aws:secretsmanager:eu-west-?:${ACCOUNT}:secret:*`,
      },
      {
        Sid: 'OfficeOnly',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `${secretPrefix}prod/*`,
        Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/16', '192.168.0.0/24'] } },
      },
      {
        Sid: 'BeforeCutover',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `${secretPrefix}prod/*`,
        Condition: { DateLessThan: { 'aws:CurrentTime': '2020-01-01T00:00:00Z' } },
      },
      {
        Sid: 'PaymentsTeam',
        Effect: 'Allow',
        Action: 'secretsmanager:Get*',
        Resource: `${secretPrefix}*`,
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'payments' } },
      },
      {
        Sid: 'TaggedAdmin',
        Effect: 'Allow',
        Action: 'secretsmanager:*',
        Resource: '*',
        Condition: { 'ForAnyValue:StringEquals': { 'aws:TagKeys': ['admin', 'break-glass'] } },
      },
      {
        Sid: 'RotationLambda',
        Effect: 'Allow',
        Action: ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
        Resource: `${secretPrefix}prod/*`,
      },
      {
        Sid: 'WriteDev',
        Effect: 'Allow',
        Action: ['secretsmanager:Create*', 'secretsmanager:Update*', 'secretsmanager:Tag*'],
        Resource: `${secretPrefix}dev/*`,
      },
      {
        Sid: 'NeedsMfa',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `${secretPrefix}prod/*`,
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
      {
        Sid: 'ShortSessions',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `${secretPrefix}prod/*`,
        Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '300' } },
      },
      {
        Sid: 'OrdersByResourceTag',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `${secretPrefix}prod/*`,
        Condition: { StringEquals: { 'secretsmanager:ResourceTag/app': 'billing' } },
      },
      {
        Sid: 'VpcOnly',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0abc1234' } },
      },
      {
        Sid: 'ByVersionStage',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `${secretPrefix}prod/*`,
        Condition: { 'ForAnyValue:StringLike': { 'secretsmanager:VersionStage': ['AWSPREVIOUS', 'custom-*'] } },
      },
      { Sid: 'RandomPassword', Effect: 'Allow', Action: 'secretsmanager:GetRandomPassword', Resource: '*' },
      {
        Sid: 'KmsViaSecrets',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Resource: `arn:aws:kms:*:${ACCOUNT}:key/*`,
        Condition: { StringLike: { 'kms:ViaService': 'secretsmanager.*.amazonaws.com' } },
      },
      {
        Sid: 'ArnScoped',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: `${secretPrefix}prod/db/*`,
        Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/ops-*` } },
      },
      {
        Sid: 'OrdersTeamFromOffice',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: `${secretPrefix}prod/db/*`,
        Condition: {
          StringLike: { 'aws:PrincipalTag/team': 'orders*' },
          IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
          DateLessThan: { 'aws:CurrentTime': '2031-01-01T00:00:00Z' },
          'ForAnyValue:StringEquals': { 'secretsmanager:VersionStage': ['AWSCURRENT', 'AWSPENDING'] },
        },
      },
    ],
  };
}

function twentyStatementsScenario(): EvaluateScenario {
  const input: AuthorizationInput = {
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
      action: 'secretsmanager:GetSecretValue',
      resource: SECRET_ARN,
      resourceAccount: ACCOUNT,
      context: {
        'aws:SourceIp': '203.0.113.42',
        'aws:CurrentTime': '2026-05-04T12:00:00Z',
        'aws:PrincipalTag/team': 'orders-backend',
        'aws:MultiFactorAuthPresent': 'false',
        'aws:SecureTransport': 'true',
        'secretsmanager:VersionStage': 'AWSCURRENT',
        'secretsmanager:ResourceTag/app': 'orders',
      },
    },
    policies: {
      identity: [
        { name: 'arn:aws:iam::111122223333:policy/SecretsAccess', policy: policyFromDocument(twentyStatementPolicy()) },
      ],
    },
  };
  const inputs = variants(input);
  return {
    name: 'iam.evaluate.twentyStatements',
    note: '20 statements, wildcards and conditions, the granting one last',
    expect: 'Allow',
    run: () => authorize(input),
    runVariant: (i) => authorize(inputs[i % VARIANTS] as AuthorizationInput),
  };
}

/**
 * A user in one account reads a secret in another: its identity policy, the secret's resource policy and the
 * customer managed key's policy all have to allow (GetSecretValue, then Secrets Manager's kms:Decrypt as the caller).
 */
function crossAccountScenario(): EvaluateScenario {
  const secretArn = `arn:aws:secretsmanager:us-east-1:${OTHER_ACCOUNT}:secret:shared/orders-db-Zx81Qa`;
  const keyArn = `arn:aws:kms:us-east-1:${OTHER_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const principal = `arn:aws:iam::${ACCOUNT}:user/alice`;
  const input: AuthorizationInput = {
    request: {
      principal,
      action: 'secretsmanager:GetSecretValue',
      resource: secretArn,
      resourceAccount: OTHER_ACCOUNT,
      context: { 'aws:SourceIp': '203.0.113.42', 'secretsmanager:VersionStage': 'AWSCURRENT' },
    },
    policies: {
      identity: [
        {
          name: 'inline:ReadSharedSecret',
          policy: policyFromDocument({
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'ReadShared',
                Effect: 'Allow',
                Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
                Resource: `arn:aws:secretsmanager:*:${OTHER_ACCOUNT}:secret:shared/*`,
              },
              {
                Sid: 'DecryptShared',
                Effect: 'Allow',
                Action: 'kms:Decrypt',
                Resource: keyArn,
                Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' } },
              },
            ],
          }),
        },
      ],
      resource: {
        name: 'secret policy',
        policy: policyFromDocument({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'ShareWithAccount',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
              Action: 'secretsmanager:GetSecretValue',
              Resource: '*',
              Condition: { 'ForAnyValue:StringEquals': { 'secretsmanager:VersionStage': 'AWSCURRENT' } },
            },
            {
              Sid: 'DenyOutsideOrg',
              Effect: 'Deny',
              Principal: '*',
              Action: 'secretsmanager:*',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:PrincipalAccount': [ACCOUNT, OTHER_ACCOUNT] } },
            },
          ],
        }),
      },
    },
  };
  const key: KeyStep = {
    keyArn,
    keyPolicy: {
      name: 'key policy',
      policy: policyFromDocument({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${OTHER_ACCOUNT}:root` },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Sid: 'AllowPartnerThroughSecretsManager',
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: ['kms:Decrypt', 'kms:DescribeKey'],
            Resource: '*',
            Condition: {
              StringEquals: { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' },
              StringLike: {
                'kms:EncryptionContext:SecretARN': `arn:aws:secretsmanager:us-east-1:${OTHER_ACCOUNT}:secret:shared/*`,
              },
            },
          },
        ],
      }),
    },
  };
  const inputs = variants(input);
  return {
    name: 'iam.evaluate.crossAccount',
    note: 'identity + resource + key policy, GetSecretValue then kms:Decrypt',
    expect: 'Allow',
    run: () => authorizeThroughKey(input, key),
    runVariant: (i) => authorizeThroughKey(inputs[i % VARIANTS] as AuthorizationInput, key),
  };
}

export function evaluateScenarios(): EvaluateScenario[] {
  return [simpleScenario(), twentyStatementsScenario(), crossAccountScenario()];
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function measure(
  name: string,
  expected: AuthorizationResult['decision'],
  run: (i: number) => AuthorizationResult,
): { perSecond: number; perCpuSecond: number } {
  for (let i = 0; i < VARIANTS; i++) {
    const result = run(i);
    if (result.decision !== expected)
      throw new Error(`${name}: expected ${expected}, got ${result.decision} (${result.explanation})`);
  }
  const loop = (ms: number) => {
    let calls = 0;
    let elapsed = 0;
    const start = performance.now();
    while (elapsed < ms) {
      for (let i = 0; i < 1000; i++) {
        if (run(i).decision !== expected) throw new Error(`${name}: decision changed during the benchmark`);
      }
      calls += 1000;
      elapsed = performance.now() - start;
    }
    return { calls, elapsed };
  };
  loop(WARM_UP_MS);
  const cpuBefore = cpuMs();
  const { calls, elapsed } = loop(MEASURE_MS);
  const cpu = cpuMs() - cpuBefore;
  return { perSecond: (calls / elapsed) * 1000, perCpuSecond: (calls / cpu) * 1000 };
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

export function iamEvaluateBench(only?: string): Metric[] {
  return evaluateScenarios()
    .filter((scenario) => only === undefined || scenario.name.includes(only))
    .map((scenario) => {
      const same = measure(scenario.name, scenario.expect, () => scenario.run());
      const varied = measure(`${scenario.name} (varied)`, scenario.expect, scenario.runVariant);
      return {
        name: scenario.name,
        value: same.perSecond,
        unit: 'per second',
        note:
          `${scenario.note}; ${count(same.perCpuSecond)} per CPU-second; ` +
          `${count(varied.perSecond)}/s (${count(varied.perCpuSecond)} per CPU-second) over ${count(VARIANTS)} distinct requests`,
      };
    });
}

// `tsx bench/iam-evaluate.ts [name part]` runs these alone (and `node --cpu-prof --import tsx` profiles them).
if (import.meta.url === `file://${process.argv[1]}`) {
  printTable(iamEvaluateBench(process.argv[2]));
}
