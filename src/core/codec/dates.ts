/**
 * Vietnamese dates: numeric "09/6/2022", "20/01/2022" and in words "ngày 09 tháng 6 năm 2022",
 * "27 tháng 12 năm 2021". Parsing validates the calendar and records how each part was written,
 * so formatViDate reproduces the text. The convention (Nghị định 30/2020/NĐ-CP) pads days
 * below 10 and months 1–2 to two digits: formatViDateCanonical follows it.
 */

import { attempt, CodecError, type Result } from './errors';

export type ViDateStyle = 'numeric' | 'words';

export interface ViDate {
  day: number;
  month: number;
  year: number;
  style: ViDateStyle;
  /** Digits written for the day ("09" → 2, "9" → 1). */
  dayWidth: number;
  /** Digits written for the month ("6" → 1, "01" → 2). */
  monthWidth: number;
  /** The leading word "ngày"/"Ngày" when written ("ngày 09 tháng 6 năm 2022"). */
  lead?: string;
  text: string;
}

/** Anything with a calendar day (a ViDate or a plain triple). */
export interface DayMonthYear {
  day: number;
  month: number;
  year: number;
}

const NUMERIC = /^(?:([nN]gày)\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const WORDS = /^(?:([nN]gày)\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkCalendar(input: string, day: number, month: number, year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new CodecError('date-invalid', input, `Ngày "${input}" không hợp lệ: năm phải có 4 chữ số (từ 1000 đến 9999)`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new CodecError('date-invalid', input, `Ngày "${input}" không hợp lệ: tháng phải từ 1 đến 12`);
  }
  const max = daysInMonth(month, year);
  if (!Number.isInteger(day) || day < 1 || day > max) {
    throw new CodecError(
      'date-invalid',
      input,
      `Ngày "${input}" không tồn tại: tháng ${month} năm ${year} chỉ có ${max} ngày`,
    );
  }
}

export function isValidDate(day: number, month: number, year: number): boolean {
  return attempt(() => checkCalendar('', day, month, year)).ok;
}

/** Parses "09/6/2022", "ngày 09/6/2022", "ngày 09 tháng 6 năm 2022" or "27 tháng 12 năm 2021". */
export function parseViDate(s: string): ViDate {
  const text = s.trim();
  if (text === '') throw new CodecError('empty', s, 'Không có ngày tháng: chuỗi rỗng');
  const numeric = NUMERIC.exec(text);
  const m = numeric ?? WORDS.exec(text);
  if (!m) {
    throw new CodecError(
      'malformed',
      s,
      `"${text}" không phải ngày tháng hợp lệ (dạng "09/6/2022" hoặc "ngày 09 tháng 6 năm 2022")`,
    );
  }
  const [, lead, dd = '', mm = '', yyyy = ''] = m;
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  checkCalendar(text, day, month, year);
  const d: ViDate = {
    day,
    month,
    year,
    style: numeric ? 'numeric' : 'words',
    dayWidth: dd.length,
    monthWidth: mm.length,
    text,
  };
  if (lead !== undefined) d.lead = lead;
  return d;
}

export const tryParseViDate = (s: string): Result<ViDate> => attempt(() => parseViDate(s));

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Writes a date back as it was written (words: single spaces). */
export function formatViDate(d: Omit<ViDate, 'text'> & { text?: string }): string {
  const lead = d.lead !== undefined ? `${d.lead} ` : '';
  const day = pad(d.day, d.dayWidth);
  const month = pad(d.month, d.monthWidth);
  return d.style === 'numeric'
    ? `${lead}${day}/${month}/${d.year}`
    : `${lead}${day} tháng ${month} năm ${d.year}`;
}

/** Width the convention gives a month: 2 for January and February, else its natural width. */
function canonicalMonthWidth(month: number): number {
  return month <= 2 ? 2 : String(month).length;
}

/**
 * The date as the convention writes it: "09/6/2022", "20/01/2022"; in words
 * "ngày 09 tháng 6 năm 2022". Throws 'date-invalid' for a date that does not exist.
 */
export function formatViDateCanonical(day: number, month: number, year: number, style: ViDateStyle = 'numeric'): string {
  return makeViDate(day, month, year, style).text;
}

/** A ViDate written by the convention (words style carries the lead "ngày"). */
export function makeViDate(day: number, month: number, year: number, style: ViDateStyle = 'numeric'): ViDate {
  checkCalendar(`${day}/${month}/${year}`, day, month, year);
  const base: Omit<ViDate, 'text'> = { day, month, year, style, dayWidth: 2, monthWidth: canonicalMonthWidth(month) };
  const d: Omit<ViDate, 'text'> = style === 'words' ? { ...base, lead: 'ngày' } : base;
  return { ...d, text: formatViDate(d) };
}

/** True when the day and month are padded as the convention requires. */
export function isCanonicalViDate(d: ViDate): boolean {
  return d.dayWidth === 2 && d.monthWidth === canonicalMonthWidth(d.month);
}

/** Orders two dates: negative, 0 or positive. */
export function compareViDates(a: DayMonthYear, b: DayMonthYear): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

function toEpochDay(d: DayMonthYear): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** Days from `a` to `b` (positive when b is later). */
export function diffDays(a: DayMonthYear, b: DayMonthYear): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** The date `n` days later (earlier when negative), written canonically in the same style. */
export function addDays(d: DayMonthYear & { style?: ViDateStyle }, n: number): ViDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return makeViDate(t.getUTCDate(), t.getUTCMonth() + 1, t.getUTCFullYear(), d.style ?? 'numeric');
}

/** ISO 8601 calendar date: "2022-06-09". */
export function toISO(d: DayMonthYear): string {
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/** Reads an ISO 8601 calendar date ("2022-06-09") into a canonical ViDate. */
export function fromISO(s: string, style: ViDateStyle = 'numeric'): ViDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) throw new CodecError('malformed', s, `"${s}" không phải ngày theo dạng ISO (năm-tháng-ngày, ví dụ "2022-06-09")`);
  return makeViDate(Number(m[3]), Number(m[2]), Number(m[1]), style);
}
