import { describe, expect, it } from 'vitest';
import { documentedRules } from '../report/rubric-doc.js';
import { HTTPONLY_ADVICE, SECURE_ADVICE } from './fix-advice.js';
import { EXPRESS_SESSION_SNIPPETS, fixSnippet } from './fix-snippets.js';

describe('what Copy puts on the clipboard', () => {
  it('has complete express-session code for every rule, never code to remove', () => {
    for (const rule of documentedRules()) {
      const snippet = EXPRESS_SESSION_SNIPPETS[rule.id];
      expect(snippet, rule.id).toBeDefined();
      expect(snippet, rule.id).not.toMatch(/httpOnly: false|secure: false/);
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
