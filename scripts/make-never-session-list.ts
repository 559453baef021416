/**
 * Writes src/detect/open-cookie-database.json: the cookies that the Open Cookie Database lists
 * in its categories Analytics and Marketing, which rubric section 2.1 (version 3) takes as never
 * session cookies. Reads the snapshot in ../shared/data/open-cookie-database/ (Apache-2.0; its
 * README names the commit and date, kept in the output with the attribution).
 *
 *   npx tsx scripts/make-never-session-list.ts
 *
 * A test (src/detect/never-session.test.ts) fails when the committed list differs from what this
 * script makes of the snapshot, so the list is never edited by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const SNAPSHOT_DIR = fileURLToPath(new URL('../../shared/data/open-cookie-database/', import.meta.url));
export const OUTPUT = fileURLToPath(new URL('../src/detect/open-cookie-database.json', import.meta.url));

const CATEGORIES = new Set(['Analytics', 'Marketing']);

export interface DerivedList {
  readonly source: string;
  readonly licence: string;
  readonly snapshot: string;
  readonly categories: readonly string[];
  /** [name, platform, category, 1 when the name is a prefix (the database's wildcard)]. */
  readonly cookies: readonly (readonly [string, string, string, 0 | 1])[];
}

/** The derived list from the database's CSV text and the snapshot line of its README. */
export function deriveNeverSessionList(csv: string, readme: string): DerivedList {
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const snapshot = /commit ([0-9a-f]{40}) of (\d{4}-\d{2}-\d{2})/.exec(readme);
  if (snapshot === null) throw new Error('the README does not name the snapshot commit and date');
  const seen = new Set<string>();
  const cookies: [string, string, string, 0 | 1][] = [];
  for (const row of rows) {
    const category = row.Category ?? '';
    const name = (row['Cookie / Data Key name'] ?? '').trim();
    if (!CATEGORIES.has(category) || name === '') continue;
    const wildcard = row['Wildcard match'] === '1' ? 1 : 0;
    const key = `${name.toLowerCase()}\u0000${wildcard}`;
    if (seen.has(key)) continue;
    seen.add(key);
    cookies.push([name, (row.Platform ?? '').trim(), category, wildcard]);
  }
  cookies.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    source: 'Open Cookie Database, github.com/jkwakman/Open-Cookie-Database',
    licence: 'Apache-2.0 (see open-cookie-database.LICENSE beside this file)',
    snapshot: `commit ${snapshot[1]} of ${snapshot[2]}`,
    categories: [...CATEGORIES],
    cookies,
  };
}

export function derivedListText(list: DerivedList): string {
  const { cookies, ...header } = list;
  const lines = cookies.map((cookie) => `    ${JSON.stringify(cookie)}`);
  return `${JSON.stringify(header, null, 2).replace(/\n}$/, ',\n  "cookies": [\n')}${lines.join(',\n')}\n  ]\n}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const list = deriveNeverSessionList(readFileSync(`${SNAPSHOT_DIR}open-cookie-database.csv`, 'utf8'), readFileSync(`${SNAPSHOT_DIR}README.md`, 'utf8'));
  writeFileSync(OUTPUT, derivedListText(list));
  writeFileSync(OUTPUT.replace(/\.json$/, '.LICENSE'), readFileSync(`${SNAPSHOT_DIR}LICENSE`, 'utf8'));
  console.log(`wrote ${list.cookies.length} cookies to ${OUTPUT}`);
}
