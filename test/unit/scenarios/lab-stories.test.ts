import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../src/engine/index.ts';
import { applySolution, buildLabWorld, evaluateGoals, parseLab, type Lab } from '../../../src/scenarios/index.ts';
import { labSources, priceBook } from '../../content/labs-files.ts';

/**
 * Each lab tells a story ("the key is disabled", "the resource policy is what stops the reporting role"). These
 * tests check that the engine agrees with the story, so a lab never teaches something the simulator does not do.
 */
const labs = new Map(labSources().map((source) => [source.folder, parseLab(source)]));
const lab = (id: string): Lab => labs.get(id) ?? (() => { throw new Error(`no lab ${id}`); })();

function call(sim: Simulator, operation: string, input: Record<string, unknown>, principalArn?: string, service = 'secretsmanager') {
  return sim.call({ service, operation, input, ...(principalArn ? { caller: { principalArn } } : {}) });
}
function arnOf(sim: Simulator, name: string): string {
  const described = call(sim, 'DescribeSecret', { secretId: name });
  if (!described.ok) throw described.error;
  return (described.output as { arn: string }).arn;
}
function failed(goals: ReturnType<typeof evaluateGoals>): string[] {
  return goals.filter((g) => !g.passed).map((g) => g.id);
}
/** The first n actions of a lab's solution. */
function partial(id: string, n: number): Simulator {
  const world = buildLabWorld(lab(id));
  expect(applySolution({ solution: lab(id).solution.slice(0, n) }, world)).toBeUndefined();
  return world;
}

