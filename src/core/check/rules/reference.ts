/**
 * reference: citations of documents ("Quyết định số 3162/QĐ-UBND ngày 20/12/2021") across the
 * whole report, narrative and tables alike.
 * - the same document (same key; numbers of non-normative documents restart each year, so only
 *   citations dated in the same year are the same document) cited with different dates → error
 *   listing the dates;
 * - "ngày" with no date after it → error (with the date cited elsewhere, when there is one);
 *   an invalid date → error;
 * - a normative document whose number year differs from its date's year ("45/2020/NĐ-CP ngày
 *   08/4/2021") → warning;
 * - a truncated year ("năm 202") → warning (with the year written in another citation of the
 *   same document, when there is one);
 * - a misspelt type word ("Thông thư", "Nghị số") → info; a type word that contradicts the
 *   symbol ("Báo cáo số 9475/VPCP-KSTT", a công văn symbol) → info.
 */
import { findReferences, formatViDate, impliedDocType, tryParseViDate, type DocRef } from '../../codec';
import { lowerBound, type CheckContext, type Pos, type RawFinding, type TextUnit } from '../context';
import { sectionName } from '../place';
import { joinVi } from './util';

interface Cited {
  ref: DocRef;
  unit: TextUnit;
  pos: Pos;
}

const TRUNCATED_YEAR = /(?<![\p{L}\p{N}])(năm)\s+((?:19|20)\d?)(?![\p{N}.,/])/giu;

const MAX_CITATIONS_SEARCHED = 64;

/**
 * The citation a truncated year belongs to: the first citation of its paragraph that ends before
 * it with no ";" in between (binary searches over the paragraph's ";" and citations).
 */
function ownerOf(t: { unit: TextUnit; start: number }, inUnit: Cited[], index: Map<TextUnit, { semis: number[]; ends: number[] }>): Cited | undefined {
  let idx = index.get(t.unit);
  if (!idx) {
    const semis: number[] = [];
    for (let i = t.unit.text.indexOf(';'); i >= 0; i = t.unit.text.indexOf(';', i + 1)) semis.push(i);
    idx = { semis, ends: inUnit.map((c) => c.ref.end) };
    index.set(t.unit, idx);
  }
  const { semis, ends } = idx;
  // The last ";" before the year; the owner must end after it.
  const k = lowerBound(semis, t.start) - 1;
  const lastSemi = k >= 0 ? semis[k]! : -1;
  const i = lowerBound(ends, lastSemi + 1);
  const c = inUnit[i];
  return c && c.ref.end <= t.start ? c : undefined;
}


function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function posIn(unit: TextUnit, start: number, end: number): Pos {
  return { block: unit.block, ...(unit.row !== undefined ? { row: unit.row, cell: unit.cell } : {}), start, end };
}

function core(ref: DocRef): string {
  return `${ref.number}${ref.year !== undefined ? `/${ref.year}` : ''}${ref.separator}${ref.symbol}`;
}

function name(ref: DocRef): string {
  return `${ref.docType ?? 'Văn bản'} số ${core(ref)}`;
}

/** The clause after a reference, up to ";" or the end of the sentence. */
function clauseAfter(text: string, end: number): { start: number; text: string } {
  const rest = text.slice(end);
  const m = /[;\n]|\.(?=\s|$)/u.exec(rest);
  return { start: end, text: m ? rest.slice(0, m.index) : rest };
}

const LEADING_DATE = /^\s*(\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})(?![\p{N}/])/u;

/**
 * "… ngày" at the very end of a paragraph whose next paragraph (same section) opens with a date:
 * a page break cut the reference, the date is there.
 */
function continueDate(ref: DocRef, unit: TextUnit, next: TextUnit | undefined): void {
  if (unit.row !== undefined || !next || next.row !== undefined || next.section !== unit.section) return;
  if (unit.text.slice(ref.end).trim() !== '') return;
  const m = LEADING_DATE.exec(next.text);
  const parsed = m ? tryParseViDate(m[1] ?? '') : undefined;
  if (!parsed?.ok) return;
  ref.date = parsed.value;
  delete ref.dateMissing;
}

