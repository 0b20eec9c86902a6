import type { OperationContext } from '../kernel/index.ts';
import type { KmsPort } from '../kms/index.ts';
import type { Secret } from './state.ts';

/**
 * Rotation as Secrets Manager needs it: whether a rotation function can be invoked by the service, and starting a
 * run. The rotation engine (statechart, rotation functions) provides it; until then the world has no Lambda
 * functions, so RotateSecret refuses every function ARN as AWS refuses one that does not exist.
 */
export interface RotationPort {
  canInvoke(ctx: OperationContext, functionArn: string): boolean;
  start(ctx: OperationContext, secret: Secret, token: string, rotateImmediately: boolean): void;
  /** Refuses RotationRules the schedule rules forbid (throws InvalidParameterException), before anything is saved. */
  validateRules?(rules: { automaticallyAfterDays?: number; duration?: string; scheduleExpression?: string }): void;
  /** CancelRotateSecret: a run in progress ends as cancelled. */
  cancel?(ctx: OperationContext, secret: Secret): void;
  /** A manual new current value: counts as a rotation when the next rotation date is computed. */
  manualChange?(ctx: OperationContext, secret: Secret): void;
}

export const noRotationFunctions: RotationPort = {
  canInvoke: () => false,
  start: () => {
    throw new Error('No rotation engine is installed');
  },
};

/**
 * The static checks on a resource policy (the IAM validator and its public-access analysis), so
 * PutResourcePolicy, ValidateResourcePolicy and the Policy Lab all judge a document the same way.
 */
export interface ResourcePolicyChecks {
  check(document: string): {
    errors: { code: string; message: string; line: number; column: number }[];
    broad: { index: number; sid: string | undefined; cause: string }[];
  };
}

/** What Secrets Manager needs from other services, handed in by the engine's wiring (DESIGN.md: ports). */
export interface SecretsDeps {
  kms: KmsPort;
  rotation: RotationPort;
  policies: ResourcePolicyChecks;
}
