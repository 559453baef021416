import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { rejectedOversize } from './rejected-oversize.js';

describe('rejected-oversize', () => {
  it('fires when name and value exceed 4096 bytes', () => {
    expect(explain(rejectedOversize, `sid=${'a'.repeat(4094)}`)).toMatch(/4097 bytes/);
  });
  it('counts bytes, not characters', () => {
    expect(explain(rejectedOversize, `sid=${'\u00e9'.repeat(2047)}`)).toMatch(/4097 bytes/);
  });
  it('does not fire at exactly 4096 bytes', () => {
    expect(explain(rejectedOversize, `sid=${'a'.repeat(4093)}`)).toBeNull();
  });
});
