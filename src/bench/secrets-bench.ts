/**
 * The known-secrets check (rubric section 8) in the bench: one express-session value against the
 * bundled list on the panel's path (@noble/hashes, sliced), and the CLI's path against a 100,000-line
 * --secrets file (node:crypto, streamed). The value is signed with a strong secret, so every
 * candidate is tried (the worst case).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_CRYPTO } from '../cli/node-crypto.js';
import { secretsFromFile } from '../cli/secret-list-file.js';
import { bundledSecrets } from '../secrets/bundled-secrets.js';
import { createKnownSecretChecker, type CheckedValue } from '../secrets/known-secret-check.js';

async function expressValue(): Promise<CheckedValue> {
  const secret = randomBytes(32);
  const id = randomBytes(24).toString('base64url');
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(id)))
    .toString('base64')
    .replace(/=+$/, '');
  return { name: 'connect.sid', value: encodeURIComponent(`s:${id}.${signature}`) };
}

function medianOf(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}

export async function secretFigures(): Promise<void> {
  console.log('\nKnown secrets (a strong secret: every candidate is tried)');
  const panelTimes: number[] = [];
  for (let round = 0; round < 7; round++) {
    const value = await expressValue();
    const start = performance.now();
    // The panel's checker: @noble/hashes, yielding to the event loop when a slice passes 4 ms.
    await createKnownSecretChecker(bundledSecrets).check([value]);
    panelTimes.push(performance.now() - start);
  }
  console.log(
    `  one value against the bundled list (${bundledSecrets().length} secrets), panel path (@noble/hashes, sliced): ${medianOf(panelTimes).toFixed(1)} ms median (target < 50 ms)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'sci-bench-secrets-'));
  try {
    const file = join(dir, 'secrets.txt');
    writeFileSync(file, `${Array.from({ length: 100_000 }, (_, i) => `candidate-secret-${i}`).join('\n')}\n`);
    const cliTimes: number[] = [];
    for (let round = 0; round < 5; round++) {
      const value = await expressValue();
      const start = performance.now();
      await createKnownSecretChecker(() => secretsFromFile(file), { crypto: NODE_CRYPTO, yieldEvery: () => Promise.resolve() }).check([value]);
      cliTimes.push(performance.now() - start);
    }
    console.log(
      `  one value against a 100,000-line --secrets file, CLI path (node:crypto, streamed): ${(medianOf(cliTimes) / 1000).toFixed(2)} s median (target < 2 s)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
