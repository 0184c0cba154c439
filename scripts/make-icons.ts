/**
 * Generates the add-in icons (assets/icon-<size>.png): a report page with a green check mark.
 * Pure Node: shapes are rasterised with 4×4 supersampling and written as RGBA PNGs with zlib.
 *
 *   npx tsx scripts/make-icons.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = readonly [number, number, number, number];
type Point = readonly [number, number];

const BLUE: Rgba = [31, 78, 121, 255];
const PAGE: Rgba = [255, 255, 255, 255];
const FOLD: Rgba = [189, 215, 238, 255];
const LINE: Rgba = [120, 150, 180, 255];
const GREEN: Rgba = [16, 124, 16, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

// Geometry in unit coordinates (0..1, y down).
const L = 0.14;
const R = 0.7;
const T = 0.05;
const B = 0.95;
const C = 0.18; // folded corner size
const PAGE_POLY: Point[] = [[L, T], [R - C, T], [R, T + C], [R, B], [L, B]];
const FOLD_POLY: Point[] = [[R - C, T], [R - C, T + C], [R, T + C]];
const CHECK: Point[] = [[0.4, 0.66], [0.56, 0.82], [0.9, 0.42]];

function insidePolygon(x: number, y: number, poly: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function segmentDistance(x: number, y: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function polylineDistance(x: number, y: number, points: readonly Point[], closed: boolean): number {
  let best = Infinity;
  const n = closed ? points.length : points.length - 1;
  for (let i = 0; i < n; i++) {
    best = Math.min(best, segmentDistance(x, y, points[i]!, points[(i + 1) % points.length]!));
  }
  return best;
}

/** Colour of the icon at unit point (x, y); `px` is one pixel in unit coordinates. */
function shade(x: number, y: number, size: number): Rgba {
  const px = 1 / size;
  const stroke = Math.max(0.05, 1.2 * px); // page outline, at least about one pixel
  const checkWidth = Math.max(0.11, 2.2 * px);
  const halo = Math.max(0.04, 1.2 * px);

  const dCheck = polylineDistance(x, y, CHECK, false);
  if (dCheck <= checkWidth / 2) return GREEN;
  if (dCheck <= checkWidth / 2 + halo) return PAGE;

  const inPage = insidePolygon(x, y, PAGE_POLY);
  const dOutline = polylineDistance(x, y, PAGE_POLY, true);
  if (dOutline <= stroke / 2 || (insidePolygon(x, y, FOLD_POLY) && polylineDistance(x, y, FOLD_POLY, true) <= stroke / 2)) {
    return BLUE;
  }
  if (insidePolygon(x, y, FOLD_POLY)) return FOLD;
  if (!inPage) return CLEAR;
  // Text lines, only where they stay legible.
  if (size >= 32) {
    const lineHalf = Math.max(0.025, 0.6 * px);
    for (const [ly, right] of [[0.3, 0.58], [0.42, 0.58], [0.54, 0.5]] as const) {
      if (Math.abs(y - ly) <= lineHalf && x >= L + 0.1 && x <= right) return LINE;
    }
  }
  return PAGE;
}

/** RGBA pixels of the icon at `size`×`size`. */
export function renderIcon(size: number): Uint8Array {
  const ss = 4;
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let pxi = 0; pxi < size; pxi++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [cr, cg, cb, ca] = shade((pxi + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + pxi) * 4;
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round(a / (ss * ss));
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit RGBA, no filtering, zlib level 9). */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function writeIcons(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, renderIcon(size)));
    return file;
  });
}

if (require.main === module) {
  for (const file of writeIcons(path.resolve(__dirname, '..', 'assets'))) console.log(file);
}