describe('lab stories', () => {
  it('02: the bad value is current at the start; the good one is AWSPREVIOUS', () => {
    const sim = buildLabWorld(lab('02-versions-and-labels'));
    expect(call(sim, 'GetSecretValue', { secretId: 'prod/payments/api-key' })).toMatchObject({ ok: true, output: { secretString: '{"apiKey":"sandbox_0000"}' } });
    expect(call(sim, 'GetSecretValue', { secretId: 'prod/payments/api-key', versionStage: 'AWSPREVIOUS' })).toMatchObject({ ok: true, output: { versionId: '11111111-1111-4111-8111-111111111111' } });
    // Putting the old value again "fixes" the value but not the version: the same-version goal sees through it.
    call(sim, 'PutSecretValue', { secretId: 'prod/payments/api-key', secretString: '{"apiKey":"live_4f9a1c2e7b"}' });
    expect(failed(evaluateGoals(lab('02-versions-and-labels').goals, sim))).toEqual(['same-version']);
  });

  it('03: the disabled key makes UpdateSecret fail, naming the key', () => {
    const sim = buildLabWorld(lab('03-encryption'));
    const result = call(sim, 'UpdateSecret', { secretId: 'prod/billing/db', kmsKeyId: 'alias/billing-secrets' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/disabled/);
    expect(failed(evaluateGoals(lab('03-encryption').goals, sim))).toEqual(['customer-key', 'key-enabled']);
  });

  it('04: orders-app reads the billing secret at the start; scoping its policy alone leaves the reporting role in', () => {
    const start = buildLabWorld(lab('04-least-privilege'));
    expect(call(start, 'GetSecretValue', { secretId: 'prod/billing/db' }, 'arn:aws:sts::111122223333:assumed-role/orders-app/t').ok).toBe(true);
    const identityOnly = partial('04-least-privilege', 1);
    expect(failed(evaluateGoals(lab('04-least-privilege').goals, identityOnly))).toEqual(['reporting-refused-by-secret']);
  });

  it('05: the legacy secret on the AWS managed key is refused to the other account with the documented message', () => {
    const sim = buildLabWorld(lab('05-cross-account'));
    const result = call(sim, 'GetSecretValue', { secretId: arnOf(sim, 'prod/reporting/legacy') }, 'arn:aws:iam::444455556666:user/admin');
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidRequestException' } });
    if (!result.ok) expect(result.error.message).toBe("You can't access a secret from a different AWS account if you encrypt the secret with the default KMS service key.");
  });

  it("05: without the caller's own policy, or without the key policy's grant, the development role is refused", () => {
    const noCallerPolicy = partial('05-cross-account', 4);
    expect(failed(evaluateGoals(lab('05-cross-account').goals, noCallerPolicy))).toEqual(['dev-reads-secret']);

    const noKeyGrant = buildLabWorld(lab('05-cross-account'));
    const solution = lab('05-cross-account').solution.map((action) => {
      if (!('call' in action) || action.call.operation !== 'CreateKey') return action;
      return { ...action, call: { ...action.call, input: { Description: 'default key policy' } } };
    });
    expect(applySolution({ solution }, noKeyGrant)).toBeUndefined();
    const [readGoal] = evaluateGoals(lab('05-cross-account').goals, noKeyGrant);
    expect(readGoal).toMatchObject({ passed: false, reason: expect.stringContaining('AccessDeniedException') });
  });

  it('06: BlockPublicPolicy refuses the policy in place, and the intern can read the token at the start', () => {
    const sim = buildLabWorld(lab('06-public-policy'));
    const policy = call(sim, 'GetResourcePolicy', { secretId: 'prod/partner/api-token' });
    if (!policy.ok) throw policy.error;
    const put = call(sim, 'PutResourcePolicy', { secretId: 'prod/partner/api-token', resourcePolicy: (policy.output as { resourcePolicy: string }).resourcePolicy, blockPublicPolicy: true });
    expect(put).toMatchObject({ ok: false, error: { code: 'PublicPolicyException' } });
    const read = call(sim, 'GetSecretValue', { secretId: arnOf(sim, 'prod/partner/api-token') }, 'arn:aws:sts::444455556666:assumed-role/intern-sandbox/play');
    expect(read.ok).toBe(true);
  });

  it('10: a secret scheduled for deletion cannot be read; restoring it without deleting the copy leaves one goal', () => {
    const sim = buildLabWorld(lab('10-recover-deleted'));
    expect(call(sim, 'GetSecretValue', { secretId: 'prod/legacy/ldap-bind' })).toMatchObject({ ok: false, error: { code: 'InvalidRequestException' } });
    expect(failed(evaluateGoals(lab('10-recover-deleted').goals, partial('10-recover-deleted', 1)))).toEqual(['copy-gone']);
  });

  it('11: replicating without promoting is half the drill; a copy made by hand is not a promoted replica', () => {
    expect(failed(evaluateGoals(lab('11-disaster-recovery').goals, partial('11-disaster-recovery', 1)))).toEqual(['replica-promoted', 'standalone']);
    const byHand = buildLabWorld(lab('11-disaster-recovery'));
    byHand.call({ service: 'secretsmanager', operation: 'CreateSecret', region: 'us-west-2', input: { name: 'prod/orders/db', secretString: '{"username":"orders","password":"Kc5nWq1zRb7mYd3t"}' } });
    expect(failed(evaluateGoals(lab('11-disaster-recovery').goals, byHand))).toEqual(['replica-promoted']);
  });

  it("12: CloudTrail's history names the overnight reader and the refused attempt", () => {
    const sim = buildLabWorld(lab('12-investigation'));
    const found = sim.call({ service: 'cloudtrail', operation: 'LookupEvents', input: { lookupAttributes: [{ attributeKey: 'EventName', attributeValue: 'GetSecretValue' }] } });
    if (!found.ok) throw found.error;
    const events = (found.output as { events: { username: string; eventTime: number; cloudTrailEvent: string }[] }).events;
    const summary = events.map((e) => [e.username, new Date(e.eventTime).toISOString().slice(0, 16), JSON.parse(e.cloudTrailEvent).errorCode ?? 'ok']);
    expect(summary).toEqual([
      ['intern', '2026-01-02T02:20', 'AccessDeniedException'],
      ['temp-contractor', '2026-01-02T02:13', 'ok'],
      ['ci-runner', '2026-01-01T14:00', 'ok'],
    ]);
  });

  it('16: at the start the orders secret fails rotation, rotation age and tags, and the old key fails "unused"', () => {
    const sim = buildLabWorld(lab('16-compliance'));
    const found = sim.call({ service: 'securityhub', operation: 'GetFindings', input: { filters: { complianceStatus: [{ value: 'FAILED', comparison: 'EQUALS' }] } } });
    if (!found.ok) throw found.error;
    const failing = (found.output as { findings: { compliance: { securityControlId: string }; resources: { id: string }[] }[] }).findings
      .map((f) => `${f.resources[0]!.id.split(':').pop()!.replace(/-\w{6}$/, '')} ${f.compliance.securityControlId}`)
      .sort();
    expect(failing).toEqual([
      'prod/orders/db SecretsManager.1',
      'prod/orders/db SecretsManager.4',
      'prod/orders/db SecretsManager.5',
      'test/old-api-key SecretsManager.1',
      'test/old-api-key SecretsManager.3',
      'test/old-api-key SecretsManager.4',
      'test/old-api-key SecretsManager.5',
    ]);
  });

  it('a reference solution cannot use set-up controls: only what a learner can do', () => {
    const world = buildLabWorld(lab('01-first-secret'));
    const solution = [{ control: 'createDatabase', args: [] }] as unknown as Lab['solution'];
    expect(() => applySolution({ solution }, world)).toThrow(/only available while building/);
  });

  it('13: doing nothing costs about $8 in February; consolidating without deleting the unused keys is still over $2; an unfinished month is refused', () => {
    const billGoal = lab('13-cut-the-bill').goals.filter((g) => g.id === 'february-bill');
    const idle = buildLabWorld(lab('13-cut-the-bill'));
    expect(evaluateGoals(billGoal, idle, { priceBook: priceBook() })[0]?.reason).toBe('2026-02 has not ended yet in this world: move the clock past its last day.');
    idle.advance(60 * 86_400_000);
    expect(evaluateGoals(billGoal, idle, { priceBook: priceBook() })[0]?.reason).toMatch(/^The 2026-02 bill is \$8\.0\d; the target is at most \$2\.00\.$/);

    const keysKept = buildLabWorld(lab('13-cut-the-bill'));
    const solution = lab('13-cut-the-bill').solution.filter((a) => !('call' in a) || (a.call.operation !== 'ScheduleKeyDeletion' && a.call.operation !== 'DescribeKey'));
    expect(applySolution({ solution }, keysKept)).toBeUndefined();
    expect(evaluateGoals(billGoal, keysKept, { priceBook: priceBook() })[0]).toMatchObject({ passed: false, reason: expect.stringMatching(/bill is \$4\.8\d/) });
  });
});
