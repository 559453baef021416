import { describe, expect, it } from 'vitest';
import { exchange } from '../../test/support/trace-builder.js';
import { gradeObservations } from '../grade/grade-observations.js';
import { SITE, OLD, NEW, ATTRIBUTES, visit } from '../../test/support/trace-rule-harness.js';

describe('the timeline', () => {
  it('records set, sent, refreshed, rotated and cleared, with the request that did it', () => {
    const trace = [
      visit,
      exchange('GET', `${SITE}/a`, { cookie: `sid=${OLD}` }),
      exchange('GET', `${SITE}/b`, { cookie: `sid=${OLD}`, setCookie: [`sid=${OLD}; ${ATTRIBUTES}`] }),
      exchange('POST', `${SITE}/login`, { cookie: `sid=${OLD}`, body: ['password'], setCookie: [`sid=${NEW}; ${ATTRIBUTES}`] }),
      exchange('POST', `${SITE}/logout`, { cookie: `sid=${NEW}`, setCookie: ['sid=; Path=/; Max-Age=0'] }),
    ];
    const events = gradeObservations(trace).cookies.find((cookie) => !cookie.deletion)?.timeline;
    expect(events?.map((event) => [event.type, event.method, new URL(event.url).pathname, event.count])).toEqual([
      ['set', 'GET', '/', 1],
      ['sent', 'GET', '/a', 2],
      ['refreshed', 'GET', '/b', 1],
      ['sent', 'POST', '/login', 1],
      ['rotated', 'POST', '/login', 1],
      ['sent', 'POST', '/logout', 1],
      ['cleared', 'POST', '/logout', 1],
    ]);
  });
});
