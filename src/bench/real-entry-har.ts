/**
 * HAR files of any size made of real exports' entries: every entry of the corpus's HAR files
 * (test/corpus/har/, real sites' exports from Chrome, Firefox, Charles, Fiddler, mitmproxy,
 * WebPageTest... with their headers, cookies, timings and initiators, bodies stripped), repeated in
 * turn with their start times moved on, until the file reaches the size asked for. What users'
 * exports are mostly made of: many small strings, few large ones.
 *
 *   npx tsx scripts/make-real-entry-har.ts out.har 100    (megabytes)
 */
import { once } from 'node:events';
import { createWriteStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS_HARS = join(process.cwd(), 'test', 'corpus', 'har');

/** The entries of every corpus HAR that parses (the broken ones on purpose do not). */
export function corpusEntries(directory = CORPUS_HARS): Record<string, unknown>[] {
  const entries: Record<string, unknown>[] = [];
  for (const name of readdirSync(directory)
    .filter((file) => file.endsWith('.har'))
    .sort()) {
    let document: { log?: { entries?: unknown } };
    try {
      document = JSON.parse(readFileSync(join(directory, name), 'utf8').replace(/^\uFEFF/, '')) as typeof document;
    } catch {
      continue;
    }
    const list = document.log?.entries;
    if (!Array.isArray(list)) continue;
    for (const entry of list) if (typeof entry === 'object' && entry !== null) entries.push(entry as Record<string, unknown>);
  }
  if (entries.length === 0) throw new Error(`no HAR entries in ${directory}`);
  return entries;
}

/** Writes a HAR of about `megabytes` MB of real entries to `path`; returns its size in bytes and entry count. */
export async function writeRealEntryHar(path: string, megabytes: number, entries = corpusEntries()): Promise<{ bytes: number; entries: number }> {
  const out = createWriteStream(path);
  out.write('{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[');
  const start = Date.UTC(2026, 0, 1);
  let written = 0;
  let count = 0;
  while (written < megabytes * 1e6) {
    const entry = entries[count % entries.length] as Record<string, unknown>;
    const text = JSON.stringify({ ...entry, startedDateTime: new Date(start + count * 50).toISOString() });
    const piece = count === 0 ? text : `,${text}`;
    written += Buffer.byteLength(piece);
    count++;
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.end(']}}');
  await once(out, 'finish');
  return { bytes: statSync(path).size, entries: count };
}
