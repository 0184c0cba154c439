/**
 * Document references: "Quyết định số 3162/QĐ-UBND ngày 20/12/2021", "Nghị định 115/2020/NĐ-CP",
 * "Chỉ thị số 25-CT/TU ngày 18/12/2013" (party documents use a hyphen), "văn bản số
 * 2995/VPCP-KSTT", "Báo cáo số 9475/VPCP-KSTT ngày 27 tháng 12 năm 2021"… findReferences
 * locates every reference in a text with its parts; `key` identifies the document so that two
 * citations of it can be compared (the same reference cited twice must carry the same date).
 *
 * Input is expected in Unicode NFC (as Word and the OOXML reader produce it).
 */

import { memoText } from './memo';
import { attempt, CodecError, type Result } from './errors';
import { formatViDate, parseViDate, type ViDate } from './dates';

export type DocType =
  | 'Quyết định'
  | 'Kế hoạch'
  | 'Báo cáo'
  | 'Công văn'
  | 'Công điện'
  | 'Nghị định'
  | 'Nghị quyết'
  | 'Thông tư'
  | 'Thông tư Liên tịch'
  | 'Thông báo'
  | 'Chỉ thị'
  | 'Quy định'
  | 'Quy chế'
  | 'Hướng dẫn'
  | 'Tờ trình'
  | 'Kết luận'
  | 'Chương trình'
  | 'Đề án'
  | 'Luật'
  | 'Pháp lệnh'
  | 'văn bản';

export interface DocRef {
  /** Span of the whole reference in the searched text (type word through date). */
  start: number;
  end: number;
  text: string;
  /** Canonical document type, when a type word is written (typos corrected). */
  docType?: DocType;
  /** The type word exactly as written ("Quyết định", "Thông tư liên tịch", "Nghị", "Thông thư"). */
  docTypeText?: string;
  /** Set when the type word is a known misspelling ("Nghị số", "Thông thư số"). */
  docTypeTypo?: true;
  /** "số" as written, when present. */
  numberWord?: string;
  /** The number as written ("3162", "02", "45"). */
  number: string;
  /** Year written inside the number of a normative document ("45/2020/NĐ-CP" → 2020). */
  year?: number;
  /** "/" for state documents, "-" for party documents ("25-CT/TU"). */
  separator: '/' | '-';
  /** The symbol as written ("QĐ-UBND", "NĐ-CP", "CT/TU", "SNV-CCHC&VTLT", "TKTr"). */
  symbol: string;
  /** Span of the number and symbol ("3162/QĐ-UBND", "45/2020/NĐ-CP", "25-CT/TU"). */
  coreStart: number;
  coreEnd: number;
  /**
   * Normalised identity of the document, for comparing citations: number without leading
   * zeros, year, separator and upper-cased symbol ("3162/QĐ-UBND", "2/KH-VPUB", "25-CT/TU").
   * Numbers of non-normative documents restart every year: the report cites both
   * "61/KH-UBND ngày 04/3/2019" and "61/KH-UBND ngày 02/3/2021", two different documents. A rule
   * comparing dates of one key should treat different years as different documents.
   */
  key: string;
  /** "ngày" as written after the symbol, when present. */
  dateWord?: string;
  date?: ViDate;
  /** "ngày" is written but no date follows ("Kế hoạch số 33/KH-UBND ngày Thực hiện…"). */
  dateMissing?: true;
  /** A date-shaped text follows "ngày" but is not a valid date ("ngày 31/02/2022"). */
  dateError?: CodecError;
  /** The invalid date text, when dateError is set. */
  dateText?: string;
}

interface TypeWord {
  written: string;
  canonical: DocType;
  typo?: true;
  /** Only a reference when "số" follows (the bare word is too common). */
  needsNumberWord?: true;
}

