import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { rejectedPrefix } from './rejected-prefix.js';

describe('rejected-prefix', () => {
  it('fires for __Secure- without Secure', () => {
    expect(explain(rejectedPrefix, '__Secure-sid=1; Path=/')).toMatch(/__Secure-/);
  });
  it('fires for __Host- without Secure, with Domain, or without Path=/', () => {
    expect(explain(rejectedPrefix, '__Host-sid=1; Path=/')).toMatch(/no Secure/);
    expect(explain(rejectedPrefix, '__Host-sid=1; Secure; Path=/; Domain=app.example.com')).toMatch(/Domain/);
    expect(explain(rejectedPrefix, '__Host-sid=1; Secure')).toMatch(/Path is not/);
    expect(explain(rejectedPrefix, '__Host-sid=1; Secure; Path=/app')).toMatch(/Path is not/);
  });
  it('matches the prefix case-insensitively', () => {
    expect(explain(rejectedPrefix, '__host-sid=1; Path=/')).toMatch(/__Host-/);
  });
  it('fires for a nameless cookie with a prefixed value', () => {
    expect(explain(rejectedPrefix, '__Host-sid; Secure; Path=/')).toMatch(/empty name/);
  });
  it('fires for __Http- without Secure or HttpOnly, and __Host-Http- lacking any of its four conditions (rubric 2)', () => {
    expect(explain(rejectedPrefix, '__Http-sid=1; Secure; Path=/')).toMatch(/no HttpOnly/);
    expect(explain(rejectedPrefix, '__Http-sid=1; HttpOnly')).toMatch(/no Secure/);
    expect(explain(rejectedPrefix, '__Host-Http-sid=1; Secure; Path=/')).toMatch(/no HttpOnly/);
    expect(explain(rejectedPrefix, '__Host-Http-sid=1; Secure; HttpOnly; Path=/; Domain=app.example.com')).toMatch(/Domain/);
    expect(explain(rejectedPrefix, '__Host-Http-sid=1; Secure; HttpOnly')).toMatch(/Path is not/);
    expect(explain(rejectedPrefix, '__http-sid=1; Secure')).toMatch(/__Http-/);
    expect(explain(rejectedPrefix, '__Http-sid; Secure; HttpOnly')).toMatch(/empty name/);
  });
  it('does not fire for valid prefixed cookies or unprefixed ones', () => {
    expect(explain(rejectedPrefix, '__Http-sid=1; Secure; HttpOnly; Domain=example.com; Path=/app')).toBeNull();
    expect(explain(rejectedPrefix, '__Host-Http-sid=1; Secure; HttpOnly; Path=/')).toBeNull();
    expect(explain(rejectedPrefix, '__Host-sid=1; Secure; Path=/')).toBeNull();
    expect(explain(rejectedPrefix, '__Secure-sid=1; Secure; Domain=example.com')).toBeNull();
    expect(explain(rejectedPrefix, 'sid=1')).toBeNull();
  });
});
