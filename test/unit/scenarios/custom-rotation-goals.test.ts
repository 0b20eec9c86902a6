import { describe, expect, it } from 'vitest';
import {
  createDatabase,
  createPartnerApi,
  createSimulator,
  DAY,
  deployRotationFunction,
  partnerApiRequest,
  partnerApis,
  setDatabaseUser,
  type Simulator,
} from '../../../src/engine/index.ts';
import { evaluatePartnerApi } from '../../../src/scenarios/partner-api-goal.ts';
import {
  applySolution,
  buildLabWorld,
  changePath,
  evaluateGoals,
  labFileSchema,
  labSourcesFromFiles,
  LabContentError,
  parseLab,
  type LabGoal,
} from '../../../src/scenarios/index.ts';

const HOST = 'api.example-vendor.example';
const KEY_A = 'vendor_key_aaaaaaaaaaaaaaaaaaaa';
const KEY_B = 'vendor_key_bbbbbbbbbbbbbbbbbbbb';
const KEY_C = 'vendor_key_cccccccccccccccccccc';

function secret(sim: Simulator, name: string, value: string): string {
  const out = sim.call<{ arn: string }>({ service: 'secretsmanager', operation: 'CreateSecret', input: { name, secretString: value } });
  if (!out.ok) throw out.error;
  return out.output.arn;
}
function rotate(sim: Simulator, name: string, functionArn: string, rules: Record<string, unknown>): void {
  const out = sim.call({ service: 'secretsmanager', operation: 'RotateSecret', input: { secretId: name, rotationLambdaARN: functionArn, rotationRules: rules } });
  if (!out.ok) throw out.error;
}
const goal = (check: unknown): LabGoal[] => [{ id: 'g', description: 'the check', check: check as LabGoal['check'] }];
const result = (check: unknown, sim: Simulator) => evaluateGoals(goal(check), sim)[0]!;

/**
 * Two functions of a database template that rotate app/token's database user (no learner code: the engine runs them
 * itself, so plain advance() is enough).
 */
function rotatingWorld(): { sim: Simulator; a: string; b: string } {
  const sim = createSimulator({ seed: 'rotation-goal' });
  const db = createDatabase(sim, { engine: 'mysql', name: 'orders', masterUsername: 'admin', masterPassword: 'master-pw' });
  setDatabaseUser(sim, db.id, 'app', 'app-pw');
  const a = deployRotationFunction(sim, { name: 'rotate-a', template: 'SecretsManagerRDSMySQLRotationSingleUser' });
  const b = deployRotationFunction(sim, { name: 'rotate-b', template: 'SecretsManagerRDSMySQLRotationSingleUser' });
  secret(sim, 'app/token', JSON.stringify({ engine: 'mysql', host: db.host, port: db.port, dbname: db.dbname, username: 'app', password: 'app-pw' }));
  return { sim, a, b };
}