const TYPE_WORDS: TypeWord[] = [
  { written: 'Thông tư liên tịch', canonical: 'Thông tư Liên tịch' },
  { written: 'Thông tư', canonical: 'Thông tư' },
  { written: 'Thông thư', canonical: 'Thông tư', typo: true },
  { written: 'Thông báo', canonical: 'Thông báo' },
  { written: 'Quyết định', canonical: 'Quyết định' },
  { written: 'Kế hoạch', canonical: 'Kế hoạch' },
  { written: 'Báo cáo', canonical: 'Báo cáo' },
  { written: 'Công văn', canonical: 'Công văn' },
  { written: 'Công điện', canonical: 'Công điện' },
  { written: 'Nghị định', canonical: 'Nghị định' },
  { written: 'Nghị quyết', canonical: 'Nghị quyết' },
  { written: 'Nghị', canonical: 'Nghị định', typo: true, needsNumberWord: true },
  { written: 'Chỉ thị', canonical: 'Chỉ thị' },
  { written: 'Quy định', canonical: 'Quy định' },
  { written: 'Quy chế', canonical: 'Quy chế' },
  { written: 'Hướng dẫn', canonical: 'Hướng dẫn' },
  { written: 'Tờ trình', canonical: 'Tờ trình' },
  { written: 'Kết luận', canonical: 'Kết luận' },
  { written: 'Chương trình', canonical: 'Chương trình' },
  { written: 'Đề án', canonical: 'Đề án' },
  { written: 'Luật', canonical: 'Luật' },
  { written: 'Pháp lệnh', canonical: 'Pháp lệnh' },
  { written: 'văn bản', canonical: 'văn bản' },
];

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A type word whose words may start with either case, separated by any whitespace. */
function typeWordPattern(written: string): string {
  return written
    .split(' ')
    .map((w) => {
      const first = w.charAt(0);
      return `[${first.toUpperCase()}${first.toLowerCase()}]${escapeRe(w.slice(1))}`;
    })
    .join('\\s+');
}

function typeWordKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ');
}

const TYPE_BY_KEY = new Map(TYPE_WORDS.map((t) => [typeWordKey(t.written), t]));

const TYPE_ALT = [...TYPE_WORDS]
  .sort((a, b) => b.written.length - a.written.length)
  .map((t) => typeWordPattern(t.written))
  .join('|');

/** One symbol segment: an upper-case letter, then letters, digits or "&" ("QĐi", "TTg", "QH13"). */
const SEG = '\\p{Lu}[\\p{L}\\p{N}&]*';
const STATE_SYMBOL = `${SEG}(?:-${SEG})*`;
const PARTY_SYMBOL = `${SEG}\\/${SEG}(?:-${SEG})*`;

const REF_RE = new RegExp(
  `(?:(?<![\\p{L}\\p{N}])(${TYPE_ALT})\\s+)?` +
    `(?:(?<![\\p{L}\\p{N}])([sS]ố)\\s+)?` +
    `(?<![\\p{L}\\p{N}\\/.,\\-])(\\d+)(?:\\/(\\d{4}))?(?:\\/(${STATE_SYMBOL})|-(${PARTY_SYMBOL}))`,
  'dgu',
);

const DATE_WORD_RE = /\s+([nN]gày)(?![\p{L}\p{N}])/uy;
const NUMERIC_DATE_RE = /\s+(\d{1,2}\/\d{1,2}\/\d{4})(?![\p{N}/])/uy;
const WORDS_DATE_RE = /\s+(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})(?!\p{N})/uy;
const DATEISH_RE = /\s+(\d[\d/.-]*\d|\d)(?![\p{L}\p{N}/])/uy;

const TYPE_ABBREVIATIONS: Record<string, DocType> = {
  QĐ: 'Quyết định',
  KH: 'Kế hoạch',
  BC: 'Báo cáo',
  NĐ: 'Nghị định',
  NQ: 'Nghị quyết',
  TT: 'Thông tư',
  TTLT: 'Thông tư Liên tịch',
  TB: 'Thông báo',
  CT: 'Chỉ thị',
  QĐI: 'Quy định',
  QC: 'Quy chế',
  HD: 'Hướng dẫn',
  TTR: 'Tờ trình',
  KL: 'Kết luận',
  CTR: 'Chương trình',
  ĐA: 'Đề án',
  CĐ: 'Công điện',
};

