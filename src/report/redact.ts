/**
 * Cookie values never appear in a report unless the user asks (rubric section 7). Values can
 * also leak into URLs (`;jsessionid=...`, `?sid=...`): those are masked too.
 */
import { percentDecode, percentEncode } from '../core/percent-decode.js';

export const MASK = '[value hidden]';

/** Minimum length of a value worth masking inside other text (shorter ones match by chance). */
const MIN_MASKED_LENGTH = 8;

function encodedForms(value: string): string[] {
  const forms = new Set([value, percentEncode(value), percentDecode(value)]);
  return [...forms].filter((form) => form.length >= MIN_MASKED_LENGTH);
}

/** Replaces every occurrence of the given values (raw, encoded or decoded) in `text`. */
export function maskValuesIn(text: string, values: Iterable<string>): string {
  let masked = text;
  for (const value of values) {
    for (const form of encodedForms(value)) masked = masked.split(form).join(MASK);
  }
  return masked;
}
