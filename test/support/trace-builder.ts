/** Exchanges written the way a trace reads: `exchange('POST', url, { cookie, setCookie, status, location })`. */
import type { Observation } from '../../src/observation/observation.js';
import type { StoredCookie } from '../../src/observation/readings.js';

let clock = Date.UTC(2026, 0, 1, 12);

export interface ExchangeShape {
  readonly cookie?: string;
  readonly referer?: string;
  readonly setCookie?: readonly string[];
  readonly status?: number;
  readonly location?: string;
  readonly body?: readonly string[];
}

export function exchange(method: string, url: string, shape: ExchangeShape = {}): Observation {
  clock += 1000;
  return {
    url,
    method,
    requestHeaders: [...(shape.cookie ? [{ name: 'Cookie', value: shape.cookie }] : []), ...(shape.referer ? [{ name: 'Referer', value: shape.referer }] : [])],
    requestBodyParamNames: shape.body ?? null,
    status: shape.status ?? (shape.location ? 302 : 200),
    responseHeaders: [
      ...(shape.location ? [{ name: 'Location', value: shape.location }] : []),
      ...(shape.setCookie ?? []).map((value) => ({ name: 'Set-Cookie', value })),
    ],
    time: clock,
  };
}

/** A cookie as the browser's store holds it: host-only on 127.0.0.1, path /, HttpOnly, nothing else; `shape` changes any of it. */
export function storedCookie(name: string, value: string, shape: Partial<StoredCookie> = {}): StoredCookie {
  return {
    name,
    value,
    domain: '127.0.0.1',
    hostOnly: true,
    path: '/',
    secure: false,
    httpOnly: true,
    sameSite: 'unspecified',
    expires: null,
    partitioned: false,
    ...shape,
  };
}
