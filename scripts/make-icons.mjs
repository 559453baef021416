// Draws the extension's icon (a cookie with a bite) as PNGs with no dependencies.
// Run once with `node scripts/make-icons.mjs`; the PNGs are committed under public/icons.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const chips = [
  [0.38, 0.35],
  [0.62, 0.42],
  [0.45, 0.64],
  [0.66, 0.68],
];

function cookie(x, y) {
  const distance = Math.hypot(x - 0.5, y - 0.5);
  if (distance > 0.46) return [0, 0, 0, 0];
  if (Math.hypot(x - 0.86, y - 0.2) < 0.16) return [0, 0, 0, 0]; // a bite
  if (chips.some(([cx, cy]) => Math.hypot(x - cx, y - cy) < 0.065)) return [92, 52, 20, 255];
  return [214, 150, 72, 255];
}

for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size, cookie));