export function referenceRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const cited: Cited[] = [];
  const truncated: { unit: TextUnit; start: number; end: number; text: string }[] = [];
  const units = ctx.units();
  units.forEach((unit, i) => {
    for (const ref of /\d/.test(unit.text) ? findReferences(unit.text) : []) {
      if (ref.dateMissing) continueDate(ref, unit, units[i + 1]);
      cited.push({ ref, unit, pos: posIn(unit, ref.start, ref.end) });
    }
    for (const m of unit.text.matchAll(TRUNCATED_YEAR)) {
      const start = m.index + m[0].length - (m[2]?.length ?? 0);
      truncated.push({ unit, start, end: start + (m[2]?.length ?? 0), text: m[0] });
    }
  });

  // Every citation is verified against the others of the same document (date, number, type).
  ctx.tally('reference', cited.length);
  const byKey = new Map<string, Cited[]>();
  const byUnit = new Map<TextUnit, Cited[]>();
  for (const c of cited) {
    pushTo(byKey, c.ref.key, c);
    pushTo(byUnit, c.unit, c);
  }

  // Same document, different dates (grouped by the year of the date).
  for (const [, list] of byKey) {
    const byYear = new Map<number, Cited[]>();
    for (const c of list) if (c.ref.date) pushTo(byYear, c.ref.date.year, c);
    for (const [, same] of byYear) {
      const dates = new Map<string, { first: Cited; n: number }>();
      for (const c of same) {
        const d = c.ref.date!;
        const k = `${d.year}-${d.month}-${d.day}`;
        const seen = dates.get(k);
        if (seen) seen.n++;
        else dates.set(k, { first: c, n: 1 });
      }
      if (dates.size < 2) continue;
      const firsts = [...dates.values()].map((d) => d.first);
      const first = firsts[0]!;
      const counts = [...dates.values()].map((d) => d.n);
      out.push(
        ctx.finding(
          'reference',
          'error',
          `${name(first.ref)} được trích dẫn với ${firsts.length} ngày khác nhau: ${joinVi(
            firsts.map((c, i) => `ngày ${c.ref.date!.text} (${counts[i]} lần, ${sectionName(c.unit.section)})`),
          )}. Cùng một văn bản phải ghi cùng một ngày ban hành.`,
          [core(first.ref), ...firsts.map((c) => c.ref.date!.text)],
          firsts.map((c) => ({ pos: c.pos })),
        ),
      );
    }
  }

  for (const c of cited) {
    const ref = c.ref;
    if (ref.dateMissing || ref.dateError) {
      const others = (byKey.get(ref.key) ?? []).filter((o) => o.ref.date);
      const dated = others[0];
      const elsewhere = dated ? ` Nơi khác trong báo cáo ghi ${core(dated.ref)} ngày ${dated.ref.date!.text} (${sectionName(dated.unit.section)}).` : '';
      const expected = dated ? `${core(ref)} ngày ${formatViDate(dated.ref.date!)}` : undefined;
      const what = ref.dateMissing ? 'sau chữ "ngày" không có ngày tháng' : `ngày "${ref.dateText ?? ''}" không hợp lệ (${ref.dateError?.message ?? ''})`;
      out.push(
        ctx.finding('reference', 'error', `${name(ref)}: ${what}.${elsewhere}`, [ref.text.trim()], [{ pos: c.pos }, ...(dated ? [{ pos: dated.pos }] : [])], expected),
      );
    }
    if (ref.year !== undefined && ref.date && ref.date.year !== ref.year) {
      out.push(
        ctx.finding(
          'reference',
          'warning',
          `${name(ref)} mang năm ${ref.year} trong số hiệu nhưng ghi ngày ${ref.date.text} (năm ${ref.date.year}); một trong hai bị ghi sai.`,
          [core(ref), ref.date.text],
          [{ pos: c.pos }],
        ),
      );
    }
    if (ref.docTypeTypo && ref.docTypeText && ref.docType) {
      const expected = ref.text.replace(ref.docTypeText, ref.docType);
      out.push(ctx.finding('reference', 'info', `Viết sai tên loại văn bản: "${ref.docTypeText}" (đúng là "${ref.docType}") trong "${ref.text.trim()}".`, [ref.docTypeText], [{ pos: c.pos }], expected));
    } else if (ref.docType && ref.docType !== 'văn bản' && ref.docTypeText) {
      const implied = impliedDocType(ref.symbol, ref.separator);
      if (implied && implied !== ref.docType && !(implied === 'Quy định' && ref.docType === 'Quyết định')) {
        out.push(
          ctx.finding(
            'reference',
            'info',
            `"${ref.text.trim()}": ký hiệu ${ref.symbol} là của ${implied.toLowerCase()}, nhưng tên loại văn bản ghi "${ref.docTypeText}".`,
            [core(ref)],
            [{ pos: c.pos }],
          ),
        );
      }
    }
  }

  // A symbol written without its hyphen ("174/UBNDKSTTHC") while the report writes it with one elsewhere.
  const hyphenated = new Map<string, string>();
  for (const c of cited) if (c.ref.symbol.includes('-')) hyphenated.set(c.ref.symbol.replace(/-/g, '').toUpperCase(), c.ref.symbol);
  for (const c of cited) {
    if (c.ref.symbol.includes('-') || c.ref.symbol.includes('/')) continue;
    const proper = hyphenated.get(c.ref.symbol.toUpperCase());
    if (!proper) continue;
    const expected = `${c.ref.number}/${proper}`;
    out.push(
      ctx.finding('reference', 'info', `Ký hiệu "${core(c.ref)}" thiếu dấu gạch nối; nơi khác trong báo cáo viết "${proper}".`, [core(c.ref)], [{ pos: c.pos }], expected),
    );
  }

  // Truncated years ("năm 202"): the same clause in another citation of the document may tell the year.
  const unitIndex = new Map<TextUnit, { semis: number[]; ends: number[] }>();
  const clauses = new Map<Cited, string>();
  const yearByPrefix = new Map<string, string | undefined>();
  for (const t of truncated) {
    const owner = ownerOf(t, byUnit.get(t.unit) ?? [], unitIndex);
    let expected: string | undefined;
    if (owner) {
      const mine = clauseAfter(t.unit.text, owner.ref.end).text;
      const prefix = mine.slice(0, t.start - owner.ref.end).replace(/\s+/g, ' ').trim().toLowerCase();
      const memo = `${owner.ref.key}\u0000${prefix}`;
      if (yearByPrefix.has(memo)) expected = yearByPrefix.get(memo);
      else {
        // The first few other citations suffice; a document cited thousands of times is not searched whole.
        const others = (byKey.get(owner.ref.key) ?? []).slice(0, MAX_CITATIONS_SEARCHED);
        for (const other of others) {
          if (other === owner) continue;
          let theirs = clauses.get(other);
          if (theirs === undefined) clauses.set(other, (theirs = clauseAfter(other.unit.text, other.ref.end).text.replace(/\s+/g, ' ').trim()));
          if (!theirs.toLowerCase().startsWith(prefix)) continue;
          const m = /^\s*(\d{4})/.exec(theirs.slice(prefix.length));
          if (m) {
            expected = `năm ${m[1]}`;
            break;
          }
        }
        yearByPrefix.set(memo, expected);
      }
    }
    const digits = t.unit.text.slice(t.start, t.end);
    out.push(
      ctx.finding(
        'reference',
        'warning',
        `Năm viết thiếu chữ số: "năm ${digits}"${owner ? ` (trong trích dẫn ${name(owner.ref)})` : ''}${expected ? `; nơi khác trích dẫn cùng văn bản ghi "${expected}"` : ''}.`,
        [`năm ${digits}`],
        [{ pos: posIn(t.unit, t.start, t.end) }],
        expected,
      ),
    );
  }
  return out;
}
