/**
 * Caps on the work one hostile value can cause (rubric section 8, SECURITY.md): each cap that
 * stops work says so in the report, never a silent skip.
 */
import { deflateSync } from 'node:zlib';
import { sign } from 'cookie-signature';
import { describe, expect, it } from 'vitest';
import { observationWith } from '../../test/support/rule-harness.js';
import { MAX_INFLATED_BYTES, describeCarriedData } from '../rules/value-carries-data.js';
import { bundledSecrets } from '../secrets/bundled-secrets.js';
import { MAX_CHECKED_VALUES, MAX_CHECKED_VALUE_LENGTH, createKnownSecretChecker, type CheckedValue } from '../secrets/known-secret-check.js';
import { gradeObservations } from './grade-observations.js';

/** A Flask-style compressed session whose payload inflates to `size` bytes of JSON. */
function compressedSession(size: number): string {
  const json = JSON.stringify({ padding: 'a'.repeat(size) });
  return `.${deflateSync(Buffer.from(json)).toString('base64url')}.Zr3Xlg.c2lnbmF0dXJl`;
}

const noteIds = (value: string, matches?: Parameters<typeof gradeObservations>[1]) =>
  gradeObservations([observationWith([`session=${value}; Path=/; HttpOnly`])], matches).cookies[0]?.notes.map((note) => note.id);

describe('the inflate cap of value-carries-data', () => {
  it('reads a compressed value up to 64 KB and says when it stops there', () => {
    expect(describeCarriedData(compressedSession(MAX_INFLATED_BYTES / 2))).toBe('a zlib-compressed JSON object');
    const bomb = compressedSession(50 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(100_000);
    expect(describeCarriedData(bomb)).toMatch(/inflates past 64 KB/);
    expect(noteIds(bomb)).toContain('inspection-capped');
    expect(noteIds(compressedSession(100))).not.toContain('inspection-capped');
  });
});

describe('the caps of the known-secrets check', () => {
  const signed = (id: string) => encodeURIComponent(`s:${sign(id, 'keyboard cat')}`);

  it('does not sign a value longer than a browser keeps, and the grade says so', async () => {
    const long: CheckedValue = { name: 'connect.sid', value: signed('x'.repeat(MAX_CHECKED_VALUE_LENGTH)) };
    const verdicts = await createKnownSecretChecker(bundledSecrets).check([long]);
    expect(verdicts.get(long.value)).toEqual({ skipped: expect.stringMatching(/longer than 4,096 characters/) });
    const grade = gradeObservations([observationWith([`connect.sid=${long.value}; Path=/; HttpOnly`])], { secretMatches: verdicts });
    const cookie = grade.cookies[0];
    expect(cookie?.notes.map((note) => note.id)).toContain('secret-check-skipped');
    expect(cookie?.findings.map((finding) => finding.id)).not.toContain('secret-known');
  });

  it('still finds a known secret in a value just under the cap', async () => {
    const value = signed('x'.repeat(MAX_CHECKED_VALUE_LENGTH - 100));
    const verdicts = await createKnownSecretChecker(bundledSecrets).check([{ name: 'connect.sid', value }]);
    expect(verdicts.get(value)).toMatchObject({ source: { secret: 'keyboard cat' } });
  });

  it(`signs at most ${MAX_CHECKED_VALUES} values per checker and marks the rest as skipped`, async () => {
    let candidatesRead = 0;
    const checker = createKnownSecretChecker(function* () {
      candidatesRead++;
      yield { secret: 'not it', source: { list: 'bundled', secret: 'not it', group: 'test' } } as const;
    });
    const values = Array.from({ length: MAX_CHECKED_VALUES + 5 }, (_, i) => ({
      name: 'connect.sid',
      value: encodeURIComponent(`s:${sign(`id${i}`, 'strong')}`),
    }));
    const verdicts = await checker.check(values);
    expect(candidatesRead).toBe(1);
    const skipped = [...verdicts.values()].filter((verdict) => 'skipped' in verdict);
    expect(skipped).toHaveLength(5);
    expect(skipped[0]).toEqual({ skipped: expect.stringMatching(/stops after 1,000 signed values/) });
  });
});
