import { deflateSync } from 'node:zlib';

/**
 * Covers as a real server's photo transcoder sends them: a raster image at the size asked for
 * (Plex answers JPEG, or PNG with `format=png`; the fake always answers PNG, which needs no
 * encoder). A colour from the item's key, so every album looks different.
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

const made = new Map<string, Uint8Array<ArrayBuffer>>();

/** A `size`×`size` PNG: a diagonal gradient with a record's ring, coloured by `seed`. */
export function coverPng(seed: string, size: number): Uint8Array<ArrayBuffer> {
  const px = Math.max(1, Math.min(1024, Math.round(size)));
  const cacheKey = `${seed} ${px}`;
  const cached = made.get(cacheKey);
  if (cached) return cached;
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const from = hslToRgb(hash % 360, 0.65, 0.55);
  const to = hslToRgb((hash % 360) + 40 + (hash % 80), 0.6, 0.3);
  const rows = Buffer.alloc(px * (px * 3 + 1));
  for (let y = 0; y < px; y += 1) {
    const row = y * (px * 3 + 1);
    for (let x = 0; x < px; x += 1) {
      const t = (x + y) / (2 * px);
      const d = Math.hypot(x - px / 2, y - px / 2) / px;
      const ring = d > 0.16 && d < 0.22 ? 0.35 : 0;
      for (let c = 0; c < 3; c += 1) {
        const base = (from[c] ?? 0) * (1 - t) + (to[c] ?? 0) * t;
        rows[row + 1 + x * 3 + c] = Math.round(base + (255 - base) * ring);
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(px, 0);
  header.writeUInt32BE(px, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]);
  const bytes = new Uint8Array(png);
  if (made.size > 500) made.clear();
  made.set(cacheKey, bytes);
  return bytes;
}
