import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { rejectedPartitionedInsecure } from './rejected-partitioned-insecure.js';

describe('rejected-partitioned-insecure', () => {
  it('fires for Partitioned without Secure', () => {
    expect(explain(rejectedPartitionedInsecure, 'sid=1; Partitioned')).toMatch(/rejects/);
  });
  it('does not fire with Secure', () => {
    expect(explain(rejectedPartitionedInsecure, 'sid=1; Partitioned; Secure')).toBeNull();
  });
});
