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
  starts: number[];
  ends: number[];
}

const SEGMENT = /\P{M}\p{M}*/gu;
const KEPT = /[\p{L}\p{N}]/u;

/** The skeleton of `text` (see module comment). */
export function skeleton(text: string): Skeleton {
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
