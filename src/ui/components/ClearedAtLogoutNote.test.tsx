// @vitest-environment happy-dom
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { exchange } from '../../../test/support/trace-builder.js';
import { gradeObservations } from '../../grade/grade-observations.js';
import type { Observation } from '../../observation/observation.js';
import { createPanelCaches } from '../store/panel-caches.js';
import { buildPanelView } from '../store/panel-view.js';
import { ACTIVE_CHECK_COMMAND, clearedAtLogout, ClearedAtLogoutNote } from './ClearedAtLogoutNote.js';
import { CookieCard } from './CookieCard.js';

const ID = 's%3AXk2Q9fYt3nB0aLp7ZcR1mVw8eJ4hUd12.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl';
const DELETE = 'connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT';

/** The session cards of a login and then a request at `clearingPath` whose response deletes the cookie. */
function cardsClearedAt(clearingPath: string) {
  const observations: Observation[] = [
    exchange('POST', 'https://app.example.com/login', { setCookie: [`connect.sid=${ID}; Path=/; HttpOnly; Secure`] }),
    exchange('POST', `https://app.example.com${clearingPath}`, { cookie: `connect.sid=${ID}`, setCookie: [DELETE] }),
  ];
  const input = { trace: gradeObservations(observations), observationCount: 2, marks: new Map(), revealValues: false, filter: '', dropped: 0 };
  return buildPanelView(input, createPanelCaches()).sessionCards;
}

describe('the note on a session cookie cleared at logout', () => {
  it('is for the card of the deletion a logout made, and no other card', () => {
    const cards = cardsClearedAt('/logout');
    expect(cards.map((card) => [card.deletion, clearedAtLogout(card)])).toEqual([
      [false, false],
      [true, true],
    ]);
  });

  it('is not shown where another request deleted the cookie', () => {
    expect(cardsClearedAt('/settings/reset').some(clearedAtLogout)).toBe(false);
  });

  it('says that clearing is not ending the session, and gives the --active command and the rule', () => {
    const { container } = render(<ClearedAtLogoutNote rulesPageUrl="rules.html" />);
    expect(container.textContent).toContain('Clearing the cookie is not ending the session.');
    expect(container.querySelector('code')?.textContent).toBe(ACTIVE_CHECK_COMMAND);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('rules.html#session-alive-after-logout');
  });

  it('shows on the card, beside what cleared it', () => {
    const [live, deletion] = cardsClearedAt('/logout');
    const shown = (card: typeof live) =>
      render(<CookieCard card={card as NonNullable<typeof live>} onMark={() => {}} copy={() => Promise.resolve(true)} />).container.querySelector(
        '.cleared-at-logout',
      );
    expect(shown(deletion)).not.toBeNull();
    expect(shown(live)).toBeNull();
  });
});
