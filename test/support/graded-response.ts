/**
 * The finding ids one response's Set-Cookie for a cookie gets, as the panel grades a response to
 * an https URL: for the tests that paste a combined fix into a real framework and grade what it
 * sends.
 */
import { parseSetCookie } from '../../src/core/parse-set-cookie.js';
import { responseContext } from '../../src/core/response-context.js';
import { detectSessionCookie } from '../../src/detect/detect-session-cookie.js';
import { gradeSetCookie } from '../../src/grade/grade-set-cookie.js';

export interface Header {
  readonly name: string;
  readonly value: string;
}

/** Node's `headers` object (supertest, light-my-request) as a list of headers. */
export function headerList(headers: Record<string, string | string[] | number | undefined>): Header[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    (value === undefined ? [] : Array.isArray(value) ? value : [String(value)]).map((text) => ({ name, value: text })),
  );
}

/** The Set-Cookie line for `cookieName`, graded; throws when the response set no such cookie. */
export function findingsOfResponse(headers: readonly Header[], cookieName: string, url = 'https://app.example.com/'): string[] {
  const line = headers.find((header) => header.name.toLowerCase() === 'set-cookie' && header.value.startsWith(`${cookieName}=`))?.value;
  if (line === undefined) {
    throw new Error(
      `The response set no ${cookieName} cookie; it set: ${
        headers
          .filter((header) => header.name.toLowerCase() === 'set-cookie')
          .map((header) => header.value.split('=')[0])
          .join(', ') || 'none'
      }`,
    );
  }
  const cookie = parseSetCookie(line);
  const context = responseContext({
    url,
    method: 'GET',
    requestHeaders: [],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: headers,
    time: Date.now(),
  });
  return gradeSetCookie(cookie, context, detectSessionCookie(cookie.name, cookie.value)).findings.map((finding) => finding.id);
}
