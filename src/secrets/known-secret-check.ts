/**
 * `secret-known` (rubric section 8): does a session cookie's signature verify with a publicly
 * known secret? Offline: nothing leaves the machine. The HMAC comes in as a port (`Crypto`):
 * WebCrypto by default (Node 20 and both browsers have `crypto.subtle`), a faster synchronous one
 * where the caller has it (the CLI passes node:crypto's). Each value is checked once, however often
 * it is seen: the checker remembers its answers.
 */
import type { HashName, SignedValue, SigningScheme } from './signed-values.js';
import { signedValues } from './signed-values.js';

export interface Crypto {
  hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> | Uint8Array;
  digest(hash: HashName, data: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

/** WebCrypto, as the panel and the library use it. */
export const WEB_CRYPTO: Crypto = {
  hmac: async (hash, key, data) => {
    const imported = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash }, false, ['sign']);
    return new Uint8Array(await crypto.subtle.sign('HMAC', imported, data as BufferSource));
  },
  digest: async (hash, data) => new Uint8Array(await crypto.subtle.digest(hash, data as BufferSource)),
};

/** Where a matching secret came from: the bundled list (the secret is public), or the user's file. */
export type SecretSource = { readonly list: 'bundled'; readonly secret: string; readonly group: string } | { readonly list: 'file'; readonly file: string; readonly line: number };

export interface SecretMatch {
  readonly scheme: SigningScheme;
  readonly source: SecretSource;
}

/** A value to check: a session cookie's name, value, and its `<name>.sig` companion's value if any. */
export interface CheckedValue {
  readonly name: string;
  readonly value: string;
  readonly companion?: string;
}

/** One candidate secret with where it came from. */
export interface CandidateSecret {
  readonly secret: string;
  readonly source: SecretSource;
}

const encoder = new TextEncoder();

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}

async function keyFor(crypto: Crypto, signed: SignedValue, secret: Uint8Array): Promise<Uint8Array> {
  const { derivation } = signed;
  if (derivation.kind === 'secret') return secret;
  if (derivation.kind === 'hmac-salt') return crypto.hmac(signed.hash, secret, encoder.encode(derivation.salt));
  const salted = new Uint8Array([...encoder.encode(derivation.keySalt), ...secret]);
  return crypto.digest(signed.hash, salted);
}

/** True when `secret` signed `signed`. */
export async function verifies(crypto: Crypto, signed: SignedValue, secret: string): Promise<boolean> {
  const key = await keyFor(crypto, signed, encoder.encode(secret));
  return equal(await crypto.hmac(signed.hash, key, encoder.encode(signed.message)), signed.signature);
}

/** Candidates tried at once: WebCrypto runs them in parallel, off the page's thread. */
const BATCH = 64;
/** The longest the check keeps the thread before it yields to the event loop (the panel stays responsive). */
const SLICE_MILLISECONDS = 4;

/** The scheme whose signature `secret` makes, or null. */
async function firstScheme(crypto: Crypto, signed: readonly SignedValue[], secret: string): Promise<SigningScheme | null> {
  for (const candidate of signed) if (await verifies(crypto, candidate, secret)) return candidate.scheme;
  return null;
}

export interface KnownSecretChecker {
  /**
   * Checks each value not checked before against every candidate; resolves with the matches of
   * all values checked so far, by cookie value. Between slices it yields to the event loop.
   */
  check(values: readonly CheckedValue[]): Promise<ReadonlyMap<string, SecretMatch>>;
}

export function createKnownSecretChecker(
  candidates: () => AsyncIterable<CandidateSecret> | Iterable<CandidateSecret>,
  options: { readonly crypto?: Crypto; readonly yieldEvery?: () => Promise<void> } = {},
): KnownSecretChecker {
  const crypto = options.crypto ?? WEB_CRYPTO;
  const pause = options.yieldEvery ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const answered = new Set<string>();
  const matches = new Map<string, SecretMatch>();
  return {
    check: async (values) => {
      const pending: { value: CheckedValue; signed: SignedValue[] }[] = [];
      for (const value of values) {
        const key = `${value.name}\u0000${value.value}\u0000${value.companion ?? ''}`;
        if (answered.has(key)) continue;
        answered.add(key);
        const signed = signedValues(value.name, value.value, value.companion);
        if (signed.length > 0) pending.push({ value, signed });
      }
      if (pending.length === 0) return matches;
      let sliceStart = performance.now();
      let batch: CandidateSecret[] = [];
      const tryBatch = async () => {
        for (const entry of pending) {
          if (matches.has(entry.value.value)) continue;
          const verdicts = await Promise.all(batch.map((candidate) => firstScheme(crypto, entry.signed, candidate.secret)));
          const index = verdicts.findIndex((scheme) => scheme !== null);
          if (index >= 0) matches.set(entry.value.value, { scheme: verdicts[index] as SigningScheme, source: (batch[index] as CandidateSecret).source });
        }
        batch = [];
        if (performance.now() - sliceStart > SLICE_MILLISECONDS) {
          await pause();
          sliceStart = performance.now();
        }
      };
      for await (const candidate of candidates()) {
        batch.push(candidate);
        if (batch.length < BATCH) continue;
        await tryBatch();
        if (pending.every((entry) => matches.has(entry.value.value))) return matches;
      }
      if (batch.length > 0) await tryBatch();
      return matches;
    },
  };
}
