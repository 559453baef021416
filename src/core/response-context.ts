/**
 * What a rule needs to know about the response that set a cookie: where it came from, when, and
 * the caching and HSTS headers that travelled with it.
 */
import { isTrustworthyUrl, urlParts } from '../core/trustworthy-url.js';
import { headerValues, type Observation } from '../observation/observation.js';

export interface ResponseContext {
  readonly url: string;
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly trustworthy: boolean;
  /** The response's Date header, or the observation time, in epoch ms. */
  readonly time: number;
  /** True when Cache-Control has `no-store`, or both `private` and `no-cache`. */
  readonly cacheControlPrevents: boolean;
  /** max-age of the first Strict-Transport-Security header, or null. */
  readonly hstsMaxAge: number | null;
}

/** Directive names of every Cache-Control line, lower-cased (RFC 9111 5.2). */
export function cacheControlDirectives(lines: readonly string[]): Set<string> {
  const directives = new Set<string>();
  for (const line of lines) {
    for (const part of line.split(',')) {
      const name = part.split('=')[0]?.trim().toLowerCase();
      if (name) directives.add(name);
    }
  }
  return directives;
}

/** max-age of a Strict-Transport-Security value (RFC 6797 6.1.1), or null when absent or invalid. */
export function hstsMaxAge(value: string | undefined): number | null {
  if (value === undefined) return null;
  for (const part of value.split(';')) {
    const [name, rawValue] = part.split('=');
    if (name?.trim().toLowerCase() !== 'max-age' || rawValue === undefined) continue;
    const digits = rawValue.trim().replace(/^"(.*)"$/, '$1');
    return /^\d+$/.test(digits) ? Number(digits) : null;
  }
  return null;
}

export function responseContext(observation: Observation): ResponseContext {
  const { scheme, host, path } = urlParts(observation.url);
  const dateHeader = headerValues(observation.responseHeaders, 'date')[0];
  const date = dateHeader === undefined ? Number.NaN : Date.parse(dateHeader);
  const directives = cacheControlDirectives(headerValues(observation.responseHeaders, 'cache-control'));
  return {
    url: observation.url,
    scheme,
    host,
    path,
    trustworthy: isTrustworthyUrl(observation.url),
    time: Number.isNaN(date) ? observation.time : date,
    cacheControlPrevents: directives.has('no-store') || (directives.has('private') && directives.has('no-cache')),
    hstsMaxAge: hstsMaxAge(headerValues(observation.responseHeaders, 'strict-transport-security')[0]),
  };
}
