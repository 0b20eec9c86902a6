import type { OperationDefinition } from '../../kernel/index.ts';
import type { KeyTarget } from '../targets.ts';
import { dataKeyInput, makeDataKey, resolveDataKey, type DataKeyInput } from './generate-data-key.ts';

/**
 * GenerateDataKey without the plaintext copy: for a component that only stores the encrypted data key for later
 * use (it calls Decrypt when it needs the key). Same inputs, key-state rules and permissions model.
 */
export const generateDataKeyWithoutPlaintext: OperationDefinition<
  DataKeyInput,
  { ciphertextBlob: Uint8Array; keyId: string },
  KeyTarget
> = {
  service: 'kms',
  name: 'GenerateDataKeyWithoutPlaintext',
  readOnly: true,
  input: dataKeyInput,
  resolve: resolveDataKey,
  execute(ctx, request, target) {
    const { ciphertextBlob, keyId } = makeDataKey(ctx, request, target, 'kms:GenerateDataKeyWithoutPlaintext');
    return { ciphertextBlob, keyId };
  },
};
