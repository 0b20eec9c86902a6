import { describe, expect, it } from 'vitest';
import { parsePolicy, policyFromDocument, PolicyParseError, policyJsonSchema } from '../../../../../src/engine/iam/policy/index.ts';

const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": ["secretsmanager:GetSecretValue", "kms:Decrypt"],
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:PrincipalTag/team": ["dev", 7] } }
    }
  ]
}`;

describe('parsePolicy', () => {
  it('keeps source ranges for statements, elements, entries and condition values', () => {
    const result = parsePolicy(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [statement] = result.policy.statements;
    expect(statement?.range).toMatchObject({ line: 4, column: 5, endLine: 10, endColumn: 6 });
    expect(statement?.sid).toMatchObject({ value: 'Read', range: { line: 5, column: 14 } });
    expect(statement?.effect).toMatchObject({ value: 'Allow', range: { line: 6, column: 17 } });
    expect(statement?.action.entries.map((e) => [e.value, e.range.line, e.range.column])).toEqual([
      ['secretsmanager:GetSecretValue', 7, 18],
      ['kms:Decrypt', 7, 51],
    ]);
    expect(statement?.resource).toMatchObject({ element: 'Resource', single: true, range: { line: 8, column: 19 } });
    const clause = statement?.conditions[0];
    expect(clause?.operator.text).toBe('StringEquals');
    expect(clause?.keyRange).toMatchObject({ line: 9, column: 40, length: 23 });
    // IAM stringifies numbers in condition values.
    expect(clause?.values.map((v) => v.value)).toEqual(['dev', '7']);
    expect(clause?.valueTypes).toEqual(['string', 'number']);
    expect(result.policy.version?.value).toBe('2012-10-17');
  });

  it('reports a JSON syntax error with its line and column', () => {
    const result = parsePolicy('{\n  "Version": "2012-10-17",\n  "Statement": [ { "Effect": "Allow" "Action": "*" } ]\n}');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'JSON_SYNTAX_ERROR', range: { line: 3, column: 38 } });
    expect(result.problems[0]?.message).toContain('comma expected');
  });

  it('reports an empty document', () => {
    const result = parsePolicy('');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.code).toBe('JSON_SYNTAX_ERROR');
  });

  it.each([
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Foo":1}]}', 'INVALID_POLICY_ELEMENT', '"Foo"'],
    ['{"Statement":[{"effect":"Allow","Action":"*","Resource":"*"}]}', 'MISSING_EFFECT', '{"effect"'],
    ['{"Statement":[{"Effect":"Allowed","Action":"*","Resource":"*"}]}', 'INVALID_EFFECT', '"Allowed"'],
    ['{"Version":"2012-10-18","Statement":[]}', 'INVALID_VERSION', '"2012-10-18"'],
    ['{"Statement":[{"Effect":"Allow","Action":5,"Resource":"*"}]}', 'DATA_TYPE_MISMATCH', '5'],
    ['{"Statement":[{"Effect":"Allow","Resource":"*"}]}', 'MISSING_ACTION', '{"Effect"'],
    ['{"Version":"2012-10-17"}', 'MISSING_STATEMENT', '{"Version"'],
    ['{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"s3:*","Resource":"*"}]}', 'UNSUPPORTED_ELEMENT_COMBINATION', '"NotAction"'],
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":"me"}]}', 'INVALID_PRINCIPAL_FORMAT', '"me"'],
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Principal":{"User":"x"}}]}', 'INVALID_PRINCIPAL_KEY', '"User"'],
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqual":{"a:b":"c"}}}]}', 'INVALID_CONDITION_OPERATOR', '"StringEqual"'],
    ['{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"a:b":"true"}}}]}', 'NULL_WITH_IF_EXISTS', '"NullIfExists"'],
    ['{"Statement":[{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}]}', 'DUPLICATE_KEY', '"Effect":"Deny"'],
  ])('rejects %s with %s pointing at %s', (source, code, token) => {
    const result = parsePolicy(source);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toContain(code);
    const range = result.problems.find((p) => p.code === code)?.range;
    // The range starts where the offending token is written (1-based column on line 1).
    const expectedOffset = code === 'DUPLICATE_KEY' ? source.indexOf(token) : source.lastIndexOf(token);
    expect(range).toMatchObject({ line: 1, column: expectedOffset + 1, offset: expectedOffset });
  });

  it('accepts a single statement object and every operator form', () => {
    const policy = policyFromDocument({
      Statement: {
        Effect: 'Deny',
        NotAction: 'iam:*',
        NotResource: ['arn:aws:s3:::b'],
        NotPrincipal: { AWS: ['111111111111'] },
        Condition: { 'ForAnyValue:StringNotLikeIfExists': { 'aws:TagKeys': ['a*'] }, Null: { 'aws:TokenIssueTime': true } },
      },
    });
    expect(policy.singleStatement).toBe(true);
    expect(policy.version).toBeUndefined();
    const statement = policy.statements[0];
    expect(statement?.action.element).toBe('NotAction');
    expect(statement?.resource?.element).toBe('NotResource');
    expect(statement?.principal?.element).toBe('NotPrincipal');
    expect(statement?.conditions[0]?.operator).toMatchObject({ qualifier: 'ForAnyValue', ifExists: true, base: { name: 'StringNotLike', negated: true } });
    expect(statement?.conditions[1]?.values[0]?.value).toBe('true');
  });

  it('policyFromDocument throws PolicyParseError with the problems', () => {
    expect(() => policyFromDocument({ Statement: [{ Effect: 'Maybe', Action: '*', Resource: '*' }] })).toThrow(PolicyParseError);
  });
});

describe('policyJsonSchema', () => {
  it('describes the grammar for the editor, including operator names', () => {
    const schema = policyJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['Version', 'Id', 'Statement']);
    expect(schema.required).toEqual(['Statement']);
    const json = JSON.stringify(schema);
    expect(json).toContain('ForAllValues:StringEqualsIfExists');
    expect(json).toContain('"enum":["Allow","Deny"]');
    expect(json).toContain('"additionalProperties":false');
  });
});
