/**
 * Vietnamese numbers: thousands separator "." and decimal separator "," (30.407; 93,3%; 0,02%;
 * 1.437; 7.693), small counts often zero-padded ("03", "08"). Parsing keeps the written
 * precision ("93,3%" has 1 decimal, "93,30%" has 2), and the formatters reproduce the written
 * text exactly from the parsed fields.
 */

import { attempt, CodecError, type Result, type SeparatorHint } from './errors';
import { halfUnitInterval, roundedDigits } from './decimal';

export type ViNumberKind = 'count' | 'decimal' | 'percent';
export type Grouping = 'none' | 'dot';

export interface ViNumber {
  kind: ViNumberKind;
  /** The value as written; for a percentage, in percent units ("93,3%" → 93.3). */
  value: number;
  /** Digits written after the decimal comma (0 for counts). */
  decimals: number;
  /** Digit count of the integer part when zero-padded ("03" → 2, "008" → 3). */
  width?: number;
  /**
   * How the integer part is grouped: 'dot' when it carries thousands dots ("1.437"), 'none'
   * otherwise ("921", and "1667": separators are often omitted up to 9999, a rule may flag
   * the inconsistency).
   */
  grouping: Grouping;
  /** Whitespace written between the figure and "%" ("93,3 %" → " "); absent when none. */
  percentSpace?: string;
  /**
   * Set on a decimal such as "28,375" or "1,667": three digits after a comma and an ungrouped
   * integer part of 1–3 digits may be a count with a comma thousands separator. Context (the
   * unit) decides; parseCount rejects it.
   */
  ambiguousSeparator?: true;
  /** The text as read (trimmed). */
  text: string;
}

/** Maximum significant digits a figure may carry and still be represented exactly. */
const MAX_SIGNIFICANT = 15;
const MAX_DECIMALS = 20;
/** Above this a count must carry thousands dots. */
const MAX_UNGROUPED = 9999;

const PERCENT_SPACES = new Set([' ', '\u00a0', '\u202f']);

function malformed(input: string): CodecError {
  return new CodecError(
    'malformed',
    input,
    `"${input}" không phải là số viết đúng quy ước tiếng Việt ` +
      '(dấu chấm phân cách hàng nghìn, dấu phẩy phân cách phần thập phân, ví dụ "30.407", "93,3%")',
  );
}

function empty(input: string): CodecError {
  return new CodecError('empty', input, 'Không có số: chuỗi rỗng');
}

function separatorError(input: string, hint: SeparatorHint, suggestion: string): CodecError {
  const messages: Record<SeparatorHint, string> = {
    'comma-thousands': `Số "${input}" dùng dấu phẩy làm dấu phân cách hàng nghìn; viết đúng là "${suggestion}"`,
    'english-grouping': `Số "${input}" viết theo kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn); viết đúng là "${suggestion}"`,
    'dot-decimal': `Số "${input}" dùng dấu chấm làm dấu thập phân; viết đúng là "${suggestion}"`,
    'missing-grouping': `Số "${input}" thiếu dấu chấm phân cách hàng nghìn; viết đúng là "${suggestion}"`,
  };
  return new CodecError('separator', input, messages[hint], { hint, suggestion });
}

function rangeError(input: string, why: string): CodecError {
  return new CodecError('range', input, `Số "${input}" ${why}`);
}

/** Groups a digit string by threes with dots: "30407" → "30.407". */
function groupDigits(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}

interface IntPart {
  digits: string;
  grouping: Grouping;
  width?: number;
}

/**
 * Reads the integer part (before any comma). `fracText` is the part after the decimal comma, if
 * any: a lone dot with no comma is read as a dot used for the decimal separator.
 */
function readIntPart(input: string, intText: string, fracText: string | undefined, percent: string): IntPart {
  if (intText.includes('.')) {
    const groups = intText.split('.');
    const first = groups[0] ?? '';
    const rest = groups.slice(1);
    const wellGrouped =
      /^[1-9]\d{0,2}$/.test(first) && rest.length > 0 && rest.every((g) => /^\d{3}$/.test(g));
    if (wellGrouped) return { digits: groups.join(''), grouping: 'dot' };
    // One dot and no comma: a dot used as the decimal separator ("2.5", "93.3%", "0.500").
    if (groups.length === 2 && fracText === undefined && /^\d+$/.test(first) && /^\d+$/.test(rest[0] ?? '')) {
      throw separatorError(input, 'dot-decimal', `${first},${rest[0] ?? ''}${percent}`);
    }
    throw malformed(input);
  }
  if (!/^\d+$/.test(intText)) throw malformed(input);
  const padded = intText.length > 1 && intText.startsWith('0');
  const stripped = intText.replace(/^0+(?=\d)/, '');
  if (!padded && stripped.length > 4 && Number(stripped) > MAX_UNGROUPED) {
    const frac = fracText === undefined ? '' : `,${fracText}`;
    throw separatorError(input, 'missing-grouping', `${groupDigits(stripped)}${frac}${percent}`);
  }
  return padded ? { digits: intText, grouping: 'none', width: intText.length } : { digits: intText, grouping: 'none' };
}

