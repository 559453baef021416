/**
 * One HTTP exchange as the grader sees it (rubric section 1). Plain data: the panel builds it from
 * devtools.network entries, the CLI from real requests, the HAR reader from files.
 */
export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

export interface Observation {
  readonly url: string;
  readonly method: string;
  /** Request headers in order; Cookie and Referer matter. */
  readonly requestHeaders: readonly HttpHeader[];
  /**
   * Names of the request body's form or JSON parameters when known (login detection), else null.
   * Only names: a login body holds a password, and we never keep it.
   */
  readonly requestBodyParamNames: readonly string[] | null;
  readonly status: number;
  /** Response headers in order, one entry per Set-Cookie line. */
  readonly responseHeaders: readonly HttpHeader[];
  /** Epoch milliseconds when the exchange started (used when there is no Date header). */
  readonly time: number;
}

/** The request headers grading reads (rubric section 1); readers of HARs and the panel keep only these. */
export const GRADED_REQUEST_HEADERS: ReadonlySet<string> = new Set(['cookie', 'referer']);
/** The response headers grading reads. */
export const GRADED_RESPONSE_HEADERS: ReadonlySet<string> = new Set(['set-cookie', 'date', 'cache-control', 'strict-transport-security', 'location']);

/** Every value of a header, in order (names are case-insensitive). */
export function headerValues(headers: readonly HttpHeader[], name: string): string[] {
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const header of headers) if (header.name.toLowerCase() === lower) values.push(header.value);
  return values;
}

/** The Set-Cookie lines of a response. */
export function setCookieLines(observation: Observation): string[] {
  return headerValues(observation.responseHeaders, 'set-cookie');
}
