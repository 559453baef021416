import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../observation/observation.js';
import { gradeObservations, type TraceGrade } from './grade-observations.js';
import { IncrementalGrader } from './incremental-grader.js';

const IDS = ['Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUdQ2', 'B4E6D8F0A2C4E6D8F0A2C4E6D8F0A2C4', '7C3A9F1E2B8D4C6A0E5F7B9D1C3A5E7F'];
const SET_COOKIES = [
  (id: string) => `sid=${id}; HttpOnly; Path=/`,
  (id: string) => `connect.sid=s%3A${id}.c2lnbmF0dXJl; Path=/; HttpOnly; Secure`,
  (id: string) => `sess=${id}; Path=/account`,
  () => 'sess.sig=c2lnbmF0dXJlc2lnbmF0dXJl',
  () => 'sid=; Max-Age=0; Path=/',
  () => 'pref=dark',
  (id: string) => `JSESSIONID=${id}; Path=/`,
];
const NAMES = ['sid', 'connect.sid', 'sess', 'sess.sig', 'pref', 'JSESSIONID', 'orphan'];

const exchangeArbitrary = fc.record({
  origin: fc.constantFrom('https://app.example.com', 'http://app.example.com'),
  path: fc.constantFrom('/', '/login', '/logout', '/account/page', '/search?q=ID', '/a;jsessionid=ID'),
  method: fc.constantFrom('GET', 'POST'),
  status: fc.constantFrom(200, 200, 302, 401),
  location: fc.constantFrom('/account/page', '/', '/login'),
  id: fc.constantFrom(...IDS),
  sent: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }),
  sentId: fc.constantFrom(...IDS),
  set: fc.array(fc.constantFrom(...SET_COOKIES.keys()), { maxLength: 2 }),
});

type Exchange = typeof exchangeArbitrary extends fc.Arbitrary<infer T> ? T : never;

function toObservations(exchanges: readonly Exchange[]): Observation[] {
  return exchanges.map((exchange, index) => ({
    url: `${exchange.origin}${exchange.path.replace('ID', exchange.sentId)}`,
    method: exchange.method,
    requestHeaders: exchange.sent.length > 0 ? [{ name: 'Cookie', value: exchange.sent.map((name) => `${name}=${exchange.sentId}`).join('; ') }] : [],
    requestBodyParamNames: exchange.method === 'POST' ? ['username', 'password'] : null,
    status: exchange.status,
    responseHeaders: [
      ...(exchange.status === 302 ? [{ name: 'Location', value: exchange.location }] : []),
      ...exchange.set.map((which) => ({ name: 'Set-Cookie', value: (SET_COOKIES[which] as (id: string) => string)(exchange.id) })),
    ],
    time: Date.UTC(2026, 11, 1) + index * 1000,
  }));
}

/** Grades `observations` batch by batch (of the sizes given, in turn), calling `each` with the grade and how many are graded. */
function gradeInBatches(observations: readonly Observation[], sizes: readonly number[], each: (trace: TraceGrade, done: number) => void): void {
  const grader = new IncrementalGrader();
  let done = 0;
  for (let batch = 0; done < observations.length; batch++) {
    const size = sizes[batch % sizes.length] as number;
    const trace = grader.append(observations.slice(done, done + size));
    done = Math.min(done + size, observations.length);
    each(trace, done);
  }
}

describe('IncrementalGrader', () => {
  it('gives exactly the grade of the whole trace after every batch (property)', () => {
    fc.assert(
      fc.property(
        fc.array(exchangeArbitrary, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
        (exchanges, sizes) => {
          const observations = toObservations(exchanges);
          gradeInBatches(observations, sizes, (trace, done) => expect(trace).toEqual(gradeObservations(observations.slice(0, done))));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never changes a grade it handed out, however the trace grows afterwards (property)', () => {
    fc.assert(
      fc.property(
        fc.array(exchangeArbitrary, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
        (exchanges, sizes) => {
          const handedOut: { readonly trace: TraceGrade; readonly copy: TraceGrade }[] = [];
          gradeInBatches(toObservations(exchanges), sizes, (trace) => handedOut.push({ trace, copy: structuredClone(trace) }));
          for (const { trace, copy } of handedOut) expect(trace).toEqual(copy);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('re-grades a cookie that the batch does not carry when its id shows up in a URL', () => {
    const grader = new IncrementalGrader();
    const [first, second] = toObservations([
      {
        origin: 'https://app.example.com',
        path: '/',
        method: 'GET',
        status: 200,
        location: '/',
        id: IDS[0] as string,
        sent: [],
        sentId: IDS[0] as string,
        set: [0],
      },
      {
        origin: 'https://app.example.com',
        path: '/search?q=ID',
        method: 'GET',
        status: 200,
        location: '/',
        id: IDS[0] as string,
        sent: [],
        sentId: IDS[0] as string,
        set: [],
      },
    ]) as [Observation, Observation];
    expect(grader.append([first]).cookies[0]?.findings.map((finding) => finding.id)).not.toContain('id-in-url');
    expect(grader.append([second]).cookies[0]?.findings.map((finding) => finding.id)).toContain('id-in-url');
  });

  it('re-grades the cookies of a login when a later batch brings the end of its redirect chain', () => {
    const login: Observation = {
      url: 'https://app.example.com/login',
      method: 'POST',
      requestHeaders: [],
      requestBodyParamNames: ['password'],
      status: 302,
      responseHeaders: [
        { name: 'Location', value: '/account/page' },
        { name: 'Set-Cookie', value: `zz=${IDS[1]}; Path=/` },
      ],
      time: Date.UTC(2026, 11, 1),
    };
    const refused: Observation = {
      ...login,
      url: 'https://app.example.com/account/page',
      method: 'GET',
      requestBodyParamNames: null,
      status: 401,
      responseHeaders: [],
      time: login.time + 1000,
    };
    const grader = new IncrementalGrader();
    expect(grader.append([login]).cookies[0]?.session.reason).toBe('login-response');
    expect(grader.append([refused])).toEqual(gradeObservations([login, refused]));
    expect(grader.trace.cookies[0]?.session.isSession).toBe(false);
  });
});
