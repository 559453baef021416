import { describe, expect, it } from 'vitest';
import { gradeObservations } from '../../grade/grade-observations.js';
import { exchange } from '../../../test/support/trace-builder.js';
import { IncrementalGrader } from '../../grade/incremental-grader.js';
import { createPanelCaches } from './panel-caches.js';
import { buildPanelView } from './panel-view.js';

function cardFor(setCookie: string) {
  const observations = [exchange('GET', 'https://app.example.com/', { setCookie: [setCookie] })];
  const view = buildPanelView(
    {
      trace: gradeObservations(observations, { site: 'example.com' }),
      observationCount: observations.length,
      marks: new Map(),
      revealValues: false,
      filter: '',
      dropped: 0,
    },
    createPanelCaches(),
  );
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

describe('the cards across batches', () => {
  it('keeps the card of a cookie no batch touched (the same object), and builds it again when its grade or mark changed', () => {
    const observations = [
      exchange('GET', 'https://app.example.com/', { setCookie: ['sid=Xk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12; Path=/; HttpOnly; Secure', 'theme=dark; Path=/'] }),
    ];
    const grader = new IncrementalGrader();
    grader.append(observations);
    const input = { observationCount: observations.length, marks: new Map(), revealValues: false, filter: '', dropped: 0 };
    const cards = (view: ReturnType<typeof buildPanelView>) => new Map([...view.sessionCards, ...view.otherCards].map((card) => [card.name, card]));
    const caches = createPanelCaches();
    const before = cards(buildPanelView({ ...input, trace: grader.trace }, caches));
    // A batch that sends only theme: sid's grade is kept, theme's is new.
    grader.append([exchange('GET', 'https://app.example.com/next', { cookie: 'theme=dark' })]);
    const after = cards(buildPanelView({ ...input, trace: grader.trace }, caches));
    expect(after.get('sid')).toBe(before.get('sid'));
    expect(after.get('theme')).not.toBe(before.get('theme'));
    const marked = cards(buildPanelView({ ...input, trace: grader.trace, marks: new Map([['sid', 'not-session' as const]]) }, caches));
    expect(marked.get('sid')).not.toBe(after.get('sid'));
    expect(marked.get('sid')?.mark).toBe('not-session');
    // Another panel's caches know none of these cards.
    expect(cards(buildPanelView({ ...input, trace: grader.trace }, createPanelCaches())).get('sid')).not.toBe(after.get('sid'));
  });
});
