/**
 * The cookie-date parser of RFC 6265bis section 5.1.1 ("Dates"), as browsers run it for the
 * Expires attribute. It is deliberately lenient about token order and separators, and strict
 * about ranges: anything it cannot read yields `null` and the attribute is ignored (section 5.6.1).
 *
 * @see https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-dates
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E */
function isDelimiter(code: number): boolean {
  return (
    code === 0x09 ||
    (code >= 0x20 && code <= 0x2f) ||
    (code >= 0x3b && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Reads `min..max` leading digits of `token` from `start`; returns [value, end] or null. */
function readDigits(token: string, start: number, min: number, max: number): [number, number] | null {
  let end = start;
  while (end < token.length && end - start < max && isDigit(token.charCodeAt(end))) end++;
  if (end - start < min) return null;
  // More digits than allowed directly after: the grammar wants a non-digit (or the end) next.
  if (end < token.length && isDigit(token.charCodeAt(end))) return null;
  return [Number(token.slice(start, end)), end];
}

/** hms-time = time-field ":" time-field ":" time-field, then ( non-digit *OCTET ) */
function matchTime(token: string): [number, number, number] | null {
  const hour = readDigits(token, 0, 1, 2);
  if (!hour || token.charCodeAt(hour[1]) !== 0x3a) return null;
  const minute = readDigits(token, hour[1] + 1, 1, 2);
  if (!minute || token.charCodeAt(minute[1]) !== 0x3a) return null;
  const second = readDigits(token, minute[1] + 1, 1, 2);
  if (!second) return null;
  return [hour[0], minute[0], second[0]];
}

/**
 * Parses a cookie-date. Returns epoch milliseconds, or `null` when the date is not valid
 * (missing parts, out-of-range fields, a year before 1601, or a day the month does not have).
 */
export function parseCookieDate(input: string): number | null {
  let time: [number, number, number] | null = null;
  let dayOfMonth: number | null = null;
  let month: number | null = null;
  let year: number | null = null;

  let index = 0;
  const length = input.length;
  while (index < length) {
    while (index < length && isDelimiter(input.charCodeAt(index))) index++;
    const start = index;
    while (index < length && !isDelimiter(input.charCodeAt(index))) index++;
    if (start === index) continue;
    const token = input.slice(start, index);

    if (time === null) {
      const parsed = matchTime(token);
      if (parsed) {
        time = parsed;
        continue;
      }
    }
    if (dayOfMonth === null) {
      const parsed = readDigits(token, 0, 1, 2);
      if (parsed) {
        dayOfMonth = parsed[0];
        continue;
      }
    }
    if (month === null && token.length >= 3) {
      const found = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
      if (found >= 0) {
        month = found;
        continue;
      }
    }
    if (year === null) {
      const parsed = readDigits(token, 0, 2, 4);
      if (parsed) {
        year = parsed[0];
        continue;
      }
    }
  }

  if (time === null || dayOfMonth === null || month === null || year === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [hour, minute, second] = time;
  if (dayOfMonth < 1 || dayOfMonth > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month, dayOfMonth);
  date.setUTCHours(hour, minute, second, 0);
  // "If the date does not exist (e.g. February 31), abort": Date would silently roll over.
  if (date.getUTCDate() !== dayOfMonth || date.getUTCMonth() !== month) return null;
  return date.getTime();
}
