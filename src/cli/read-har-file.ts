/**
 * Reads a HAR file (or standard input) of any size in bounded memory: the bytes go through
 * `HarScanner`, which hands over each entry's JSON text with its body cut out; each is
 * `JSON.parse`d alone and read by the same `HarReading` as the panel's getHAR() path and
 * `readHar`. Memory holds one chunk and one entry at a time, besides the observations.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { HarScanError, HarScanner, type HarScanLimits } from '../observation/har-scanner.js';
import { HarReading, type HarReadOptions, type HarReadResult } from '../observation/read-har.js';

const CHUNK_BYTES = 1024 * 1024;

/** The reading of a file that may be a HAR, or why it is not one. */
export type HarFileResult = HarReadResult;

export interface HarFileOptions extends HarReadOptions {
  readonly onProgress?: (bytesRead: number) => void;
  readonly limits?: HarScanLimits;
}

/** A file's bytes, one chunk at a time, in one reused buffer (the scanner is done with a chunk before the next). */
async function* chunksOf(file: FileHandle): AsyncGenerator<Uint8Array> {
  // A plain Uint8Array: the scanner takes many small views of it, and a Buffer's cost more.
  const buffer = new Uint8Array(CHUNK_BYTES);
  for (;;) {
    const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

export async function readHarFile(path: string, options: HarFileOptions = {}): Promise<HarFileResult> {
  const file = await open(path);
  try {
    return await readHarStream(chunksOf(file), options);
  } finally {
    await file.close();
  }
}

/** The same from any stream of bytes (standard input). A read error is thrown, as the file's are. */
export async function readHarStream(chunks: AsyncIterable<Uint8Array>, options: HarFileOptions = {}): Promise<HarFileResult> {
  const { onProgress, limits } = options;
  const reading = new HarReading(options);
  const scanner = new HarScanner((part, text) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new HarScanError('syntax', part === 'entry' ? `${(error as Error).message} in an entry` : (error as Error).message);
    }
    if (part === 'entry') reading.addEntry(value);
    else reading.addLogField(part, value);
  }, limits);
  try {
    for await (const chunk of chunks) {
      scanner.push(chunk);
      onProgress?.(scanner.bytesScanned);
    }
    scanner.end();
  } catch (error) {
    if (!(error instanceof HarScanError)) throw error;
    return { ok: false, error: error.kind === 'syntax' ? `not valid JSON (${error.message})` : error.message };
  }
  return reading.result();
}
