/**
 * Appendix tables: which table belongs to which appendix and form, which column is which, and
 * which row is which.
 *
 * - Tables are assigned by the headings before them ("Phụ lục I", "Biểu mẫu 1"): see sections.ts.
 *   A form's table may be split across several tables (page breaks, a stray empty paragraph);
 *   all tables under one heading form one form, and a table without a header row reuses the
 *   columns of the previous table of its form.
 * - Columns come from the header rows' text: TT/STT → code, "Chỉ tiêu thống kê" → label,
 *   "Đơn vị tính" → unit, "Số liệu" → value, "Ghi chú" → note; Phụ lục III: STT → code,
 *   "Nội dung công việc" → task, "Sản phẩm đầu ra" → output. A merged "Kết quả thống kê" cell
 *   spanning two grid columns means unit + value unless the next header row names them. Header
 *   rows are recognised by their text (or the repeat-header flag), so header rows repeated in
 *   the middle of a table (page tops) are skipped wherever they are.
 * - Wide forms (levels or sectors as rows, indicators as columns under a two- or three-level
 *   merged header): a column declared with a header `path` is found by it. The header rows are
 *   read as a tree over grid columns (headers.ts, shared with the template-free table check) and
 *   each leaf's path is matched; the cell of such a column in a row is `named[<column name>]`.
 * - Rows are addressed by their normalised code ("4.1." = "4.1"); a row without a code (a
 *   "TỔNG CỘNG" row) can also be found by its label (findRow: a code wins). Rows whose code cell is
 *   "Trong đó" or empty are sub-rows of the previous coded row, addressed "<code>#1",
 *   "<code>#2", … in order (Phụ lục I Biểu mẫu 6: "3.1#1", "3.2#1", "3.2#2", "3.3#1").
 *   Exception: a row with an empty code right after a repeated header continues the previous row
 *   (a row split across pages); its cells are appended to that row as another part.
 * - Task tables (a column of role `task`: Phụ lục III of the CCHC reports, whatever its numeral)
 *   group their rows by Roman numerals: group rows are addressed "III", task rows
 *   "<group>.<STT>" ("III.3"). Numbers restart in each group.
 */
import type { DocumentSnapshot, TableBlock } from '../document';
import { normalizeRowCode } from '../codec';
import { computeSections, type AppendixNumeral, type BlockSection } from './sections';
import { plainKey } from './normalize';
import { grid, headerLeaves, headerPathAt, headerTree } from './headers';
import { pathWordings, type Appendix, type AppendixColumnSpec } from '../template/schema';

export type AppendixColumn = 'code' | 'label' | 'unit' | 'value' | 'note' | 'task' | 'output';

/** One physical row of a logical appendix row (a row split across pages has two parts). */
export interface AppendixRowPart {
  tableIndex: number;
  rowIndex: number;
  /** Cell index (in `row.cells`) of each recognised column. */
  cells: Partial<Record<AppendixColumn, number>>;
  /** Cell index of each column found by its header path, by the column's name. */
  named?: Record<string, number>;
}

/** The cell of a part that holds a column (by its path when it has one, else by its role; `value` when unknown). */
export function partCell(part: AppendixRowPart, column: Pick<AppendixColumnSpec, 'name' | 'role' | 'path'> | undefined): number | undefined {
  return column?.path ? part.named?.[column.name] : part.cells[column?.role ?? 'value'];
}

export interface AppendixRow {
  /** Address inside the form: "2.1", "3.2#1", "III.3", "III". */
  key: string;
  /** The code as written in the TT/STT cell ("4.1.", "Trong đó", ""). */
  code: string;
  /** Roman group (Phụ lục III). */
  group?: string;
  label: string;
  unit: string;
  parts: AppendixRowPart[];
}

export interface AppendixForm {
  appendix: AppendixNumeral;
  /** "Biểu mẫu N"; undefined for Phụ lục III. */
  form?: number;
  /** Block indexes of the tables of this form, in order. */
  tables: number[];
  rows: AppendixRow[];
  /** Keys that were written twice in the form (the second row is ignored). */
  duplicates: string[];
  /** A task table (a column of role `task`): rows grouped by Roman numerals ("III.3", or "IV.3" when it is Phụ lục IV). */
  tasks?: true;
}

export interface AppendixMap {
  forms: AppendixForm[];
  /** Row lookup; `row` is normalised ("4.1." finds "4.1"), or the label of a row without a code ("Tổng cộng"). */
  findRow(appendix: AppendixNumeral, form: number | undefined, row: string): { form: AppendixForm; row: AppendixRow } | undefined;
  /** Block indexes of all appendix tables. */
  tableIndexes: Set<number>;
}

