import { describe, expect, it } from 'vitest';
import { EVERY_RULE } from '../grade/every-rule.js';
import { SECURE_ADVICE } from '../rules/fix-advice.js';
import { HTTPONLY_ADVICE } from '../rules/httponly-missing.js';
import { fixSnippet } from './fix-snippet.js';

describe('what Copy puts on the clipboard', () => {
  it('has complete express-session code for every rule, never code to remove', () => {
    for (const rule of EVERY_RULE) {
      expect(rule.snippet, rule.id).not.toBe('');
      expect(rule.snippet, rule.id).not.toMatch(/httpOnly: false|secure: false/);
      expect(fixSnippet(rule.id, 'express-session', rule.fix['express-session'])).toBe(rule.snippet);
    }
  });

  it('copies the code to write for httponly-missing, not the httpOnly: false to remove', () => {
    expect(fixSnippet('httponly-missing', 'express-session', HTTPONLY_ADVICE['express-session'])).toBe('cookie: { httpOnly: true }');
  });

  it("for other frameworks, copies the advice's code spans that are to be written, one per line", () => {
    expect(fixSnippet('secure-missing', 'django', SECURE_ADVICE.django ?? '')).toBe('SESSION_COOKIE_SECURE = True');
    // Advice that only removes something has no code to write: the advice itself is copied.
    const removal = 'Remove `domain:` (and `domain: :all`) from `config.session_store`.';
    expect(fixSnippet('domain-host', 'rails', removal)).toBe(removal);
    expect(fixSnippet('x', 'php', 'Set `a = 1` with `b = 2`, or `c = 3`; never `d = 4`.')).toBe('a = 1\nb = 2');
    expect(fixSnippet('x', 'php', 'No code here.')).toBe('No code here.');
  });
});
