import { describe, expect, it } from 'vitest';
import type { Observation } from '../../observation/observation.js';
import { slimObservation } from './slim-observation.js';

function exchange(cookie: string, name = 'Cookie'): Observation {
  return {
    url: 'https://app.example/api',
    method: 'GET',
    requestHeaders: [
      { name, value: cookie },
      { name: 'User-Agent', value: 'a browser' },
    ],
    requestBodyParamNames: null,
    status: 200,
    responseHeaders: [
      { name: 'Content-Type', value: 'application/json' },
      { name: 'Set-Cookie', value: 'sid=1; Path=/' },
    ],
    time: 0,
  };
}

describe('slimObservation', () => {
  it('keeps only the headers grading reads', () => {
    const slim = slimObservation(exchange('sid=1'), new Map());
    expect(slim.requestHeaders).toEqual([{ name: 'Cookie', value: 'sid=1' }]);
    expect(slim.responseHeaders).toEqual([{ name: 'Set-Cookie', value: 'sid=1; Path=/' }]);
  });

  it('keeps one copy of a header that every request repeats, and each spelling of its name', () => {
    const header = `sid=${'x'.repeat(40)}; theme=dark`;
    const pool = new Map();
    const first = slimObservation(exchange(header), pool);
    const second = slimObservation(exchange(`${header}`.slice(0)), pool);
    expect(second.requestHeaders[0]).toBe(first.requestHeaders[0]);
    expect(slimObservation(exchange(header), new Map()).requestHeaders[0]).not.toBe(first.requestHeaders[0]);
    expect(slimObservation(exchange(header, 'cookie'), pool).requestHeaders).toEqual([{ name: 'cookie', value: header }]);
  });
});
