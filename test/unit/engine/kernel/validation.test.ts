import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/engine/index.ts';

// The messages of AWS's request validation, as the SDK and CLI show them to the learner.
const sim = createSimulator();
const fail = (operation: string, input: unknown) => {
  const result = sim.call({ service: 'secretsmanager', operation, input });
  if (result.ok) throw new Error(`${operation} unexpectedly succeeded`);
  return result.error;
};

describe('request validation', () => {
  it('reports a number above its maximum with the member name and value', () => {
    const error = fail('GetRandomPassword', { passwordLength: 5000 });
    expect(error.code).toBe('ValidationException');
    expect(error.message).toBe(
      "1 validation error detected: Value '5000' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
    );
  });

  it('reports a missing required member as null', () => {
    const error = fail('DescribeSecret', {});
    expect(error.message).toBe("1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null");
  });

  it('reports an enum violation with the allowed set, and list members as N.member', () => {
    const error = fail('ListSecrets', { filters: [{ key: 'colour', values: ['x'] }] });
    expect(error.message).toBe(
      "1 validation error detected: Value 'colour' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]",
    );
  });

  it('counts several errors and joins them with semicolons', () => {
    const error = fail('ListSecrets', { maxResults: 0, sortOrder: 'up' });
    expect(error.message).toMatch(/^2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1; Value 'up' at 'sortOrder' /);
  });

  it('never repeats a sensitive value back', () => {
    const error = fail('CreateSecret', { name: 'x', secretString: 'A'.repeat(65537) });
    expect(error.message).toBe(
      "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length less than or equal to 65536",
    );
    expect(error.message).not.toContain('AAAA');
  });

  it('answers a value of the wrong JSON type with SerializationException', () => {
    expect(fail('DescribeSecret', { secretId: 42 }).code).toBe('SerializationException');
  });
});
