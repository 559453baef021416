/**
 * Rubric section 8 against the real implementations: express-session's cookie-signature, keygrip
 * and a live cookie-session app, jose for JWS, and Flask / Django cookies made by the real
 * packages (test/fixtures/signed-cookies, written by scripts/make-signed-cookie-fixtures.py).
 * Each scheme has a case that matches and one with a strong secret that must not.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sign } from 'cookie-signature';
import { SignJWT } from 'jose';
import Keygrip from 'keygrip';
import { describe, expect, it } from 'vitest';
import { differentialCases } from '../../test/differential/set-cookie-cases.js';
import { cookieSessionSetCookies } from '../../test/support/cookie-session-app.js';
import { NODE_CRYPTO } from '../cli/node-crypto.js';
import { parseSetCookie } from '../core/parse-set-cookie.js';
import { buildCookieInventory } from '../inventory/cookie-inventory.js';
import { readHar } from '../observation/read-har.js';
import { bundledSecrets } from './bundled-secrets.js';
import { createKnownSecretChecker, JS_CRYPTO, type CheckedValue, type Crypto } from './known-secret-check.js';
import { valuesToCheck } from './values-to-check.js';

const STRONG = randomBytes(32).toString('hex');

async function matchOf(value: CheckedValue, crypto: Crypto = JS_CRYPTO) {
  return (await createKnownSecretChecker(bundledSecrets, { crypto }).check([value])).get(value.value);
}

describe('the bundled list', () => {
  it('holds at least 1,000 public secrets, the well-known ones among them, and no junk', () => {
    const secrets = bundledSecrets().map((candidate) => candidate.secret);
    expect(secrets.length).toBeGreaterThanOrEqual(1000);
    expect(new Set(secrets).size).toBe(secrets.length);
    for (const secret of ['keyboard cat', 'secret', 'some secret', 'your secret key', 'changeme', 'mysecret', 'supersecret', 'dev'])
      expect(secrets).toContain(secret);
    expect(secrets.filter((secret) => secret.trim() === '')).toEqual([]);
  });
});

describe.each([
  ['@noble/hashes', JS_CRYPTO],
  ['node:crypto', NODE_CRYPTO],
])('known secrets, with %s', (_name, crypto) => {
  it('express-session (cookie-signature): matches "keyboard cat", not a strong secret', async () => {
    const signed = (secret: string) => encodeURIComponent(`s:${sign('wHm1TqA7bJ8eV2kYc0ZxN4pR6sLdF9uG', secret)}`);
    expect(await matchOf({ name: 'connect.sid', value: signed('keyboard cat') }, crypto)).toMatchObject({
      scheme: 'express-session',
      source: { list: 'bundled', secret: 'keyboard cat' },
    });
    expect(await matchOf({ name: 'connect.sid', value: signed(STRONG) }, crypto)).toBeUndefined();
  });

  it('@fastify/session (cookie-signature without s:): matches "a secret with minimum length of 32 characters"', async () => {
    const secret = 'a secret with minimum length of 32 characters';
    expect(await matchOf({ name: 'sessionId', value: sign('Yk3pQ8sV1mZr7TtW0nBcX5gHd2LfJ9aE', secret) }, crypto)).toMatchObject({ scheme: '@fastify/session' });
    expect(await matchOf({ name: 'sessionId', value: sign('Yk3pQ8sV1mZr7TtW0nBcX5gHd2LfJ9aE', STRONG) }, crypto)).toBeUndefined();
  });

  it('keygrip: matches a <name>.sig companion signed with "secret"', async () => {
    const value = Buffer.from(JSON.stringify({ user: 'demo' })).toString('base64');
    const companion = (key: string) => new Keygrip([key]).sign(`app=${value}`);
    expect(await matchOf({ name: 'app', value, companion: companion('secret') }, crypto)).toMatchObject({ scheme: 'keygrip', source: { secret: 'secret' } });
    expect(await matchOf({ name: 'app', value, companion: companion(STRONG) }, crypto)).toBeUndefined();
  });

  it.each(['HS256', 'HS384', 'HS512'] as const)('JWS %s (jose): matches the jwt.io default secret, not a strong one', async (alg) => {
    const secret = `your-${alg.slice(2)}-bit-secret`;
    const token = (key: string) => new SignJWT({ sub: 'demo' }).setProtectedHeader({ alg }).sign(new TextEncoder().encode(key));
    expect(await matchOf({ name: 'token', value: await token(secret) }, crypto)).toMatchObject({ scheme: `jws-${alg.toLowerCase()}`, source: { secret } });
    expect(await matchOf({ name: 'token', value: await token(STRONG) }, crypto)).toBeUndefined();
  });

  const python = JSON.parse(readFileSync('test/fixtures/signed-cookies/python.json', 'utf8')) as {
    cases: { framework: string; scheme: string; producer: string; name: string; value: string; secret: string | null }[];
  };
  it.each(
    python.cases.map(
      (fixture) =>
        [
          `${fixture.producer} ${fixture.scheme} ${fixture.secret === null ? 'strong secret' : `"${fixture.secret}"`}${fixture.value.startsWith('.') ? ' (compressed)' : ''}`,
          fixture,
        ] as const,
    ),
  )('%s', async (_title, fixture) => {
    const match = await matchOf({ name: fixture.name, value: fixture.value }, crypto);
    if (fixture.secret === null) expect(match).toBeUndefined();
    else expect(match).toMatchObject({ scheme: fixture.scheme, source: { list: 'bundled', secret: fixture.secret } });
  });
});

describe('cookie-session in a live Express app', () => {
  it('finds the key of a real session and session.sig pair', async () => {
    const lines = await cookieSessionSetCookies(['secret keys']);
    const inventory = buildCookieInventory([
      {
        url: 'http://127.0.0.1/',
        method: 'GET',
        requestHeaders: [],
        requestBodyParamNames: null,
        status: 200,
        responseHeaders: lines.map((value) => ({ name: 'Set-Cookie', value })),
        time: Date.now(),
      },
    ]);
    const matches = await createKnownSecretChecker(bundledSecrets).check(valuesToCheck(inventory));
    const session = parseSetCookie(lines.find((line) => line.startsWith('session=')) ?? '');
    expect(matches.get(session.value)).toMatchObject({ scheme: 'keygrip', source: { secret: 'secret keys' } });
  });
});

describe('no false positives', () => {
  it('on the differential corpus and the recorded HAR', async () => {
    const values: CheckedValue[] = differentialCases().map((testCase) => {
      const cookie = parseSetCookie(testCase.header);
      return { name: cookie.name, value: cookie.value };
    });
    const har = readHar(readFileSync('test/fixtures/demo-login-flow.chromium.har', 'utf8'));
    if (!har.ok) throw new Error(har.error);
    values.push(...valuesToCheck(buildCookieInventory(har.observations)));
    expect(values.length).toBeGreaterThan(300);
    const matches = await createKnownSecretChecker(bundledSecrets, { crypto: NODE_CRYPTO }).check(values);
    expect([...matches.keys()]).toEqual([]);
  });

  it('checks a value once, however often it is seen', async () => {
    let candidatesRead = 0;
    const checker = createKnownSecretChecker(
      function* () {
        for (const candidate of bundledSecrets()) {
          candidatesRead++;
          yield candidate;
        }
      },
      { crypto: NODE_CRYPTO },
    );
    const value = { name: 'connect.sid', value: encodeURIComponent(`s:${sign('abc', STRONG)}`) };
    await checker.check([value, value]);
    const once = candidatesRead;
    await checker.check([value]);
    expect(once).toBe(bundledSecrets().length);
    expect(candidatesRead).toBe(once);
  });
});
