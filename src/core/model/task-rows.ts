/**
 * The task table of a report (Phụ lục III "Kết quả thực hiện nhiệm vụ cụ thể": the appendix whose
 * columns include a task column): its rows as written, whatever the template fixes, and the
 * plans that add a task to a group or remove one, with the STT column renumbered as the group
 * writes it ("1", "1.", "01").
 *
 * Rows are addressed "<group>.<n>" ("III.3"). Offices list a different number of tasks each
 * period, but a row the template binds to a field (its output is a figure of the report) is the
 * place of that field: such a row is never removed, and a change that would renumber it (a task
 * added or removed before it in its group) is refused, since the field finds its row by number.
 * Rows holding a content control are refused by the adapters (DocumentError 'control-in-row').
 *
 * Pure: snapshot + template in, edits out (insert-row, delete-row and cell edits, indices of the
 * snapshot); the caller applies them in one batch.
 */
import type { DocumentEdit, DocumentSnapshot } from '../document';
import type { AppendixForm, AppendixRow, AppendixRowPart } from '../recognize/appendix';
import { normalizeRowKey } from '../recognize/appendix';
import type { LocateResult } from '../recognize/locate';
import type { TemplateDefinition } from '../template/schema';

export interface TaskRow {
  /** "III.3". */
  key: string;
  group: string;
  /** The STT as written ("3", "3.", "03"). */
  code: string;
  task: string;
  output: string;
  note: string;
  /** Physical rows: the row's parts, then those of its sub-rows ("III.3#1"). */
  parts: AppendixRowPart[];
  /** Template fields placed in this row or its sub-rows: the row is their place. */
  fields: { id: string; label: string }[];
  /** Output written (not empty, no "[…]" placeholder left). */
  hasOutput: boolean;
}

export interface TaskGroup {
  /** Roman numeral ("III"). */
  group: string;
  title: string;
  /** The group's heading row, when written. */
  heading?: AppendixRow;
  rows: TaskRow[];
}

export interface TaskTable {
  /** The appendix id ("III") and its title from the template. */
  appendix: string;
  title: string;
  form: AppendixForm;
  groups: TaskGroup[];
  /** Task rows, and those with an output written ("có sản phẩm x/y"). */
  total: number;
  withOutput: number;
}

export type TaskRowErrorCode = 'no-table' | 'no-group' | 'no-row' | 'no-column' | 'bound' | 'renumbers-bound';

/** A change refused; `message` is one Vietnamese sentence for the user. */
export class TaskRowError extends Error {
  constructor(
    readonly code: TaskRowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TaskRowError';
  }
}

export interface RowChange {
  edits: DocumentEdit[];
  /** The row added or removed ("III.11"). */
  key: string;
  group: string;
  /** Rows whose STT changes, by address: III.6 → III.5. */
  renumbered: { from: string; to: string }[];
  /** One Vietnamese line: what the change does. */
  summary: string;
  /** The texts of the row removed (for the confirmation), or of the row added. */
  row: { task: string; output: string; note: string };
}

/** A placeholder the template leaves for the office to fill ("[số liệu]"). */
const PLACEHOLDER = /\[[^[\]\n]{1,40}\]/u;

/** The appendix of the template that lists tasks (a task column), if any. */
export function taskAppendix(definition: TemplateDefinition): TemplateDefinition['appendices'][number] | undefined {
  return definition.appendices.find((a) => a.columns.some((c) => c.role === 'task'));
}

function cellText(snapshot: DocumentSnapshot, part: AppendixRowPart, column: keyof AppendixRowPart['cells']): string {
  const index = part.cells[column];
  const block = snapshot.blocks[part.tableIndex];
  if (index === undefined || block?.type !== 'table') return '';
  return block.rows[part.rowIndex]?.cells[index]?.text.trim() ?? '';
}

function joined(snapshot: DocumentSnapshot, parts: AppendixRowPart[], column: keyof AppendixRowPart['cells']): string {
  return parts
    .map((p) => cellText(snapshot, p, column))
    .filter((t) => t !== '')
    .join('\n');
}

