export { createSecretsModule } from './module.ts';
export { noRotationFunctions, type RotationPort, type SecretsDeps } from './deps.ts';
export { secretsState, findSecret } from './store.ts';
export { AWSCURRENT, AWSPENDING, AWSPREVIOUS } from './staging-labels.ts';
export type { Secret, SecretVersion, SecretsState, EncryptedValue } from './state.ts';
