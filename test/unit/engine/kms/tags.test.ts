import { describe, expect, it } from 'vitest';
import { fails, kms, newKey, newSim, ok } from './helpers.ts';

describe('TagResource, UntagResource, ListResourceTags', () => {
  it('adds, overwrites, lists and removes tags', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim, { tags: [{ tagKey: 'env', tagValue: 'dev' }] });
    expect(ok(kms(sim, 'TagResource', { keyId: arn, tags: [{ tagKey: 'env', tagValue: 'prod' }, { tagKey: 'team', tagValue: '' }] }))).toEqual({});
    expect(ok(kms(sim, 'ListResourceTags', { keyId }))).toEqual({
      tags: [
        { tagKey: 'env', tagValue: 'prod' },
        { tagKey: 'team', tagValue: '' },
      ],
      truncated: false,
    });
    expect(ok(kms(sim, 'UntagResource', { keyId, tagKeys: ['env', 'absent'] }))).toEqual({});
    expect(ok(kms(sim, 'ListResourceTags', { keyId })).tags).toEqual([{ tagKey: 'team', tagValue: '' }]);
  });

  it('pages through tags', () => {
    const sim = newSim();
    const tags = Array.from({ length: 5 }, (_, i) => ({ tagKey: `k${i}`, tagValue: `v${i}` }));
    const { keyId } = newKey(sim, { tags });
    const first = ok(kms(sim, 'ListResourceTags', { keyId, limit: 3 }));
    expect(first.truncated).toBe(true);
    const second = ok(kms(sim, 'ListResourceTags', { keyId, limit: 3, marker: first.nextMarker }));
    expect([...first.tags, ...second.tags]).toEqual(tags);
    fails(kms(sim, 'ListResourceTags', { keyId, limit: 51 }), 'ValidationException', /less than or equal to 50/);
  });

  it('refuses the aws: prefix, more than 50 tags and invalid lengths', () => {
    const sim = newSim();
    const { keyId } = newKey(sim);
    fails(kms(sim, 'TagResource', { keyId, tags: [{ tagKey: 'aws:x', tagValue: 'y' }] }), 'TagException');
    const many = Array.from({ length: 51 }, (_, i) => ({ tagKey: `k${i}`, tagValue: 'v' }));
    fails(kms(sim, 'TagResource', { keyId, tags: many }), 'TagException');
    fails(kms(sim, 'TagResource', { keyId, tags: [{ tagKey: 'k', tagValue: 'v'.repeat(257) }] }), 'ValidationException', /'tags\.1\.member\.tagValue'/);
    fails(kms(sim, 'UntagResource', { keyId, tagKeys: [''] }), 'ValidationException', /'tagKeys\.1\.member'/);
    expect(ok(kms(sim, 'ListResourceTags', { keyId })).tags).toEqual([]);
  });

  it('tags disabled keys, not keys pending deletion nor AWS managed keys; lists tags in any state', () => {
    const sim = newSim();
    const { keyId, arn } = newKey(sim, { tags: [{ tagKey: 'env', tagValue: 'dev' }] });
    ok(kms(sim, 'DisableKey', { keyId }));
    ok(kms(sim, 'TagResource', { keyId, tags: [{ tagKey: 'a', tagValue: 'b' }] }));
    ok(kms(sim, 'ScheduleKeyDeletion', { keyId }));
    fails(kms(sim, 'TagResource', { keyId, tags: [{ tagKey: 'a', tagValue: 'c' }] }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    fails(kms(sim, 'UntagResource', { keyId, tagKeys: ['a'] }), 'KMSInvalidStateException', `${arn} is pending deletion.`);
    expect(ok(kms(sim, 'ListResourceTags', { keyId })).tags).toHaveLength(2);
    const managed = ok(kms(sim, 'DescribeKey', { keyId: 'alias/aws/secretsmanager' })).keyMetadata;
    fails(kms(sim, 'TagResource', { keyId: managed.keyId, tags: [{ tagKey: 'a', tagValue: 'b' }] }), 'AccessDeniedException');
    expect(ok(kms(sim, 'ListResourceTags', { keyId: managed.keyId })).tags).toEqual([]);
  });
});
