/** `--format sarif` and `--format junit`, validated by tools we did not write: ajv with the SARIF 2.1.0 schema, fast-xml-parser. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { startDemo, type RunningDemo } from '../support/demo-servers.js';

const HAR = 'test/fixtures/demo-login-flow.chromium.har';
const require = createRequire(import.meta.url);
// The schema as the SARIF TC publishes it, shipped by @microsoft/jest-sarif (a dev dependency).
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The schema's language pattern is not valid with the u flag: compile its patterns without it.
// Both are CommonJS modules whose export is on `.default` when imported from ESM.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(schema);

it('the schema validator rejects a log that is not SARIF', () => {
  expect(validateSarif({ version: '2.1.0' })).toBe(false);
  expect(validateSarif({ version: '2.1.0', runs: [{ tool: {} }] })).toBe(false);
});

interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string; message: { text: string } }[] }[];
}

let demo: RunningDemo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(async () => {
  await demo.close();
});

describe.each([
  ['a HAR file', () => HAR],
  ['a live demo URL', () => `${demo.http.origin}/`],
])('--format sarif for %s', (_what, source) => {
  it('validates against the SARIF 2.1.0 schema, one result per finding, one rule per rubric id', async () => {
    const { status, stdout } = await cli('--format', 'sarif', source());
    expect(status).toBe(0);
    const log = JSON.parse(stdout) as SarifLog;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    const [run] = log.runs;
    const ruleIds = run?.tool.driver.rules.map((rule) => rule.id) ?? [];
    expect(ruleIds).toContain('secure-missing');
    expect(ruleIds).toContain('no-rotation-on-login');
    // The docs/rubric.md shipped in the package, where the rule has its heading.
    const rubric = readFileSync('docs/rubric.md', 'utf8');
    for (const rule of run?.tool.driver.rules ?? []) {
      expect(rule.helpUri).toBe(`${pathToFileURL(resolve('docs/rubric.md')).href}#${rule.id}`);
      expect(rubric).toContain(`### ${rule.id}\n`);
    }
    const json = JSON.parse((await cli('--json', source())).stdout) as {
      cookies: { session: { isSession: boolean }; deletion: boolean; findings: unknown[] }[];
    };
    const expected = json.cookies.filter((cookie) => cookie.session.isSession && !cookie.deletion).reduce((sum, cookie) => sum + cookie.findings.length, 0);
    expect(run?.results).toHaveLength(expected);
    expect(run?.results.find((result) => result.ruleId === 'secure-missing')?.level).toBe('error');
    expect(run?.results.find((result) => result.ruleId === 'prefix-none')?.level).toBe('note');
  });

  it('parses as JUnit XML with a test case per session cookie and a failure below --fail-under', async () => {
    const { status, stdout } = await cli('--format', 'junit', '--fail-under', 'B', source());
    expect(status).toBe(1);
    expect(XMLValidator.validate(stdout)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(stdout) as {
      testsuites: { testsuite: { '@_tests': string; '@_failures': string; testcase: { '@_name': string; failure?: unknown }[] }[] };
    };
    const [suite] = parsed.testsuites.testsuite;
    const json = JSON.parse((await cli('--json', source())).stdout) as { cookies: { session: { isSession: boolean }; deletion: boolean; grade: string }[] };
    const sessions = json.cookies.filter((cookie) => cookie.session.isSession && !cookie.deletion);
    expect(Number(suite?.['@_tests'])).toBe(sessions.length);
    const below = sessions.filter((cookie) => ['C', 'D', 'F'].includes(cookie.grade)).length;
    expect(Number(suite?.['@_failures'])).toBe(below);
    expect(suite?.testcase.filter((testCase) => testCase.failure !== undefined)).toHaveLength(below);
  });
});

describe('CLI options for CI', () => {
  it('takes --rules-url for helpUri', async () => {
    const { stdout } = await cli('--format', 'sarif', '--rules-url', 'https://example.test/rules.md', HAR);
    expect((JSON.parse(stdout) as SarifLog).runs[0]?.tool.driver.rules[0]?.helpUri).toMatch(/^https:\/\/example\.test\/rules\.md#/);
  });

  it('refuses an unknown format and a relative rules URL with exit 2', async () => {
    expect(await cli('--format', 'xml', HAR)).toMatchObject({ status: 2, stderr: expect.stringContaining('--format takes text, json, sarif, junit') });
    expect((await cli('--format', 'sarif', '--rules-url', 'docs/rubric.md', HAR)).status).toBe(2);
  });

  it('explains a finding or a note with --explain, and names an unknown id', async () => {
    expect((await cli('--explain', 'httponly-missing')).stdout).toContain('httponly-missing (-30 points, caps the letter at C)');
    expect((await cli('--explain', 'set-outside-trace')).stdout).toContain('a note: no deduction');
    expect((await cli('--explain', 'httponly-missing')).stdout).toContain(`More: ${pathToFileURL(resolve('docs/rubric.md')).href}#httponly-missing`);
    expect((await cli('--explain', 'httponly-missing', '--rules-url', 'https://example.test/rules.md')).stdout).toContain(
      'More: https://example.test/rules.md#httponly-missing',
    );
    expect(await cli('--explain', 'constructor')).toMatchObject({ status: 2, stderr: expect.stringContaining('no finding or note is called "constructor"') });
  });
});
