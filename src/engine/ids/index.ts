export { Rng, seedRng, type RngState } from './rng.ts';
export { uuid, arnSuffix, accessKeyId, randomString } from './ids.ts';
export { parseArn, formatArn, type Arn } from './arn.ts';