/** Normalises a row address: "4.1." → "4.1", "III.3." → "III.3", "3.2 #1" → "3.2#1". */
export function normalizeRowKey(row: string): string {
  const [code = '', sub] = row.split('#');
  const base = normalizeRowCode(code).replace(/\s+/g, '');
  return sub === undefined ? base : `${base}#${sub.trim()}`;
}

/**
 * The header wordings of the template's appendices (template.json `appendices`): a column's name
 * and other headers give its role; a group header ("Kết quả thống kê") the roles of the columns
 * under it.
 */
export interface HeaderWords {
  columns: { key: string; role: AppendixColumn }[];
  groups: { key: string; roles: AppendixColumn[] }[];
  /** Columns found by their header path (wide forms), per appendix; `path` holds each step's header keys. */
  paths: { appendix?: string; name: string; path: string[][] }[];
}

const headerKey = (text: string) => plainKey(text).replace(/[.:]$/, '');

export function headerWords(appendices: readonly (Pick<Appendix, 'columns' | 'columnGroups'> & { id?: string })[]): HeaderWords {
  return {
    columns: appendices.flatMap((a) => a.columns.filter((c) => !c.path).flatMap((c) => [c.name, ...c.headers].map((h) => ({ key: headerKey(h), role: c.role })))),
    groups: appendices.flatMap((a) => a.columnGroups.map((g) => ({ key: headerKey(g.name), roles: g.roles }))),
    paths: appendices.flatMap((a) => a.columns.flatMap((c) => (c.path ? [{ ...(a.id ? { appendix: a.id } : {}), name: c.name, path: c.path.map((step) => pathWordings(step).map(headerKey)) }] : []))),
  };
}

/** Does a header text name this wording: equal, or starting with it followed by a non-letter? */
const names = (t: string, key: string) => t === key || (t.startsWith(key) && !/\p{L}/u.test(t.charAt(key.length)));

/** A role, a group of roles, or 'path': a header cell on the path of a wide form's column. */
type HeaderClass = AppendixColumn | { group: AppendixColumn[] } | 'path' | undefined;

function classifyHeader(text: string, words: HeaderWords): HeaderClass {
  const t = headerKey(text);
  for (const g of words.groups) if (t === g.key) return { group: g.roles };
  for (const c of words.columns) if (names(t, c.key)) return c.role;
  if (t && words.paths.some((p) => p.path.some((step) => step.some((k) => names(t, k))))) return 'path';
  return undefined;
}

/** Does a leaf's header path (keys, top to bottom) match a declared path (its last entry the leaf, the others in order above)? */
function pathMatches(leaf: string[], declared: string[][]): boolean {
  const named = (text: string, step: string[]) => step.some((k) => names(text, k));
  const last = declared[declared.length - 1];
  if (last === undefined || leaf.length === 0 || !named(leaf[leaf.length - 1]!, last)) return false;
  let i = 0;
  for (const step of declared.slice(0, -1)) {
    while (i < leaf.length - 1 && !named(leaf[i]!, step)) i++;
    if (i >= leaf.length - 1) return false;
    i++;
  }
  return true;
}

/** Grid column of each cell of a row (cells may span several grid columns). */
function gridStarts(cells: { span: number }[]): number[] {
  const out: number[] = [];
  let g = 0;
  for (const c of cells) {
    out.push(g);
    g += Math.max(1, c.span);
  }
  return out;
}

/** Is this row a header row (by flag or by its text)? */
function isHeaderRow(row: TableBlock['rows'][number], words: HeaderWords): boolean {
  if (row.header) return true;
  const classes = row.cells.map((c) => classifyHeader(c.text, words));
  const named = classes.filter((c) => c !== undefined).length;
  const empty = row.cells.filter((c, i) => classes[i] === undefined && c.text.trim() === '').length;
  // Every non-empty cell is a header word, and at least two are (a data row never looks so).
  return named >= 2 && named + empty === row.cells.length;
}

/**
 * Which rows of a table are header rows: by flag or text, and in a wide form the rows under a
 * header row that hold a header word and no figure (a plain copy's lower header rows also name
 * columns the template does not bind: "Trước hạn" over nothing declared).
 */
function headerRowFlags(table: TableBlock, words: HeaderWords): boolean[] {
  const out: boolean[] = [];
  table.rows.forEach((row, r) => {
    if (isHeaderRow(row, words)) {
      out.push(true);
      return;
    }
    const continues =
      words.paths.length > 0 &&
      out[r - 1] === true &&
      ((row.cells.some((c) => classifyHeader(c.text, words) !== undefined) && row.cells.every((c) => !/\d/.test(c.text) || classifyHeader(c.text, words) !== undefined)) ||
        isNumberingRow(row));
    out.push(continues);
  });
  return out;
}