/** The task table as written, or undefined when the template has none or the document lacks it. */
export function readTaskTable(definition: TemplateDefinition, snapshot: DocumentSnapshot, located: LocateResult): TaskTable | undefined {
  const appendix = taskAppendix(definition);
  if (!appendix) return undefined;
  const form = located.appendix.forms.find((f) => f.appendix === appendix.id && f.form === undefined);
  if (!form) return undefined;

  // Rows the template binds: their address (sub-rows count for their row).
  const bound = new Map<string, { id: string; label: string }[]>();
  for (const field of definition.fields) {
    for (const o of field.occurrences) {
      if (o.where !== 'appendix' || o.appendix !== appendix.id || o.form !== undefined) continue;
      const key = normalizeRowKey(o.row).split('#')[0]!;
      const list = bound.get(key) ?? [];
      if (!list.some((x) => x.id === field.id)) list.push({ id: field.id, label: field.label });
      bound.set(key, list);
    }
  }

  const groups: TaskGroup[] = [];
  for (const row of form.rows) {
    if (!row.group || row.key === row.group) {
      groups.push({ group: row.key, title: row.label, heading: row, rows: [] });
      continue;
    }
    let current = groups[groups.length - 1];
    if (!current || current.group !== row.group) {
      current = { group: row.group, title: row.group, rows: [] };
      groups.push(current);
    }
    const parentKey = row.key.split('#')[0]!;
    const last = current.rows[current.rows.length - 1];
    if (row.key.includes('#') && last?.key === parentKey) {
      last.parts.push(...row.parts);
      continue;
    }
    current.rows.push({
      key: row.key,
      group: row.group,
      code: row.code.trim(),
      task: row.label,
      output: '',
      note: '',
      parts: [...row.parts],
      fields: bound.get(row.key) ?? [],
      hasOutput: false,
    });
  }
  let total = 0;
  let withOutput = 0;
  for (const g of groups) {
    for (const r of g.rows) {
      r.output = joined(snapshot, r.parts, 'output');
      r.note = joined(snapshot, r.parts, 'note');
      r.hasOutput = r.output !== '' && !PLACEHOLDER.test(r.output);
      total++;
      if (r.hasOutput) withOutput++;
    }
  }
  // Rows outside any Roman group are not tasks of a group (a table without groups lists none).
  const kept = groups.filter((g) => g.rows.length > 0 || /^[IVX]+$/.test(g.group));
  return { appendix: appendix.id, title: appendix.title, form, groups: kept, total, withOutput };
}

/** The STT of the n-th task as the group writes it: trailing dot and zero padding kept. */
export function formatStt(n: number, sample: string | undefined): string {
  const s = (sample ?? '').trim();
  const padded = /^0\d/.test(s) && n < 10 ? `0${n}` : String(n);
  return s.endsWith('.') ? `${padded}.` : padded;
}

const sttNumber = (code: string): number | undefined => {
  const m = /^0*(\d{1,3})\.?$/.exec(code.trim());
  return m ? Number(m[1]) : undefined;
};

const groupOf = (input: string) => input.trim().replace(/\.+$/, '').toUpperCase();

function requireTable(definition: TemplateDefinition, snapshot: DocumentSnapshot, located: LocateResult): TaskTable {
  const table = readTaskTable(definition, snapshot, located);
  if (!table) {
    const appendix = taskAppendix(definition);
    throw new TaskRowError('no-table', `Không tìm thấy bảng ${appendix ? appendix.title : 'nhiệm vụ cụ thể'} trong tài liệu.`);
  }
  return table;
}

function requireGroup(table: TaskTable, group: string): TaskGroup {
  const g = table.groups.find((x) => x.group === groupOf(group));
  if (!g) {
    throw new TaskRowError('no-group', `Phụ lục ${table.appendix} không có nhóm "${group.trim()}" (các nhóm: ${table.groups.map((x) => x.group).join(', ')}).`);
  }
  return g;
}

function rangeOf(g: TaskGroup): string {
  if (g.rows.length === 0) return `nhóm ${g.group} chưa có dòng nào`;
  return `nhóm ${g.group} có các dòng ${g.rows[0]!.key}${g.rows.length > 1 ? `–${g.rows[g.rows.length - 1]!.key}` : ''}`;
}

