/**
 * `--secrets <file>`: one secret per line, any size, read as a stream (a 100,000-line list is
 * normal). A match names the file and the line, never the secret: the user's own list may hold
 * real ones. Empty lines are skipped; a trailing "\r" (a Windows file) is not part of the secret.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { CandidateSecret } from '../secrets/known-secret-check.js';

export async function* secretsFromFile(file: string): AsyncGenerator<CandidateSecret> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.length === 0) continue;
    yield { secret: text, source: { list: 'file', file, line } };
  }
}
