/**
 * Statistics tables anywhere in a report (issue 13, item 6), read with their header hierarchy
 * (two- and three-level headers merged across columns by gridSpan or left empty in a plain copy,
 * and down rows by vMerge): a "Tổng số" column equals its sibling columns (a "Trong đó" group
 * lends its children), a total row ("Tổng cộng", "Tổng số", "Cộng", "Toàn tỉnh") equals the
 * rows it totals, and a rate column equals its count over a base column of the row.
 *
 * Claims follow the same caution as the prose reader: sibling columns are added only when their
 * headers name a known partition (trước hạn / đúng hạn / quá hạn, trực tuyến / trực tiếp, mới /
 * kỳ trước…) or plainly exhaust the group; a total row is consistent when any plain reading of
 * the rows it totals (all rows, or only top-level codes) adds up; a rate is consistent with any
 * count of the row as its base.
 */
import { tryParseViNumber, type ViNumber } from '../codec';
import { checkRatio, checkSum, decCmp, figureInterval, sumIntervals } from '../check/interval';
import type { TableBlock } from '../document';
import { grid, headerLeaves, headerPathAt, headerTree, type GridCell, type HeaderNode } from '../recognize/headers';
import { FAMILIES, REMAINDER } from './lexicon';
import { canonical, expectedPercent } from './verify';

export interface TableCellRef {
  row: number;
  cell: number;
  text: string;
  /** The row's label ("Toàn huyện") and the column's header path ("Số hồ sơ đã giải quyết / Trước hạn"). */
  rowLabel?: string;
  column?: string;
}

export interface TableFinding {
  rule: 'table';
  severity: 'error' | 'warning';
  message: string;
  evidence: string[];
  expected?: string;
  cells: TableCellRef[];
}

export interface TableCheck {
  findings: TableFinding[];
  /** Relations verified (column totals, row totals, rates). */
  verified: number;
}

const TOTAL_HEADER = /^(?:tổng\s+số|tổng\s+cộng|tổng|cộng)(?![\p{L}])/iu;
const TOTAL_ROW = /^(?:tổng\s+cộng|tổng\s+số|tổng|cộng|toàn\s+tỉnh|toàn\s+huyện|toàn\s+thành\s+phố)(?![\p{L}])/iu;
const WITHIN = /^trong\s+đó(?![\p{L}])/iu;
const RATE_HEADER = /t[ỷỉ]\s+lệ|^%$|\(%\)/iu;
const RECEIVED = /nhận\s+giải\s+quyết|tiếp\s+nhận|cần\s+(?:giải\s+quyết|xử\s+lý)|phải\s+giải\s+quyết/iu;
const RESOLVED = /đã\s+(?:giải\s+quyết|xử\s+lý)|giải\s+quyết\s+xong/iu;
const PENDING = /đang\s+(?:giải\s+quyết|xử\s+lý)|chưa\s+(?:giải\s+quyết|xử\s+lý)/iu;
const NUMBERING = /^\(?\d{1,2}\)?$|^\(?[A-Z]\)?$/u;

function figureOf(text: string): ViNumber | undefined {
  const t = text.trim();
  if (!/^\d[\d.,]*\s?%?$/u.test(t)) return undefined;
  let r = tryParseViNumber(t);
  // Portal tables often leave large counts ungrouped ("268763"): the number-format rule says so.
  if (!r.ok && r.error.code === 'separator' && r.error.hint === 'missing-grouping' && r.error.suggestion) r = tryParseViNumber(r.error.suggestion);
  if (!r.ok) return undefined;
  if (r.value.kind === 'decimal' && r.value.ambiguousSeparator) return undefined;
  return r.value;
}

/** A data row has figures beyond its first two cells (code, label). */
function isDataRow(cells: GridCell[]): boolean {
  const figures = cells.slice(1).filter((c) => !c.spanLeft && figureOf(c.text) !== undefined).length;
  const numbering = cells.every((c) => c.text === '' || NUMBERING.test(c.text));
  return figures >= 2 && !numbering;
}

function familyOf(labels: string[]): { disjoint: boolean; complete: boolean } {
  if (labels.some((l) => REMAINDER.test(l))) return { disjoint: true, complete: true };
  for (const family of FAMILIES) {
    const ids = labels.map((l) => family.members.find((m) => m.re.test(l))?.id);
    if (ids.some((id) => id === undefined)) continue;
    const named = new Set(ids as string[]);
    if (named.size !== ids.length) continue;
    return { disjoint: true, complete: family.complete(named) };
  }
  return { disjoint: false, complete: false };
}

