import { describe, expect, it } from 'vitest';
import { STRONG_ID, explain } from '../../test/support/rule-harness.js';
import { entropyLow, entropyMedium } from './entropy-rules.js';

describe('entropy rules', () => {
  it('entropy-low fires under 64 bits', () => {
    expect(explain(entropyLow, 'sid=12345')).toMatch(/at most 16 bits/);
  });
  it('entropy-low does not fire at 64 bits (16 hex characters)', () => {
    expect(explain(entropyLow, 'sid=0123456789abcdef')).toBeNull();
  });
  it('entropy-medium fires from 64 up to 128 bits', () => {
    expect(explain(entropyMedium, 'sid=0123456789abcdef')).toMatch(/64 bits/);
    expect(explain(entropyMedium, 'sid=0123456789abcdef0123456789abcde')).not.toBeNull();
  });
  it('entropy-medium does not fire at 128 bits or more', () => {
    expect(explain(entropyMedium, 'sid=0123456789abcdef0123456789abcdee')).toBeNull();
    expect(explain(entropyMedium, `sid=${STRONG_ID}`)).toBeNull();
  });
  it('does not count a prefix shared by every value seen', () => {
    const shape = { otherValues: ['tenant-0000000000-0123456789abcdef', 'tenant-0000000000-fedcba9876543210'] };
    expect(explain(entropyMedium, 'sid=tenant-0000000000-00112233445566ff', shape)).toMatch(/at most 64 bits/);
  });
});
