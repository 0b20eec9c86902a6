import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/engine/errors.ts';
import { createSimulator } from '../../../src/engine/index.ts';

// A ServiceError is built without a stack trace (it is an answer to a caller, made on purpose on hot paths).
describe('ServiceError', () => {
  it('is an Error whose stack names its code and message, and leaves the stack trace limit as it was', () => {
    const limit = (Error as { stackTraceLimit?: number }).stackTraceLimit;
    const error = new ServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.stack).toBe("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    expect(String(error)).toBe("ResourceNotFoundException: Secrets Manager can't find the specified secret.");
    expect((Error as { stackTraceLimit?: number }).stackTraceLimit).toBe(limit);
    // Ordinary errors (bugs) still carry their frames.
    expect(new Error('bug').stack).toMatch(/\n\s+at /);
  });

  it('reaches a caller with its code, message and status as before', () => {
    const sim = createSimulator();
    const result = sim.call({ service: 'secretsmanager', operation: 'GetSecretValue', input: { secretId: 'missing' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ServiceError);
    expect([result.error.code, result.error.message, result.error.httpStatus]).toEqual(['ResourceNotFoundException', "Secrets Manager can't find the specified secret.", 400]);
  });
});
