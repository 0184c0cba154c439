/**
 * number-format: figures written against the vi-VN convention (thousands ".", decimal ","):
 * - a wrong separator → error ("28,375" for a count: expected "28.375"; "1,234,567"; "93.3%");
 *   a figure above 9999 without grouping ("30407") → warning;
 * - mixed grouping within the report (4-digit counts written "1.437" and "1667") → one info;
 * - inconsistent zero padding of small counts ("03" and "3") → one info.
 *
 * Template fields are judged first (their kind says what a figure is). Elsewhere a figure is a
 * count when the word after it is a unit the report uses for counts — a word that follows a
 * grouped or zero-padded count somewhere in the same document, or a template field's unit —
 * or when it sits in an appendix "Số liệu" cell whose unit is not "%". Nothing here knows a
 * figure or wording of a particular report.
 */
import { formatCount, formatViDateCanonical, isCanonicalViDate, scanNumericTokens, tryParseViDate, tryParseViNumber, type CodecError, type ViNumber } from '../../codec';
import { posKey, type CheckContext, type Pos, type RawFinding, type TextUnit, type ValueAt } from '../context';
import { isDatelineDate } from './dateline';
import { countLike, joinVi } from './util';

const UNIT_WORD = /^[\s\u00a0]+([\p{L}]+)/u;
/** A percent sign set apart from its figure by a space. */
const PERCENT_APART = /[ \u00a0\u202f]+%$/;
const EVIDENCE_MAX = 8;

/** Slip kinds: the codec's separator hints, and a percent sign set apart from its figure ("4,5 %"). */
type SlipHint = CodecError['hint'] | 'percent-space';

function separatorMessage(e: { hint?: SlipHint; suggestion?: string }, written: string): { severity: 'error' | 'warning'; message: string } {
  const s = e.suggestion ?? '';
  switch (e.hint) {
    case 'percent-space':
      return { severity: 'warning', message: `Tỷ lệ "${written}" viết tách dấu % khỏi số. Viết đúng: "${s}".` };
    case 'comma-thousands':
      return { severity: 'error', message: `Số "${written}" dùng dấu phẩy làm dấu phân cách hàng nghìn; người đọc có thể hiểu là số thập phân. Viết đúng: "${s}".` };
    case 'english-grouping':
      return { severity: 'error', message: `Số "${written}" viết theo kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn). Viết đúng: "${s}".` };
    case 'dot-decimal':
      return { severity: 'error', message: `Số "${written}" dùng dấu chấm làm dấu thập phân. Viết đúng: "${s}".` };
    default:
      return { severity: 'warning', message: `Số "${written}" thiếu dấu chấm phân cách hàng nghìn. Viết đúng: "${s}".` };
  }
}

type Place = { pos: Pos } | ValueAt;

/**
 * Separator slips gathered by kind: one finding per kind with all its places (ten cells written
 * "30407" make one warning, not ten). A kind with a single slip keeps the single-figure message.
 */
class Slips {
  private readonly byKind = new Map<string, { hint: SlipHint; items: { written: string; suggestion: string; place: Place }[] }>();

  add(e: { hint?: SlipHint }, written: string, suggestion: string, place: Place): void {
    const key = e.hint ?? 'grouping';
    let kind = this.byKind.get(key);
    if (!kind) this.byKind.set(key, (kind = { hint: e.hint, items: [] }));
    kind.items.push({ written, suggestion, place });
  }

  findings(ctx: CheckContext): RawFinding[] {
    const out: RawFinding[] = [];
    for (const { hint, items } of this.byKind.values()) {
      const first = items[0]!;
      const single = separatorMessage({ hint, suggestion: first.suggestion }, first.written);
      if (items.length === 1) {
        out.push(ctx.finding('number-format', single.severity, single.message, [first.written], [first.place], first.suggestion || undefined));
        continue;
      }
      const shown = items.slice(0, EVIDENCE_MAX);
      const more = items.length > shown.length ? `, … (cộng ${formatCount(items.length)} chỗ)` : '';
      const list = `${shown.map((i) => `"${i.written}" → "${i.suggestion}"`).join(', ')}${more}`;
      const what: Record<string, string> = {
        'comma-thousands': 'dùng dấu phẩy làm dấu phân cách hàng nghìn; người đọc có thể hiểu là số thập phân',
        'english-grouping': 'viết theo kiểu tiếng Anh (dấu phẩy phân cách hàng nghìn)',
        'dot-decimal': 'dùng dấu chấm làm dấu thập phân',
        'percent-space': 'viết tách dấu % khỏi số',
      };
      out.push(
        ctx.finding(
          'number-format',
          single.severity,
          `${formatCount(items.length)} số ${what[hint ?? ''] ?? 'thiếu dấu chấm phân cách hàng nghìn'}. Viết đúng: ${list}.`,
          shown.map((i) => i.written),
          items.map((i) => i.place),
          shown.map((i) => i.suggestion).join(', '),
        ),
      );
    }
    return out;
  }
}

interface CountFigure {
  n: ViNumber;
  pos: Pos;
  text: string;
}

