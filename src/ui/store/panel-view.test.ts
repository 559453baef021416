import { describe, expect, it } from 'vitest';
import { gradeObservations } from '../../grade/grade-observations.js';
import { exchange } from '../../../test/support/trace-builder.js';
import { buildPanelView } from './panel-view.js';

function cardFor(setCookie: string) {
  const observations = [exchange('GET', 'https://app.example.com/', { setCookie: [setCookie] })];
  const view = buildPanelView({ trace: gradeObservations(observations), observations, site: 'example.com', marks: new Map(), revealValues: false, filter: '', dropped: 0 });
  const card = [...view.sessionCards, ...view.otherCards][0];
  if (card === undefined) throw new Error('no card');
  return Object.fromEntries(card.attributes.map((attribute) => [attribute.label, attribute.value]));
}

describe('the card attributes', () => {
  it('show the entropy estimate and what each browser does', () => {
    const attributes = cardFor('connect.sid=s%3AXk2Q9fYt-3nB_0aLp7ZcR1mVw8eJ4hUd.sig; Path=/; HttpOnly; Secure');
    expect(attributes.Entropy).toMatch(/^about \d+ bits$/);
    expect(attributes).toMatchObject({ Chromium: 'stores it', Firefox: 'stores it' });
  });

  it('say which browser drops the line, and which stores it differently', () => {
    expect(cardFor('sid=a\tb; Path=/; HttpOnly; Secure')).toMatchObject({ Chromium: 'drops it', Firefox: 'stores it' });
    expect(cardFor('sid=abc; Secure; Max-Age=+60')).toMatchObject({ Chromium: 'stores it differently (see notes)', Firefox: 'stores it' });
  });
});