/** The column-number row under a form's header: "(1) (2) (3) …" or "1 2 3 …", "A B 1 2 …", in sequence. */
function isNumberingRow(row: TableBlock['rows'][number]): boolean {
  const texts = row.cells.map((c) => c.text.trim().replace(/^\((.*)\)$/, '$1')).filter(Boolean);
  if (texts.length < 3 || !texts.every((t) => /^(\d{1,2}|[A-Z])$/.test(t))) return false;
  const numbers = texts.filter((t) => /\d/.test(t)).map(Number);
  // Figures of a data row are not 1, 2, 3 … in order.
  return numbers.length >= 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

/** Grid column → role, and grid column → name of a column found by its header path. */
interface ColumnMap {
  roles: Map<number, AppendixColumn>;
  named: Map<number, string>;
}

/** Builds the grid-column maps from the header rows of a table (in order). */
function columnsFromHeaders(table: TableBlock, words: HeaderWords, appendix: string, isHeader: boolean[]): ColumnMap | undefined {
  const map = new Map<number, AppendixColumn>();
  const headerRows: TableBlock['rows'] = [];
  let seen = false;
  for (const [r, row] of table.rows.entries()) {
    if (!isHeader[r]) {
      if (seen) break;
      continue;
    }
    seen = true;
    if (isNumberingRow(row)) continue; // column numbers name no column
    headerRows.push(row);
    const starts = gridStarts(row.cells);
    row.cells.forEach((cell, i) => {
      const cls = classifyHeader(cell.text, words);
      const g = starts[i] ?? 0;
      if (typeof cls === 'object') {
        // A group header ("Kết quả thống kê" over "Đơn vị tính | Số liệu"): tentative until the next row names them.
        cls.group.forEach((role, k) => {
          if (!map.has(g + k)) map.set(g + k, role);
        });
      } else if (cls && cls !== 'path') {
        for (const [k, v] of map) if (v === cls && k !== g) map.delete(k);
        map.set(g, cls);
      }
    });
  }
  if (!seen) return undefined;
  const named = new Map<number, string>();
  const specs = words.paths.filter((p) => p.appendix === undefined || p.appendix === appendix);
  if (specs.length > 0) {
    // The header rows as a tree over grid columns; each leaf is named by its path.
    const rows = grid({ rows: headerRows });
    const tree = headerTree(rows, rows.length, Math.max(...rows.map((r) => r.length)));
    const leaves = headerLeaves(tree).map((leaf) => ({ col: leaf.from, keys: headerPathAt(tree, leaf.from).map(headerKey) }));
    for (const spec of specs) {
      const hits = leaves.filter((l) => pathMatches(l.keys, spec.path));
      // A path naming several columns is ambiguous: the column stays unfound rather than guessed.
      if (hits.length !== 1) continue;
      named.set(hits[0]!.col, spec.name);
      map.delete(hits[0]!.col);
    }
  }
  return { roles: map, named };
}

const ROMAN_GROUP = /^(X|IX|VIII|VII|VI|V|IV|III|II|I)$/;
const SUB_ROW = /^trong đó:?$/i;

function cellText(table: TableBlock, part: AppendixRowPart, col: AppendixColumn): string {
  const i = part.cells[col];
  return i === undefined ? '' : (table.rows[part.rowIndex]?.cells[i]?.text ?? '');
}

/** Maps appendix tables, columns and rows (see the module comment). */
export function mapAppendixTables(snapshot: DocumentSnapshot, words: HeaderWords, sections: BlockSection[] = computeSections(snapshot)): AppendixMap {
  const forms = new Map<string, AppendixForm & { columns?: ColumnMap; lastCoded?: AppendixRow; subCount: Map<string, number>; group?: string }>();
  const tableIndexes = new Set<number>();

  for (const block of snapshot.blocks) {
    if (block.type !== 'table') continue;
    const sec = sections[block.index];
    if (!sec?.appendix) continue;
    const formKey = `${sec.appendix}/${sec.form ?? ''}`;
    let form = forms.get(formKey);
    if (!form) {
      form = { appendix: sec.appendix, ...(sec.form !== undefined ? { form: sec.form } : {}), tables: [], rows: [], duplicates: [], subCount: new Map() };
      forms.set(formKey, form);
    }
    const isHeader = headerRowFlags(block, words);
    const own = columnsFromHeaders(block, words, sec.appendix, isHeader);
    const columns = own ?? form.columns;
    if (!columns) continue; // a table in an appendix without any header: not a form table
    form.columns = columns;
    // A task table (a column of role `task`, Phụ lục III of the CCHC reports) groups its rows by Roman numerals.
    const taskTable = [...columns.roles.values()].includes('task');
    if (taskTable) form.tasks = true;
    form.tables.push(block.index);
    tableIndexes.add(block.index);

    let afterHeader = false;
    block.rows.forEach((row, rowIndex) => {
      if (isHeader[rowIndex]) {
        afterHeader = true;
        return;
      }
      const starts = gridStarts(row.cells);
      const cells: Partial<Record<AppendixColumn, number>> = {};
      const named: Record<string, number> = {};
      row.cells.forEach((cell, i) => {
        if (cell.mergedUp) return;
        const role = columns.roles.get(starts[i] ?? -1);
        if (role && cells[role] === undefined) cells[role] = i;
        const name = columns.named.get(starts[i] ?? -1);
        if (name !== undefined && named[name] === undefined) named[name] = i;
      });
      // A label written across the code and label columns ("TỔNG CỘNG" merged over STT): a label.
      const labelCol = [...columns.roles].find(([, r]) => r === 'label')?.[0];
      const codeAt = cells.code;
      if (columns.named.size > 0 && cells.label === undefined && codeAt !== undefined && labelCol !== undefined && (starts[codeAt] ?? 0) + Math.max(1, row.cells[codeAt]!.span) > labelCol) {
        cells.label = codeAt;
        delete cells.code;
      }
      const part: AppendixRowPart = { tableIndex: block.index, rowIndex, cells, ...(columns.named.size > 0 ? { named } : {}) };
      const code = cellText(block, part, 'code').trim();
      const label = cellText(block, part, 'label') || cellText(block, part, 'task');
      const unit = cellText(block, part, 'unit').trim();
      const wasAfterHeader = afterHeader;
      afterHeader = false;
      const prev = form!.rows[form!.rows.length - 1];

      if (code === '' && wasAfterHeader && prev) {
        // A row cut at a page end continues after the repeated header.
        prev.parts.push(part);
        return;
      }
      if (code === '' && !label.trim() && !unit && ![...Object.values(cells), ...Object.values(named)].some((i) => (row.cells[i]?.text ?? '').trim())) return;

      let key: string;
      let group: string | undefined = form!.group;
      const norm = normalizeRowCode(code);
      if (ROMAN_GROUP.test(norm) && taskTable) {
        form!.group = norm;
        group = norm;
        key = norm;
      } else if (code === '' || SUB_ROW.test(code)) {
        const parent = form!.lastCoded;
        const parentKey = parent?.key ?? '';
        const n = (form!.subCount.get(parentKey) ?? 0) + 1;
        form!.subCount.set(parentKey, n);
        key = `${parentKey}#${n}`;
      } else {
        key = group && taskTable ? `${group}.${normalizeRowKey(norm)}` : normalizeRowKey(norm);
      }
      const appRow: AppendixRow = { key, code, label: label.trim(), unit, parts: [part], ...(group ? { group } : {}) };
      if (form!.rows.some((r) => r.key === key)) {
        form!.duplicates.push(key);
        return;
      }
      form!.rows.push(appRow);
      if (!(code === '' || SUB_ROW.test(code))) form!.lastCoded = appRow;
    });
  }

  const list: AppendixForm[] = [...forms.values()].map(({ appendix, form, tables, rows, duplicates, tasks }) => ({
    appendix,
    ...(form !== undefined ? { form } : {}),
    tables,
    rows,
    duplicates,
    ...(tasks ? { tasks } : {}),
  }));
  return {
    forms: list,
    tableIndexes,
    findRow(appendix, formNo, row) {
      const form = list.find((f) => f.appendix === appendix && f.form === formNo);
      if (!form) return undefined;
      const key = normalizeRowKey(row);
      let found = form.rows.find((r) => r.key === key);
      if (!found) {
        // A row without a code ("TỔNG CỘNG") by its label, only when one row has it: first among
        // the rows without a code, else among all (a received copy that numbers that row).
        const label = headerKey(row);
        const named = form.rows.filter((r) => headerKey(r.label) === label);
        const codeless = named.filter((r) => r.code.trim() === '');
        if (codeless.length === 1) found = codeless[0];
        else if (codeless.length === 0 && named.length === 1) found = named[0];
      }
      return found ? { form, row: found } : undefined;
    },
  };
}
