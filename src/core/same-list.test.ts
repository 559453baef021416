import { describe, expect, it } from 'vitest';
import { sameList } from './same-list.js';

describe('sameList', () => {
  it('compares items in order, by value or by the comparison given', () => {
    expect(sameList([1, 2], [1, 2])).toBe(true);
    expect(sameList([1, 2], [2, 1])).toBe(false);
    expect(sameList([1], [1, 1])).toBe(false);
    expect(sameList([{ id: 'a' }], [{ id: 'a' }])).toBe(false);
    expect(sameList([{ id: 'a' }], [{ id: 'a' }], (x, y) => x.id === y.id)).toBe(true);
  });
});
