/**
 * The forms a cookie value takes when it shows up in other text (URLs, headers): as sent,
 * URL-encoded and URL-decoded. Forms shorter than 8 characters are left out: they would match
 * by chance.
 */
import { percentDecode, percentEncode } from './percent-decode.js';

export const MIN_SEARCHED_VALUE_LENGTH = 8;

export function valueForms(value: string): string[] {
  return [...new Set([value, percentEncode(value), percentDecode(value)])].filter((form) => form.length >= MIN_SEARCHED_VALUE_LENGTH);
}
