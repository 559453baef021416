import { ruleById } from '../grade/every-rule.js';

/**
 * What a fix's Copy button puts on the clipboard: the complete code to write, never only the first
 * code span of the prose, never the code to remove. express-session (shown for every cookie) has
 * its snippet written out by each rule (its `snippet`); for the other frameworks the code spans of the advice are
 * copied, one per line, except those just after "no", "not", "without", "or" or "instead of" and
 * those in a clause that removes or forbids ("Remove ...", "never ..."); or the whole advice when
 * nothing is left.
 */
/** Words just before a span that make it code not to write. */
const NOT_TO_WRITE = /\b(remove|no|not|without|or|never|instead of)\s*\(?\s*$/i;
/** A clause that removes or forbids: every span in it, up to the next "." or ";", is left out. */
const REMOVING_CLAUSE = /\b(remove|delete|never)\b/i;

/** The code to copy for a finding's fix in one framework. */
export function fixSnippet(findingId: string, framework: string, advice: string): string {
  if (framework === 'express-session') {
    const written = ruleById(findingId)?.snippet;
    if (written !== undefined) return written;
  }
  const parts = advice.split('`');
  const code: string[] = [];
  let clause = '';
  for (let i = 1; i < parts.length; i += 2) {
    const before = parts[i - 1] as string;
    // The prose since the last sentence or clause break.
    const breakAt = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'));
    clause = breakAt >= 0 ? before.slice(breakAt + 1) : clause + before;
    if (!NOT_TO_WRITE.test(before) && !REMOVING_CLAUSE.test(clause)) code.push(parts[i] as string);
  }
  return code.length > 0 ? code.join('\n') : advice;
}
