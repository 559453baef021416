/**
 * What the panel keeps of an exchange: only the headers grading reads (rubric section 1), never
 * bodies. Keeps memory bounded on long sessions.
 */
import type { HttpHeader, Observation } from '../../observation/observation.js';

const KEPT_REQUEST_HEADERS = new Set(['cookie', 'referer']);
const KEPT_RESPONSE_HEADERS = new Set(['set-cookie', 'date', 'cache-control', 'strict-transport-security', 'location']);

function keep(headers: readonly HttpHeader[], names: ReadonlySet<string>): HttpHeader[] {
  return headers.filter((header) => names.has(header.name.toLowerCase()));
}

export function slimObservation(observation: Observation): Observation {
  return {
    url: observation.url,
    method: observation.method,
    requestHeaders: keep(observation.requestHeaders, KEPT_REQUEST_HEADERS),
    requestBodyParamNames: observation.requestBodyParamNames,
    status: observation.status,
    responseHeaders: keep(observation.responseHeaders, KEPT_RESPONSE_HEADERS),
    time: observation.time,
  };
}
