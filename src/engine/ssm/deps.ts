import type { KmsPort } from '../kms/index.ts';
import type { AnyOperation } from '../kernel/index.ts';

/** What Parameter Store needs from other services, handed in by the engine's wiring (DESIGN.md: ports). */
export interface SsmDeps {
  kms: KmsPort;
  /**
   * Secrets Manager's operations, for the `/aws/reference/secretsmanager/<secret>` parameters: Parameter Store reads
   * the secret with GetSecretValue on the caller's behalf (secret-reference.ts). Absent, such names are not found.
   */
  secretsManager?: { operations: readonly AnyOperation[] };
}
