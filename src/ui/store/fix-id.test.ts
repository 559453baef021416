import { describe, expect, it } from 'vitest';
import { fixId } from './fix-id.js';

describe('fixId', () => {
  it('gives equal advice the same number, whatever the object, and other advice another', () => {
    const advice = { 'express-session': 'Use `secure: true`.', generic: 'Set Secure.' };
    expect(fixId(advice)).toBe(fixId({ ...advice }));
    expect(fixId(advice)).not.toBe(fixId({ ...advice, generic: 'Set HttpOnly.' }));
  });
});
