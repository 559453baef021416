/**
 * Turns a HAR 1.2 log (as Chrome and Firefox export it, and as devtools.network.getHAR() returns
 * it) into observations. Never throws: a file that is not a HAR gives an error message, an entry
 * that cannot be read is skipped and counted.
 *
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
import type { HttpHeader, Observation } from './observation.js';

export type HarReadResult =
  | { readonly ok: true; readonly observations: Observation[]; readonly skippedEntries: number }
  | { readonly ok: false; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readHeaders(value: unknown): HttpHeader[] | null {
  if (!Array.isArray(value)) return null;
  const headers: HttpHeader[] = [];
  for (const header of value) {
    if (!isRecord(header) || typeof header.name !== 'string') continue;
    // A header value is text; numbers and booleans are read as text, anything else (an object,
    // even one whose toString is broken) as an empty value, so a hostile file can never throw.
    const raw = header.value;
    const headerValue = typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
    if (header.name.toLowerCase() === 'set-cookie' && headerValue.includes('\n')) {
      // Firefox's HAR export joins several Set-Cookie lines into one header with newlines.
      for (const line of headerValue.split('\n')) if (line.trim()) headers.push({ name: header.name, value: line });
    } else {
      headers.push({ name: header.name, value: headerValue });
    }
  }
  return headers;
}

/** Names of form or JSON body parameters (values are never kept: they may be passwords). */
export function bodyParameterNames(postData: unknown): string[] | null {
  if (!isRecord(postData)) return null;
  if (Array.isArray(postData.params) && postData.params.length > 0) {
    return postData.params.flatMap((param) => (isRecord(param) && typeof param.name === 'string' ? [param.name] : []));
  }
  const text = typeof postData.text === 'string' ? postData.text : '';
  const mimeType = typeof postData.mimeType === 'string' ? postData.mimeType.toLowerCase() : '';
  if (mimeType.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return isRecord(parsed) ? jsonKeys(parsed) : [];
    } catch {
      return [];
    }
  }
  if (mimeType.includes('x-www-form-urlencoded') || (mimeType === '' && text.includes('='))) {
    return [...new URLSearchParams(text).keys()];
  }
  return null;
}

/** Keys of a JSON object, nested ones as `outer.inner`, so `{ user: { password } }` is found. */
function jsonKeys(object: Record<string, unknown>, prefix = '', depth = 0): string[] {
  if (depth > 4) return [];
  return Object.entries(object).flatMap(([key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key;
    return isRecord(value) ? [name, ...jsonKeys(value, name, depth + 1)] : [name];
  });
}

/** One HAR entry as an observation, or null when it lacks what an exchange needs. */
export function harEntryToObservation(entry: unknown): Observation | null {
  if (!isRecord(entry) || !isRecord(entry.request) || !isRecord(entry.response)) return null;
  const { request, response } = entry;
  if (typeof request.url !== 'string') return null;
  const requestHeaders = readHeaders(request.headers);
  const responseHeaders = readHeaders(response.headers);
  if (requestHeaders === null || responseHeaders === null) return null;
  const started = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : Number.NaN;
  return {
    url: request.url,
    method: typeof request.method === 'string' ? request.method : 'GET',
    requestHeaders,
    requestBodyParamNames: bodyParameterNames(request.postData),
    status: typeof response.status === 'number' ? response.status : 0,
    responseHeaders,
    time: Number.isNaN(started) ? Date.now() : started,
  };
}

/** Reads a HAR document (text or already-parsed JSON). */
export function readHar(input: string | unknown): HarReadResult {
  let document: unknown = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input);
    } catch (error) {
      return { ok: false, error: `not valid JSON (${(error as Error).message})` };
    }
  }
  if (!isRecord(document) || !isRecord(document.log)) return { ok: false, error: 'not a HAR file: no "log" object' };
  const entries = document.log.entries;
  if (!Array.isArray(entries)) return { ok: false, error: 'not a HAR file: "log.entries" is not a list' };
  const observations: Observation[] = [];
  let skippedEntries = 0;
  for (const entry of entries) {
    const observation = harEntryToObservation(entry);
    if (observation === null) skippedEntries++;
    else observations.push(observation);
  }
  // HAR entries are usually in start order already; sort stably to be sure (traces are ordered).
  observations.sort((a, b) => a.time - b.time);
  return { ok: true, observations, skippedEntries };
}