describe('rotation goals', () => {
  it('count successful runs, by function when asked, and only within the last stretch when asked', () => {
    const { sim, a, b } = rotatingWorld();
    rotate(sim, 'app/token', a, { automaticallyAfterDays: 10 });
    sim.advance(25 * DAY); // the immediate run and the one on day 10 and day 20
    rotate(sim, 'app/token', b, { automaticallyAfterDays: 10 });
    sim.advance(DAY);
    expect(result({ rotation: { secret: 'app/token', succeededAtLeast: 4 } }, sim)).toMatchObject({ passed: true, reason: 'app/token: 4 successful rotations.' });
    expect(result({ rotation: { secret: 'app/token', function: 'rotate-a', succeededAtLeast: 3 } }, sim).passed).toBe(true);
    expect(result({ rotation: { secret: 'app/token', function: b, succeededAtLeast: 2 } }, sim)).toMatchObject({
      passed: false,
      reason: 'app/token rotated successfully once with ' + b + '; expected at least 2.',
    });
    expect(result({ rotation: { secret: 'app/token', withinLast: '3d', succeededAtLeast: 2 } }, sim).reason).toBe('app/token rotated successfully once in the last 3d; expected at least 2.');
    expect(result({ rotation: { secret: 'app/token', failedAtMost: 0 } }, sim).passed).toBe(true);
    expect(result({ rotation: { secret: 'nope', succeededAtLeast: 1 } }, sim).reason).toMatch(/^DescribeSecret failed: ResourceNotFoundException/);
  });

  it('measure the schedule: a rate, AutomaticallyAfterDays, or the longest gap a cron leaves', () => {
    const { sim, a } = rotatingWorld();
    const everyThirty = { rotation: { secret: 'app/token', everyDaysAtMost: 30 } };
    expect(result(everyThirty, sim).reason).toBe('app/token does not have automatic rotation turned on.');
    const cases: [Record<string, unknown>, boolean, string][] = [
      [{ scheduleExpression: 'rate(30 days)' }, true, 'every 30 days at most (rate(30 days))'],
      [{ automaticallyAfterDays: 30 }, true, 'every 30 days at most'],
      [{ scheduleExpression: 'rate(31 days)' }, false, 'leaves up to 31 days between rotations'],
      [{ scheduleExpression: 'cron(0 8 ? * MON *)' }, true, 'every 7 days at most'],
      // The 1st of every month: January to February leaves 31 days.
      [{ scheduleExpression: 'cron(0 0 1 * ? *)' }, false, 'leaves up to 31 days'],
      [{ scheduleExpression: 'rate(6 hours)' }, true, 'every 1 days at most'],
    ];
    for (const [rules, passed, text] of cases) {
      rotate(sim, 'app/token', a, rules);
      sim.advance(DAY);
      const outcome = result(everyThirty, sim);
      expect([rules, outcome.passed], outcome.reason).toEqual([rules, passed]);
      expect(outcome.reason).toContain(text);
    }
  });

  it('need something to compare', () => {
    const base = { steps: [{ title: 'Do it', instructions: 'Do it.' }], solution: [{ advance: '1h' }], debrief: { whatHappened: 'xxx', why: 'xxx', examAngle: 'xxx', topics: ['rotation'] } };
    expect(labFileSchema.safeParse({ ...base, goals: goal({ rotation: { secret: 's' } }) }).success).toBe(false);
    expect(labFileSchema.safeParse({ ...base, goals: goal({ rotation: { secret: 's', everyDaysAtMost: 30 } }) }).success).toBe(true);
    expect(labFileSchema.safeParse({ ...base, goals: goal({ partnerApi: { host: HOST, secret: 's', accepts: [] } }) }).success).toBe(false);
  });
});

describe('third-party API goals', () => {
  function vendorWorld(maxActiveKeys = 2): Simulator {
    const sim = createSimulator({ seed: 'partner-goal' });
    createPartnerApi(sim, { host: HOST, name: 'Example Vendor', initialKey: KEY_A, maxActiveKeys });
    secret(sim, 'vendor/key', JSON.stringify({ apiKey: KEY_A }));
    return sim;
  }
  const accepts = (stages: string[], extra: Record<string, unknown> = {}) => ({ partnerApi: { host: HOST, secret: 'vendor/key', accepts: stages, ...extra } });
  const put = (sim: Simulator, value: string) => expect(sim.call({ service: 'secretsmanager', operation: 'PutSecretValue', input: { secretId: 'vendor/key', secretString: value } }).ok).toBe(true);

  it("ask the vendor's own key list about the key each staging label holds", () => {
    const sim = vendorWorld();
    expect(result(accepts(['AWSCURRENT']), sim)).toMatchObject({ passed: true, reason: 'Example Vendor accepts the keys in AWSCURRENT (1 active key).' });
    expect(result(accepts(['AWSCURRENT', 'AWSPREVIOUS']), sim).reason).toMatch(/^GetSecretValue of vendor\/key \(AWSPREVIOUS\) failed: ResourceNotFoundException/);
    expect(partnerApiRequest(sim, HOST, 'addKey', { apiKey: KEY_A, newKey: KEY_B }).ok).toBe(true);
    put(sim, JSON.stringify({ apiKey: KEY_B }));
    expect(result(accepts(['AWSCURRENT', 'AWSPREVIOUS']), sim).passed).toBe(true);
    // Revoked at the vendor: the secret still says KEY_A, the vendor says no. The key itself never shows in the reason.
    expect(partnerApiRequest(sim, HOST, 'revokeKey', { apiKey: KEY_B, keyId: 'key-1' }).ok).toBe(true);
    const refused = result(accepts(['AWSPREVIOUS']), sim);
    expect(refused.reason).toBe('Example Vendor refuses the key ending in aaaa (AWSPREVIOUS of vendor/key): it is not one of its active keys.');
    expect(refused.reason).not.toContain(KEY_A);
  });

  it('refuse a value that is not JSON with the field, an unknown host, and more active keys than allowed', () => {
    const sim = vendorWorld(3);
    put(sim, 'a-bare-random-string');
    expect(result(accepts(['AWSCURRENT']), sim).reason).toBe('The AWSCURRENT value of vendor/key is not a JSON object with a string "apiKey": a client reading it has no key to send.');
    expect(result(accepts(['AWSPREVIOUS'], { field: 'token' }), sim).reason).toMatch(/not a JSON object with a string "token"/);
    expect(result({ partnerApi: { host: 'api.elsewhere.example', secret: 'vendor/key', accepts: ['AWSCURRENT'] } }, sim).reason).toBe('There is no third-party API at api.elsewhere.example.');
    partnerApiRequest(sim, HOST, 'addKey', { apiKey: KEY_A, newKey: KEY_B });
    partnerApiRequest(sim, HOST, 'addKey', { apiKey: KEY_A, newKey: KEY_C });
    expect(result(accepts(['AWSPREVIOUS'], { activeKeysAtMost: 2 }), sim).reason).toBe('Example Vendor holds 3 active keys; at most 2 allowed.');
  });

  it("leave no trace at the vendor, even on the world they read: checking is not a request", () => {
    const sim = vendorWorld();
    // Straight on the world, not on evaluateGoals' clone, so a check that counted as a request would show.
    expect(evaluatePartnerApi({ host: HOST, secret: 'vendor/key', field: 'apiKey', accepts: ['AWSCURRENT'] }, sim).passed).toBe(true);
    expect(partnerApis(sim.state)[HOST]!.requests).toEqual({ ok: 0, refused: 0 });
    expect(partnerApis(sim.state)[HOST]!.keys[0]!.used).toBe(0);
  });
});

