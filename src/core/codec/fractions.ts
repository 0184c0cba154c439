/**
 * Fractions and pairs written with a slash. "30/50 nhiệm vụ", "6/20 sở", "03/09 phòng" are
 * fractions (part of a whole); "23/17" in a table cell is a pair (two counts side by side:
 * 23 tin/bài, 17 văn bản). Both sides are counts; the formatters reproduce the written text.
 */

import { attempt, CodecError, type Result } from './errors';
import { formatViNumber, parseCount, type ViNumber } from './numbers';

export interface ViFraction {
  numerator: ViNumber;
  denominator: ViNumber;
  /** The slash as written, with any surrounding spaces ("/", " / "). */
  separator: string;
  text: string;
}

export interface ViPair {
  first: ViNumber;
  second: ViNumber;
  /** The slash as written, with any surrounding spaces. */
  separator: string;
  text: string;
}

function split(raw: string, what: 'phân số' | 'cặp số'): { left: string; sep: string; right: string; text: string } {
  const text = raw.trim();
  if (text === '') {
    throw new CodecError('empty', raw, what === 'phân số' ? 'Không có phân số: chuỗi rỗng' : 'Không có cặp số: chuỗi rỗng');
  }
  const m = /^([^/\s]+)([ \u00a0]?\/[ \u00a0]?)([^/\s]+)$/.exec(text);
  if (!m) {
    const example = what === 'phân số' ? '"30/50"' : '"23/17"';
    throw new CodecError('malformed', raw, `"${text}" không phải ${what} hợp lệ (dạng ${example})`);
  }
  return { left: m[1] ?? '', sep: m[2] ?? '/', right: m[3] ?? '', text };
}

/** Parses a fraction "30/50" into two counts (each side follows the count rules). */
export function parseFraction(s: string): ViFraction {
  const { left, sep, right, text } = split(s, 'phân số');
  return { numerator: parseCount(left), denominator: parseCount(right), separator: sep, text };
}

/** Parses a pair "23/17" (two counts side by side in a table cell). */
export function parsePair(s: string): ViPair {
  const { left, sep, right, text } = split(s, 'cặp số');
  return { first: parseCount(left), second: parseCount(right), separator: sep, text };
}

export const tryParseFraction = (s: string): Result<ViFraction> => attempt(() => parseFraction(s));
export const tryParsePair = (s: string): Result<ViPair> => attempt(() => parsePair(s));

export function formatFraction(f: Pick<ViFraction, 'numerator' | 'denominator'> & { separator?: string }): string {
  return `${formatViNumber(f.numerator)}${f.separator ?? '/'}${formatViNumber(f.denominator)}`;
}

export function formatPair(p: Pick<ViPair, 'first' | 'second'> & { separator?: string }): string {
  return `${formatViNumber(p.first)}${p.separator ?? '/'}${formatViNumber(p.second)}`;
}
