/** The cookies a request carried, from its Cookie header(s) (RFC 6265bis 5.8.4 serialisation). */
import { headerValues, type Observation } from './observation.js';

/** name -> value for every pair of the request's Cookie headers (the first pair of a name wins). */
export function requestCookies(observation: Observation): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of headerValues(observation.requestHeaders, 'cookie')) {
    for (const pair of header.split(';')) {
      const equals = pair.indexOf('=');
      const name = (equals < 0 ? '' : pair.slice(0, equals)).trim();
      const value = (equals < 0 ? pair : pair.slice(equals + 1)).trim();
      if (!cookies.has(name)) cookies.set(name, value);
    }
  }
  return cookies;
}