describe('lab files and the deployFunctionCode change', () => {
  const FRONT = `---
id: 99-code-lab
title: A code lab
domain: 1
task: "1.2"
minutes: 10
objectives: [Deploy the code]
---
The situation.`;
  const YAML = `
setup:
  - control: deployRotationFunction
    args: [{ name: rotate-x, template: SecretsManagerRotationTemplate, inVpc: false }]
  - advance: 1h
goals:
  - id: node
    description: The function runs Node.js.
    check:
      call: { service: lambda, operation: GetFunctionConfiguration, input: { FunctionName: rotate-x } }
      where: [{ query: Runtime, equals: nodejs20.x }]
steps:
  - title: Deploy
    instructions: Deploy it.
solution:
  - change: { control: deployFunctionCode, args: ['arn:aws:lambda:us-east-1:111122223333:function:rotate-x', { file: code/index.js }] }
    explain: your code, deployed
debrief:
  whatHappened: It ran.
  why: Because.
  examAngle: Exam.
  topics: [rotation]
`;
  const CODE = 'exports.handler = async (event) => console.log(`step ${event.Step}`);\n';
  const source = (files?: Record<string, string>) => ({ folder: '99-code-lab', indexMarkdown: FRONT, labYaml: YAML, ...(files ? { files } : {}) });

  it("reads a change's { file } from the lab folder and deploys it as written (its ${...} are code, not lab values)", () => {
    const lab = parseLab(source({ 'code/index.js': CODE }));
    let advanced = 0;
    const world = buildLabWorld(lab, (sim) => (ms) => {
      advanced += ms;
      sim.advance(ms);
    });
    expect(advanced).toBe(3_600_000);
    expect(evaluateGoals(lab.goals, world)[0]!.passed).toBe(false);
    expect(applySolution(lab, world)).toBeUndefined();
    expect(evaluateGoals(lab.goals, world)[0]!.passed).toBe(true);
    // The function holds the file's text exactly, template literal and all.
    expect(JSON.stringify(world.snapshot())).toContain(JSON.stringify(CODE));
  });

  it('refuses a file the folder does not have; a host that bundled no files gets an error only when the change runs', () => {
    expect(() => parseLab(source({}))).toThrow(LabContentError);
    expect(() => parseLab(source({}))).toThrow('99-code-lab/lab.yaml: solution step 1 names code/index.js, which is not in the lab\'s folder.');
    const unbundled = parseLab(source());
    const world = buildLabWorld(unbundled);
    expect(() => applySolution(unbundled, world)).toThrow('The file code/index.js was not bundled with this lab, so this change cannot be made.');
    expect(() => changePath(world)('deployFunctionCode', ['arn:aws:lambda:us-east-1:111122223333:function:rotate-x', 42])).toThrow(/takes the handler source as a string/);
  });

  it('groups any other file under a lab folder, as import.meta.glob finds them, into its files', () => {
    const sources = labSourcesFromFiles({
      '/content/labs/08-x/index.md': 'i',
      '/content/labs/08-x/lab.yaml': 'y',
      '/content/labs/08-x/solution/index.js': 'js',
      '/content/labs/09-y/index.md': 'i9',
      '/content/labs/09-y/lab.yaml': 'y9',
    });
    expect(sources).toEqual([
      { folder: '08-x', indexMarkdown: 'i', labYaml: 'y', files: { 'solution/index.js': 'js' } },
      { folder: '09-y', indexMarkdown: 'i9', labYaml: 'y9' },
    ]);
  });
});
