import type { AnyOperation } from '../../kernel/index.ts';
import { assumeRole } from './assume-role.ts';
import { getCallerIdentity } from './get-caller-identity.ts';

/** The STS operations the simulator implements, one file each. */
export const stsOperations: readonly AnyOperation[] = [getCallerIdentity, assumeRole];
