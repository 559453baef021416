#!/usr/bin/env node
// Strips response bodies from a HAR export so it can be kept in the corpus.
//
//   node scripts/corpus/strip-har.mjs raw.har > stripped.har
//   cat raw.har | node scripts/corpus/strip-har.mjs > stripped.har
//   node scripts/corpus/strip-har.mjs raw.har -o stripped.har [--pretty]
//
// Only `response.content.text` is deleted (size, mimeType, encoding, compression
// and every other field are kept, in their original order). The output is
// minified unless --pretty is given. A UTF-8 byte order mark at the start of
// the input is kept at the start of the output. Input that is not valid JSON
// is copied unchanged (and a warning is printed), so broken exports can be
// kept as broken examples.
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
let input = null;
let output = null;
let pretty = false;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '-o' || a === '--output') output = args[++i];
  else if (a === '--pretty') pretty = true;
  else if (a === '-h' || a === '--help') {
    process.stdout.write('usage: strip-har.mjs [raw.har|-] [-o out.har] [--pretty]\n');
    process.exit(0);
  } else input = a;
}

const raw = readFileSync(input && input !== '-' ? input : 0, 'utf8');
const BOM = '\uFEFF';
const hasBom = raw.startsWith(BOM);
const body = hasBom ? raw.slice(1) : raw;

let result;
try {
  const har = JSON.parse(body);
  const entries = har && har.log && Array.isArray(har.log.entries) ? har.log.entries : [];
  let removed = 0;
  for (const entry of entries) {
    const content = entry && entry.response && entry.response.content;
    if (content && typeof content === 'object' && 'text' in content) {
      delete content.text;
      removed++;
    }
  }
  result = (hasBom ? BOM : '') + JSON.stringify(har, null, pretty ? 2 : undefined) + '\n';
  process.stderr.write(`strip-har: ${entries.length} entries, ${removed} response bodies removed\n`);
} catch (err) {
  process.stderr.write(`strip-har: input is not valid JSON (${err.message}); copied unchanged\n`);
  result = raw;
}

if (output) writeFileSync(output, result);
else process.stdout.write(result);
