import { describe, expect, it } from 'vitest';
import { DAY } from '../../../../src/engine/index.ts';
import { ACCOUNT, REGION, fails, kms, newKey, newSim, ok } from './helpers.ts';

const aliasArn = (name: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:${name}`;

describe('CreateAlias', () => {
  it('creates an alias that names the key, with dates', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    expect(ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: arn }))).toEqual({});
    const entry = ok(kms(sim, 'ListAliases', { keyId })).aliases;
    expect(entry).toEqual([
      { aliasName: 'alias/app', aliasArn: aliasArn('alias/app'), targetKeyId: keyId, creationDate: sim.now, lastUpdatedDate: sim.now },
    ]);
  });

  it('allows a disabled key, refuses a key pending deletion', () => {
    const sim = newSim();
    const disabled = newKey(sim);
    ok(kms(sim, 'DisableKey', { keyId: disabled.keyId }));
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/disabled', targetKeyId: disabled.keyId }));
    const pending = newKey(sim);
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId: pending.keyId }));
    fails(kms(sim, 'CreateAlias', { aliasName: 'alias/pending', targetKeyId: pending.keyId }), 'KMSInvalidStateException', `${pending.arn} is pending deletion.`);
  });

  it('refuses a duplicate name, a bad prefix, the reserved alias/aws/ prefix and alias targets', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    fails(
      kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }),
      'AlreadyExistsException',
      `An alias with the name ${aliasArn('alias/app')} already exists`,
    );
    fails(kms(sim, 'CreateAlias', { aliasName: 'app', targetKeyId: keyId }), 'ValidationException', /^Alias must start with the prefix "alias\/"/);
    fails(kms(sim, 'CreateAlias', { aliasName: 'alias/aws/mine', targetKeyId: keyId }), 'NotAuthorizedException');
    fails(kms(sim, 'CreateAlias', { aliasName: 'alias/other', targetKeyId: 'alias/app' }), 'ValidationException', 'Aliases must refer to keys. Not aliases');
    fails(
      kms(sim, 'CreateAlias', { aliasName: 'alias/bad name', targetKeyId: keyId }),
      'ValidationException',
      "1 validation error detected: Value 'alias/bad name' at 'aliasName' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$",
    );
    fails(kms(sim, 'CreateAlias', { aliasName: 'alias/x', targetKeyId: '0f3a7a4e-5b7c-4d5e-9f00-1234567890ab' }), 'NotFoundException', /does not exist$/);
  });

  it('cannot point an alias at an AWS managed key', () => {
    const sim = newSim();
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    fails(kms(sim, 'CreateAlias', { aliasName: 'alias/mine', targetKeyId: managed.keyId }), 'AccessDeniedException', /because no resource-based policy allows the kms:CreateAlias action$/);
  });
});

describe('DeleteAlias', () => {
  it('deletes the alias and leaves the key', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    expect(ok(kms(sim, 'DeleteAlias', { aliasName: 'alias/app' }))).toEqual({});
    fails(kms(sim, 'DescribeKey', { keyId: 'alias/app' }), 'NotFoundException');
    expect(ok(kms(sim, 'DescribeKey', { keyId })).keyMetadata.keyState).toBe('Enabled');
  });

  it('works whatever the key state', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    ok(kms(sim, 'DeleteAlias', { aliasName: 'alias/app' }));
  });

  it('answers NotFoundException for a missing alias and refuses AWS aliases', () => {
    const sim = newSim();
    fails(kms(sim, 'DeleteAlias', { aliasName: 'alias/none' }), 'NotFoundException', `Alias ${aliasArn('alias/none')} is not found.`);
    fails(kms(sim, 'DeleteAlias', { aliasName: 'alias/aws/secretsmanager' }), 'NotAuthorizedException');
    fails(kms(sim, 'DeleteAlias', { aliasName: 'none' }), 'ValidationException', /^Alias must start with the prefix/);
  });
});

describe('UpdateAlias', () => {
  it('points the alias at another key and updates LastUpdatedDate', () => {
    const sim = newSim();
    const first = newKey(sim);
    const second = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: first.keyId }));
    sim.advance({ days: 1 });
    ok(kms(sim, 'UpdateAlias', { aliasName: 'alias/app', targetKeyId: second.arn }));
    expect(ok(kms(sim, 'DescribeKey', { keyId: 'alias/app' })).keyMetadata.keyId).toBe(second.keyId);
    const [alias] = ok(kms(sim, 'ListAliases', { keyId: second.keyId })).aliases;
    expect(alias.lastUpdatedDate - alias.creationDate).toBe(DAY);
    expect(ok(kms(sim, 'ListAliases', { keyId: first.keyId })).aliases).toEqual([]);
  });

  it('refuses a new target pending deletion but not an old one', () => {
    const sim = newSim();
    const first = newKey(sim);
    const second = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: first.keyId }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId: second.keyId }));
    fails(kms(sim, 'UpdateAlias', { aliasName: 'alias/app', targetKeyId: second.keyId }), 'KMSInvalidStateException', `${second.arn} is pending deletion.`);
    ok(kms(sim, 'CancelKeyDeletion', { keyId: second.keyId }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId: first.keyId }));
    ok(kms(sim, 'UpdateAlias', { aliasName: 'alias/app', targetKeyId: second.keyId }));
  });

  it('answers NotFoundException for a missing alias or key, and refuses AWS aliases', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(kms(sim, 'UpdateAlias', { aliasName: 'alias/none', targetKeyId: keyId }), 'NotFoundException', `Alias ${aliasArn('alias/none')} is not found.`);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    fails(kms(sim, 'UpdateAlias', { aliasName: 'alias/app', targetKeyId: 'nope' }), 'NotFoundException', 'Invalid keyId nope');
    fails(kms(sim, 'UpdateAlias', { aliasName: 'alias/aws/secretsmanager', targetKeyId: keyId }), 'NotAuthorizedException');
  });
});

describe('ListAliases', () => {
  it('lists customer and AWS aliases sorted by name, with pagination', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    for (const name of ['alias/c', 'alias/a', 'alias/b']) ok(kms(sim, 'CreateAlias', { aliasName: name, targetKeyId: keyId }));
    const all = ok(kms(sim, 'ListAliases'));
    expect(all.aliases.map((a: { aliasName: string }) => a.aliasName)).toEqual(['alias/a', 'alias/aws/secretsmanager', 'alias/b', 'alias/c']);
    expect(all.truncated).toBe(false);
    const first = ok(kms(sim, 'ListAliases', { limit: 2 }));
    expect(first.truncated).toBe(true);
    const second = ok(kms(sim, 'ListAliases', { limit: 2, marker: first.nextMarker }));
    expect([...first.aliases, ...second.aliases]).toEqual(all.aliases);
    fails(kms(sim, 'ListAliases', { marker: first.nextMarker, keyId }), 'InvalidMarkerException');
  });

  it('filters by key, which must be a key id or key ARN of the account', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim);
    newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    expect(ok(kms(sim, 'ListAliases', { keyId: arn })).aliases.map((a: { aliasName: string }) => a.aliasName)).toEqual(['alias/app']);
    fails(kms(sim, 'ListAliases', { keyId: 'alias/app' }), 'NotFoundException', 'Invalid keyId alias/app');
    fails(kms(sim, 'ListAliases', { keyId: '0f3a7a4e-5b7c-4d5e-9f00-1234567890ab' }), 'NotFoundException');
  });

  it('drops the aliases of a deleted key', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    ok(kms(sim, 'CreateAlias', { aliasName: 'alias/app', targetKeyId: keyId }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId, pendingWindowInDays: 7 }));
    sim.advance({ days: 7 });
    expect(ok(kms(sim, 'ListAliases')).aliases.map((a: { aliasName: string }) => a.aliasName)).toEqual(['alias/aws/secretsmanager']);
  });
});