/** The value a header node stands for in a row: its own column, its "Tổng số" child, or the sum of its children. */
function nodeValue(n: HeaderNode, row: GridCell[]): { nums: ViNumber[]; cells: GridCell[] } | undefined {
  if (n.children.length === 0) {
    const cell = row[n.from];
    const num = cell ? figureOf(cell.text) : undefined;
    return num && cell ? { nums: [num], cells: [cell] } : undefined;
  }
  const total = n.children.find((c) => TOTAL_HEADER.test(c.text) && c.children.length === 0);
  if (total) return nodeValue(total, row);
  const parts = flattenWithin(n.children).filter((c) => !RATE_HEADER.test(c.text));
  const vals = parts.map((p) => nodeValue(p, row));
  if (vals.some((v) => v === undefined)) return undefined;
  return { nums: vals.flatMap((v) => v!.nums), cells: vals.flatMap((v) => v!.cells) };
}

/** "Trong đó" groups lend their children to the level they sit in. */
function flattenWithin(nodes: HeaderNode[]): HeaderNode[] {
  return nodes.flatMap((n) => (WITHIN.test(n.text) && n.children.length > 0 ? flattenWithin(n.children) : [n]));
}

function ref(row: number, g: GridCell): TableCellRef {
  return { row, cell: g.cell, text: g.text };
}

function sumText(nums: ViNumber[]): string {
  const d = Math.max(0, ...nums.map((n) => n.decimals));
  const v = nums.reduce((s, n) => s + Math.round(n.value * 10 ** d), 0) / 10 ** d;
  return canonical({ kind: nums[0]?.kind ?? 'count', value: v, decimals: d });
}

function headerPath(n: HeaderNode, parents: HeaderNode[]): string {
  return [...parents.map((p) => p.text), n.text].filter(Boolean).join(' / ');
}

