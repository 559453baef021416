import { describe, expect, it } from 'vitest';
import { createPanelCaches, fixNumber } from './panel-caches.js';

describe('fixNumber', () => {
  it('gives equal advice the same number, whatever the object or key order, and other advice another', () => {
    const caches = createPanelCaches();
    const advice = { 'express-session': 'Use `secure: true`.', django: 'SESSION_COOKIE_SECURE = True' };
    expect(fixNumber(caches, advice)).toBe(fixNumber(caches, { django: advice.django, 'express-session': advice['express-session'] }));
    expect(fixNumber(caches, advice)).not.toBe(fixNumber(caches, { ...advice, django: 'SESSION_COOKIE_HTTPONLY = True' }));
    // Text that only a separator would tell apart.
    expect(fixNumber(caches, { a: 'b\u0000c' })).not.toBe(fixNumber(caches, { a: 'b', c: '' }));
  });
});
