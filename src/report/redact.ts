/**
 * Cookie values never appear in a report unless the user asks (rubric section 7). Values can
 * also leak into URLs (`;jsessionid=...`, `?sid=...`): those are masked too.
 */
import { valueForms } from '../core/value-forms.js';

export const MASK = '[value hidden]';

/** Replaces every occurrence of the given values (raw, encoded or decoded) in `text`. */
export function maskValuesIn(text: string, values: Iterable<string>): string {
  let masked = text;
  for (const value of values) {
    for (const form of valueForms(value)) masked = masked.split(form).join(MASK);
  }
  return masked;
}