function fieldList(fields: { id: string; label: string }[]): string {
  const shown = fields.slice(0, 2).map((f) => f.label);
  return shown.join('; ') + (fields.length > 2 ? `; và ${fields.length - 2} số liệu khác` : '');
}

/**
 * Renumbers the rows of a group as they will stand (`rows` in their new order): cell edits for
 * the STT cells that change, refused when a bound row would change its address.
 */
function renumber(snapshot: DocumentSnapshot, g: TaskGroup, rows: TaskRow[], from: number, action: string): { edits: DocumentEdit[]; renumbered: RowChange['renumbered'] } {
  const edits: DocumentEdit[] = [];
  const renumbered: RowChange['renumbered'] = [];
  // Rows without a number ("-", "a)") keep their code and do not count.
  let n = 0;
  rows.forEach((r, i) => {
    if (sttNumber(r.code) === undefined) return;
    n++;
    if (i < from) return;
    const code = formatStt(n, r.code);
    const key = `${g.group}.${n}`;
    if (key === r.key && code === r.code) return;
    if (r.fields.length > 0 && key !== r.key) {
      throw new TaskRowError(
        'renumbers-bound',
        `Không thể ${action}: dòng ${r.key} sẽ thành ${key}, mà dòng ${r.key} là chỗ ghi số liệu của mẫu (${fieldList(r.fields)}). Hãy thêm hoặc xóa ở sau dòng này, cuối nhóm ${g.group}.`,
      );
    }
    const part = r.parts[0]!;
    const cell = part.cells.code;
    const block = snapshot.blocks[part.tableIndex];
    if (cell === undefined || block?.type !== 'table') return;
    edits.push({ kind: 'cell', tableIndex: part.tableIndex, rowIndex: part.rowIndex, cellIndex: cell, text: code });
    renumbered.push({ from: r.key, to: key });
  });
  return { edits, renumbered };
}

export interface AddTaskInput {
  /** Group ("III"); optional with `after`. */
  group?: string;
  /** Insert after this row ("III.3"), or after the group's heading when it names the group; default: at the end of the group. */
  after?: string;
  task?: string;
  output?: string;
  note?: string;
}

/** Plans adding a task row to a group (see the module comment). */
export function planAddTask(definition: TemplateDefinition, snapshot: DocumentSnapshot, located: LocateResult, input: AddTaskInput): RowChange {
  const table = requireTable(definition, snapshot, located);
  const afterKey = input.after !== undefined ? normalizeRowKey(input.after.trim()).toUpperCase() : undefined;
  const groupName = input.group ?? afterKey?.split('.')[0] ?? '';
  const g = requireGroup(table, groupName);
  let position = g.rows.length;
  if (afterKey !== undefined && afterKey !== g.group) {
    const at = g.rows.findIndex((r) => r.key.toUpperCase() === afterKey);
    if (at < 0) throw new TaskRowError('no-row', `Phụ lục ${table.appendix} không có dòng "${input.after!.trim()}" (${rangeOf(g)}).`);
    position = at + 1;
  } else if (afterKey === g.group) {
    position = 0;
  }
  // The physical row the new one follows: the last part of the row before it, else the heading.
  const before = position > 0 ? g.rows[position - 1]! : undefined;
  const anchor = before ? before.parts[before.parts.length - 1]! : g.heading?.parts[g.heading.parts.length - 1];
  if (!anchor) throw new TaskRowError('no-group', `Không xác định được vị trí của nhóm ${g.group} trong bảng.`);
  // A task row of the same table lends its formatting (the heading row only when there is none).
  const sameTable = (r: TaskRow) => r.parts.find((p) => p.tableIndex === anchor.tableIndex);
  const lender =
    (before && sameTable(before)) ??
    g.rows.map(sameTable).find((p) => p !== undefined) ??
    table.groups.flatMap((x) => x.rows).map(sameTable).find((p) => p !== undefined) ??
    anchor;
  const block = snapshot.blocks[lender.tableIndex];
  if (block?.type !== 'table') throw new TaskRowError('no-table', `Không tìm thấy bảng Phụ lục ${table.appendix} trong tài liệu.`);
  const width = block.rows[lender.rowIndex]?.cells.length ?? 0;
  const sample = (before ?? g.rows[0])?.code;
  const number = g.rows.slice(0, position).filter((r) => sttNumber(r.code) !== undefined).length + 1;
  const code = formatStt(number, sample);
  const key = `${g.group}.${number}`;
  const texts = { task: (input.task ?? '').trim(), output: (input.output ?? '').trim(), note: (input.note ?? '').trim() };
  const cells = Array.from({ length: width }, () => '');
  const put = (column: 'code' | 'task' | 'output' | 'note', text: string) => {
    const i = lender.cells[column];
    if (i !== undefined && i < width) cells[i] = text;
    else if (text && column !== 'code') {
      // A text with nowhere to go is not dropped silently.
      const name = taskAppendix(definition)?.columns.find((c) => c.role === column)?.name ?? column;
      throw new TaskRowError('no-column', `Bảng Phụ lục ${table.appendix} trong tài liệu không có cột "${name}" để ghi "${text}".`);
    }
  };
  put('code', code);
  if (lender.cells.code === undefined && width > 0) cells[0] = code;
  put('task', texts.task);
  put('output', texts.output);
  put('note', texts.note);

  const placeholder: TaskRow = { key, group: g.group, code, ...texts, parts: [], fields: [], hasOutput: false };
  const order = [...g.rows.slice(0, position), placeholder, ...g.rows.slice(position)];
  const { edits, renumbered } = renumber(snapshot, g, order, position + 1, `thêm nhiệm vụ vào giữa nhóm ${g.group}`);
  edits.push({ kind: 'insert-row', tableIndex: anchor.tableIndex, templateRowIndex: lender.tableIndex === anchor.tableIndex ? lender.rowIndex : anchor.rowIndex, afterRowIndex: anchor.rowIndex, cells });
  const moved = renumbered.length ? `; đánh số lại ${renumbered.map((r) => `${r.from} → ${r.to}`).join(', ')}` : '';
  return {
    edits,
    key,
    group: g.group,
    renumbered,
    summary: `Thêm nhiệm vụ ${key} vào nhóm ${g.group}${texts.task ? `: ${texts.task}` : ''}${moved}.`,
    row: texts,
  };
}

