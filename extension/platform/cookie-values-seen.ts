/**
 * The cookie values a trace has explained: every name=value pair a response set or a request
 * sent. A request that sends a pair nothing explained means some Set-Cookie went unseen (a
 * redirect Chromium reported before its raw headers, or script, or another tab): the network
 * source re-reads DevTools' log for the redirects it holds only then.
 */
import { parseSetCookie } from '../../src/core/parse-set-cookie.js';
import { headerValues, setCookieLines, type Observation } from '../../src/observation/observation.js';
import { parseCookieString } from '../../src/observation/readings.js';

export interface CookieValuesSeen {
  /** Notes the pairs `observation` sends and sets; true when it sends one never seen before. */
  note(observation: Observation): boolean;
}

export function createCookieValuesSeen(): CookieValuesSeen {
  const seen = new Set<string>();
  // Whole Cookie headers lately taken apart: a busy app sends the same one with every request.
  // (Kept few: an app whose cookies change on every request sends a new header each time.)
  const headersSeen = new Set<string>();
  const HEADERS_KEPT = 256;
  const key = (name: string, value: string) => `${name}\u0000${value}`;
  return {
    note(observation) {
      let unexplained = false;
      for (const header of headerValues(observation.requestHeaders, 'cookie')) {
        if (headersSeen.has(header)) continue;
        if (headersSeen.size >= HEADERS_KEPT) headersSeen.clear();
        headersSeen.add(header);
        for (const { name, value } of parseCookieString(header)) {
          const pair = key(name, value);
          if (seen.has(pair)) continue;
          unexplained = true;
          seen.add(pair);
        }
      }
      // The response's own Set-Cookie comes after its request: it cannot explain what it sent.
      for (const line of setCookieLines(observation)) {
        const { name, value } = parseSetCookie(line);
        seen.add(key(name, value));
      }
      return unexplained;
    },
  };
}
