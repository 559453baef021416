/** The known-secrets check's HMAC on node:crypto: native, faster than plain JavaScript for long lists. */
import { createHash, createHmac } from 'node:crypto';
import type { Crypto } from '../secrets/known-secret-check.js';
import type { HashName } from '../secrets/signed-values.js';

const NODE_NAME: Readonly<Record<HashName, string>> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

export const NODE_CRYPTO: Crypto = {
  hmac: (hash, key, data) => new Uint8Array(createHmac(NODE_NAME[hash], key).update(data).digest()),
  digest: (hash, data) => new Uint8Array(createHash(NODE_NAME[hash]).update(data).digest()),
};