/** The unit word after a figure ("hồ" for "30.407 hồ sơ"), lower-cased. */
function unitAfter(text: string, end: number): string | undefined {
  const m = UNIT_WORD.exec(text.slice(end, end + 40));
  return m?.[1]?.toLowerCase();
}

function wordBefore(text: string, start: number): string {
  const m = /([\p{L}]+)[\s\u00a0]*$/u.exec(text.slice(Math.max(0, start - 30), start));
  return m?.[1]?.toLowerCase() ?? '';
}

/** Words before a figure that make it a label, a year or an ordinal rather than a count. */
const NOT_COUNT_BEFORE = new Set(['năm', 'thứ', 'khóa', 'khoá', 'lần', 'số', 'tháng', 'quý', 'đoạn', 'kỳ', 'phòng', 'tổ']);

/** A unit column that is a code scale ("Chưa có = 0 2 cấp = 1 3 cấp = 2"), not a unit of count. */
function isCodeScale(unit: string): boolean {
  return unit.includes('=');
}

function isCountCell(unit: TextUnit): boolean {
  const a = unit.appendix;
  if (!a || a.column !== 'value') return false;
  const u = a.row.unit.trim();
  return u !== '' && !u.includes('%') && !isCodeScale(u);
}

export function numberFormatRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  const counts = new Map<string, CountFigure>();
  const slips = new Slips();

  // 1. Template fields: the kind is known.
  for (const field of ctx.definition.fields) {
    if (field.kind !== 'count' && field.kind !== 'percent' && field.kind !== 'decimal') continue;
    for (const v of ctx.values(field.id)) {
      if (!v.pos) continue;
      if (v.issue) {
        ctx.covered.numberFormat.add(posKey(v.pos));
        slips.add(v.issue, v.text, v.issue.suggestion ?? '', v);
      }
      const cell = v.pos.row !== undefined && v.pos.cell !== undefined ? ctx.appendixCell(v.pos.block, v.pos.row, v.pos.cell) : undefined;
      if (cell && isCodeScale(cell.row.unit)) continue;
      if (field.kind === 'count' && v.num && !v.occ.occurrence.component) counts.set(posKey(v.pos), { n: v.num, pos: v.pos, text: v.text });
    }
  }

  // 2. Every figure of the document.
  const units = ctx.units();
  const tokensOf = new Map<TextUnit, ReturnType<typeof scanNumericTokens>>();
  const countUnits = new Set<string>();
  for (const field of ctx.definition.fields) {
    const u = field.kind === 'count' ? field.unit?.split(/\s+/)[0]?.toLowerCase() : undefined;
    if (u) countUnits.add(u);
  }
  for (const unit of units) {
    const tokens = ctx.tokens(unit);
    tokensOf.set(unit, tokens);
    for (const t of tokens) {
      if (t.kind !== 'number' || t.text.endsWith('%')) continue;
      const r = tryParseViNumber(t.text);
      if (!r.ok || r.value.kind !== 'count') continue;
      if (r.value.grouping === 'dot' || r.value.width !== undefined) {
        const w = unitAfter(unit.text, t.end);
        if (w) countUnits.add(w);
      }
    }
  }

  for (const unit of units) {
    for (const t of tokensOf.get(unit) ?? []) {
      if (t.kind !== 'number') continue;
      const pos: Pos = { block: unit.block, ...(unit.row !== undefined ? { row: unit.row, cell: unit.cell } : {}), start: t.start, end: t.end };
      const key = posKey(pos);
      if (ctx.covered.numberFormat.has(key)) continue;
      // "4,5 %" (the scanner keeps the sign with its figure): the report's convention writes "4,5%".
      if (PERCENT_APART.test(t.text)) {
        slips.add({ hint: 'percent-space' }, t.text, t.text.replace(PERCENT_APART, '%'), { pos });
        continue;
      }
      const r = tryParseViNumber(t.text);
      const unitWord = unitAfter(unit.text, t.end);
      const countContext = (unitWord !== undefined && countUnits.has(unitWord)) || (isCountCell(unit) && unit.text.trim() === t.text);
      if (!r.ok) {
        if (r.error.code === 'separator') slips.add(r.error, t.text, r.error.suggestion ?? '', { pos });
        continue;
      }
      const n = r.value;
      if (n.kind === 'decimal' && n.ambiguousSeparator && countContext) {
        const [int, frac] = n.text.split(',');
        const suggestion = `${int ?? ''}.${frac ?? ''}`;
        slips.add({ hint: 'comma-thousands' }, t.text, suggestion, { pos });
        continue;
      }
      if (n.kind !== 'count' || !countContext || counts.has(key)) continue;
      if (NOT_COUNT_BEFORE.has(wordBefore(unit.text, t.start))) continue;
      counts.set(key, { n, pos, text: t.text });
    }
  }

  for (const f of slips.findings(ctx)) out.push(f);
  const dates = datePaddingInfo(ctx, units, tokensOf);
  if (dates) out.push(dates);

  const figures = [...counts.values()].sort((a, b) => cmpPos(a.pos, b.pos));
  const grouping = groupingInfo(ctx, figures);
  if (grouping) out.push(grouping);
  const padding = paddingInfo(ctx, figures);
  if (padding) out.push(padding);
  return out;
}

