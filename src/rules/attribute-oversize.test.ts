import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { attributeOversize } from './attribute-oversize.js';

describe('attribute-oversize', () => {
  it('fires for an attribute value over 1024 bytes', () => {
    expect(explain(attributeOversize, `sid=1; Path=/${'a'.repeat(1100)}`)).toBe('Path is over 1024 bytes: the browser ignores it.');
  });
  it('does not fire at 1024 bytes', () => {
    expect(explain(attributeOversize, `sid=1; Path=/${'a'.repeat(1023)}`)).toBeNull();
  });
});
