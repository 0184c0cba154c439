/**
 * Section paths of a report from its headings.
 *
 * Paths: "header" (everything before "A."), "A", "A.1", "A.2.1", "B.I.2.5", "B.II.4.14",
 * "B.III", "B.III.1", "closing" (from "… trân trọng báo cáo …" / "Nơi nhận:"), and "PL-I",
 * "PL-II", "PL-III" for the appendices (with the form number from "Biểu mẫu N" kept apart,
 * since the path grammar has no form component). Lettered items "a)", "b)", "đ)" do not change
 * the path (the schema's section grammar has no letter level).
 *
 * With the template's outline, a heading whose title starts with one of a section's `headings`
 * opens that section whatever its numbering: a department's report "I. Công tác chỉ đạo…,
 * II. Kết quả…, III. Đánh giá…, IV. Phương hướng…" without part A lands in B.I, B.II, the
 * evaluation section and B.III of the CCHC outline, not in "header". Numbered subsections follow
 * their parent ("1." under B.II is B.II.1).
 *
 * Recognition works on the text only, never on styles: received documents often have typed
 * numbers instead of numbering styles. A numbered line is a heading only when its number is
 * plausible in context ("4.14." after "4.13.", "1." right after a Roman heading), so body text
 * that starts with a figure ("30.407 hồ sơ …") does not move the path. Paragraphs split by a page
 * break stay in their section (a continuation has no heading). Header lines put in a table
 * (the Nghị định 30 layout) are "header" like any block before "A.".
 */
import type { DocumentSnapshot } from '../document';
import type { OutlineSection } from '../template/schema';

/** An appendix's Roman numeral ("Phụ lục II"). */
export type AppendixNumeral = string;

export interface BlockSection {
  /** Section path (matches the schema's SectionSchema). */
  path: string;
  /** Appendix and form for blocks inside an appendix. */
  appendix?: AppendixNumeral;
  form?: number;
  /** The heading this paragraph opens, when it is one. */
  heading?: Heading;
}

export type Heading =
  | { level: 'letter'; label: string }
  | { level: 'roman'; label: string }
  | { level: 'number'; numbers: number[] }
  | { level: 'item'; label: string }
  | { level: 'appendix'; label: AppendixNumeral }
  | { level: 'form'; form: number }
  | { level: 'closing' };

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const LETTERS = ['A', 'B', 'C', 'D', 'E'];

const LETTER_RE = /^([A-E])\.\s*(?=\p{Lu})/u;
const ROMAN_RE = /^(X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s*(?=\p{L})/u;
const MULTI_RE = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s*(?=\p{L})/u;
const SINGLE_RE = /^(\d{1,2})\.\s*(?=\p{L})/u;
const ITEM_RE = /^([a-zđ])\)\s/u;
const APPENDIX_RE = /^phụ\s*lục\s*(?:số\s*)?(X|IX|VIII|VII|VI|V|IV|III|II|I)(?=$|[\s.:–-])/iu;
const FORM_RE = /^biểu\s*mẫu\s*(?:số\s*)?(\d{1,2})\b/iu;
const CLOSING_RE = /^nơi nhận\b|trân trọng báo cáo/iu;

/** Cleans a paragraph for heading detection: NFC, stray markup stars, leading spaces. */
function clean(text: string): string {
  return text.normalize('NFC').replace(/^[\s*]+/, '').replace(/\s+/g, ' ');
}

/** Parses the heading a paragraph starts with, without context (see computeSections). */
export function parseHeading(text: string): Heading | undefined {
  const t = clean(text);
  let m: RegExpExecArray | null;
  if ((m = APPENDIX_RE.exec(t))) return { level: 'appendix', label: m[1]!.toUpperCase() as AppendixNumeral };
  if ((m = FORM_RE.exec(t)) && t.length < 40) return { level: 'form', form: Number(m[1]) };
  if ((m = LETTER_RE.exec(t))) return { level: 'letter', label: m[1]! };
  if ((m = ROMAN_RE.exec(t))) return { level: 'roman', label: m[1]! };
  if ((m = MULTI_RE.exec(t))) return { level: 'number', numbers: m[1]!.split('.').map(Number) };
  if ((m = SINGLE_RE.exec(t))) return { level: 'number', numbers: [Number(m[1])] };
  if ((m = ITEM_RE.exec(t))) return { level: 'item', label: m[1]! };
  if (CLOSING_RE.test(t)) return { level: 'closing' };
  return undefined;
}

/** The heading's title: its text after the number or letter that opens it. */
function titleOf(text: string): string {
  return clean(text)
    .replace(/^(?:[A-E]|X|IX|VIII|VII|VI|V|IV|III|II|I|\d{1,2}(?:\.\d{1,2})*)\.?\s*/u, '')
    .replace(/[.:]+$/, '')
    .toLowerCase();
}

/** A body path's parts: "B.II.3" → letter B, roman II, numbers [3]; "II.1" → roman II, [1]. */
function splitPath(path: string): { letter?: string; roman?: string; numbers: number[] } {
  const parts = path.split('.');
  const out: { letter?: string; roman?: string; numbers: number[] } = { numbers: [] };
  if (parts[0] && /^[A-E]$/.test(parts[0])) out.letter = parts.shift();
  if (parts[0] && /^[IVX]+$/.test(parts[0])) out.roman = parts.shift();
  out.numbers = parts.map(Number);
  return out;
}

