import { describe, expect, it } from 'vitest';
import { exchange } from '../../test/support/trace-builder.js';
import { IdOccurrences } from './id-occurrences.js';

const A = 'Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUdQ2';
const B = `${A}EXTRA`;
const SITE = 'https://app.example.com';

describe('IdOccurrences', () => {
  it('finds a tracked id in later exchanges, and a newly tracked one in the exchanges already seen', () => {
    const occurrences = new IdOccurrences();
    occurrences.append([exchange('GET', `${SITE}/go`, { location: `/next?sid=${A}` })]);
    expect(occurrences.placesOf([A], false)).toEqual(['a Location header']);
    expect([...occurrences.append([exchange('GET', `${SITE}/x?sid=${encodeURIComponent(`s:${A}`)}`), exchange('GET', `${SITE}/y`)])]).toEqual([A]);
    expect(occurrences.placesOf([A], false)).toEqual(['a Location header', 'a request URL']);
  });

  it('credits every id a span holds: one inside another', () => {
    const occurrences = new IdOccurrences();
    occurrences.append([exchange('GET', `${SITE}/?t=${B}`)]);
    occurrences.track([A, B]);
    expect(occurrences.placesOf([A], false)).toEqual(['a request URL']);
    expect(occurrences.placesOf([B], false)).toEqual(['a request URL']);
  });

  it('gives ;jsessionid= in a path only to a cookie that asks for it, in trace order', () => {
    const occurrences = new IdOccurrences();
    occurrences.append([exchange('GET', `${SITE}/shop;jsessionid=ABC`), exchange('GET', 'https://cdn.example.net/a.js', { referer: `${SITE}/?s=${A}` })]);
    expect(occurrences.placesOf([A], true)).toEqual(['the URL path (;jsessionid=)', 'a Referer header']);
    expect(occurrences.placesOf([A], false)).toEqual(['a Referer header']);
    expect(occurrences.placesOf(['short'], false)).toEqual([]);
  });
});