/** Reads and verifies one table; nothing for a table without figures. */
export function checkTable(table: TableBlock): TableCheck {
  const rows = grid(table);
  const findings: TableFinding[] = [];
  let verified = 0;
  const first = rows.findIndex(isDataRow);
  if (first < 1) return { findings, verified };
  const width = Math.max(...rows.map((r) => r.length));
  // Header rows: above the first data row, without a numbering row ("(1) (2) (3)").
  let headerRows = first;
  while (headerRows > 0 && rows[headerRows - 1]!.every((c) => c.text === '' || NUMBERING.test(c.text))) headerRows--;
  const tree = headerTree(rows, headerRows, width);
  const dataRows: number[] = [];
  for (let r = first; r < rows.length; r++) if (isDataRow(rows[r]!)) dataRows.push(r);
  const labelOf = (r: number) => rows[r]!.slice(0, 3).map((c) => c.text).find((t) => /\p{L}/u.test(t)) ?? '';

  // 1. A "Tổng số" column equals its sibling columns.
  const groups: { node: HeaderNode; parents: HeaderNode[] }[] = [];
  const walk = (nodes: HeaderNode[], parents: HeaderNode[]) => {
    for (const n of nodes) {
      if (n.children.length > 0) {
        groups.push({ node: n, parents });
        walk(n.children, [...parents, n]);
      }
    }
  };
  walk(tree, []);
  for (const { node, parents } of groups) {
    const total = node.children.find((c) => TOTAL_HEADER.test(c.text) && c.children.length === 0);
    if (!total) continue;
    const parts = flattenWithin(node.children.filter((c) => c !== total)).filter((c) => !RATE_HEADER.test(c.text));
    if (parts.length < 2) continue;
    const fam = familyOf(parts.map((p) => p.text));
    const explicitWithin = node.children.some((c) => WITHIN.test(c.text));
    for (const r of dataRows) {
      const t = nodeValue(total, rows[r]!);
      const vals = parts.map((p) => nodeValue(p, rows[r]!));
      if (!t || vals.some((v) => v === undefined)) continue;
      const nums = vals.flatMap((v) => v!.nums);
      const cells = vals.flatMap((v) => v!.cells);
      const sumIv = sumIntervals(nums.map(figureInterval));
      const totIv = figureInterval(t.nums[0]!);
      verified++;
      if (checkSum(nums.map(figureInterval), totIv)) continue;
      const excess = decCmp(sumIv.lo, totIv.hi) > 0;
      // Siblings under an explicit "Trong đó" may overlap or leave outcomes out, unless a known partition.
      let severity: 'error' | 'warning' | undefined;
      // Columns of unknown kinds may overlap (women, party members…): their excess is only a warning.
      if (excess) severity = fam.disjoint ? 'error' : 'warning';
      else severity = fam.complete || (!explicitWithin && fam.disjoint) ? 'error' : fam.disjoint ? 'warning' : undefined;
      if (!severity) continue;
      const where = `dòng "${labelOf(r) || r + 1}"`;
      findings.push({
        rule: 'table',
        severity,
        message: `Bảng số liệu, ${where}: cột "${headerPath(total, [...parents, node])}" ghi ${t.nums[0]!.text} nhưng các cột thành phần ${nums.map(canonical).join(' + ')} = ${sumText(nums)}.`,
        evidence: [t.nums[0]!.text, ...nums.map((n) => n.text)],
        ...(severity === 'error' ? { expected: sumText(nums) } : {}),
        cells: [ref(r, t.cells[0]!), ...cells.map((c) => ref(r, c))],
      });
    }
  }

  // 1b. Between column groups the headers make plain: files to resolve = resolved + pending.
  const top = tree;
  const received = top.find((n) => RECEIVED.test(n.text)) ?? top.find((n) => n.children.length === 0 && TOTAL_HEADER.test(n.text));
  const resolved = top.find((n) => RESOLVED.test(n.text));
  const pending = top.find((n) => PENDING.test(n.text));
  if (received && resolved && pending && received !== resolved && received !== pending) {
    for (const r of dataRows) {
      const t = nodeValue(received, rows[r]!);
      const a = nodeValue(resolved, rows[r]!);
      const b = nodeValue(pending, rows[r]!);
      if (!t || !a || !b || t.nums.length !== 1 || a.nums.length !== 1 || b.nums.length !== 1) continue;
      const nums = [a.nums[0]!, b.nums[0]!];
      const totIv = figureInterval(t.nums[0]!);
      const sumIv = sumIntervals(nums.map(figureInterval));
      verified++;
      if (checkSum(nums.map(figureInterval), totIv)) continue;
      // Returned or withdrawn files may be the difference: a shortfall is a warning, an excess an error.
      const excess = decCmp(sumIv.lo, totIv.hi) > 0;
      findings.push({
        rule: 'table',
        severity: excess ? 'error' : 'warning',
        message: `Bảng số liệu, dòng "${labelOf(r) || r + 1}": "${received.text}" ghi ${t.nums[0]!.text} nhưng "${resolved.text}" + "${pending.text}" = ${nums.map(canonical).join(' + ')} = ${sumText(nums)}${excess ? '' : ' (phần chênh lệch cần nêu rõ, ví dụ hồ sơ trả lại hoặc rút)'}.`,
        evidence: [t.nums[0]!.text, ...nums.map((n) => n.text)],
        cells: [ref(r, t.cells[0]!), ref(r, a.cells[0]!), ref(r, b.cells[0]!)],
      });
    }
  }

  // 2. A total row equals the rows it totals.
  const totalRows = dataRows.filter((r) => TOTAL_ROW.test(labelOf(r)));
  for (const tr of totalRows) {
    const others = dataRows.filter((r) => !totalRows.includes(r));
    const atTop = tr < (others[0] ?? Infinity);
    const prevTotal = [...totalRows].reverse().find((x) => x < tr);
    const nextTotal = totalRows.find((x) => x > tr);
    const span = atTop ? others.filter((r) => r > tr && (nextTotal === undefined || r < nextTotal)) : others.filter((r) => r < tr && (prevTotal === undefined || r > prevTotal));
    if (span.length < 2) continue;
    const codeOf = (r: number) => rows[r]![0]!.text;
    // Plain readings of which rows a total adds up: all of them, the top-level arabic codes, the
    // roman groups, or the rows that are not "- …" / "Trong đó" sub-rows.
    const arabic = span.filter((r) => /^\d+\.?$/u.test(codeOf(r)));
    const roman = span.filter((r) => /^[IVX]+\.?$/u.test(codeOf(r)));
    const plain = span.filter((r) => !/^[-+•*–]|^trong\s+đó/iu.test(labelOf(r)) && !/^[-+•*–]/u.test(codeOf(r)));
    const readings = [span, ...[arabic, roman, plain].filter((rs) => rs.length >= 2 && rs.length < span.length)];
    for (let c = 1; c < width; c++) {
      const tcell = rows[tr]![c];
      if (!tcell || tcell.spanLeft) continue;
      const t = figureOf(tcell.text);
      if (!t || t.kind === 'percent') continue;
      const results = readings.map((rs) => {
        const cells = rs.map((r) => rows[r]![c]!).filter(Boolean);
        const nums = cells.map((x) => figureOf(x.text));
        return nums.some((n) => n === undefined || n.kind === 'percent') ? undefined : { rs, cells, nums: nums as ViNumber[] };
      });
      const usable = results.filter((x) => x !== undefined);
      if (usable.length === 0) continue;
      verified++;
      if (usable.some((u) => checkSum(u.nums.map(figureInterval), figureInterval(t)))) continue;
      const u = usable[0]!;
      findings.push({
        rule: 'table',
        severity: 'error',
        message: `Bảng số liệu, dòng "${labelOf(tr)}": cột "${columnName(tree, c)}" ghi ${t.text} nhưng tổng các dòng ${u.nums.map(canonical).join(' + ')} = ${sumText(u.nums)}.`,
        evidence: [t.text, ...u.nums.map((n) => n.text)],
        expected: sumText(u.nums),
        cells: [ref(tr, tcell), ...u.cells.map((x, i) => ref(u.rs[i]!, x))],
      });
    }
  }

  // 3. A rate column equals its count over a base column of the row.
  const allLeaves = headerLeaves(tree);
  for (const { node } of groups) {
    const kids = node.children;
    for (let i = 1; i < kids.length; i++) {
      const rate = kids[i]!;
      if (rate.children.length > 0 || !RATE_HEADER.test(rate.text)) continue;
      const count = kids[i - 1]!;
      if (count.children.length > 0 || RATE_HEADER.test(count.text)) continue;
      for (const r of dataRows) {
        const row = rows[r]!;
        const p = figureOf(row[rate.from]?.text ?? '');
        const a = figureOf(row[count.from]?.text ?? '');
        if (!p || !a || a.kind === 'percent') continue;
        const pct = p.kind === 'percent' ? p : { ...p, kind: 'percent' as const };
        const bases = allLeaves
          .filter((l) => l !== count && l !== rate && !RATE_HEADER.test(l.text))
          .map((l) => ({ l, n: figureOf(row[l.from]?.text ?? '') }))
          .filter((b) => b.n && b.n.kind !== 'percent' && b.n.value >= a.value);
        if (bases.length === 0) continue;
        verified++;
        if (bases.some((b) => checkRatio(figureInterval(a), figureInterval(b.n!), figureInterval(pct)) !== 'inconsistent')) continue;
        const nearest = bases.reduce((x, y) => (Math.abs((100 * a.value) / y.n!.value - pct.value) < Math.abs((100 * a.value) / x.n!.value - pct.value) ? y : x));
        findings.push({
          rule: 'table',
          severity: 'warning',
          message: `Bảng số liệu, dòng "${labelOf(r) || r + 1}": tỷ lệ ${p.text} của cột "${node.text}" không khớp ${canonical(a)} trên cột nào của dòng (gần nhất: ${canonical(a)}/${canonical(nearest.n!)} = ${expectedPercent(a.value, nearest.n!.value, pct.decimals, p.text)}).`,
          evidence: [p.text, a.text, nearest.n!.text],
          cells: [ref(r, row[rate.from]!), ref(r, row[count.from]!), ref(r, row[nearest.l.from]!)],
        });
      }
    }
  }
  // Name every cell a finding points at by its row label and column headers.
  const gridOf = (row: number, cell: number) => rows[row]?.findIndex((g) => g.cell === cell && !g.spanLeft) ?? -1;
  for (const f of findings) {
    for (const c of f.cells) {
      const label = labelOf(c.row);
      if (label) c.rowLabel = label;
      const g = gridOf(c.row, c.cell);
      if (g >= 0) c.column = columnName(tree, g);
    }
  }
  return { findings, verified };
}

function columnName(tree: HeaderNode[], c: number): string {
  return headerPathAt(tree, c).join(' / ') || `cột ${c + 1}`;
}
