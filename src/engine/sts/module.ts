import { z } from 'zod';
import type { ServiceModule } from '../kernel/index.ts';
import { stsOperations } from './operations/index.ts';

/**
 * STS issues temporary credentials. It keeps no state of its own: the role sessions it issues live in IAM's state,
 * where the identity resolver finds them by access key id. Query protocol error codes, as IAM's.
 */
export const stsModule: ServiceModule = {
  name: 'sts',
  iamPrefix: 'sts',
  targetPrefix: 'AWSSecurityTokenServiceV20110615',
  // Snapshots saved before STS existed have no slice for it.
  stateSchema: z.object({}).default({}),
  initialState: () => ({}),
  operations: stsOperations,
  errorCodes: { validation: 'ValidationError', accessDenied: 'AccessDenied', unrecognizedClient: 'InvalidClientTokenId', expiredToken: 'ExpiredToken' },
  // STS words a refusal without naming the policy type that refused, e.g. "User: arn:aws:iam::111122223333:user/bob
  // is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/Reader".
  accessDeniedMessage: (message) => message.replace(/ (because no .*|with an explicit deny in .*)$/, ''),
};
