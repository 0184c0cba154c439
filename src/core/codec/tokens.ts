/**
 * Numeric tokens of prose: every maximal run of text carrying digits, with a coarse class. The
 * scanner never misses a digit: every ASCII digit of the input lies inside exactly one token
 * (a coverage check relies on it to prove that every figure of a report is modelled).
 */

import { memoText } from './memo';
import { tryParseViNumber } from './numbers';
import { findReferences } from './references';
import { isValidDate } from './dates';

export type NumericTokenKind =
  /** A figure: "30.407", "93,3%", "03", "28,375" (even with a wrong separator). */
  | 'number'
  /** "30/50", "23/17": a fraction or a pair, context decides. */
  | 'fraction-or-pair'
  /** "09/6/2022"; the numeric parts of "ngày 09 tháng 6 năm 2022" or "tháng 6 năm 2022". */
  | 'date'
  /** The number part of a document reference: "3162/QĐ-UBND", "45/2020/NĐ-CP", "25-CT/TU". */
  | 'reference'
  /** A span of years: "2021 - 2025", "2021-2025", "2021- 2025". */
  | 'range'
  /** Anything else with digits: "2.0", "(13/10)", "H.01b", room numbers "(218, 708, 910)", row codes "4.1". */
  | 'other';

export interface NumericToken {
  start: number;
  end: number;
  text: string;
  kind: NumericTokenKind;
}

const WORD_DATE_RE = /(?<![\p{L}\p{N}.,/])(\d{1,2}\s+)?tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\p{N})/dgu;
const YEAR_RANGE_RE = /(?<![\p{L}\p{N}.,/-])(\d{4})[ \t\u00a0]*[-–][ \t\u00a0]*(\d{4})(?![\p{L}\p{N}]|[.,/]\d)/gu;
/** "(218, 708, 910)", "(1)": labels, not figures. */
const PAREN_LABELS_RE = /\(([ \u00a0]*\d+[ \u00a0]*(?:,[ \u00a0]*\d+[ \u00a0]*)*)\)/gu;
/** "(13/10)": a day and month without a year. */
const PAREN_DAY_MONTH_RE = /\((\d{1,2})\/(\d{1,2})\)/gu;
const CLUSTER_CHAR = /[\p{L}\p{N}\p{M}.,/%&_:+\-]/u;
const ALNUM = /[\p{L}\p{N}]/u;
const DIGIT = /[0-9]/;

function isYear(s: string | undefined): boolean {
  const y = Number(s);
  return y >= 1900 && y <= 2199;
}

function classify(t: string): NumericTokenKind {
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t)) return 'date';
  if (/^\d+(?:\.\d{3})*\/\d+(?:\.\d{3})*$/.test(t)) return 'fraction-or-pair';
  if (/^\d[\d.,]*%?$/.test(t)) {
    const r = tryParseViNumber(t);
    if (r.ok) return 'number';
    // A figure with a wrong separator is still a figure ("28,375", "30407", "93.3%"); a lone
    // dot without "%" is a version or row code ("2.0", "4.1").
    if (r.error.code === 'separator' && !(r.error.hint === 'dot-decimal' && !t.endsWith('%'))) return 'number';
  }
  return 'other';
}

/** Scans `text` for numeric tokens, in order, non-overlapping. */
export function scanNumericTokens(text: string): NumericToken[] {
  if (!/\d/.test(text)) return [];
  return memoText('tokens', text, scanTokens).map((t) => ({ ...t }));
}

function scanTokens(text: string): NumericToken[] {
  const taken = new Uint8Array(text.length);
  const tokens: NumericToken[] = [];

  const claim = (start: number, end: number, kind: NumericTokenKind): boolean => {
    if (start >= end) return false;
    for (let i = start; i < end; i++) if (taken[i]) return false;
    taken.fill(1, start, end);
    tokens.push({ start, end, text: text.slice(start, end), kind });
    return true;
  };

  for (const ref of findReferences(text)) claim(ref.coreStart, ref.coreEnd, 'reference');

  for (const m of text.matchAll(WORD_DATE_RE)) {
    const start = m[1] !== undefined ? m.index : (m.indices?.[2]?.[0] ?? m.index);
    claim(start, m.index + m[0].length, 'date');
  }

  for (const m of text.matchAll(YEAR_RANGE_RE)) {
    if (isYear(m[1]) && isYear(m[2])) claim(m.index, m.index + m[0].length, 'range');
  }

  for (const m of text.matchAll(PAREN_LABELS_RE)) {
    const inner = m[1] ?? '';
    const base = m.index + 1;
    for (const n of inner.matchAll(/\d+/g)) claim(base + n.index, base + n.index + n[0].length, 'other');
  }

  for (const m of text.matchAll(PAREN_DAY_MONTH_RE)) {
    if (isValidDate(Number(m[1]), Number(m[2]), 2000)) claim(m.index + 1, m.index + m[0].length - 1, 'other');
  }

  // Everything else: maximal clusters of letters, digits and in-word punctuation.
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (taken[i] || !CLUSTER_CHAR.test(ch)) {
      i++;
      continue;
    }
    let end = i;
    while (end < text.length && !taken[end] && CLUSTER_CHAR.test(text.charAt(end))) end++;
    let s = i;
    let e = end;
    while (s < e && !ALNUM.test(text.charAt(s))) s++;
    while (e > s && !ALNUM.test(text.charAt(e - 1)) && text.charAt(e - 1) !== '%') e--;
    i = end;
    const t = text.slice(s, e);
    if (!DIGIT.test(t)) continue;
    const kind = classify(t);
    if (kind === 'number' && !t.endsWith('%') && e === end) {
      // "93,3 %": a percent sign after one space belongs to the figure.
      const gap = text.charAt(e);
      if ((gap === ' ' || gap === '\u00a0') && text.charAt(e + 1) === '%' && !taken[e + 1]) {
        const pct = tryParseViNumber(text.slice(s, e + 2));
        if (pct.ok) {
          e += 2;
          i = e;
        }
      }
    }
    claim(s, e, kind);
  }

  return tokens.sort((a, b) => a.start - b.start);
}
