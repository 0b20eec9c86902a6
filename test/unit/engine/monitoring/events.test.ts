import { describe, expect, it } from 'vitest';
import { createSimulator, injectFault, type Simulator } from '../../../../src/engine/index.ts';
import { matchesPattern, parseEventPattern } from '../../../../src/engine/monitoring/events/event-pattern.ts';
import { call, rotationSetup, settle, sm, token } from './helpers.ts';

const OWNER = '111122223333';
const OTHER = '444455556666';
const INBOX_TOPIC = 'arn:aws:sns:us-east-1:111122223333:secretslab-inbox';

function rule(sim: Simulator, name: string, pattern: unknown, state?: string) {
  call(sim, 'events', 'PutRule', { name, eventPattern: JSON.stringify(pattern), ...(state ? { state } : {}) });
  call(sim, 'events', 'PutTargets', { rule: name, targets: [{ id: 'inbox', arn: INBOX_TOPIC }] });
}

function inbox(sim: Simulator) {
  return (sim.state.records.events as { items: { name: string; accountId: string; title: string; event: Record<string, unknown> }[] }).items;
}

describe('event patterns', () => {
  const event = { source: 'aws.secretsmanager', 'detail-type': 'AWS API Call via CloudTrail', detail: { eventName: 'GetSecretValue', userIdentity: { accountId: OTHER }, errorCode: undefined, tags: ['a', 'b'] } };
  const cases: [string, unknown, boolean][] = [
    ['exact value', { source: ['aws.secretsmanager'] }, true],
    ['one of several', { detail: { eventName: ['DeleteSecret', 'GetSecretValue'] } }, true],
    ['nested mismatch', { detail: { eventName: ['DeleteSecret'] } }, false],
    ['prefix', { detail: { eventName: [{ prefix: 'Get' }] } }, true],
    ['anything-but own account', { detail: { userIdentity: { accountId: [{ 'anything-but': OWNER }] } } }, true],
    ['anything-but list', { detail: { userIdentity: { accountId: [{ 'anything-but': [OTHER] }] } } }, false],
    ['exists false', { detail: { errorCode: [{ exists: false }] } }, true],
    ['exists true', { detail: { errorCode: [{ exists: true }] } }, false],
    ['array field matches any element', { detail: { tags: ['b'] } }, true],
    ['equals-ignore-case', { source: [{ 'equals-ignore-case': 'AWS.SecretsManager' }] }, true],
  ];
  for (const [name, pattern, expected] of cases) {
    it(`${name}: ${expected ? 'matches' : 'does not match'}`, () => {
      expect(matchesPattern(parseEventPattern(JSON.stringify(pattern)), event)).toBe(expected);
    });
  }

  it('PutRule refuses a pattern whose leaf is not a list (InvalidEventPatternException)', () => {
    const sim = createSimulator();
    const result = sim.call({ service: 'events', operation: 'PutRule', input: { name: 'bad', eventPattern: '{"source":"aws.secretsmanager"}' } });
    expect(!result.ok && result.error.code).toBe('InvalidEventPatternException');
    expect(!result.ok && result.error.message).toMatch(/^Event pattern is not valid\. Reason: /);
  });
});

