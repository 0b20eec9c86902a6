export { kmsModule } from './module.ts';
export { kmsPort, type KmsPort } from './port.ts';
export { kmsErrors } from './errors.ts';
export { findKey, awsManagedKey, kmsState, regionState, keyArn, aliasArn } from './keys.ts';
export type { KmsKey, KmsAlias, KmsState, KeyState } from './state.ts';
export { kmsWireNameExceptions } from './wire-names.ts';
