import type { AnyOperation } from '../../kernel/index.ts';

/** The KMS operations the simulator implements, one file each. */
export const kmsOperations: readonly AnyOperation[] = [];
