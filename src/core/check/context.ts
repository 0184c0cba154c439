/**
 * What every rule reads: the snapshot, the template, the located fields (located once), the
 * sections and appendix rows, and helpers that turn a position into a contract location with a
 * short excerpt. Also the lenient reading of a written figure (a count written "28,375" is read
 * as 28.375 so that relations can still be evaluated; the number-format rule reports the
 * separator).
 */
import type { Block, DocumentSnapshot, TableBlock } from '../document';
import {
  memoText,
  scanNumericTokens,
  tryParseCount,
  tryParseDecimal,
  tryParseFraction,
  tryParsePair,
  tryParsePercent,
  tryParseViDate,
  tryParseViNumber,
  type CodecError,
  type NumericToken,
  type ViDate,
  type ViNumber,
} from '../codec';
import type { AppendixColumn, AppendixForm, AppendixRow } from '../recognize/appendix';
import type { LocatedOccurrence, LocateResult } from '../recognize/locate';
import type { BlockSection } from '../recognize/sections';
import { appendixColumn, columnName, pathWordings, type Field, type FieldKind, type TemplateDefinition } from '../template/schema';
import type { Finding, Location, Rule, Severity } from './findings';

/** A span of text in the document: a paragraph, or a table cell (row/cell set). */
export interface Pos {
  block: number;
  row?: number;
  cell?: number;
  start: number;
  end: number;
}

export function posKey(p: Pos): string {
  return `${p.block}:${p.row ?? ''}:${p.cell ?? ''}:${p.start}`;
}

/** A finding with its document-order key (dropped from the output). */
export interface RawFinding extends Finding {
  order: number[];
  /** The id of the template relation this finding judges, if any (dropped from the output). */
  relation?: string;
}

export interface AppendixCellInfo {
  form: AppendixForm;
  row: AppendixRow;
  column?: AppendixColumn;
  /** The template's name of a column found by its header path (a wide form's value column). */
  columnName?: string;
}

/** A paragraph or a table cell, with its section. */
export interface TextUnit {
  block: number;
  row?: number;
  cell?: number;
  text: string;
  section: string;
  /** Set for cells of appendix tables. */
  appendix?: AppendixCellInfo;
}

/** A located occurrence read as its field's kind. */
export interface ValueAt {
  occ: LocatedOccurrence;
  field: Field;
  pos?: Pos;
  /** As written, trimmed ('' when the place is empty). */
  text: string;
  empty: boolean;
  num?: ViNumber;
  /** The strict reading failed but a suggestion was read (e.g. "28,375" for a count). */
  issue?: CodecError;
  fraction?: { numerator: ViNumber; denominator: ViNumber };
  pair?: { first: ViNumber; second: ViNumber };
  date?: ViDate;
  /** The text could not be read as the field's kind. */
  unreadable?: CodecError;
}

export function describeForm(form: Pick<AppendixForm, 'appendix' | 'form'>): string {
  return `Phụ lục ${form.appendix}${form.form !== undefined ? ` / Biểu mẫu ${form.form}` : ''}`;
}

/** Reads a figure of a numeric kind leniently (see module comment). */
export function readNumber(kind: 'count' | 'percent' | 'decimal', text: string): { num?: ViNumber; issue?: CodecError; unreadable?: CodecError } {
  const strict = kind === 'count' ? tryParseCount : kind === 'percent' ? tryParsePercent : tryParseDecimal;
  const r = strict(text);
  if (r.ok) return { num: r.value };
  const e = r.error;
  if (e.code === 'separator' && e.suggestion !== undefined) {
    const again = strict(e.suggestion);
    if (again.ok) return { num: again.value, issue: e };
  }
  if (kind === 'percent' && e.code === 'kind') {
    // A "%" row whose cell omits the sign ("95"): the unit column says it is a percentage.
    const n = tryParseViNumber(text);
    if (n.ok && n.value.kind !== 'percent') return { num: { ...n.value, kind: 'percent' } };
  }
  return { unreadable: e };
}

