import { buildValueIndex, valueForms } from '../../core/value-index.js';
import { everyFramework } from '../../rules/fix-advice.js';
import { placedUrlsOf } from '../observation-facts.js';
import type { TraceRule } from '../trace-rule.js';

/**
 * `id-in-url`: the session id appears in a request URL, a Referer or a Location header, or the
 * path carries `;jsessionid=` (URL rewriting). URLs end up in logs, history and other sites'
 * Referer. Sources: ZAP 3, ASVS 4 3.1.1, ASVS 5 14.2.1.
 */
/** Up to this many forms, native substring search beats walking the automaton over each URL. */
const MAX_FORMS_SEARCHED_DIRECTLY = 24;

/**
 * Whether a text holds one of the ids in any form (rubric section 7's value index): a few forms
 * are searched directly; more go through one automaton, one pass per text however many ids.
 */
function idMatcher(values: readonly string[]): { occursIn(text: string): boolean } {
  const forms = values.flatMap((value) => valueForms(value));
  if (forms.length > MAX_FORMS_SEARCHED_DIRECTLY) return buildValueIndex(values);
  return { occursIn: (text) => forms.some((form) => text.includes(form)) };
}

interface IdInUrl {
  readonly ids: { occursIn(text: string): boolean };
  readonly rewritesUrls: boolean;
  readonly places: Set<string>;
}

export const idInUrl: TraceRule<IdInUrl> = {
  id: 'id-in-url',
  deduction: 0,
  cap: 'F',
  // The ids are those known when the fold starts: a new id starts the cookie's fold again.
  start: ({ ids, identity }) => ({ ids: idMatcher(ids), rewritesUrls: identity.name.toLowerCase() === 'jsessionid', places: new Set() }),
  step: ({ ids, rewritesUrls, places }, { observation }) => {
    for (const url of placedUrlsOf(observation)) {
      if (!places.has(url.place) && ids.occursIn(url.text)) places.add(url.place);
    }
    if (rewritesUrls && /;jsessionid=/i.test(observation.url)) places.add('the URL path (;jsessionid=)');
  },
  explain: ({ places }) =>
    places.size === 0
      ? null
      : `The session id appears in ${[...places].join(', ')}: URLs end up in logs, browser history and other sites' Referer, and whoever reads one can take over the session.`,
  fix: {
    ...everyFramework(
      'Never put `req.sessionID` or the cookie value in links or redirects; the cookie alone carries the session.',
      'Never put the session id in URLs; let the cookie alone carry it.',
    ),
    php: 'Set `session.use_only_cookies = 1`, `session.use_strict_mode = 1` and `session.use_trans_sid = 0` in php.ini.',
    'java-servlet': 'Add `<tracking-mode>COOKIE</tracking-mode>` to `<session-config>` in web.xml (no URL rewriting).',
    'spring-session': 'Set `server.servlet.session.tracking-modes=cookie`.',
  },
};
