// Draws the add-in's ribbon/store icons (16, 32, 64, 80 px PNG) without any image library:
// a teal rounded tile with a white appendix table (header band + rows) and a check mark.
// Run: node assets/make-icons.mjs  (the PNGs are committed; rerun only to change the design).
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const TEAL = [15, 108, 189]; // Fluent brand blue
const WHITE = [255, 255, 255];
const GREEN = [16, 124, 16];

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour of a point in the unit square (0..1), or null for transparent. */
function shade(x, y) {
  const r = 0.16; // corner radius of the tile
  const inTile = (() => {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  })();
  if (!inTile) return null;
  // Check mark (bottom right), drawn over everything: two thick segments.
  const seg = (ax, ay, bx, by, w) => {
    const dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w;
  };
  const checkBg = Math.hypot(x - 0.72, y - 0.72) <= 0.22;
  if (checkBg) {
    if (seg(0.6, 0.72, 0.69, 0.81, 0.04) || seg(0.69, 0.81, 0.85, 0.63, 0.04)) return WHITE;
    return GREEN;
  }
  // The table: white sheet with a header band and row rules.
  const left = 0.18,
    right = 0.82,
    top = 0.2,
    bottom = 0.8;
  if (x >= left && x <= right && y >= top && y <= bottom) {
    if (y <= 0.34) return WHITE; // header band
    const rows = [0.47, 0.6, 0.73];
    const line = 0.035;
    if (rows.some((ry) => Math.abs(y - ry) <= line)) return WHITE;
    if (Math.abs(x - 0.34) <= line) return WHITE; // the STT column
    if (Math.abs(x - left) <= line || Math.abs(x - right) <= line || Math.abs(y - bottom) <= line)
      return WHITE;
  }
  return TEAL;
}

function draw(size) {
  const ss = 4; // supersampling for smooth edges
  const buf = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (a) {
        buf[i] = r / a;
        buf[i + 1] = g / a;
        buf[i + 2] = b / a;
      }
      buf[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return png(size, buf);
}

for (const size of [16, 32, 64, 80]) writeFileSync(join(here, `icon-${size}.png`), draw(size));
console.log("icons written to", here);
