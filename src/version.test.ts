import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { HOMEPAGE, VERSION, rulesDocUrl } from './version.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string; homepage: string };

it('reports the version package.json declares', () => {
  expect(VERSION).toBe(pkg.version);
});

it("points at the homepage package.json declares, and at docs/rubric.md in that repository", () => {
  expect(HOMEPAGE).toBe(pkg.homepage);
  expect(rulesDocUrl('https://github.com/acme/app#readme')).toBe('https://github.com/acme/app/blob/main/docs/rubric.md');
});
