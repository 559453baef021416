/// <reference types="vite/client" />
/**
 * Conventions every rule keeps (refined-github's features.test.ts does this for its features):
 * each rule of src/rules/ and src/trace/rules/ is registered, describes itself, has a test beside
 * it that names it, and has its section in docs/rubric.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVERY_RULE } from '../grade/every-rule.js';

const modules = {
  ...import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true }),
  ...import.meta.glob<Record<string, unknown>>(['../trace/rules/*.ts', '!../trace/rules/*.test.ts'], { eager: true }),
};

interface FoundRule {
  readonly file: string;
  readonly id: string;
  readonly rule: Record<string, unknown>;
}

function isRule(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { id?: unknown }).id === 'string' &&
    typeof (value as { explain?: unknown }).explain === 'function'
  );
}

const found: FoundRule[] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.values(exports).flatMap((value) => (isRule(value) ? [{ file, id: value.id as string, rule: value }] : [])),
);

describe('the rules', () => {
  it('are found in their folders (the test would pass on nothing otherwise)', () => {
    expect(found.length).toBe(EVERY_RULE.length);
  });

  it.each(found.map((entry) => [entry.id, entry] as const))('%s is registered, described, tested beside its module and documented', (id, { file, rule }) => {
    expect(EVERY_RULE.map((registered) => registered.id)).toContain(id);
    const doc = rule.doc as { when: string; why: string; sources: string };
    for (const text of [doc.when, doc.why, doc.sources, rule.snippet as string, (rule.fix as Record<string, string>)['express-session']])
      expect(text, id).toMatch(/\S/);
    const test = new URL(file.replace(/\.ts$/, '.test.ts'), import.meta.url);
    expect(existsSync(test), `${file} has no test beside it`).toBe(true);
    expect(readFileSync(test, 'utf8'), `the test beside ${file} does not name ${id}`).toContain(id);
    expect(readFileSync('docs/rubric.md', 'utf8')).toContain(`### ${id}\n`);
  });
});
