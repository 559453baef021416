import { plainHttpHostOf } from '../observation-facts.js';
import { SECURE_ADVICE } from '../../rules/fix-advice.js';
import type { TraceRule } from '../trace-rule.js';

/**
 * `sent-over-http`: a request to a plain-http URL that is not localhost carried the session
 * cookie, in clear text for anyone on the path. Sources: OWASP Session Management, ASVS 4 3.4.1.
 */
export const sentOverHttp: TraceRule = {
  id: 'sent-over-http',
  deduction: 0,
  cap: 'F',
  explain: ({ observations, carried }) => {
    const hosts = new Set<string>();
    let count = 0;
    observations.forEach((observation, index) => {
      if (carried[index] === undefined) return;
      const host = plainHttpHostOf(observation);
      if (host === '') return;
      hosts.add(host);
      count++;
    });
    return count === 0
      ? null
      : `The session cookie was sent over plain http to ${[...hosts].join(', ')} (${count} ${count === 1 ? 'request' : 'requests'}): anyone on the network path can read it.`;
  },
  fix: SECURE_ADVICE,
};
