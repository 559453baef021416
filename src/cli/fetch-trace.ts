/**
 * Requests URLs the way a browser navigates: redirects followed by hand (so every hop's
 * Set-Cookie is seen and graded), cookies kept in one jar across the chain and across the steps
 * of a flow, and a clear one-line error for anything that goes wrong. Only headers are read,
 * unless a flow step needs the page (to check a text or read a form), and then a bounded amount.
 */
import http from 'node:http';
import https from 'node:https';
import { responseContext } from '../core/response-context.js';
import { headerValues, type HttpHeader, type Observation } from '../observation/observation.js';
import type { StoredCookie } from '../browsers/stored-cookie.js';
import { CookieJar, serializePair } from './cookie-jar.js';

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

/** A request body: its media type, the encoded text, and the parameter names (login detection). */
export interface RequestBody {
  readonly contentType: string;
  readonly text: string;
  readonly paramNames: readonly string[];
}

/** What one navigation (a request and its redirects) ended with. */
export interface Navigation {
  readonly status: number;
  readonly url: string;
  /** The final page's body (UTF-8, at most MAX_BODY_BYTES), when it was asked for. */
  readonly body: string | null;
}

/** A flow step reads at most this much of a page. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * A failure the user can act on; its message is one line. The exchanges made before it stay in
 * the session's `observations`, so the message can be masked with the values they carried
 * (rubric section 7) and a saved HAR keeps them.
 */
export class FetchTraceError extends Error {}

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
  readonly body: string | null;
}

function requestOnce(
  url: URL,
  method: string,
  headers: readonly HttpHeader[],
  body: string | null,
  readBody: boolean,
  options: FetchTraceOptions,
): Promise<Hop> {
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
    // The socket timeout only notices silence; a server that trickles its headers byte by byte
    // would never trip it. This deadline bounds the whole exchange.
    const deadline = setTimeout(() => {
      request.destroy(new FetchTraceError(`${url.host} did not answer within ${options.timeoutMs / 1000} s`));
    }, options.timeoutMs);
    request.on('close', () => clearTimeout(deadline));
    request.on('response', (response) => {
      const received: HttpHeader[] = [];
      const raw = response.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) received.push({ name: raw[i] as string, value: raw[i + 1] as string });
      const done = (text: string | null) => {
        clearTimeout(deadline);
        response.destroy();
        request.destroy();
        resolve({ status: response.statusCode ?? 0, headers: received, body: text });
      };
      // Headers are all we grade: unless a flow step needs the page, drop the body unread.
      if (!readBody) return done(null);
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        chunks.push(chunk);
        if (size >= MAX_BODY_BYTES) done(Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8'));
      });
      response.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
      response.on('error', () => done(Buffer.concat(chunks).toString('utf8')));
    });
    request.on('timeout', () => {
      request.destroy(new FetchTraceError(`${url.host} did not answer within ${options.timeoutMs / 1000} s`));
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      reject(error instanceof FetchTraceError ? error : new FetchTraceError(describeNetworkError(error, url)));
    });
    request.end(body ?? undefined);
  });
}

function parseUrl(text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new FetchTraceError(`"${text}" is not a valid URL`);
  }
}

/**
 * A browser-like client: one cookie jar for every navigation, every exchange kept as an
 * observation (one trace). `-H` headers go only to the origin they were given for.
 */
/**
 * Whether the -H headers (and a -H Cookie) given for `givenFor` (an origin) go with a request to
 * `url`: to the same origin only. Not the same host: `https://h/` and `http://h/` share a host, and
 * credentials must not follow a redirect to plain http (nor to another port).
 */
export function userHeadersGo(givenFor: string, url: URL): boolean {
  return url.origin === givenFor;
}

/** How a session starts when it goes on from another one (`--active`), rather than afresh. */
export interface SessionStart {
  /** The origin the -H headers were given for, kept from the session this one goes on from. */
  readonly headersOrigin?: string | null;
  /** Cookies in the jar before the first request. */
  readonly cookies?: readonly StoredCookie[];
}

export class HttpSession {
  readonly observations: Observation[] = [];
  readonly #jar = new CookieJar();
  readonly #options: FetchTraceOptions;
  readonly #userCookie: readonly string[];
  readonly #otherHeaders: readonly HttpHeader[];
  #headersOrigin: string | null;