/** Plans removing a task row (not a bound one) and renumbering the rows after it in its group. */
export function planRemoveTask(definition: TemplateDefinition, snapshot: DocumentSnapshot, located: LocateResult, rowKey: string): RowChange {
  const table = requireTable(definition, snapshot, located);
  const key = normalizeRowKey(rowKey.trim()).toUpperCase();
  const groupName = key.split('.')[0] ?? '';
  const g = table.groups.find((x) => x.group === groupName);
  const at = g ? g.rows.findIndex((r) => r.key.toUpperCase() === key) : -1;
  if (!g || at < 0) {
    const where = g ? ` (${rangeOf(g)})` : ` (địa chỉ dạng <nhóm>.<số>, ví dụ ${table.groups[0]?.rows[0]?.key ?? 'I.1'})`;
    throw new TaskRowError('no-row', `Phụ lục ${table.appendix} không có dòng nhiệm vụ "${rowKey.trim()}"${where}.`);
  }
  const row = g.rows[at]!;
  if (row.fields.length > 0) {
    throw new TaskRowError(
      'bound',
      `Không xóa được dòng ${row.key}: đây là chỗ ghi số liệu của mẫu báo cáo (${fieldList(row.fields)}), xóa dòng sẽ làm mất số liệu này. Có thể để trống nội dung của dòng.`,
    );
  }
  const rest = [...g.rows.slice(0, at), ...g.rows.slice(at + 1)];
  const { edits, renumbered } = renumber(snapshot, g, rest, at, `xóa dòng ${row.key}`);
  for (const part of row.parts) edits.push({ kind: 'delete-row', tableIndex: part.tableIndex, rowIndex: part.rowIndex });
  const moved = renumbered.length ? `; đánh số lại ${renumbered.map((r) => `${r.from} → ${r.to}`).join(', ')}` : '';
  return {
    edits,
    key: row.key,
    group: g.group,
    renumbered,
    summary: `Xóa nhiệm vụ ${row.key}${row.task ? `: ${row.task}` : ''}${moved}.`,
    row: { task: row.task, output: row.output, note: row.note },
  };
}
