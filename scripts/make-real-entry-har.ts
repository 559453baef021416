/**
 * Writes a HAR of about N MB made of the corpus's real entries (see src/bench/real-entry-har.ts),
 * to try the CLI on a file shaped like users' exports without committing a big file:
 *
 *   npx tsx scripts/make-real-entry-har.ts /tmp/real-100mb.har 100
 */
import { writeRealEntryHar } from '../src/bench/real-entry-har.js';

const [path, megabytes] = process.argv.slice(2);
if (path === undefined || !(Number(megabytes) > 0)) {
  console.error('usage: npx tsx scripts/make-real-entry-har.ts <out.har> <megabytes>');
  process.exit(2);
}
const { bytes, entries } = await writeRealEntryHar(path, Number(megabytes));
console.log(`wrote ${path}: ${(bytes / 1e6).toFixed(1)} MB, ${entries} entries`);
