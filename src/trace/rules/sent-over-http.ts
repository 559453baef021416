import { plainHttpHostOf } from '../observation-facts.js';
import { SECURE_ADVICE } from '../../rules/fix-advice.js';
import type { TraceRule } from '../trace-rule.js';

interface SentOverHttp {
  readonly hosts: Set<string>;
  count: number;
}

/**
 * `sent-over-http`: a request to a plain-http URL that is not localhost carried the session
 * cookie, in clear text for anyone on the path. Sources: OWASP Session Management, ASVS 4 3.4.1.
 */
export const sentOverHttp: TraceRule<SentOverHttp> = {
  id: 'sent-over-http',
  deduction: 0,
  cap: 'F',
  start: () => ({ hosts: new Set(), count: 0 }),
  step: (state, { observation, carried }) => {
    if (carried === undefined) return;
    const host = plainHttpHostOf(observation);
    if (host === '') return;
    state.hosts.add(host);
    state.count++;
  },
  explain: ({ hosts, count }) =>
    count === 0
      ? null
      : `The session cookie was sent over plain http to ${[...hosts].join(', ')} (${count} ${count === 1 ? 'request' : 'requests'}): anyone on the network path can read it.`,
  fix: SECURE_ADVICE,
};
