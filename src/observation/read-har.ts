/**
 * Turns HAR entries (as Chrome, Edge, Firefox, Safari, Charles, Fiddler, mitmproxy, WebPageTest,
 * browsertime and Polly.JS write them, and as devtools.network.getHAR() returns them) into
 * observations (rubric section 1). Never throws: a file that is not a HAR gives an error message,
 * an entry that cannot be read is skipped and counted.
 *
 * The same `HarReading` takes the entries of a parsed document (`readHar`, the panel) and those
 * the byte scanner hands over one by one (`readHarFile`, the CLI), so both read a file alike.
 *
 * @see http://www.softwareishard.com/blog/har-12-spec/
 */
import { GRADED_REQUEST_HEADERS, GRADED_RESPONSE_HEADERS, type HttpHeader, type Observation } from './observation.js';

/** What a HAR says about itself, beside its entries. */
export interface HarFacts {
  /** `log.creator.name` (`WebInspector` for Chrome and Edge, `Firefox`, `Charles Proxy`...), or null. */
  readonly creator: string | null;
  /**
   * The URL of the trace's first top-level document (rubric section 1): the first entry of
   * `pages[0]`, else the first document entry, else the first entry; null for no entry.
   */
  readonly pageUrl: string | null;
}

export type HarReadResult =
  | { readonly ok: true; readonly observations: Observation[]; readonly skippedEntries: number; readonly har: HarFacts }
  | { readonly ok: false; readonly error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A header value as text: numbers and booleans as text, anything else (even a hostile object) as empty. */
function headerText(raw: unknown): string {
  return typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : '';
}

/** The headers of `value` that grading reads (`kept`, lower-case names), or null when it is not a list. */
function readHeaders(value: unknown, kept: ReadonlySet<string>): HttpHeader[] | null {
  if (!Array.isArray(value)) return null;
  const headers: HttpHeader[] = [];
  for (const header of value) {
    if (!isRecord(header) || typeof header.name !== 'string') continue;
    const { name } = header;
    if (!kept.has(name.toLowerCase())) continue;
    // Polly.JS writes a repeated header (Set-Cookie) as one header whose value is a list of strings.
    const values = Array.isArray(header.value) ? header.value.map(headerText) : [headerText(header.value)];
    for (const text of values) {
      if (name.toLowerCase() === 'set-cookie' && text.includes('\n')) {
        // Firefox's HAR export joins several Set-Cookie lines into one header with newlines.
        for (const line of text.split('\n')) if (line.trim()) headers.push({ name, value: line });
      } else {
        headers.push({ name, value: text });
      }
    }
  }
  return headers;
}

/** `name="..."` of each part of a `multipart/form-data` body (RFC 7578 section 4.2). */
const MULTIPART_NAME = /content-disposition:[ \t]*form-data;[^\r\n]*?[; \t]name="([^"\r\n]*)"/gi;

/** Names of form, multipart or JSON body parameters (values are never kept: they may be passwords). */
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
  if (mimeType.includes('multipart/form-data')) return Array.from(text.matchAll(MULTIPART_NAME), (match) => match[1] as string);
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

/**
 * One HAR entry as an observation, with the headers grading reads, or null when it lacks what an
 * exchange needs (a request URL and its header list). An entry without a response (a request that never got one, or one a
 * recorder cut) still counts: its request sent cookies (rubric section 1); its status is 0.
 */
export function harEntryToObservation(entry: unknown, now: number = Date.now()): Observation | null {
  if (!isRecord(entry) || !isRecord(entry.request)) return null;
  const { request } = entry;
  const response = isRecord(entry.response) ? entry.response : null;
  if (typeof request.url !== 'string') return null;
  const requestHeaders = readHeaders(request.headers, GRADED_REQUEST_HEADERS);
  const responseHeaders = response === null ? [] : readHeaders(response.headers, GRADED_RESPONSE_HEADERS);
  if (requestHeaders === null || responseHeaders === null) return null;
  const started = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : Number.NaN;
  return {
    url: request.url,
    method: typeof request.method === 'string' ? request.method : 'GET',
    requestHeaders,
    requestBodyParamNames: bodyParameterNames(request.postData),
    status: response !== null && typeof response.status === 'number' ? response.status : 0,
    responseHeaders,
    time: Number.isNaN(started) ? now : started,
  };
}

