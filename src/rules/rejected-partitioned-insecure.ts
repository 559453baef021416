import { defineCookieRule } from './cookie-rule.js';
import { everyFramework } from './fix-advice.js';

/**
 * `rejected-partitioned-insecure`: Partitioned without Secure is dropped.
 * Sources: CHIPS (draft-cutler-httpbis-partitioned-cookies), Firefox
 * CookieRejectedPartitionedRequiresSecure.
 */
export const rejectedPartitionedInsecure = defineCookieRule({
  id: 'rejected-partitioned-insecure',
  deduction: 0,
  cap: 'F',
  evidence: ['set'],
  doc: {
    when: 'Partitioned without Secure.',
    why: 'Browsers drop partitioned cookies that are not Secure.',
    sources: 'CHIPS; Firefox CookieRejectedPartitionedRequiresSecure',
  },
  snippet: 'cookie: { partitioned: true, secure: true }',
  explain: ({ cookie }) => (cookie.partitioned && !cookie.secure ? 'Partitioned without Secure: the browser rejects this cookie.' : null),
  fix: everyFramework('Use `cookie: { partitioned: true, secure: true }`, or drop `partitioned`.', 'Set Secure whenever Partitioned is set.'),
});