/** The outline section a heading's title opens, if any (the longest matching wording wins). */
function outlineMatch(outline: readonly OutlineSection[], title: string): OutlineSection | undefined {
  let best: { section: OutlineSection; length: number } | undefined;
  for (const section of outline)
    for (const h of section.headings) {
      const key = h.normalize('NFC').toLowerCase();
      if (title.startsWith(key) && (!best || key.length > best.length)) best = { section, length: key.length };
    }
  return best?.section;
}

/** Is a numbered heading plausible after the current numbering? */
function plausibleNumber(current: number[], next: number[]): boolean {
  const k = next.length;
  const last = next[k - 1] ?? 0;
  if (k === 1) {
    const cur = current[0];
    if (cur === undefined) return last >= 1 && last <= 2;
    return last > cur && last <= cur + 2;
  }
  if (current.length < k - 1) return false;
  for (let i = 0; i < k - 1; i++) if (current[i] !== next[i]) return false;
  const prevSibling = current.length >= k ? (current[k - 1] ?? 0) : 0;
  return last > prevSibling && last <= prevSibling + 2;
}

/**
 * The section of every block of the snapshot, indexed like `snapshot.blocks`. Tables take the
 * section of the text before them.
 */
export function computeSections(snapshot: DocumentSnapshot, outline: readonly OutlineSection[] = []): BlockSection[] {
  type Zone = 'header' | 'body' | 'closing' | 'appendix';
  let zone: Zone = 'header';
  let letter: string | undefined;
  let roman: string | undefined;
  let numbers: number[] = [];
  let appendix: AppendixNumeral | undefined;
  let form: number | undefined;

  const bodyPath = () => [letter, roman, ...numbers.map(String)].filter((s) => s !== undefined).join('.');
  const current = (): BlockSection => {
    if (zone === 'header') return { path: 'header' };
    if (zone === 'closing') return { path: 'closing' };
    if (zone === 'appendix' && appendix) return { path: `PL-${appendix}`, appendix, ...(form !== undefined ? { form } : {}) };
    return { path: bodyPath() || 'header' };
  };

  const out: BlockSection[] = [];
  for (const block of snapshot.blocks) {
    if (block.type === 'table') {
      // The recipients / signature block is often a two-column table.
      const first = block.rows[0]?.cells[0]?.text ?? '';
      if (zone === 'body' && /^\s*nơi nhận/iu.test(first.normalize('NFC'))) zone = 'closing';
      out.push(current());
      continue;
    }
    const h = parseHeading(block.text);
    let accepted: Heading | undefined;
    // A heading that names an outline section opens it, whatever its numbering: at the letter
    // and Roman levels anywhere in the body (or before it), at the number level only for the
    // children of the current section, or before any letter/Roman heading (Arabic top level).
    const named = h && (h.level === 'letter' || h.level === 'roman' || h.level === 'number') && zone !== 'appendix' && zone !== 'closing' ? outlineMatch(outline, titleOf(block.text)) : undefined;
    const parent = [letter, roman].filter((s) => s !== undefined).join('.');
    if (h && named && (h.level !== 'number' || parent === '' || named.path.startsWith(`${parent}.`))) {
      const p = splitPath(named.path);
      zone = 'body';
      letter = p.letter;
      roman = p.roman;
      numbers = p.numbers;
      accepted = h;
    } else if (h) {
      switch (h.level) {
        case 'appendix':
          zone = 'appendix';
          appendix = h.label;
          form = undefined;
          accepted = h;
          break;
        case 'form':
          if (zone === 'appendix') {
            form = h.form;
            accepted = h;
          }
          break;
        case 'closing':
          if (zone === 'body') {
            zone = 'closing';
            accepted = h;
          }
          break;
        case 'letter': {
          const expected = letter === undefined ? 'A' : LETTERS[LETTERS.indexOf(letter) + 1];
          if ((zone === 'header' || zone === 'body') && h.label === expected) {
            zone = 'body';
            letter = h.label;
            roman = undefined;
            numbers = [];
            accepted = h;
          }
          break;
        }
        case 'roman': {
          const expected = roman === undefined ? 'I' : ROMANS[ROMANS.indexOf(roman) + 1];
          if (zone === 'body' && (letter !== undefined || roman !== undefined) && h.label === expected) {
            roman = h.label;
            numbers = [];
            accepted = h;
          }
          break;
        }
        case 'number':
          if (zone === 'body' && (letter !== undefined || roman !== undefined) && plausibleNumber(numbers, h.numbers)) {
            numbers = h.numbers;
            accepted = h;
          }
          break;
        case 'item':
          if (zone === 'body') accepted = h;
          break;
      }
    }
    out.push({ ...current(), ...(accepted ? { heading: accepted } : {}) });
  }
  return out;
}

/** Does a block in section `blockPath` belong to the wanted section (prefix match by components)? */
export function inSection(blockPath: string, wanted: string): boolean {
  return blockPath === wanted || blockPath.startsWith(`${wanted}.`);
}