describe('rules deliver matched events to the inbox', () => {
  it('a DeleteSecret rule gets the API call, with the CloudTrail record as detail', () => {
    const sim = createSimulator();
    rule(sim, 'secret-deleted', { source: ['aws.secretsmanager'], 'detail-type': ['AWS API Call via CloudTrail'], detail: { eventName: ['DeleteSecret'] } });
    const arn = sm(sim, 'CreateSecret', { name: 'doomed', secretString: 'v' }).arn;
    sm(sim, 'DeleteSecret', { secretId: arn, recoveryWindowInDays: 7 });
    expect(inbox(sim)).toHaveLength(1);
    expect(inbox(sim)[0]).toMatchObject({
      name: 'secret-deleted',
      accountId: OWNER,
      event: { source: 'aws.secretsmanager', account: OWNER, detail: { eventName: 'DeleteSecret', eventSource: 'secretsmanager.amazonaws.com', readOnly: false } },
    });
  });

  it('a rotation-failure rule gets the RotationFailed service event from the real rotation engine', () => {
    const { sim, secretArn, functionArn } = rotationSetup();
    rule(sim, 'rotation-failed', { source: ['aws.secretsmanager'], 'detail-type': ['AWS Service Event via CloudTrail'], detail: { eventName: ['RotationFailed'] } });
    injectFault(sim, functionArn, 'createSecret', { kind: 'permissionDenied' });
    sm(sim, 'RotateSecret', { secretId: secretArn, rotationLambdaARN: functionArn, clientRequestToken: token() });
    settle(sim);
    const delivered = inbox(sim).filter((i) => i.name === 'rotation-failed');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.event).toMatchObject({ 'detail-type': 'AWS Service Event via CloudTrail', detail: { eventName: 'RotationFailed', eventType: 'AwsServiceEvent' } });
    expect(delivered[0]!.title).toContain(secretArn);
  });

  it('GetSecretValue from another account reaches the owner account rule only in ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS (read-only events)', () => {
    const sim = createSimulator();
    const pattern = { source: ['aws.secretsmanager'], detail: { eventName: ['GetSecretValue'], userIdentity: { accountId: [{ 'anything-but': OWNER }] } } };
    rule(sim, 'writes-only', pattern);
    rule(sim, 'foreign-reads', pattern, 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS');
    const arn = sm(sim, 'CreateSecret', { name: 'shared', secretString: 'v' }).arn;
    sm(sim, 'GetSecretValue', { secretId: arn }); // own account: no match
    sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: arn }, caller: { principalArn: `arn:aws:iam::${OTHER}:user/admin` } });
    expect(inbox(sim).map((i) => [i.name, i.accountId])).toEqual([['foreign-reads', OWNER]]);
    expect(inbox(sim)[0]!.title).toContain(`(account ${OTHER})`);
  });

  it('a disabled rule or one without targets delivers nothing; a rule with targets cannot be deleted', () => {
    const sim = createSimulator();
    call(sim, 'events', 'PutRule', { name: 'no-target', eventPattern: JSON.stringify({ source: ['aws.secretsmanager'] }) });
    rule(sim, 'off', { source: ['aws.secretsmanager'] }, 'DISABLED');
    sm(sim, 'CreateSecret', { name: 'x', secretString: 'v' });
    expect(inbox(sim)).toEqual([]);
    const refused = sim.call({ service: 'events', operation: 'DeleteRule', input: { name: 'off' } });
    expect(!refused.ok && [refused.error.code, refused.error.message]).toEqual(['ValidationException', "Rule can't be deleted since it has targets."]);
    call(sim, 'events', 'RemoveTargets', { rule: 'off', ids: ['inbox'] });
    call(sim, 'events', 'DeleteRule', { name: 'off' });
    expect(call(sim, 'events', 'ListRules', {}).rules.map((r: { name: string }) => r.name)).toEqual(['no-target']);
    const missing = sim.call({ service: 'events', operation: 'PutTargets', input: { rule: 'nope', targets: [{ id: '1', arn: INBOX_TOPIC }] } });
    expect(!missing.ok && missing.error.message).toBe('Rule nope does not exist on EventBus default.');
  });

  it('the inbox is bounded', () => {
    const sim = createSimulator();
    rule(sim, 'all-writes', { source: ['aws.secretsmanager'] });
    const arn = sm(sim, 'CreateSecret', { name: 'busy', secretString: 'v' }).arn;
    for (let i = 0; i < 250; i++) sm(sim, 'TagResource', { secretId: arn, tags: [{ key: 'n', value: String(i) }] });
    expect(inbox(sim)).toHaveLength(200);
  });
});