/** Parses any Vietnamese figure; the kind is read from the form ("%", ","). */
function parseAny(raw: string): ViNumber {
  const input = raw.trim();
  if (input === '') throw empty(raw);

  let body = input;
  let percent = false;
  let percentSpace: string | undefined;
  if (body.endsWith('%')) {
    percent = true;
    body = body.slice(0, -1);
    const last = body.slice(-1);
    if (PERCENT_SPACES.has(last)) {
      percentSpace = last;
      body = body.slice(0, -1);
    }
  }
  const pct = percent ? `${percentSpace ?? ''}%` : '';
  if (!/^\d(?:[\d.,]*\d)?$/.test(body)) throw malformed(input);

  const commaParts = body.split(',');
  let intText: string;
  let fracText: string | undefined;
  if (commaParts.length > 2) {
    // "1,234,567" → English grouping; "1,2,3" → malformed.
    const [first, ...rest] = commaParts;
    if (first !== undefined && /^[1-9]\d{0,2}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g))) {
      throw separatorError(input, 'english-grouping', `${commaParts.join('.')}${pct}`);
    }
    const last = rest[rest.length - 1] ?? '';
    const head = rest.slice(0, -1);
    if (
      first !== undefined &&
      /^[1-9]\d{0,2}$/.test(first) &&
      head.every((g) => /^\d{3}$/.test(g)) &&
      /^\d{3}\.\d+$/.test(last)
    ) {
      const [g, f] = last.split('.');
      throw separatorError(input, 'english-grouping', `${[first, ...head, g ?? ''].join('.')},${f ?? ''}${pct}`);
    }
    throw malformed(input);
  }
  intText = commaParts[0] ?? '';
  fracText = commaParts[1];
  if (fracText !== undefined && !/^\d+$/.test(fracText)) {
    // "1,234.5": English grouping with a decimal point.
    const m = /^(\d{3})\.(\d+)$/.exec(fracText);
    if (m && /^[1-9]\d{0,2}$/.test(intText)) {
      throw separatorError(input, 'english-grouping', `${intText}.${m[1] ?? ''},${m[2] ?? ''}${pct}`);
    }
    throw malformed(input);
  }

  const int = readIntPart(input, intText, fracText, pct);
  const frac = fracText ?? '';
  const significant = (int.digits + frac).replace(/^0+/, '').length;
  if (significant > MAX_SIGNIFICANT) {
    throw rangeError(input, `có quá nhiều chữ số (tối đa ${MAX_SIGNIFICANT} chữ số có nghĩa) để biểu diễn chính xác`);
  }
  if (frac.length > MAX_DECIMALS) {
    throw rangeError(input, `có quá nhiều chữ số thập phân (tối đa ${MAX_DECIMALS})`);
  }
  const value = Number(frac === '' ? int.digits : `${int.digits}.${frac}`);
  if (!Number.isFinite(value)) throw rangeError(input, 'không biểu diễn được');

  const kind: ViNumberKind = percent ? 'percent' : fracText !== undefined ? 'decimal' : 'count';
  const n: ViNumber = { kind, value, decimals: frac.length, grouping: int.grouping, text: input };
  if (int.width !== undefined) n.width = int.width;
  if (percentSpace !== undefined) n.percentSpace = percentSpace;
  if (
    kind === 'decimal' &&
    frac.length === 3 &&
    int.grouping === 'none' &&
    int.width === undefined &&
    /^[1-9]\d{0,2}$/.test(int.digits)
  ) {
    n.ambiguousSeparator = true;
  }
  return n;
}

/** Parses a figure of any kind: percent if it ends with "%", decimal if it has a comma, else count. */
export function parseViNumber(s: string): ViNumber {
  return parseAny(s);
}

/**
 * Parses a count: "921", "03", "1.437", "1667" (ungrouped up to 9999). "28,375" is rejected
 * with code 'separator' and the suggestion "28.375".
 */
export function parseCount(s: string): ViNumber {
  const n = parseAny(s);
  if (n.kind === 'count') return n;
  if (n.kind === 'decimal' && n.ambiguousSeparator) {
    const [int, frac] = n.text.split(',');
    throw separatorError(n.text, 'comma-thousands', `${int ?? ''}.${frac ?? ''}`);
  }
  if (n.kind === 'percent') {
    throw new CodecError('kind', n.text, `"${n.text}" là tỷ lệ phần trăm, không phải số đếm`);
  }
  throw new CodecError('kind', n.text, `"${n.text}" có phần thập phân, không phải số đếm`);
}