const SENTENCE_END = /[.!?;](?=\s+[\p{Lu}\d(“"-])|\n/gu;
const EXCERPT_MAX = 160;

/**
 * Where the sentences of a text end: the offset of each ending mark and whether it is a line
 * break. Scanned once per distinct text (memoised within a check), so locating thousands of
 * findings in one long paragraph stays linear.
 */
interface SentenceEnds {
  at: number[];
  newline: boolean[];
}

function scanSentenceEnds(text: string): SentenceEnds {
  const at: number[] = [];
  const newline: boolean[] = [];
  for (const m of text.matchAll(SENTENCE_END)) {
    at.push(m.index);
    newline.push(m[0] === '\n');
  }
  return { at, newline };
}

/** Index of the first entry of a sorted array that is >= x. */
export function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** [start, end) of the sentence of `text` containing [start, end). */
export function sentenceBounds(text: string, start: number, end: number): [number, number] {
  const ends = memoText('sentence-ends', text, scanSentenceEnds);
  // The last mark before `start` opens the sentence; the first at or after `end` closes it.
  const before = lowerBound(ends.at, start) - 1;
  const s = before >= 0 ? ends.at[before]! + 1 : 0;
  const after = lowerBound(ends.at, Math.max(end, start));
  const e = after < ends.at.length ? ends.at[after]! + (ends.newline[after] ? 0 : 1) : text.length;
  return [s, e];
}

/** The sentence of `text` containing [start, end), cut to about 160 characters around it. */
export function sentenceAround(text: string, start: number, end: number): string {
  const [s, e] = sentenceBounds(text, start, end);
  return cutAround(text.slice(s, e), start - s, end - s);
}

/** Cuts `text` to about `max` characters around [start, end), at word boundaries, with "…". */
export function cutAround(text: string, start: number, end: number, max = EXCERPT_MAX): string {
  const trimmedLead = text.length - text.trimStart().length;
  let t = text.trim();
  start -= trimmedLead;
  end -= trimmedLead;
  if (t.length <= max) return t;
  const room = Math.max(0, max - (end - start));
  let a = Math.max(0, start - Math.floor(room / 2));
  let b = Math.min(t.length, a + Math.max(max, end - start));
  a = Math.max(0, Math.min(a, b - max));
  if (a > 0) {
    const sp = t.indexOf(' ', a);
    if (sp >= 0 && sp < start) a = sp + 1;
  }
  if (b < t.length) {
    const sp = t.lastIndexOf(' ', b);
    if (sp > end) b = sp;
  }
  t = `${a > 0 ? '…' : ''}${t.slice(a, b).trim()}${b < t.length ? '…' : ''}`;
  return t;
}

export class CheckContext {
  readonly fieldById: Map<string, Field>;
  readonly occByField = new Map<string, LocatedOccurrence[]>();
  readonly sections: BlockSection[];
  /** Positions already judged by a template relation, per rule class (template-free rules skip them). */
  readonly covered = { ratio: new Set<string>(), sum: new Set<string>(), numberFormat: new Set<string>() };
  /** Spans of the first figure of every error finding raised so far, by block (later rules avoid repeating them). */
  private readonly flaggedSpans = new Map<number, Pos[]>();
  /**
   * Relations verified, per rule class ("ratio", "sum", …): with `unverified` (statements read
   * but not checkable), the report's `checked` summary. Every rule, template or template-free
   * (the statement reader too), adds to it through `tally`, whether or not the relation held.
   */
  readonly checked: Record<string, number> = {};
  private unverifiedCount = 0;
  private readonly unverifiedKeys = new Set<string>();
  private readonly verifiedKeys = new Set<string>();
  private readonly cellInfo = new Map<string, AppendixCellInfo>();
  /** Rows the template addresses by their label (no code: "TỔNG CỘNG"), named so in findings. */
  private readonly rowAddress = new Map<AppendixRow, string>();
  private unitsCache: TextUnit[] | undefined;
  private readonly tokenCache = new Map<TextUnit, NumericToken[]>();
  private readonly valueCache = new Map<string, ValueAt[]>();

  constructor(
    readonly definition: TemplateDefinition,
    readonly snapshot: DocumentSnapshot,
    readonly located: LocateResult,
    readonly mode: 'bound' | 'recognized',
    /**
     * Figures as an edit is about to write them (field id → text), read in place of what the
     * snapshot holds at every found place of the field: the quick re-check of an edit.
     */
    private readonly overrides?: ReadonlyMap<string, string>,
  ) {
    this.fieldById = new Map(definition.fields.map((f) => [f.id, f]));
    for (const o of located.occurrences) {
      const list = this.occByField.get(o.fieldId) ?? [];
      list.push(o);
      this.occByField.set(o.fieldId, list);
    }
    this.sections = located.sections;
    for (const f of definition.fields)
      for (const o of f.occurrences) {
        if (o.where !== 'appendix') continue;
        const hit = located.appendix.findRow(o.appendix, o.form, o.row);
        if (hit && hit.row.code.trim() === '' && !this.rowAddress.has(hit.row)) this.rowAddress.set(hit.row, o.row);
      }
    for (const form of located.appendix.forms) {
      for (const row of form.rows) {
        for (const part of row.parts) {
          const byCell = new Map<number, AppendixColumn>();
          for (const [col, i] of Object.entries(part.cells) as [AppendixColumn, number][]) byCell.set(i, col);
          const byName = new Map<number, string>();
          for (const [name, i] of Object.entries(part.named ?? {})) byName.set(i, name);
          const table = this.snapshot.blocks[part.tableIndex];
          const n = table?.type === 'table' ? (table.rows[part.rowIndex]?.cells.length ?? 0) : 0;
          for (let c = 0; c < n; c++) {
            const column = byCell.get(c);
            const name = byName.get(c);
            this.cellInfo.set(`${part.tableIndex}:${part.rowIndex}:${c}`, { form, row, ...(column ? { column } : {}), ...(name !== undefined ? { column: 'value' as const, columnName: name } : {}) });
          }
        }
      }
    }
  }

  /**
   * One more relation of class `kind` verified (consistent or not); `tally('unverified')`: a
   * statement read but not checkable.
   */
  tally(kind: string, n = 1): void {
    if (n <= 0) return;
    if (kind === 'unverified') this.unverifiedCount += n;
    else this.checked[kind] = (this.checked[kind] ?? 0) + n;
  }

  /** The same, once per key however many rules find it unverifiable (e.g. a template relation's id). */
  markUnverified(key: string): void {
    this.unverifiedKeys.add(key);
  }

  /** A position judged after all (e.g. by the sentence rule): no longer unverified. */
  markVerified(key: string): void {
    this.verifiedKeys.add(key);
  }

  get unverified(): number {
    let n = this.unverifiedCount;
    for (const k of this.unverifiedKeys) if (!this.verifiedKeys.has(k)) n++;
    return n;
  }

  /** Identity of the sentence (paragraph) or cell holding a position. */
  sentenceKey(p: Pos): string {
    if (p.row !== undefined) return `${p.block}:${p.row}:${p.cell ?? ''}`;
    const [s] = sentenceBounds(this.textAt(p), p.start, p.end);
    return `${p.block}::${s}`;
  }

  /** Does an error finding already concern a figure overlapping this span? */
  isFlagged(p: Pos): boolean {
    return (this.flaggedSpans.get(p.block) ?? []).some(
      (f) => f.block === p.block && f.row === p.row && f.cell === p.cell && f.start < Math.max(p.end, p.start + 1) && p.start < Math.max(f.end, f.start + 1),
    );
  }

  block(i: number): Block | undefined {
    return this.snapshot.blocks[i];
  }

  sectionOf(block: number): string {
    return this.sections[block]?.path ?? 'header';
  }

  appendixCell(block: number, row: number, cell: number): AppendixCellInfo | undefined {
    return this.cellInfo.get(`${block}:${row}:${cell}`);
  }

  /** Text of a paragraph or cell. */
  textAt(p: Pick<Pos, 'block' | 'row' | 'cell'>): string {
    const b = this.block(p.block);
    if (!b) return '';
    if (b.type === 'paragraph') return b.text;
    if (p.row === undefined || p.cell === undefined) return '';
    return b.rows[p.row]?.cells[p.cell]?.text ?? '';
  }

  /** Every non-empty paragraph and table cell, in document order. */
  units(): TextUnit[] {
    if (this.unitsCache) return this.unitsCache;
    const out: TextUnit[] = [];
    for (const b of this.snapshot.blocks) {
      const section = this.sectionOf(b.index);
      if (b.type === 'paragraph') {
        if (b.text.trim()) out.push({ block: b.index, text: b.text, section });
        continue;
      }
      b.rows.forEach((row, r) =>
        row.cells.forEach((cell, c) => {
          if (cell.mergedUp || !cell.text.trim()) return;
          const appendix = this.appendixCell(b.index, r, c);
          out.push({ block: b.index, row: r, cell: c, text: cell.text, section, ...(appendix ? { appendix } : {}) });
        }),
      );
    }
    this.unitsCache = out;
    return out;
  }

  /** The numeric tokens of a unit (scanned once, shared by the rules). */
  tokens(unit: TextUnit): NumericToken[] {
    let t = this.tokenCache.get(unit);
    if (!t) {
      t = /\d/.test(unit.text) ? scanNumericTokens(unit.text) : [];
      this.tokenCache.set(unit, t);
    }
    return t;
  }

  /** The position of a located occurrence, when it has one. */
  posOf(o: LocatedOccurrence): Pos | undefined {
    const p = o.place;
    if (!p) return undefined;
    if (p.kind === 'paragraph') return { block: p.blockIndex, start: p.start, end: p.end };
    if (p.kind === 'cell') return { block: p.blockIndex, row: p.row, cell: p.cell, start: p.start, end: p.end };
    const block = this.block(p.blockIndex);
    if (block?.type === 'table' && p.start === undefined) {
      // A control inside a table cell (the header laid out in a table): find the cell holding its text.
      const text = this.snapshot.controls[p.controlIndex]?.text ?? '';
      for (let r = 0; r < block.rows.length; r++) {
        const cells = block.rows[r]?.cells ?? [];
        for (let c = 0; c < cells.length; c++) {
          const at = text ? (cells[c]?.text.indexOf(text) ?? -1) : -1;
          if (at >= 0) return { block: p.blockIndex, row: r, cell: c, start: at, end: at + text.length };
        }
      }
    }
    return { block: p.blockIndex, start: p.start ?? 0, end: p.end ?? p.start ?? 0 };
  }

  /** Document order of a position. */
  orderOf(p: Pos | undefined): number[] {
    if (!p) return [Number.MAX_SAFE_INTEGER];
    return [p.block, p.row ?? -1, p.cell ?? -1, p.start];
  }

  /** The contract location of a position (excerpt, section, table/row/column, tag). */
  location(p: Pos, tag?: string): Location {
    const section = this.sectionOf(p.block);
    const b = this.block(p.block);
    const loc: Location = { excerpt: '', section, anchor: { block: p.block, ...(p.row !== undefined ? { row: p.row } : {}), ...(p.cell !== undefined ? { cell: p.cell } : {}), start: p.start, end: p.end } };
    if (tag) loc.tag = tag;
    if (!b) return loc;
    if (b.type === 'paragraph') {
      loc.excerpt = sentenceAround(b.text, p.start, p.end);
      return loc;
    }
    if (p.row === undefined || p.cell === undefined) {
      return loc;
    }
    const text = b.rows[p.row]?.cells[p.cell]?.text ?? '';
    const info = this.appendixCell(p.block, p.row, p.cell);
    if (!info) {
      loc.excerpt = sentenceAround(text, p.start, p.end);
      return loc;
    }
    loc.table = describeForm(info.form);
    loc.row = this.rowAddress.get(info.row) ?? info.row.key;
    if (info.columnName !== undefined) loc.column = info.columnName;
    else if (info.column) loc.column = columnName(this.definition, info.form.appendix, info.column) ?? info.column;
    const label = cutAround(info.row.label.replace(/\s+/g, ' '), 0, 0, 90);
    const isLabel = info.column === 'label' || info.column === 'task';
    const cellPart = text.trim() === '' ? '(trống)' : cutAround(text.replace(/\s+/g, ' '), p.start, p.end, isLabel ? EXCERPT_MAX : 110);
    // A wide form's cell says its own header too: a row holds many figures ("Cấp xã, Quá hạn: 5").
    const step = info.columnName !== undefined ? appendixColumn(this.definition, info.form.appendix, info.columnName)?.path?.at(-1) : undefined;
    const leaf = step === undefined ? undefined : pathWordings(step)[0];
    const head = leaf ? `${label}, ${leaf}` : label;
    loc.excerpt = isLabel || !label ? cellPart : `${head}: ${cellPart}`;
    return loc;
  }

  /** The contract location of a located occurrence (a control keeps its tag). */
  locationOf(v: Pick<ValueAt, 'occ' | 'pos'>): Location | undefined {
    const pos = v.pos;
    if (!pos) return undefined;
    const place = v.occ.place;
    const tag = place?.kind === 'control' ? this.snapshot.controls[place.controlIndex]?.tag : undefined;
    const loc = this.location(pos, tag);
    if (!loc.excerpt && place?.kind === 'control') loc.excerpt = this.snapshot.controls[place.controlIndex]?.text ?? '';
    if (v.occ.occurrence.where === 'appendix') {
      const o = v.occ.occurrence;
      loc.table ??= `Phụ lục ${o.appendix}${o.form ? ` / Biểu mẫu ${o.form}` : ''}`;
      loc.row ??= o.row;
      loc.column ??= o.column;
    }
    return loc;
  }

  /** Every found occurrence of a field, read as the field's kind. */
  values(fieldId: string): ValueAt[] {
    const cached = this.valueCache.get(fieldId);
    if (cached) return cached;
    const field = this.fieldById.get(fieldId);
    const out: ValueAt[] = [];
    if (field) {
      for (const occ of this.occByField.get(fieldId) ?? []) {
        if (!occ.found) continue;
        out.push(this.read(field, occ));
      }
    }
    this.valueCache.set(fieldId, out);
    return out;
  }

  /** The first non-empty, readable occurrence of a field (its value for relations). */
  value(fieldId: string): ValueAt | undefined {
    return this.values(fieldId).find((v) => !v.empty && !v.unreadable);
  }

  private read(field: Field, occ: LocatedOccurrence): ValueAt {
    const text = (this.overrides?.get(occ.fieldId) ?? occ.text ?? '').trim();
    const pos = this.posOf(occ);
    const v: ValueAt = { occ, field, text, empty: text === '', ...(pos ? { pos } : {}) };
    if (v.empty) return v;
    const kind: FieldKind = occ.occurrence.component ? 'count' : field.kind;
    switch (kind) {
      case 'count':
      case 'percent':
      case 'decimal': {
        const r = readNumber(kind, text);
        if (r.num) v.num = r.num;
        if (r.issue) v.issue = r.issue;
        if (r.unreadable) v.unreadable = r.unreadable;
        break;
      }
      case 'fraction': {
        const r = tryParseFraction(text);
        if (r.ok) v.fraction = { numerator: r.value.numerator, denominator: r.value.denominator };
        else v.unreadable = r.error;
        break;
      }
      case 'pair': {
        const r = tryParsePair(text);
        if (r.ok) v.pair = { first: r.value.first, second: r.value.second };
        else v.unreadable = r.error;
        break;
      }
      case 'date': {
        const r = tryParseViDate(text);
        if (r.ok) v.date = r.value;
        else v.unreadable = r.error;
        break;
      }
      default:
        break;
    }
    return v;
  }

  /** Adds locations (e.g. other places writing the same figure) to a finding. */
  addPlaces(f: RawFinding, places: Pick<ValueAt, 'occ' | 'pos'>[]): void {
    const have = new Set(f.locations.map(locationKey));
    for (const p of places) {
      const loc = this.locationOf(p);
      if (!loc) continue;
      const key = locationKey(loc);
      if (have.has(key)) continue;
      have.add(key);
      f.locations.push(loc);
    }
  }

  /** Builds a finding; locations without a position are dropped, the order is the first location's. */
  finding(
    rule: Rule,
    severity: Severity,
    message: string,
    evidence: string[],
    places: ({ pos: Pos; tag?: string } | Pick<ValueAt, 'occ' | 'pos'>)[],
    expected?: string,
  ): RawFinding {
    const locations: Location[] = [];
    let order: number[] | undefined;
    const seen = new Set<string>();
    for (const p of places) {
      if (!p.pos) continue;
      const loc = 'occ' in p ? this.locationOf(p) : this.location(p.pos, p.tag);
      if (!loc) continue;
      order ??= this.orderOf(p.pos);
      // Several figures of one sentence or cell make one location.
      const key = this.sentenceKey(p.pos);
      if (seen.has(key)) continue;
      seen.add(key);
      locations.push(loc);
    }
    if (severity === 'error') {
      const first = places.find((p) => p.pos);
      if (first?.pos) {
        const list = this.flaggedSpans.get(first.pos.block);
        if (list) list.push(first.pos);
        else this.flaggedSpans.set(first.pos.block, [first.pos]);
      }
    }
    return {
      rule,
      severity,
      message,
      evidence,
      ...(expected !== undefined ? { expected } : {}),
      locations,
      order: order ?? [Number.MAX_SAFE_INTEGER],
    };
  }
}

function locationKey(l: Location): string {
  return `${l.section ?? ''}|${l.table ?? ''}|${l.row ?? ''}|${l.column ?? ''}|${l.excerpt}`;
}

/** A table block by index (typed). */
export function tableAt(snapshot: DocumentSnapshot, i: number): TableBlock | undefined {
  const b = snapshot.blocks[i];
  return b?.type === 'table' ? b : undefined;
}

/** A field label for messages: without a trailing parenthetical ("Tỷ lệ … (trên số …)" → "Tỷ lệ …"). */
export function shortLabel(field: Pick<Field, 'label'>): string {
  return field.label.replace(/\s*\([^()]*\)\s*$/u, '').trim() || field.label;
}

/** "làm tròn 2 chữ số thập phân" / "làm tròn đến hàng đơn vị". */
export function roundingPhrase(decimals: number): string {
  return decimals === 0 ? 'làm tròn đến hàng đơn vị' : `làm tròn ${decimals} chữ số thập phân`;
}
