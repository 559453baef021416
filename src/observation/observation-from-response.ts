import type { HttpHeader, Observation } from './observation.js';

export interface ResponseDescription {
  readonly url: string;
  readonly method?: string;
  readonly status?: number;
  /**
   * Response headers: a list of `{ name, value }`, or an object such as Node's
   * `res.headers` / supertest's `res.headers` where `set-cookie` is an array.
   */
  readonly headers: readonly HttpHeader[] | Readonly<Record<string, string | readonly string[] | undefined>>;
  readonly requestHeaders?: readonly HttpHeader[];
  readonly time?: number;
}

/** An observation from a response you already have (a test's HTTP client, a fetch Response). */
export function observationFromResponse(response: ResponseDescription): Observation {
  const headers: HttpHeader[] = Array.isArray(response.headers)
    ? [...(response.headers as readonly HttpHeader[])]
    : Object.entries(response.headers as Record<string, string | readonly string[] | undefined>).flatMap(([name, value]) =>
        value === undefined ? [] : (Array.isArray(value) ? value : [value as string]).map((v: string) => ({ name, value: v })),
      );
  return {
    url: response.url,
    method: response.method ?? 'GET',
    requestHeaders: response.requestHeaders ?? [],
    requestBodyParamNames: null,
    status: response.status ?? 200,
    responseHeaders: headers,
    time: response.time ?? Date.now(),
  };
}
