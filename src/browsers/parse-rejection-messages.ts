import type { ParseRejection } from '../core/parsed-set-cookie.js';

/** Why a browser ignores a whole line (RFC 6265bis 5.6 steps 1-6, and the measured departures). */
export const PARSE_REJECTION_MESSAGES: Readonly<Record<ParseRejection, string>> = {
  'control-character': 'The header contains a control character: browsers ignore the whole line.',
  'empty-name-and-value': 'The cookie has neither a name nor a value: browsers ignore it.',
  'nameless-prefixed-value': 'The cookie has no name and a prefixed value: browsers ignore it.',
  'tab-in-name-or-value': 'The name or value contains a tab: Chromium ignores the whole line (the draft allows a tab).',
  'tab-in-attribute': 'An attribute contains a tab: Chromium ignores the whole line (the draft allows a tab).',
  'nameless-value-with-equals': 'The cookie has no name and its value contains "=" (`=a=b`): Chromium ignores it, as it would read back as a name.',
  'nameless-with-equals': 'The cookie has an empty name written with "=" (`=value`): Firefox ignores it.',
};