/** Parses a decimal ("4,7", "0,5", "1.234,56"); an integer reads as a decimal with 0 decimals. */
export function parseDecimal(s: string): ViNumber {
  const n = parseAny(s);
  if (n.kind === 'percent') {
    throw new CodecError('kind', n.text, `"${n.text}" là tỷ lệ phần trăm, không phải số thập phân`);
  }
  return { ...n, kind: 'decimal' };
}

/** Parses a percentage: "93,3%", "93,3 %", "100%", "0,02%". */
export function parsePercent(s: string): ViNumber {
  const n = parseAny(s);
  if (n.kind !== 'percent') {
    throw new CodecError('kind', n.text, `"${n.text}" không phải tỷ lệ phần trăm (thiếu dấu %)`);
  }
  return n;
}

export const tryParseViNumber = (s: string): Result<ViNumber> => attempt(() => parseViNumber(s));
export const tryParseCount = (s: string): Result<ViNumber> => attempt(() => parseCount(s));
export const tryParseDecimal = (s: string): Result<ViNumber> => attempt(() => parseDecimal(s));
export const tryParsePercent = (s: string): Result<ViNumber> => attempt(() => parsePercent(s));

// ---------------------------------------------------------------------------------------------
// Formatting

export interface FormatOptions {
  /** Zero-pad the integer part to this many digits ("3" with width 2 → "03"). */
  width?: number;
  /** Thousands dots ('dot', the default) or none ('none', allowed up to 9999). */
  grouping?: Grouping;
}

function checkFormattable(value: number, decimals: number): void {
  const input = String(value);
  if (!Number.isFinite(value)) throw rangeError(input, 'không phải là số hữu hạn');
  if (value < 0) throw rangeError(input, 'là số âm; bộ mã hóa chỉ viết số không âm');
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new CodecError('range', String(decimals), `Số chữ số thập phân "${decimals}" không hợp lệ (từ 0 đến ${MAX_DECIMALS})`);
  }
}

function formatInt(digits: string, opts: FormatOptions): string {
  const width = opts.width ?? 0;
  const padded = digits.padStart(width, '0');
  if (padded.length > digits.length) return padded; // zero-padded figures are never grouped
  if ((opts.grouping ?? 'dot') === 'none') {
    if (Number(digits) > MAX_UNGROUPED) {
      throw new CodecError(
        'range',
        digits,
        `Số "${digits}" lớn hơn ${MAX_UNGROUPED} phải có dấu chấm phân cách hàng nghìn`,
      );
    }
    return digits;
  }
  return groupDigits(digits);
}

/** Writes a count: formatCount(30407) → "30.407"; formatCount(3, { width: 2 }) → "03". */
export function formatCount(value: number, opts: FormatOptions = {}): string {
  checkFormattable(value, 0);
  if (!Number.isSafeInteger(value)) {
    throw rangeError(String(value), 'không phải số nguyên đếm được biểu diễn chính xác');
  }
  return formatInt(String(value), opts);
}

/**
 * Writes a decimal rounded (half away from zero, on exact decimals) to `decimals` places:
 * formatDecimal(4.7, 1) → "4,7"; formatDecimal(1234.5, 2) → "1.234,50".
 */
export function formatDecimal(value: number, decimals: number, opts: FormatOptions = {}): string {
  checkFormattable(value, decimals);
  const { int, frac } = roundedDigits(value, decimals);
  const head = formatInt(int, opts);
  return decimals === 0 ? head : `${head},${frac}`;
}

export interface PercentFormatOptions extends FormatOptions {
  /** Whitespace between the figure and "%" (default none). */
  space?: string;
}

/** Writes a percentage: formatPercent(93.3173, 1) → "93,3%". `value` is in percent units. */
export function formatPercent(value: number, decimals: number, opts: PercentFormatOptions = {}): string {
  return `${formatDecimal(value, decimals, opts)}${opts.space ?? ''}%`;
}

/** Writes a parsed figure back; for well-formed input this reproduces exactly the parsed text. */
export function formatViNumber(n: ViNumber): string {
  const opts: FormatOptions = { grouping: n.grouping };
  if (n.width !== undefined) opts.width = n.width;
  switch (n.kind) {
    case 'count':
      return formatCount(n.value, opts);
    case 'decimal':
      return formatDecimal(n.value, n.decimals, opts);
    case 'percent': {
      const popts: PercentFormatOptions = { ...opts };
      if (n.percentSpace !== undefined) popts.space = n.percentSpace;
      return formatPercent(n.value, n.decimals, popts);
    }
  }
}

/**
 * The interval a written figure stands for: with d decimals, [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ]
 * ("93,3%" → [93.25, 93.35]; "0,02%" → [0.015, 0.025]); an exact count is the point [v, v].
 */
export function interval(n: Pick<ViNumber, 'kind' | 'value' | 'decimals'>): { lo: number; hi: number } {
  if (n.kind === 'count' && n.decimals === 0) return { lo: n.value, hi: n.value };
  return halfUnitInterval(n.value, n.decimals);
}
