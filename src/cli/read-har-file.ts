/**
 * Reads a HAR file of any size in bounded memory: stream-json picks `log.entries` and hands over
 * one entry at a time, with response bodies (`response.content`), the parsed `cookies` copies and timings skipped
 * as they stream past, so no body is ever held. Each entry goes through the same
 * `harEntryToObservation` as the panel's getHAR() path and `readHar`.
 */
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Observation } from '../observation/observation.js';
import { harEntryToObservation, readHar } from '../observation/read-har.js';
import { readFile, stat } from 'node:fs/promises';

// stream-json 1.x is CommonJS (2.x and later need Node 22).
const require = createRequire(import.meta.url);
const { parser } = require('stream-json') as typeof import('stream-json');
const { pick } = require('stream-json/filters/Pick.js') as typeof import('stream-json/filters/Pick.js');
const { ignore } = require('stream-json/filters/Ignore.js') as typeof import('stream-json/filters/Ignore.js');
const { streamArray } = require('stream-json/streamers/StreamArray.js') as typeof import('stream-json/streamers/StreamArray.js');

export type HarFileResult =
  | { readonly ok: true; readonly observations: Observation[]; readonly skippedEntries: number }
  | { readonly ok: false; readonly error: string };

/** Bodies and other large parts an observation never reads. */
const NOT_READ = /^\d+\.(response\.content|response\.cookies|request\.cookies|timings|_initiator)$/;

/**
 * Streams the entries of `log.entries` to `onEntry`, each without the parts no grading reads.
 * Rejects when the file is not valid JSON.
 */
export async function streamHarEntries(path: string, onEntry: (entry: unknown) => void, onProgress?: (bytesRead: number) => void): Promise<void> {
  let bytesRead = 0;
  const source: Readable = createReadStream(path);
  // Counted in the pipeline (a 'data' listener on the file would switch off backpressure).
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytesRead += chunk.length;
      onProgress?.(bytesRead);
      done(null, chunk);
    },
  });
  const collect = new Transform({
    objectMode: true,
    transform(item: { key: number; value: unknown }, _encoding, done) {
      onEntry(item.value);
      done();
    },
  });
  await pipeline(source, count, parser(), pick({ filter: 'log.entries' }), ignore({ filter: NOT_READ }), streamArray(), collect);
}

export async function readHarFile(path: string, onProgress?: (bytesRead: number) => void): Promise<HarFileResult> {
  const observations: Observation[] = [];
  let skippedEntries = 0;
  let sawEntries = false;
  try {
    await streamHarEntries(
      path,
      (entry) => {
        sawEntries = true;
        // A copy made of fresh strings: the parser's strings can be slices of its large input
        // chunks, and keeping them would keep those chunks (memory growing with the file).
        const observation = harEntryToObservation(JSON.parse(JSON.stringify(entry)) as unknown);
        if (observation === null) skippedEntries++;
        else observations.push(observation);
      },
      onProgress,
    );
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message.split('\n')[0]})` };
  }
  if (!sawEntries) {
    // No entry streamed: an empty log, or no log at all. A small file is read whole, so the
    // answer is exactly readHar's; a large one without entries is not a HAR.
    if ((await stat(path)).size <= 1024 * 1024) return readHar(await readFile(path, 'utf8'));
    return { ok: false, error: 'not a HAR file: no "log.entries" list' };
  }
  observations.sort((a, b) => a.time - b.time);
  return { ok: true, observations, skippedEntries };
}
