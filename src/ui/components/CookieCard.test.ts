import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/support/trace-builder.js';
import { gradeObservations } from '../../grade/grade-observations.js';
import { createPanelCaches } from '../store/panel-caches.js';
import { buildPanelView, type CookieCardView } from '../store/panel-view.js';
import { sameFindingsAndFixes } from './CookieCard.js';

function sessionCard(setCookie: string, path = '/'): CookieCardView {
  const observations = [exchange('GET', `https://app.example.com${path}`, { setCookie: [setCookie] })];
  const input = { trace: gradeObservations(observations), observationCount: 1, marks: new Map(), revealValues: false, filter: '', dropped: 0 };
  const card = buildPanelView(input, createPanelCaches()).sessionCards[0];
  if (card === undefined) throw new Error('no session card');
  return card;
}

describe('sameFindingsAndFixes', () => {
  const line = 'connect.sid=s%3AXk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl; Path=/; HttpOnly';

  it('holds for cards of equal findings and fixes built apart, whatever else differs (the URL that set it)', () => {
    const first = sessionCard(line, '/');
    const second = sessionCard(line, '/elsewhere');
    expect(second).not.toBe(first);
    expect(sameFindingsAndFixes(first, second)).toBe(true);
  });

  it('fails when a finding or an attribute changed', () => {
    expect(sameFindingsAndFixes(sessionCard(line), sessionCard(`${line}; Secure`))).toBe(false);
  });
});
