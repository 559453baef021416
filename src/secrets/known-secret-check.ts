/**
 * `secret-known` (rubric section 8): does a session cookie's signature verify with a publicly
 * known secret? Offline: nothing leaves the machine. The HMAC comes in as a port (`Crypto`):
 * @noble/hashes by default (plain JavaScript, synchronous, the same in Node and both browsers),
 * node:crypto where the caller has it (the CLI). Each value is checked once, however often it is
 * seen: the checker remembers its answers.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import type { HashName, SignedValue, SigningScheme } from './signed-values.js';
import { signedValues } from './signed-values.js';

export interface Crypto {
  hmac(hash: HashName, key: Uint8Array, data: Uint8Array): Promise<Uint8Array> | Uint8Array;
  digest(hash: HashName, data: Uint8Array): Promise<Uint8Array> | Uint8Array;
}

const NOBLE_HASH = { 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

/**
 * @noble/hashes, as the panel and the library use it. WebCrypto needs an importKey and a sign per
 * candidate, each a round trip through a promise: the bundled list took 55 to 85 ms that way, and
 * takes a few milliseconds here.
 */
export const JS_CRYPTO: Crypto = {
  hmac: (hash, key, data) => hmac(NOBLE_HASH[hash], key, data),
  digest: (hash, data) => NOBLE_HASH[hash](data),
};

/** Where a matching secret came from: the bundled list (the secret is public), or the user's file. */
export type SecretSource =
  { readonly list: 'bundled'; readonly secret: string; readonly group: string } | { readonly list: 'file'; readonly file: string; readonly line: number };

export interface SecretMatch {
  readonly scheme: SigningScheme;
  readonly source: SecretSource;
}

/** A value the check left alone because a cap stopped it, and which cap, in words (never silent). */
export interface SecretCheckSkipped {
  readonly skipped: string;
}

/** What the check says of one value it looked at without a match: a match, or why it did not check. */
export type SecretVerdict = SecretMatch | SecretCheckSkipped;

export function isSecretMatch(verdict: SecretVerdict | undefined): verdict is SecretMatch {
  return verdict !== undefined && 'scheme' in verdict;
}

/**
 * The longest value the check signs: a browser keeps at most 4,096 bytes of name and value
 * (RFC 6265bis, section 5.7), so a longer value came from somewhere no browser sends it; an 8 MB
 * one would be signed once per candidate.
 */
export const MAX_CHECKED_VALUE_LENGTH = 4096;

/** The most values one checker signs (a trace's ids): each costs one HMAC per candidate secret. */
export const MAX_CHECKED_VALUES = 1000;

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

/** Candidates tried between two looks at the clock. */
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
   * all values checked so far, and the values a cap kept it from checking, by cookie value.
   * Between slices it yields to the event loop.
   */
  check(values: readonly CheckedValue[]): Promise<ReadonlyMap<string, SecretVerdict>>;
}

export function createKnownSecretChecker(
  candidates: () => AsyncIterable<CandidateSecret> | Iterable<CandidateSecret>,
  options: { readonly crypto?: Crypto; readonly yieldEvery?: () => Promise<void> } = {},
): KnownSecretChecker {
  const crypto = options.crypto ?? JS_CRYPTO;
  const pause = options.yieldEvery ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const answered = new Set<string>();
  const verdicts = new Map<string, SecretVerdict>();
  let signedCount = 0;
  return {
    check: async (values) => {
      const pending: { value: CheckedValue; signed: SignedValue[] }[] = [];
      for (const value of values) {
        const key = `${value.name}\u0000${value.value}\u0000${value.companion ?? ''}`;
        if (answered.has(key)) continue;
        answered.add(key);
        const signed = signedValues(value.name, value.value, value.companion);
        if (signed.length === 0) continue;
        if (value.value.length > MAX_CHECKED_VALUE_LENGTH || (value.companion?.length ?? 0) > MAX_CHECKED_VALUE_LENGTH) {
          verdicts.set(value.value, {
            skipped: `its value is longer than ${MAX_CHECKED_VALUE_LENGTH.toLocaleString('en-US')} characters, more than a browser keeps`,
          });
          continue;
        }
        if (signedCount >= MAX_CHECKED_VALUES) {
          if (!verdicts.has(value.value))
            verdicts.set(value.value, { skipped: `the check stops after ${MAX_CHECKED_VALUES.toLocaleString('en-US')} signed values` });
          continue;
        }
        signedCount++;
        pending.push({ value, signed });
      }
      if (pending.length === 0) return verdicts;
      let sliceStart = performance.now();
      let batch: CandidateSecret[] = [];
      const tryBatch = async () => {
        for (const entry of pending) {
          if (verdicts.has(entry.value.value)) continue;
          const schemes = await Promise.all(batch.map((candidate) => firstScheme(crypto, entry.signed, candidate.secret)));
          const index = schemes.findIndex((scheme) => scheme !== null);
          if (index >= 0) verdicts.set(entry.value.value, { scheme: schemes[index] as SigningScheme, source: (batch[index] as CandidateSecret).source });
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
        if (pending.every((entry) => verdicts.has(entry.value.value))) return verdicts;
      }
      if (batch.length > 0) await tryBatch();
      return verdicts;
    },
  };
}