  constructor(options: FetchTraceOptions, start: SessionStart = {}) {
    this.#options = options;
    this.#userCookie = headerValues(options.headers, 'cookie');
    this.#otherHeaders = options.headers.filter((header) => header.name.toLowerCase() !== 'cookie');
    this.#headersOrigin = start.headersOrigin ?? null;
    for (const cookie of start.cookies ?? []) this.#jar.put(cookie);
  }

  /** The origin the -H headers go to (that of the first request), or null before any request. */
  get headersOrigin(): string | null {
    return this.#headersOrigin;
  }

  /** What the cookie jar holds now. */
  cookies(): StoredCookie[] {
    return this.#jar.all();
  }

  /** Requests `target` (resolved against the last page) and follows its redirects. */
  async navigate(
    method: string,
    target: string,
    body: RequestBody | null = null,
    options: { readBody?: boolean; headers?: readonly HttpHeader[] } = {},
  ): Promise<Navigation> {
    const base = this.observations[this.observations.length - 1]?.url;
    let url: URL;
    try {
      url = base === undefined ? parseUrl(target) : new URL(target, base);
    } catch (error) {
      throw error instanceof FetchTraceError ? error : new FetchTraceError(`"${target}" is not a valid URL`);
    }
    this.#headersOrigin ??= url.origin;
    let currentMethod = method.toUpperCase();
    let currentBody = body;
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchTraceError(`cannot follow ${url.href}: only http and https are supported`);
      }
      const { status, headers, body: page } = await this.#exchange(hop, url, currentMethod, currentBody, options.readBody === true, options.headers ?? []);
      const location = headerValues(headers, 'location')[0];
      if (!REDIRECT_STATUSES.has(status) || location === undefined) return { status, url: url.href, body: page };
      if (hop >= this.#options.maxRedirects) {
        throw new FetchTraceError(`stopped after ${this.#options.maxRedirects} redirects (a redirect loop?) at ${url.href}`);
      }
      try {
        url = new URL(location, url);
      } catch {
        throw new FetchTraceError(`${url.href} redirects to an invalid Location "${location}"`);
      }
      // Browsers turn a 303, and a 301/302 after POST, into GET without a body (Fetch standard, HTTP-redirect fetch).
      if (status === 303 ? currentMethod !== 'HEAD' : (status === 301 || status === 302) && currentMethod === 'POST') {
        currentMethod = 'GET';
        currentBody = null;
      }
    }
  }

  async #exchange(hop: number, url: URL, method: string, body: RequestBody | null, readBody: boolean, stepHeaders: readonly HttpHeader[]): Promise<Hop> {
    const jarCookies = this.#jar.cookiesFor(url.href, Date.now());
    const ownHost = this.#headersOrigin !== null && userHeadersGo(this.#headersOrigin, url);
    // A Cookie given with -H is the user's own jar for that host: a cookie the server sets with the same name replaces it.
    const userPairs = ownHost
      ? this.#userCookie.flatMap((header) =>
          header
            .split(';')
            .map((pair) => pair.trim())
            .filter(Boolean),
        )
      : [];
    const jarNames = new Set(jarCookies.map((jarCookie) => jarCookie.name));
    const cookie = [...userPairs.filter((pair) => !jarNames.has(pair.split('=')[0] as string)), ...jarCookies.map(serializePair)].join('; ');
    const requestHeaders: HttpHeader[] = [
      { name: 'User-Agent', value: 'session-cookie-inspector' },
      ...(ownHost ? [...this.#otherHeaders, ...stepHeaders] : []),
      ...(body ? [{ name: 'Content-Type', value: body.contentType }] : []),
      ...(cookie ? [{ name: 'Cookie', value: cookie }] : []),
    ];
    this.#options.onHop?.(hop, url.href);
    const time = Date.now();
    const answer = await requestOnce(url, method, requestHeaders, body?.text ?? null, readBody, this.#options);
    const observation: Observation = {
      url: url.href,
      method,
      requestHeaders,
      requestBodyParamNames: body ? [...body.paramNames] : null,
      status: answer.status,
      responseHeaders: answer.headers,
      time,
    };
    this.observations.push(observation);
    this.#jar.store(headerValues(answer.headers, 'set-cookie'), responseContext(observation));
    return answer;
  }
}