function cmpPos(a: Pos, b: Pos): number {
  return a.block - b.block || (a.row ?? -1) - (b.row ?? -1) || (a.cell ?? -1) - (b.cell ?? -1) || a.start - b.start;
}

/** 4-digit counts written both "1.437" and "1667" (years excluded). */
function groupingInfo(ctx: CheckContext, figures: CountFigure[]): RawFinding | undefined {
  const four = figures.filter((f) => f.n.value >= 1000 && f.n.value <= 9999 && f.n.width === undefined && !(f.n.value >= 1900 && f.n.value <= 2100));
  const grouped = four.filter((f) => f.n.grouping === 'dot');
  const plain = four.filter((f) => f.n.grouping === 'none');
  if (grouped.length === 0 || plain.length === 0) return undefined;
  const shown = plain.slice(0, EVIDENCE_MAX);
  const expected = shown.map((f) => countLike(f.n.value)).join(', ');
  return ctx.finding(
    'number-format',
    'info',
    `Cách viết số có 4 chữ số không thống nhất: có chỗ dùng dấu chấm phân cách hàng nghìn (${grouped
      .slice(0, 3)
      .map((f) => f.text)
      .join(', ')}), có chỗ không (${joinVi(shown.map((f) => f.text))}${plain.length > shown.length ? ', …' : ''}). Nên viết: ${expected}.`,
    shown.map((f) => f.text),
    shown.map((f) => ({ pos: f.pos })),
    expected,
  );
}

/** Small counts (1–9) written both "03" and "3": the less used style is listed. */
function paddingInfo(ctx: CheckContext, figures: CountFigure[]): RawFinding | undefined {
  const small = figures.filter((f) => f.n.value >= 1 && f.n.value <= 9 && f.n.grouping === 'none');
  const padded = small.filter((f) => f.n.width === 2);
  const plain = small.filter((f) => f.n.width === undefined);
  if (padded.length === 0 || plain.length === 0) return undefined;
  const padMajority = padded.length >= plain.length;
  const minority = (padMajority ? plain : padded).slice(0, EVIDENCE_MAX);
  const majority = padMajority ? padded : plain;
  const restyle = (f: CountFigure) => (padMajority ? countLike(f.n.value, { width: 2 }) : countLike(f.n.value));
  const expected = minority.map(restyle).join(', ');
  return ctx.finding(
    'number-format',
    'info',
    `Số đếm nhỏ viết không thống nhất: ${majority.length} chỗ viết ${padMajority ? 'có số 0 đứng trước' : 'không có số 0 đứng trước'} (${majority
      .slice(0, 3)
      .map((f) => f.text)
      .join(', ')}…), ${(padMajority ? plain : padded).length} chỗ viết ${padMajority ? 'một chữ số' : 'có số 0 đứng trước'} (${joinVi(minority.map((f) => f.text))}${(padMajority ? plain : padded).length > minority.length ? ', …' : ''}). Nên viết thống nhất, ví dụ: ${expected}.`,
    minority.map((f) => f.text),
    minority.map((f) => ({ pos: f.pos })),
    expected,
  );
}

/**
 * Dates padded against the convention (Nghị định 30/2020/NĐ-CP: days below 10 and months 1–2
 * take two digits, other months one): "31/08/2021", "09/03/2022", "9/6/2022" → one info.
 */
function datePaddingInfo(ctx: CheckContext, units: TextUnit[], tokensOf: Map<TextUnit, ReturnType<typeof scanNumericTokens>>): RawFinding | undefined {
  const odd: { text: string; expected: string; pos: Pos }[] = [];
  let total = 0;
  for (const unit of units) {
    for (const t of tokensOf.get(unit) ?? []) {
      if (t.kind !== 'date' || !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(t.text)) continue;
      const r = tryParseViDate(t.text);
      if (!r.ok) continue;
      // A web page's dateline follows the portal's convention, not the report's.
      if (isDatelineDate(unit.text, t.start, t.end)) continue;
      total++;
      if (isCanonicalViDate(r.value)) continue;
      const expected = formatViDateCanonical(r.value.day, r.value.month, r.value.year);
      odd.push({ text: t.text, expected, pos: { block: unit.block, ...(unit.row !== undefined ? { row: unit.row, cell: unit.cell } : {}), start: t.start, end: t.end } });
    }
  }
  if (odd.length === 0) return undefined;
  const shown = odd.slice(0, EVIDENCE_MAX);
  const expected = shown.map((d) => d.expected).join(', ');
  return ctx.finding(
    'number-format',
    'info',
    `${odd.length}/${total} ngày tháng viết không theo quy ước (ngày dưới 10 và tháng 1, 2 viết 2 chữ số, các tháng khác 1 chữ số): ${joinVi(
      shown.map((d) => `${d.text} → ${d.expected}`),
    )}${odd.length > shown.length ? ', …' : ''}.`,
    shown.map((d) => d.text),
    shown.map((d) => ({ pos: d.pos })),
    expected,
  );
}
