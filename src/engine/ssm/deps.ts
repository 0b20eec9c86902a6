import type { KmsPort } from '../kms/index.ts';

/** What Parameter Store needs from other services, handed in by the engine's wiring (DESIGN.md: ports). */
export interface SsmDeps {
  kms: KmsPort;
}