function normalizeSymbol(symbol: string): string {
  return symbol.normalize('NFC').replace(/\u00d0/g, 'Đ').toUpperCase();
}

/**
 * The document type a symbol implies: its first segment is the type abbreviation ("QĐ-UBND" →
 * Quyết định, "CT/TU" → Chỉ thị); a state symbol without one is a Công văn ("UBND-KSTTHC",
 * "VPCP-KSTT"). A rule can compare it with the written type word.
 */
export function impliedDocType(symbol: string, separator: '/' | '-' = '/'): DocType | undefined {
  const first = normalizeSymbol(symbol).split(/[-/]/)[0] ?? '';
  const t = TYPE_ABBREVIATIONS[first];
  if (t !== undefined) return t;
  return separator === '/' ? 'Công văn' : undefined;
}

/** The comparison key of a reference: "3162/QĐ-UBND", "45/2020/NĐ-CP", "25-CT/TU". */
export function referenceKey(number: string, symbol: string, separator: '/' | '-' = '/', year?: number): string {
  const n = number.replace(/^0+(?=\d)/, '');
  return `${n}${year !== undefined ? `/${year}` : ''}${separator}${normalizeSymbol(symbol)}`;
}

function upperCount(s: string): number {
  return (s.match(/\p{Lu}/gu) ?? []).length;
}

/** Finds every document reference in `text`, in order, with its position. */
export function findReferences(text: string): DocRef[] {
  // Every reference has a number followed by "/" or "-" and a symbol (or a year): skip prose without one.
  if (!MAYBE_REFERENCE.test(text)) return [];
  return memoText('references', text, scanReferences).map((r) => ({ ...r }));
}

const MAYBE_REFERENCE = /\d[/-]\p{L}|\d\/\d{4}\//u;

function scanReferences(text: string): DocRef[] {
  const refs: DocRef[] = [];
  const re = new RegExp(REF_RE.source, REF_RE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [whole, typeText, numberWord, number = '', yearText, stateSymbol, partySymbol] = m;
    const indices = m.indices;
    const coreStart = indices?.[3]?.[0] ?? m.index + whole.search(/\d/);
    const coreEnd = m.index + whole.length;
    let start = m.index;

    let type: TypeWord | undefined = typeText !== undefined ? TYPE_BY_KEY.get(typeWordKey(typeText)) : undefined;
    if (type?.needsNumberWord && numberWord === undefined) type = undefined;
    const separator: '/' | '-' = stateSymbol !== undefined ? '/' : '-';
    const symbol = stateSymbol ?? partySymbol ?? '';
    // A bare number/symbol (no type word, no "số") must look like a real symbol.
    if (type === undefined && numberWord === undefined && upperCount(symbol) < 2) {
      re.lastIndex = coreStart + 1;
      continue;
    }
    if (type === undefined) {
      // No (usable) type word: the reference starts at "số", or at the number.
      start = numberWord !== undefined ? (indices?.[2]?.[0] ?? coreStart) : coreStart;
    }

    const ref: DocRef = {
      start,
      end: coreEnd,
      text: '',
      number,
      separator,
      symbol,
      coreStart,
      coreEnd,
      key: referenceKey(number, symbol, separator, yearText !== undefined ? Number(yearText) : undefined),
    };
    if (type !== undefined && typeText !== undefined) {
      ref.docTypeText = typeText;
      ref.docType =
        type.typo && type.written === 'Nghị'
          ? impliedDocType(symbol, separator) === 'Nghị quyết'
            ? 'Nghị quyết'
            : 'Nghị định'
          : type.canonical;
      if (type.typo) ref.docTypeTypo = true;
    }
    if (numberWord !== undefined) ref.numberWord = numberWord;
    if (yearText !== undefined) ref.year = Number(yearText);

    readDate(text, ref);
    ref.text = text.slice(ref.start, ref.end);
    refs.push(ref);
    // Continue after the date, so that no reference overlaps another.
    re.lastIndex = ref.end;
  }
  return refs;
}

