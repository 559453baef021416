import { describe, expect, it } from 'vitest';
import { ExactHeaders, MAX_KEPT_HOPS } from './exact-headers.js';
import type { Observation } from './observation.js';

const T0 = Date.UTC(2026, 11, 6, 12);

function reported(method: string, url: string, time: number, cookie?: string, setCookies: readonly string[] = []): Observation {
  return {
    url,
    method,
    requestHeaders: [{ name: 'Accept', value: '*/*' }, ...(cookie === undefined ? [] : [{ name: 'cookie', value: cookie }])],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: [{ name: 'Content-Type', value: 'text/html' }, ...setCookies.map((value) => ({ name: 'set-cookie', value }))],
    time,
  };
}

describe('ExactHeaders', () => {
  it('gives an exchange the Cookie header and Set-Cookie lines its request really sent and received', () => {
    const exact = new ExactHeaders();
    exact.sent('1', 'POST', 'https://app.test/login', T0 + 5, 'sid=before');
    exact.received('1', ['sid=after; Path=/; HttpOnly', 'theme=dark']);
    // DevTools reported the login without either (a fast navigation, HTTP/2).
    const joined = exact.join(reported('POST', 'https://app.test/login', T0));
    expect(joined.requestHeaders).toEqual([
      { name: 'Accept', value: '*/*' },
      { name: 'Cookie', value: 'sid=before' },
    ]);
    expect(joined.responseHeaders).toEqual([
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Set-Cookie', value: 'sid=after; Path=/; HttpOnly' },
      { name: 'Set-Cookie', value: 'theme=dark' },
    ]);
    expect(exact.size).toBe(0);
  });

  it('joins each hop of a redirect chain (one request id) to its own exchange', () => {
    const exact = new ExactHeaders();
    exact.sent('7', 'POST', 'https://app.test/login', T0, 'sid=a');
    exact.received('7', ['sid=b; Path=/']);
    exact.sent('7', 'GET', 'https://app.test/profile', T0 + 20, 'sid=b');
    exact.received('7', []);
    const profile = exact.join(reported('GET', 'https://app.test/profile', T0 + 15));
    const login = exact.join(reported('POST', 'https://app.test/login', T0));
    expect(login.responseHeaders.filter((header) => header.name === 'Set-Cookie').map((header) => header.value)).toEqual(['sid=b; Path=/']);
    expect(profile.requestHeaders.find((header) => header.name === 'Cookie')?.value).toBe('sid=b');
  });

  it('removes a Cookie header DevTools reported when the request sent none, and keeps DevTools Set-Cookie lines until the response came', () => {
    const exact = new ExactHeaders();
    exact.sent('2', 'GET', 'https://app.test/', T0, null);
    const joined = exact.join(reported('GET', 'https://app.test/', T0, 'sid=x', ['a=1']));
    expect(joined.requestHeaders.some((header) => header.name.toLowerCase() === 'cookie')).toBe(false);
    expect(joined.responseHeaders.filter((header) => header.name.toLowerCase() === 'set-cookie').map((header) => header.value)).toEqual(['a=1']);
  });

  it('leaves an exchange with no hop of its method and URL, or none sent near its start, as reported', () => {
    const exact = new ExactHeaders();
    exact.sent('3', 'GET', 'https://app.test/a', T0, 'sid=1');
    const other = reported('GET', 'https://other.test/a', T0, 'x=1');
    expect(exact.join(other)).toBe(other);
    const post = reported('POST', 'https://app.test/a', T0);
    expect(exact.join(post)).toBe(post);
    const muchLater = reported('GET', 'https://app.test/a', T0 + 10 * 60_000);
    expect(exact.join(muchLater)).toBe(muchLater);
    expect(exact.size).toBe(1);
  });

  it('joins two requests to one URL each to the hop sent soonest after it started', () => {
    const exact = new ExactHeaders();
    exact.sent('4', 'GET', 'https://app.test/api', T0 + 10, 'sid=first');
    exact.sent('5', 'GET', 'https://app.test/api', T0 + 2010, 'sid=second');
    const second = exact.join(reported('GET', 'https://app.test/api', T0 + 2000));
    const first = exact.join(reported('GET', 'https://app.test/api', T0));
    expect(second.requestHeaders.at(-1)?.value).toBe('sid=second');
    expect(first.requestHeaders.at(-1)?.value).toBe('sid=first');
  });

  it('keeps at most MAX_KEPT_HOPS hops, forgetting the oldest', () => {
    const exact = new ExactHeaders();
    for (let index = 0; index <= MAX_KEPT_HOPS; index++) exact.sent(String(index), 'GET', `https://app.test/${index}`, T0 + index, 'sid=1');
    expect(exact.size).toBe(MAX_KEPT_HOPS);
    const oldest = reported('GET', 'https://app.test/0', T0);
    expect(exact.join(oldest)).toBe(oldest);
    exact.received('0', ['late=1']);
    expect(exact.join(reported('GET', `https://app.test/${MAX_KEPT_HOPS}`, T0 + MAX_KEPT_HOPS)).requestHeaders.at(-1)?.value).toBe('sid=1');
  });
});

describe('ExactHeaders.joinWhenComplete', () => {
  it('joins only once the hop was sent and its response received, and then claims it', () => {
    const exact = new ExactHeaders();
    const login = reported('POST', 'https://app.test/login', T0);
    expect(exact.joinWhenComplete(login)).toBeNull();
    exact.sent('1', 'POST', 'https://app.test/login', T0 + 1, 'sid=a');
    expect(exact.joinWhenComplete(login)).toBeNull();
    exact.received('1', ['sid=b']);
    expect(exact.joinWhenComplete(login)?.requestHeaders.at(-1)).toEqual({ name: 'Cookie', value: 'sid=a' });
    expect(exact.size).toBe(0);
  });
});
