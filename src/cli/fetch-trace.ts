/**
 * Requests a URL the way a browser navigates: redirects followed by hand (so every hop's
 * Set-Cookie is seen and graded), cookies carried along the chain, and a clear one-line error for
 * anything that goes wrong. Only headers are read: the body is never downloaded.
 */
import http from 'node:http';
import https from 'node:https';
import { responseContext } from '../core/response-context.js';
import { headerValues, type HttpHeader, type Observation } from '../observation/observation.js';
import { CookieJar } from './cookie-jar.js';

export interface FetchTraceOptions {
  readonly method: string;
  readonly headers: readonly HttpHeader[];
  /** Accept certificates that do not verify (self-signed local dev servers). */
  readonly insecure: boolean;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  /** Called before each request of the chain (for a progress line). */
  readonly onHop?: (hop: number, url: string) => void;
}

/**
 * A failure the user can act on; its message is one line. It keeps the exchanges made before it,
 * so the message can be masked with the values they carried (rubric section 7).
 */
export class FetchTraceError extends Error {
  observations: readonly Observation[] = [];
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function describeNetworkError(error: NodeJS.ErrnoException, url: URL): string {
  const where = url.host;
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve host "${url.hostname}"`;
    case 'ECONNREFUSED':
      return `connection refused by ${where} (is the server running?)`;
    case 'ECONNRESET':
      return `connection reset by ${where}`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable`;
    default:
      if (error.code && TLS_CODES.has(error.code)) {
        return `the TLS certificate of ${where} is not trusted (${error.code}); for a local dev server add --insecure`;
      }
      if (error.code === 'EPROTO' || /SSL|TLS/i.test(error.message)) {
        return `TLS handshake with ${where} failed (${error.message.split('\n')[0]})`;
      }
      return `request to ${url.origin} failed: ${error.message.split('\n')[0]}`;
  }
}

interface Hop {
  readonly status: number;
  readonly headers: HttpHeader[];
}

function requestOnce(url: URL, method: string, headers: readonly HttpHeader[], options: FetchTraceOptions): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const outgoing: Record<string, string | string[]> = {};
    for (const { name, value } of headers) {
      const existing = outgoing[name];
      outgoing[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    let request: http.ClientRequest;
    try {
      request = client.request(url, {
        method,
        headers: outgoing,
        rejectUnauthorized: !options.insecure,
        timeout: options.timeoutMs,
      });
    } catch (error) {
      reject(new FetchTraceError(`cannot request ${url.origin}: ${(error as Error).message}`));
      return;
    }
    request.on('response', (response) => {
      const received: HttpHeader[] = [];
      const raw = response.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) received.push({ name: raw[i] as string, value: raw[i + 1] as string });
      // Headers are all we grade: drop the body instead of downloading it.
      response.destroy();
      request.destroy();
      resolve({ status: response.statusCode ?? 0, headers: received });
    });
    request.on('timeout', () => {
      request.destroy(new FetchTraceError(`${url.host} did not answer within ${options.timeoutMs / 1000} s`));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      reject(error instanceof FetchTraceError ? error : new FetchTraceError(describeNetworkError(error, url)));
    });
    request.end();
  });
}

/** Follows `startUrl` through its redirects and returns one observation per hop. */
export async function fetchTrace(startUrl: string, options: FetchTraceOptions): Promise<Observation[]> {
  let url: URL;
  try {
    url = new URL(startUrl);
  } catch {
    throw new FetchTraceError(`"${startUrl}" is not a valid URL`);
  }
  const observations: Observation[] = [];
  try {
    return await followRedirects(url, options, observations);
  } catch (error) {
    if (error instanceof FetchTraceError) error.observations = observations;
    throw error;
  }
}

async function followRedirects(start: URL, options: FetchTraceOptions, observations: Observation[]): Promise<Observation[]> {
  let url = start;
  const jar = new CookieJar();
  const userCookie = headerValues(options.headers, 'cookie');
  const otherHeaders = options.headers.filter((header) => header.name.toLowerCase() !== 'cookie');
  let method = options.method.toUpperCase();
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new FetchTraceError(`cannot follow ${url.href}: only http and https are supported`);
    }
    const jarCookie = jar.cookieHeaderFor(url.href);
    const cookie = [...userCookie, ...(jarCookie ? [jarCookie] : [])].join('; ');
    const requestHeaders: HttpHeader[] = [
      { name: 'User-Agent', value: 'session-cookie-inspector' },
      ...otherHeaders,
      ...(cookie ? [{ name: 'Cookie', value: cookie }] : []),
    ];
    options.onHop?.(hop, url.href);
    const time = Date.now();
    const { status, headers } = await requestOnce(url, method, requestHeaders, options);
    const observation: Observation = {
      url: url.href,
      method,
      requestHeaders,
      requestBodyParamNames: null,
      status,
      responseHeaders: headers,
      time,
    };
    observations.push(observation);
    jar.store(headerValues(headers, 'set-cookie'), responseContext(observation));

    const location = headerValues(headers, 'location')[0];
    if (!REDIRECT_STATUSES.has(status) || location === undefined) return observations;
    if (hop >= options.maxRedirects) {
      throw new FetchTraceError(`stopped after ${options.maxRedirects} redirects (a redirect loop?) at ${url.href}`);
    }
    try {
      url = new URL(location, url);
    } catch {
      throw new FetchTraceError(`${url.href} redirects to an invalid Location "${location}"`);
    }
    // Browsers turn a 303, and a 301/302 after POST, into GET (Fetch standard, HTTP-redirect fetch).
    if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST') method = 'GET';
  }
}