/** Reads "ngày <date>" after the symbol, extending the reference's end. */
function readDate(text: string, ref: DocRef): void {
  DATE_WORD_RE.lastIndex = ref.coreEnd;
  const w = DATE_WORD_RE.exec(text);
  if (!w) return;
  ref.dateWord = w[1] ?? 'ngày';
  const afterWord = DATE_WORD_RE.lastIndex;
  for (const re of [NUMERIC_DATE_RE, WORDS_DATE_RE]) {
    re.lastIndex = afterWord;
    const d = re.exec(text);
    if (d) {
      const dateText = d[1] ?? '';
      const parsed = attempt(() => parseViDate(dateText));
      if (parsed.ok) ref.date = parsed.value;
      else {
        ref.dateError = parsed.error;
        ref.dateText = dateText;
      }
      ref.end = re.lastIndex;
      return;
    }
  }
  DATEISH_RE.lastIndex = afterWord;
  const d = DATEISH_RE.exec(text);
  if (d) {
    const dateText = d[1] ?? '';
    const parsed = attempt(() => parseViDate(dateText));
    ref.dateError = parsed.ok
      ? new CodecError('malformed', dateText, `Ngày "${dateText}" không đúng dạng`)
      : parsed.error;
    ref.dateText = dateText;
    ref.end = DATEISH_RE.lastIndex;
    return;
  }
  ref.dateMissing = true;
  ref.end = afterWord;
}

/** Parses a single reference; the whole string must be one reference. */
export function parseReference(s: string): DocRef {
  const text = s.trim();
  if (text === '') throw new CodecError('empty', s, 'Không có số hiệu văn bản: chuỗi rỗng');
  const refs = findReferences(text);
  const ref = refs[0];
  if (refs.length !== 1 || ref === undefined || ref.start !== 0 || ref.end !== text.length) {
    throw new CodecError(
      'malformed',
      s,
      `"${text}" không phải một trích dẫn văn bản hợp lệ (dạng "Quyết định số 3162/QĐ-UBND ngày 20/12/2021")`,
    );
  }
  return ref;
}

export const tryParseReference = (s: string): Result<DocRef> => attempt(() => parseReference(s));

/** The number and symbol: "3162/QĐ-UBND", "45/2020/NĐ-CP", "25-CT/TU". */
export function formatReferenceCore(
  ref: Pick<DocRef, 'number' | 'year' | 'separator' | 'symbol'>,
): string {
  return `${ref.number}${ref.year !== undefined ? `/${ref.year}` : ''}${ref.separator}${ref.symbol}`;
}

/**
 * Writes a reference back from its parts. Reproduces the written text for references written
 * with single spaces (other whitespace, such as a line break before the date, becomes one space).
 */
export function formatReference(
  ref: Pick<
    DocRef,
    'docTypeText' | 'numberWord' | 'number' | 'year' | 'separator' | 'symbol' | 'dateWord' | 'date' | 'dateText'
  >,
): string {
  const parts: string[] = [];
  if (ref.docTypeText !== undefined) parts.push(ref.docTypeText.replace(/\s+/g, ' '));
  if (ref.numberWord !== undefined) parts.push(ref.numberWord);
  parts.push(formatReferenceCore(ref));
  if (ref.dateWord !== undefined) {
    parts.push(ref.dateWord);
    if (ref.date !== undefined) parts.push(formatViDate(ref.date).replace(/\s+/g, ' '));
    else if (ref.dateText !== undefined) parts.push(ref.dateText);
  } else if (ref.date !== undefined) {
    parts.push('ngày', formatViDate(ref.date));
  }
  return parts.join(' ');
}
