import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { VERSION } from './version.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<string, unknown>;

it('reports the version package.json declares', () => {
  expect(VERSION).toBe(pkg.version);
});

it('names no web address the project does not have: its rules are the docs/rubric.md it ships', () => {
  expect(pkg).not.toHaveProperty('homepage');
  expect(pkg).not.toHaveProperty('repository');
  expect(pkg).not.toHaveProperty('bugs');
  expect(pkg.files).toContain('docs/rubric.md');
});
