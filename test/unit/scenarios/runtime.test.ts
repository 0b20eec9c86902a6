import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulator } from '../../../src/engine/index.ts';
import {
  LabContentError,
  LabSetupError,
  MissingVariableError,
  buildLabWorld,
  checkField,
  durationMs,
  evaluateGoals,
  labSourcesFromFiles,
  parseLab,
  substitute,
  type LabGoal,
} from '../../../src/scenarios/index.ts';
import { toAwsOutput, toEngineInput } from '../../../src/scenarios/wire-names.ts';

const FRONT = (extra = '') => `---
id: 99-test-lab
title: A test lab
domain: 1
task: "1.3"
minutes: 10
objectives: [Do the thing]
${extra}---
The situation.`;

const YAML = `
goals:
  - id: stored
    description: The secret exists.
    check:
      call: { service: secretsmanager, operation: DescribeSecret, input: { SecretId: s } }
steps:
  - title: Store it
    instructions: Store it.
solution:
  - call: { service: secretsmanager, operation: CreateSecret, input: { Name: s, SecretString: v } }
debrief:
  whatHappened: It was stored.
  why: Because.
  examAngle: Exam.
  topics: [secrets-and-versions]
`;

describe('substitute', () => {
  it('fills placeholders inside strings and keeps the type of a whole placeholder', () => {
    expect(substitute({ a: 'x-${id}-y', b: '${n}', c: ['${id}'] }, { id: 'k1', n: 7 })).toEqual({ a: 'x-k1-y', b: 7, c: ['k1'] });
  });
  it('refuses a value that is not known', () => {
    expect(() => substitute('${missing}', {})).toThrow(MissingVariableError);
    expect(() => substitute('a ${gone}', { gone: null })).toThrow(MissingVariableError);
  });
  it('leaves text without placeholders unchanged (property)', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('${')), (text) => substitute(text, {}) === text));
  });
});

describe('durations', () => {
  it('reads days, hours, minutes and seconds', () => {
    expect(durationMs('8d')).toBe(8 * 86_400_000);
    expect(durationMs('36h')).toBe(36 * 3_600_000);
    expect(durationMs('90m')).toBe(90 * 60_000);
    expect(durationMs('5s')).toBe(5000);
    expect(() => durationMs('5 days')).toThrow();
  });
});

describe('AWS member names at the edge', () => {
  it('maps Secrets Manager and IAM requests to the engine and outputs back', () => {
    expect(toEngineInput('secretsmanager', { SecretId: 's', Tags: [{ Key: 'k', Value: 'v' }] })).toEqual({ secretId: 's', tags: [{ key: 'k', value: 'v' }] });
    expect(toEngineInput('iam', { RoleName: 'r', PolicyDocument: '{}' })).toEqual({ roleName: 'r', policyDocument: '{}' });
    expect(toAwsOutput('secretsmanager', { arn: 'a', name: 'n', createdDate: 2000 })).toEqual({ ARN: 'a', Name: 'n', CreatedDate: 2 });
    expect(toAwsOutput('kms', { keyMetadata: { awsAccountId: '1' } })).toEqual({ KeyMetadata: { AWSAccountId: '1' } });
  });
});

describe('checkField', () => {
  const output = { Name: 'prod/db', KmsKeyId: 'alias/x', Count: 3, Tags: [] };
  it('answers each kind of expectation, with the value found when it fails', () => {
    expect(checkField(output, { query: 'Name', equals: 'prod/db' })).toBeUndefined();
    expect(checkField(output, { query: 'Name', equals: 'other' })).toBe('Name is "prod/db"; expected "other".');
    expect(checkField(output, { query: 'KmsKeyId', notMatches: 'aws/secretsmanager' })).toBeUndefined();
    expect(checkField(output, { query: 'KmsKeyId', matches: '^arn:' })).toMatch(/expected it to match/);
    expect(checkField(output, { query: 'DeletedDate', exists: false })).toBeUndefined();
    expect(checkField(output, { query: 'Tags', exists: true })).toMatch(/expected a value/);
    expect(checkField(output, { query: 'Count', atMost: 3 })).toBeUndefined();
    expect(checkField(output, { query: 'Count', atLeast: 4 })).toMatch(/at least 4/);
    expect(checkField(output, { query: 'Name', notEquals: 'prod/db' })).toMatch(/must differ/);
  });
});

