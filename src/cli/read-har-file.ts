/**
 * Reads a HAR file of any size in bounded memory: the bytes go through `HarScanner`, which hands
 * over each entry's JSON text with its body cut out; each is `JSON.parse`d alone and read by the
 * same `HarReading` as the panel's getHAR() path and `readHar`. Memory holds one chunk and one
 * entry at a time, besides the observations.
 */
import { open } from 'node:fs/promises';
import { HarScanError, HarScanner, type HarScanLimits } from '../observation/har-scanner.js';
import { HarReading, type HarReadOptions, type HarReadResult } from '../observation/read-har.js';

const CHUNK_BYTES = 1024 * 1024;

/** The reading of a file that may be a HAR, or why it is not one. */
export type HarFileResult = HarReadResult;

export interface HarFileOptions extends HarReadOptions {
  readonly onProgress?: (bytesRead: number) => void;
  readonly limits?: HarScanLimits;
}

export async function readHarFile(path: string, options: HarFileOptions = {}): Promise<HarFileResult> {
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
  const file = await open(path);
  try {
    // A plain Uint8Array: the scanner takes many small views of it, and a Buffer's cost more.
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      scanner.push(buffer.subarray(0, bytesRead));
      onProgress?.(scanner.bytesScanned);
    }
    scanner.end();
  } catch (error) {
    if (!(error instanceof HarScanError)) throw error;
    return { ok: false, error: error.kind === 'syntax' ? `not valid JSON (${error.message})` : error.message };
  } finally {
    await file.close();
  }
  return reading.result();
}
