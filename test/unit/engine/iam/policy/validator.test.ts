import { describe, expect, it } from 'vitest';
import { allowsPublicAccess, policyFromDocument, validatePolicy } from '../../../../../src/engine/iam/policy/index.ts';
import type { Finding, PolicyKind } from '../../../../../src/engine/iam/policy/index.ts';

const SECRET = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-AbCdEf';

function findingsFor(statements: unknown[], kind: PolicyKind, extra: Record<string, unknown> = { Version: '2012-10-17' }): Finding[] {
  return validatePolicy(JSON.stringify({ ...extra, Statement: statements }, null, 2), kind).findings;
}

function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** The text a finding's range covers, to check ranges point at the right token. */
function textAt(source: string, finding: Finding | undefined): string {
  return finding ? source.slice(finding.range.offset, finding.range.offset + finding.range.length) : '';
}

describe('validatePolicy', () => {
  it('gives a clean identity policy no findings', () => {
    expect(findingsFor([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET }], 'identity')).toEqual([]);
  });

  it('reports malformed JSON as an ERROR with line and column', () => {
    const { findings, policy } = validatePolicy('{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}', 'identity');
    expect(policy).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', severity: 'ERROR', range: { line: 4, column: 26 } });
  });

  it('reports grammar problems (wrong type, unknown element) as ERRORs at the element', () => {
    const source = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": 42, "Resorce": "*" }\n  ]\n}';
    const { findings } = validatePolicy(source, 'identity');
    expect(findings.map((f) => [f.code, f.severity, f.range.line, f.range.column])).toEqual([
      ['DATA_TYPE_MISMATCH', 'ERROR', 4, 36],
      ['INVALID_POLICY_ELEMENT', 'ERROR', 4, 40],
    ]);
    expect(textAt(source, findings[1])).toBe('"Resorce"');
  });

  it('reports a Principal in an identity policy, with the range of the Principal value', () => {
    const source = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 's3:GetObject', Resource: '*' }] }, null, 2);
    const { findings } = validatePolicy(source, 'identity');
    const finding = findings.find((f) => f.code === 'UNSUPPORTED_PRINCIPAL');
    expect(finding).toMatchObject({ severity: 'ERROR', range: { line: 6, column: 20 } });
    expect(textAt(source, finding)).toContain('"AWS": "111111111111"');
  });

  it('reports a missing Principal in a secret policy and a missing Resource in an identity policy', () => {
    expect(codes(findingsFor([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: '*' }], 'secret'))).toContain('MISSING_PRINCIPAL');
    const missing = findingsFor([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue' }], 'identity');
    expect(missing.find((f) => f.code === 'MISSING_RESOURCE')).toMatchObject({ severity: 'ERROR', range: { line: 4, column: 5 } });
  });

  it('warns about a missing Version at the start of the document', () => {
    const findings = findingsFor([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET }], 'identity', {});
    expect(findings).toEqual([expect.objectContaining({ code: 'MISSING_VERSION', severity: 'WARNING', range: expect.objectContaining({ line: 1, column: 1 }) })]);
  });

  it('warns that policy variables are literal under 2008-10-17', () => {
    const findings = findingsFor([{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: 'arn:aws:secretsmanager:*:*:secret:${aws:username}-*' }], 'identity', { Version: '2008-10-17' });
    expect(findings.find((f) => f.code === 'VARIABLE_UNSUPPORTED_IN_VERSION')).toMatchObject({ severity: 'WARNING', range: { line: 7 } });
  });

  it('reports invalid ARNs with the specific check', () => {
    const findings = findingsFor(
      [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ['prod/db', 'arn:aws:secretsmanager::111111111111:secret:x', 'arn:aws:secretsmanager:us-east-1:1234:secret:x', 'arn:aws:secretsmanager:us-east-1:111111111111:key/x', 'arn:aws:iam:us-east-1:111111111111:role/x', 'arn:aws:SecretsManager:us-east-1:111111111111:secret:x', 'arn:aws'] }],
      'identity',
    );
    expect(codes(findings)).toEqual(
      expect.arrayContaining(['INVALID_ARN_PREFIX', 'MISSING_ARN_REGION', 'INVALID_ARN_ACCOUNT', 'INVALID_ARN_RESOURCE', 'ARN_REGION_NOT_ALLOWED', 'INVALID_ARN_SERVICE_CASE', 'MISSING_ARN_FIELD']),
    );
    expect(findings.filter((f) => f.severity === 'ERROR').map((f) => f.range.line)).toEqual([8, 9, 10, 11, 12, 13, 14]);
  });

  it('warns about unknown actions of catalogued services and suggests a fix', () => {
    const findings = findingsFor([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValu', 'kms:Decrypt*', 'kms:Dance', 'ec2:RunInstances'], Resource: '*' }], 'identity');
    const invalid = findings.filter((f) => f.code === 'INVALID_ACTION');
    expect(invalid.map((f) => f.severity)).toEqual(['WARNING', 'WARNING']);
    expect(invalid[0]?.message).toContain('secretsmanager:GetSecretValue');
    expect(invalid.map((f) => f.range.line)).toEqual([7, 9]);
  });

  it('reports bad condition operators values and keys', () => {
    const findings = findingsFor(
      [
        {
          Effect: 'Allow',
          Action: 'secretsmanager:DeleteSecret',
          Resource: SECRET,
          Condition: {
            NumericLessThan: { 'secretsmanager:RecoveryWindowInDays': 'ten' },
            DateGreaterThan: { 'aws:CurrentTime': 'yesterday' },
            Bool: { 'aws:SecureTransport': ['true', 'false'] },
            IpAddress: { 'aws:SourceIp': ['10.0.0.0/8'] },
            StringEquals: { 'aws:TagKeys': 'env', 'aws:PrincipalTag/': 'x', 'aws:PrincipalTagz/x': 'y', 'secretsmanager:Nmae': 'x', 'aws:username': 'a*' },
            'ForAllValues:StringEquals': { 'aws:PrincipalArn': 'x' },
            'ForAnyValue:Null': { 'aws:TagKeys': 'true' },
          },
        },
      ],
      'identity',
    );
    const byCode = new Map(findings.map((f) => [f.code, f.severity]));
    expect(Object.fromEntries(byCode)).toMatchObject({
      INVALID_CONDITION_VALUE: 'ERROR',
      INVALID_CONDITION_MULTIPLE_BOOLEAN: 'ERROR',
      PRIVATE_IP_ADDRESS: 'ERROR',
      MISSING_QUALIFIER: 'ERROR',
      MISSING_TAG_KEY_IN_CONDITION: 'ERROR',
      INVALID_GLOBAL_CONDITION_KEY: 'WARNING',
      INVALID_SERVICE_CONDITION_KEY: 'WARNING',
      WILDCARD_WITHOUT_LIKE_OPERATOR: 'WARNING',
      FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY: 'SECURITY_WARNING',
      NULL_WITH_QUALIFIER: 'SUGGESTION',
    });
    expect(findings.filter((f) => f.code === 'INVALID_CONDITION_VALUE')).toHaveLength(2);
  });

  it('reports duplicate condition keys that differ only in case', () => {
    const source = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:username":"a","AWS:USERNAME":"b"}}}]}';
    const finding = validatePolicy(source, 'identity').findings.find((f) => f.code === 'DUPLICATE_KEYS_WITH_DIFFERENT_CASE');
    expect(finding?.severity).toBe('ERROR');
    expect(textAt(source, finding)).toBe('"AWS:USERNAME"');
  });

  it('flags Allow with NotPrincipal as a security warning', () => {
    const findings = findingsFor([{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111111111111:user/bob' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }], 'secret');
    expect(findings.find((f) => f.code === 'ALLOW_WITH_NOT_PRINCIPAL')).toMatchObject({ severity: 'SECURITY_WARNING', range: { line: 6 } });
  });

  it('flags iam:PassRole on every role', () => {
    const explicit = findingsFor([{ Effect: 'Allow', Action: ['iam:PassRole', 'iam:GetRole'], Resource: '*' }], 'identity');
    expect(explicit.find((f) => f.code === 'PASS_ROLE_WITH_STAR_IN_RESOURCE')).toMatchObject({ severity: 'SECURITY_WARNING', range: { line: 10 } });
    const viaStar = findingsFor([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }], 'identity');
    expect(codes(viaStar)).toContain('PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE');
    const scoped = findingsFor([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111111111111:role/rotation' }], 'identity');
    expect(codes(scoped)).not.toContain('PASS_ROLE_WITH_STAR_IN_RESOURCE');
  });

  it('flags public access in a secret policy, and accepts a fixed aws:SourceAccount', () => {
    const open = [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }];
    expect(findingsFor(open, 'secret').find((f) => f.code === 'PUBLIC_ACCESS')).toMatchObject({ severity: 'SECURITY_WARNING', range: { line: 6 } });
    const bounded = [{ ...open[0], Condition: { StringEquals: { 'aws:PrincipalAccount': '111111111111' } } }];
    expect(codes(findingsFor(bounded, 'secret'))).not.toContain('PUBLIC_ACCESS');
    const wildcardCondition = [{ ...open[0], Condition: { StringLike: { 'aws:SourceAccount': '11111111111*' } } }];
    expect(codes(findingsFor(wildcardCondition, 'secret'))).toContain('PUBLIC_ACCESS');
    const orgOnly = [{ ...open[0], Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } } }];
    expect(codes(findingsFor(orgOnly, 'secret'))).toEqual(['PUBLIC_ACCESS_LIMITED_TO_ORGANIZATION']);
    const named = [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:role/Reader' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }];
    expect(findingsFor(named, 'secret')).toEqual([]);
  });

  it('allowsPublicAccess is what BlockPublicPolicy rejects', () => {
    expect(allowsPublicAccess(policyFromDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'secretsmanager:*', Resource: '*' }] }))).toBe(true);
    expect(allowsPublicAccess(policyFromDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'secretsmanager:*', Resource: '*' }] }))).toBe(false);
    expect(
      allowsPublicAccess(policyFromDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } }] })),
    ).toBe(true);
  });

  it('suggests removing redundant statements, entries and empty arrays', () => {
    const findings = findingsFor(
      [
        { Sid: 'Broad', Effect: 'Allow', Action: 'secretsmanager:*', Resource: '*' },
        { Sid: 'Narrow', Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 'secretsmanager:Describe*'], Resource: SECRET },
        { Sid: 'Empty', Effect: 'Allow', Action: [], Resource: ['*', '*'] },
      ],
      'identity',
    );
    const redundant = findings.find((f) => f.code === 'REDUNDANT_STATEMENT');
    expect(redundant).toMatchObject({ severity: 'SUGGESTION', range: { line: 10 } });
    expect(redundant?.message).toContain('Broad');
    expect(findings.find((f) => f.code === 'EMPTY_ARRAY_ACTION')).toMatchObject({ severity: 'SUGGESTION', range: { line: 22 } });
    expect(codes(findings)).toContain('REDUNDANT_RESOURCE');
  });

  it('reports only the later of two identical statements as redundant', () => {
    const statement = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET };
    const findings = findingsFor([statement, statement], 'identity');
    expect(findings.filter((f) => f.code === 'REDUNDANT_STATEMENT').map((f) => f.range.line)).toEqual([9]);
  });

  it('checks Sids by policy kind', () => {
    const statements = [
      { Sid: 'Allow key use', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' },
      { Sid: 'Allow key use', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:Decrypt', Resource: '*' },
    ];
    const keyFindings = findingsFor(statements, 'key');
    expect(codes(keyFindings)).not.toContain('UNSUPPORTED_SID');
    expect(keyFindings.find((f) => f.code === 'UNIQUE_SIDS_RECOMMENDED')?.severity).toBe('WARNING');
    const scp = findingsFor([{ Sid: 'A', Effect: 'Deny', Action: 's3:*', Resource: '*' }, { Sid: 'A', Effect: 'Deny', Action: 'ec2:*', Resource: '*' }], 'scp');
    expect(scp.find((f) => f.code === 'UNIQUE_SIDS_REQUIRED')?.severity).toBe('ERROR');
    expect(codes(findingsFor([{ Sid: 'has space', Effect: 'Allow', Action: 's3:*', Resource: '*' }], 'identity'))).toContain('UNSUPPORTED_SID');
  });

  it('checks principal formats in resource policies', () => {
    const findings = findingsFor(
      [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:role/*', 'bob', 'AROAEXAMPLEID'], Federated: 'cognito-identity.amazonaws.com' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }],
      'secret',
    );
    expect(Object.fromEntries(findings.map((f) => [f.code, f.severity]))).toMatchObject({
      UNSUPPORTED_WILDCARD_IN_PRINCIPAL: 'ERROR',
      INVALID_PRINCIPAL_FORMAT: 'ERROR',
      INVALID_ROLE_REFERENCE: 'WARNING',
      FEDERATED_PRINCIPAL_NOT_SUPPORTED: 'ERROR',
    });
  });

  it('warns that a service principal needs aws:SourceArn or aws:SourceAccount', () => {
    const statement = { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'secretsmanager:GetSecretValue', Resource: '*' };
    expect(codes(findingsFor([statement], 'secret'))).toContain('RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL');
    expect(codes(findingsFor([{ ...statement, Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }], 'secret'))).toEqual([]);
  });

  it('reports policy-variable misuse', () => {
    const findings = findingsFor(
      [
        {
          Effect: 'Allow',
          Action: 'secretsmanager:${aws:username}',
          Resource: 'arn:aws:secretsmanager:${aws:RequestedRegion}:111111111111:secret:x',
          Condition: { NumericEquals: { 'secretsmanager:RecoveryWindowInDays': '${aws:PrincipalTag/days}' }, StringEquals: { 'aws:username': '${aws:PrincipalTag/x' } },
        },
      ],
      'identity',
    );
    expect(codes(findings)).toEqual(expect.arrayContaining(['VARIABLE_UNSUPPORTED_IN_ELEMENT', 'INVALID_VARIABLE_FOR_OPERATOR', 'MISSING_BRACE_IN_VARIABLE']));
    expect(findings.filter((f) => f.code === 'VARIABLE_UNSUPPORTED_IN_ELEMENT')).toHaveLength(2);
  });

  it('checks RCP restrictions and actions that do not belong in a secret or key policy', () => {
    const rcp = findingsFor([{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 's3:*', Resource: '*' }], 'rcp');
    expect(codes(rcp)).toEqual(expect.arrayContaining(['RCP_PRINCIPAL_MUST_BE_WILDCARD', 'RCP_ALLOW_UNSUPPORTED']));
    const secret = findingsFor([{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'kms:Decrypt', Resource: '*' }], 'secret');
    expect(secret.find((f) => f.code === 'UNSUPPORTED_ACTION_IN_POLICY')?.severity).toBe('ERROR');
  });

  it('sorts findings by position', () => {
    const findings = findingsFor([{ Sid: 'x y', Effect: 'Allow', Action: 'kms:Nope', Resource: 'bad' }], 'identity', {});
    const offsets = findings.map((f) => f.range.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(findings[0]?.code).toBe('MISSING_VERSION');
  });
});
