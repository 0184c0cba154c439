/**
 * Tolerant text comparison for recognition. Received documents differ from the template in
 * case, whitespace, punctuation, run splits and Unicode normalisation (NFD from some word
 * processors). A "skeleton" keeps only letters and digits (NFC, lower-cased) and remembers, for
 * each kept character, where it came from in the original text, so that a match found on the
 * skeleton maps back to exact offsets in the text as written.
 */

export interface Skeleton {
  /** Letters and digits only, NFC, lower-cased. */
  key: string;
  /** For each character of `key`: [start, end) of its source in the original text. */
  starts: ArrayLike<number>;
  ends: ArrayLike<number>;
}

const SEGMENT = /\P{M}\p{M}*/gu;
const KEPT = /[\p{L}\p{N}]/u;
const MARK = /\p{M}/u;

// Per-character answers for non-ASCII text (Vietnamese letters recur constantly).
const keptCache = new Map<string, string>();
function keptLower(ch: string): string {
  let v = keptCache.get(ch);
  if (v === undefined) {
    v = KEPT.test(ch) ? ch.toLowerCase() : '';
    keptCache.set(ch, v);
  }
  return v;
}

/** The skeleton of `text` (see module comment). */
export function skeleton(text: string): Skeleton {
  // Fast path: text without combining marks (NFC, as Word writes it) maps character by character.
  if (!MARK.test(text)) return skeletonNoMarks(text);
  const starts: number[] = [];
  const ends: number[] = [];
  let key = '';
  for (const m of text.matchAll(SEGMENT)) {
    const seg = m[0];
    const start = m.index;
    const end = start + seg.length;
    const norm = seg.normalize('NFC').toLowerCase();
    for (const ch of norm) {
      if (KEPT.test(ch)) {
        key += ch;
        for (let k = 0; k < ch.length; k++) {
          starts.push(start);
          ends.push(end);
        }
      }
    }
  }
  return { key, starts, ends };
}

function skeletonNoMarks(text: string): Skeleton {
  const starts = new Int32Array(text.length * 2); // lower-casing may expand a character
  const ends = new Int32Array(text.length * 2);
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let out: string;
    let width = 1;
    if (c < 128) {
      if (c >= 48 && c <= 57) out = text[i]!;
      else if (c >= 97 && c <= 122) out = text[i]!;
      else if (c >= 65 && c <= 90) out = String.fromCharCode(c + 32);
      else continue;
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) width = 2; // astral: keep the pair together
      out = keptLower(text.slice(i, i + width));
      if (!out) {
        i += width - 1;
        continue;
      }
    }
    for (let k = 0; k < out.length; k++) {
      starts[n] = i;
      ends[n] = i + width;
      n++;
    }
    parts.push(out);
    i += width - 1;
  }
  return { key: parts.join(''), starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The comparison key of a short wording ("trả kết quả:" → "trảkếtquả"). */
export function keyOf(text: string): string {
  return skeleton(text).key;
}

/** Every index where `needle` occurs in `hay` (overlapping occurrences included). */
export function indexesOf(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  let i = hay.indexOf(needle);
  while (i >= 0) {
    out.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
}

/** Index of the first skeleton character whose source starts at or after `offset`. */
export function keyIndexAt(s: Skeleton, offset: number): number {
  let lo = 0;
  let hi = s.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((s.starts[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Letters or digits (what a figure or a word starts with). */
export const isAlnum = (ch: string): boolean => KEPT.test(ch);

/** Normalised, single-spaced, trimmed text for comparing labels and headings. */
export function plainKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