describe('parseLab', () => {
  const source = (indexMarkdown: string, labYaml = YAML) => ({ folder: '99-test-lab', indexMarkdown, labYaml });

  it('reads front matter, situation and lab file, with a default seed', () => {
    const lab = parseLab(source(FRONT()));
    expect(lab).toMatchObject({ id: '99-test-lab', task: '1.3', situation: 'The situation.', seed: 'lab:99-test-lab' });
    expect(lab.goals[0]?.check).toMatchObject({ expect: 'success' });
  });
  it('refuses an id that is not the folder, a task outside its domain, a duplicate goal, unknown fields', () => {
    expect(() => parseLab({ ...source(FRONT()), folder: '98-other' })).toThrow(/does not match its folder/);
    expect(() => parseLab(source(FRONT().replace('task: "1.3"', 'task: "4.1"')))).toThrow(/not in domain 1/);
    expect(() => parseLab(source(FRONT(), YAML.replace('goals:', `goals:\n  - { id: stored, description: twice over, check: { call: { service: kms, operation: ListKeys } } }`)))).toThrow(/used twice/);
    expect(() => parseLab(source(FRONT('colour: red\n')))).toThrow(LabContentError);
    expect(() => parseLab(source('no front matter'))).toThrow(/front matter/);
  });
  it('groups files found by import.meta.glob into lab sources', () => {
    const sources = labSourcesFromFiles({ '/content/labs/01-a/index.md': 'i', '/content/labs/01-a/lab.yaml': 'y' });
    expect(sources).toEqual([{ folder: '01-a', indexMarkdown: 'i', labYaml: 'y' }]);
    expect(() => labSourcesFromFiles({ '/content/labs/01-a/index.md': 'i' })).toThrow(/both/);
  });
});

describe('lab worlds and goals', () => {
  const lab = parseLab({ folder: '99-test-lab', indexMarkdown: FRONT(), labYaml: YAML });

  it('builds the same world on every start (seeded set-up)', () => {
    const withSetup = { ...lab, setup: [{ call: { service: 'kms', operation: 'CreateKey', input: {} } }, { advance: '2h' }] };
    expect(JSON.stringify(buildLabWorld(withSetup).snapshot())).toBe(JSON.stringify(buildLabWorld(withSetup).snapshot()));
  });

  it('a set-up call that fails unexpectedly is a broken lab; an expected failure is recorded and passes', () => {
    const broken = { ...lab, setup: [{ call: { service: 'secretsmanager', operation: 'GetSecretValue', input: { SecretId: 'none' } } }] };
    expect(() => buildLabWorld(broken)).toThrow(LabSetupError);
    const denied = { ...lab, setup: [{ call: { service: 'secretsmanager', operation: 'GetSecretValue', input: { SecretId: 'none' } }, expectError: 'ResourceNotFoundException' }] };
    expect(() => buildLabWorld(denied)).not.toThrow();
  });

  it('evaluates goals on a clone: the learner world, its call log and its clock are untouched', () => {
    const world = createSimulator();
    world.call({ service: 'secretsmanager', operation: 'CreateSecret', input: { name: 's', secretString: 'v' } });
    const before = JSON.stringify(world.snapshot());
    const goals: LabGoal[] = [
      ...lab.goals,
      { id: 'read', description: 'read', check: { call: { service: 'secretsmanager', operation: 'GetSecretValue', input: { SecretId: 's' } }, expect: 'success' } },
    ];
    expect(evaluateGoals(goals, world).map((g) => g.passed)).toEqual([true, true]);
    expect(JSON.stringify(world.snapshot())).toBe(before);
  });

  it('says why a goal fails: the error, or the value found', () => {
    const world = createSimulator();
    const goals: LabGoal[] = [
      { id: 'missing', description: 'd', check: { call: { service: 'secretsmanager', operation: 'DescribeSecret', input: { SecretId: 'nope' } }, expect: 'success' } },
      { id: 'denied', description: 'd', check: { call: { service: 'secretsmanager', operation: 'ListSecrets', input: {} }, expect: { error: 'AccessDeniedException' } } },
      { id: 'unknown', description: 'd', check: { call: { service: 'secretsmanager', operation: 'GetSecretValue', input: { SecretId: '${arn}' } }, expect: 'success' } },
    ];
    const [missing, denied, unknown] = evaluateGoals(goals, world);
    expect(missing?.reason).toBe("DescribeSecret failed: ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    expect(denied?.reason).toBe('ListSecrets succeeded; it should fail with AccessDeniedException.');
    expect(unknown).toMatchObject({ passed: false, reason: expect.stringContaining('${arn}') });
  });

  it('all stops at the first failing part; any passes when one part passes', () => {
    const world = createSimulator();
    const ok = { call: { service: 'kms', operation: 'ListKeys', input: {} }, expect: 'success' as const };
    const bad = { call: { service: 'secretsmanager', operation: 'DescribeSecret', input: { SecretId: 'x' } }, expect: 'success' as const };
    const [all, any, none] = evaluateGoals(
      [
        { id: 'all', description: 'd', check: { all: [ok, bad] } },
        { id: 'any', description: 'd', check: { any: [bad, ok] } },
        { id: 'none', description: 'd', check: { any: [bad, bad] } },
      ],
      world,
    );
    expect([all?.passed, any?.passed, none?.passed]).toEqual([false, true, false]);
    expect(none?.reason).toContain(' Or: ');
  });
});