/** Whether an entry's response is a top-level-looking document: Chrome's `_resourceType`, else its type. */
function isDocumentEntry(entry: Record<string, unknown>): boolean {
  if (typeof entry._resourceType === 'string') return entry._resourceType === 'document';
  const response = entry.response;
  const content = isRecord(response) ? response.content : undefined;
  const mimeType = isRecord(content) && typeof content.mimeType === 'string' ? content.mimeType : '';
  return mimeType.toLowerCase().startsWith('text/html');
}

interface PageCandidate {
  readonly url: string;
  readonly time: number;
}

const earlier = (candidate: PageCandidate | null, url: string, time: number): PageCandidate | null =>
  candidate === null || time < candidate.time ? { url, time } : candidate;

/** How a HAR is read: `now` stands for the start of an entry that gives none (the time it was read). */
export interface HarReadOptions {
  readonly now?: number;
}

/** Reads entries one at a time and the log's own fields, whichever comes first in the file. */
export class HarReading {
  readonly #now: number;
  readonly #observations: Observation[] = [];
  #skippedEntries = 0;
  #creator: string | null = null;
  #firstPageId: string | null = null;
  /** The earliest entry of each page id, the earliest document entry, the earliest entry. */
  readonly #firstByPage = new Map<string, PageCandidate>();
  #firstDocument: PageCandidate | null = null;
  #firstEntry: PageCandidate | null = null;

  constructor(options: HarReadOptions = {}) {
    this.#now = options.now ?? Date.now();
  }

  addEntry(entry: unknown): void {
    // An exchange the CLI's --active made after a flow (har-writer's ACTIVE_CHECK_FIELD): kept in
    // the file as evidence, never part of the trace (an old cookie sent after a logout, a planted id).
    if (isRecord(entry) && typeof entry._activeCheck === 'string') return;
    const observation = harEntryToObservation(entry, this.#now);
    if (observation === null || !isRecord(entry)) {
      this.#skippedEntries++;
      return;
    }
    this.#observations.push(observation);
    const { url, time } = observation;
    this.#firstEntry = earlier(this.#firstEntry, url, time);
    if (typeof entry.pageref === 'string') {
      const page = this.#firstByPage.get(entry.pageref);
      if (page === undefined || time < page.time) this.#firstByPage.set(entry.pageref, { url, time });
    }
    if (isDocumentEntry(entry)) this.#firstDocument = earlier(this.#firstDocument, url, time);
  }

  /** `log.creator` and `log.pages`; other fields are not read. */
  addLogField(name: string, value: unknown): void {
    if (name === 'creator' && isRecord(value) && typeof value.name === 'string') this.#creator = value.name;
    if (name === 'pages' && Array.isArray(value) && isRecord(value[0]) && typeof value[0].id === 'string') this.#firstPageId = value[0].id;
  }

  result(): HarReadResult {
    const page = this.#firstPageId === null ? undefined : this.#firstByPage.get(this.#firstPageId);
    const pageUrl = (page ?? this.#firstDocument ?? this.#firstEntry)?.url ?? null;
    // HAR entries are usually in start order already; sort stably to be sure (traces are ordered).
    const observations = this.#observations.sort((a, b) => a.time - b.time);
    return { ok: true, observations, skippedEntries: this.#skippedEntries, har: { creator: this.#creator, pageUrl } };
  }
}

/** Reads a HAR document (text or already-parsed JSON). A byte order mark is allowed. */
export function readHar(input: string | unknown, options: HarReadOptions = {}): HarReadResult {
  let document: unknown = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      return { ok: false, error: `not valid JSON (${(error as Error).message})` };
    }
  }
  if (!isRecord(document) || !isRecord(document.log)) return { ok: false, error: 'not a HAR file: no "log" object' };
  const { log } = document;
  if (!Array.isArray(log.entries)) return { ok: false, error: 'not a HAR file: "log.entries" is not a list' };
  const reading = new HarReading(options);
  reading.addLogField('creator', log.creator);
  reading.addLogField('pages', log.pages);
  for (const entry of log.entries) reading.addEntry(entry);
  return reading.result();
}
