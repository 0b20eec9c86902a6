export { bytesToBase64, base64ToBytes, utf8Encode, utf8Decode, utf8Length } from './base64.ts';
