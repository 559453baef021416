/**
 * What the panel keeps of an exchange: only the headers grading reads (rubric section 1), never
 * bodies. Keeps memory bounded on long sessions.
 */
import { GRADED_REQUEST_HEADERS, GRADED_RESPONSE_HEADERS, type HttpHeader, type Observation } from '../../observation/observation.js';

/**
 * The headers kept lately, one object per value (the panel's is in its caches): a busy app sends
 * the same Cookie header with every request, and every entry DevTools hands over is a fresh copy
 * of it (a kilobyte or two each), so a long trace held thousands of copies of one string, which
 * the collector had to go through.
 */
export type HeaderPool = Map<string, HttpHeader>;
const RECENT_HEADERS_KEPT = 1024;

function shared(recentHeaders: HeaderPool, header: HttpHeader): HttpHeader {
  const known = recentHeaders.get(header.value);
  if (known !== undefined && known.name === header.name) return known;
  if (recentHeaders.size >= RECENT_HEADERS_KEPT) recentHeaders.clear();
  const kept = { name: header.name, value: header.value };
  recentHeaders.set(header.value, kept);
  return kept;
}

function keep(pool: HeaderPool, headers: readonly HttpHeader[], names: ReadonlySet<string>): HttpHeader[] {
  const kept: HttpHeader[] = [];
  for (const header of headers) if (names.has(header.name.toLowerCase())) kept.push(shared(pool, header));
  return kept;
}

/** The exchange with only the headers grading reads, each shared through `pool` with earlier exchanges. */
export function slimObservation(observation: Observation, pool: HeaderPool): Observation {
  return {
    url: observation.url,
    method: observation.method,
    requestHeaders: keep(pool, observation.requestHeaders, GRADED_REQUEST_HEADERS),
    requestBodyParamNames: observation.requestBodyParamNames,
    status: observation.status,
    responseHeaders: keep(pool, observation.responseHeaders, GRADED_RESPONSE_HEADERS),
    time: observation.time,
  };
}
