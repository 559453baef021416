import { plainHttpHostOf } from '../observation-facts.js';
import { SECURE_ADVICE } from '../../rules/fix-advice.js';
import { defineTraceRule } from '../trace-rule.js';

interface SentOverHttp {
  readonly hosts: Set<string>;
  count: number;
}

/**
 * `sent-over-http`: a request to a plain-http URL that is not localhost carried the session
 * cookie, in clear text for anyone on the path. Sources: OWASP Session Management, ASVS 4 3.4.1.
 */
export const sentOverHttp = defineTraceRule<SentOverHttp>({
  id: 'sent-over-http',
  deduction: 0,
  cap: 'F',
  doc: {
    when: 'A request to a plain-http URL (not localhost) carried the session cookie.',
    why: 'The id crossed the network in clear text.',
    sources: 'OWASP Session Management; ASVS 4 3.4.1',
  },
  snippet: "app.set('trust proxy', 1); // only behind a TLS-terminating proxy\napp.use(session({ cookie: { secure: true } }));",
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
});
