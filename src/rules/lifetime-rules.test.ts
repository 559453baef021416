import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { lifetimeDay, lifetimeHour, lifetimeOverCap, lifetimeWeek } from './lifetime-rules.js';

const HOUR = 3600;
const DAY = 24 * HOUR;

describe('lifetime rules', () => {
  it('lifetime-hour fires above one hour up to one day', () => {
    expect(explain(lifetimeHour, `sid=1; Max-Age=${HOUR + 1}`)).toMatch(/lives/);
    expect(explain(lifetimeHour, `sid=1; Max-Age=${DAY}`)).not.toBeNull();
    expect(explain(lifetimeHour, `sid=1; Max-Age=${HOUR}`)).toBeNull();
    expect(explain(lifetimeHour, `sid=1; Max-Age=${DAY + 1}`)).toBeNull();
  });
  it('lifetime-day fires above one day up to seven', () => {
    expect(explain(lifetimeDay, `sid=1; Max-Age=${DAY + 1}`)).not.toBeNull();
    expect(explain(lifetimeDay, `sid=1; Max-Age=${7 * DAY}`)).not.toBeNull();
    expect(explain(lifetimeDay, `sid=1; Max-Age=${DAY}`)).toBeNull();
  });
  it('lifetime-week fires above seven days', () => {
    expect(explain(lifetimeWeek, `sid=1; Max-Age=${7 * DAY + 1}`)).not.toBeNull();
    expect(explain(lifetimeWeek, `sid=1; Max-Age=${7 * DAY}`)).toBeNull();
  });
  it('lifetime-over-cap fires above 400 days, along with lifetime-week', () => {
    expect(explain(lifetimeOverCap, `sid=1; Max-Age=${400 * DAY + 1}`)).toMatch(/400-day/);
    expect(explain(lifetimeWeek, `sid=1; Max-Age=${400 * DAY + 1}`)).not.toBeNull();
    expect(explain(lifetimeOverCap, `sid=1; Max-Age=${400 * DAY}`)).toBeNull();
  });
  it('measures Expires from the Date header', () => {
    const shape = { headers: { Date: 'Thu, 01 Jan 2026 00:00:00 GMT' } };
    expect(explain(lifetimeHour, 'sid=1; Expires=Thu, 01 Jan 2026 02:00:00 GMT', shape)).toMatch(/2 h/);
  });
  it('lets Max-Age win over Expires', () => {
    expect(explain(lifetimeWeek, 'sid=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT; Max-Age=60')).toBeNull();
  });
  it('does not fire for a browser-session cookie', () => {
    for (const rule of [lifetimeHour, lifetimeDay, lifetimeWeek, lifetimeOverCap]) expect(explain(rule, 'sid=1')).toBeNull();
  });
});
