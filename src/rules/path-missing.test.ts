import { describe, expect, it } from 'vitest';
import { explain } from '../../test/support/rule-harness.js';
import { pathMissing } from './path-missing.js';

describe('path-missing', () => {
  it('fires without a Path attribute', () => {
    expect(explain(pathMissing, 'sid=1; Secure')).toMatch(/default path/);
  });
  it('does not fire with a Path', () => {
    expect(explain(pathMissing, 'sid=1; Path=/')).toBeNull();
    expect(explain(pathMissing, 'sid=1; Path=/app')).toBeNull();
  });
  it('does not fire for a Path attribute with an invalid value (a note explains it)', () => {
    expect(explain(pathMissing, 'sid=1; Path=app')).toBeNull();
  });
});
