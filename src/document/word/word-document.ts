/**
 * The Word adapter: `ReportDocument` over Office.js (`Word.run` batches).
 *
 * Sync budget (each `context.sync()` is a round trip to Word, slow on the web):
 * - `read()`: exactly one sync, whatever the number of controls, paragraphs and tables.
 * - `apply(edits)`: at most two syncs, whatever the number of edits: one to load and verify
 *   what the edits touch (nothing is written if anything is stale, missing or locked), one
 *   for all the writes.
 *
 * How the snapshot is built from what Word gives in one sync:
 * - Blocks: `body.paragraphs` lists every paragraph, table cells included
 *   (`tableNestingLevel > 0`). A run of consecutive table paragraphs is the next top-level
 *   table of `body.tables` (`nestingLevel === 1`); the other paragraphs are paragraph blocks.
 *   Word keeps a paragraph between two top-level tables, so runs and tables pair up; if Word
 *   reports more top-level tables than runs, the extra tables are placed after the last run.
 * - Table cells come from `Table.values` (cell paragraphs joined with "\n"). Word does not
 *   report grid spans or vertical merges there: every cell has `span: 1, mergedUp: false`,
 *   and a row lists the cells Word lists for it. Header rows come from `headerRowCount`.
 * - Controls come from `body.contentControls`, in document order (kind from `subtype`, lock
 *   from cannotEdit/cannotDelete, placeholder when the text is empty or equals
 *   `placeholderText`). Each paragraph is loaded with the ids of the controls Word lists in it
 *   (`contentControls/items/id`): the first paragraph listing a control gives its `blockIndex`
 *   (a table's block for a paragraph in a cell). Word gives no character offsets, so the span
 *   is found by text: the control's text (first line) is searched in its paragraph from where
 *   the previous control of that paragraph ended, preferring an occurrence that cuts no word
 *   or number ("02" in "quý 02 sở", not in "02/3/2022"). Limitation: when the same figure also
 *   stands alone earlier in the paragraph ("tháng 02 năm 2022 … mỗi quý 02 sở"), the span can
 *   land on that earlier occurrence (2 of the 130 controls of the bound sample). A control
 *   nested in the previous one is found inside it when its text does not occur after it; an
 *   empty control gets an empty span where the previous one ended. Word on the web does not
 *   list content controls inside tables: appendix cells are always addressed through the
 *   table (table, row, cell), never through controls.
 *
 * How edits are written:
 * - Controls: `contentControls.getByIdOrNullObject(id)` (ids from the last read), verified in
 *   the first sync (present, not content-locked, text unchanged), then `insertText(…,'Replace')`.
 * - Cells (`tableIndex` is the table's block index, as in the core and the OOXML adapter):
 *   `table.getCell(r, c).body.insertText(…, 'Replace')`; with `find`, a search in the cell
 *   body (see spans below). Inserted rows: `getCell(after, 0).parentRow.insertRows('After', 1, [cells])`,
 *   queued last so that they do not shift the other cell addresses. Word copies the formatting
 *   of the row it inserts after: `templateRowIndex` other than `afterRowIndex` is not honoured.
 * - Paragraph spans and wraps: Word ranges have no character offsets, so a span is reached by
 *   searching its paragraph for a piece of text that first occurs exactly around it, then the
 *   span inside that piece (or, when the text repeats too much, by expanding the end of the
 *   text before it to the end of the span: see `spanSearch`). Spans of one paragraph are
 *   written right to left so that each search sees unchanged text. Word limits search texts
 *   to 255 characters. `find` in a cell works the same way in the cell body.
 * If Word's search disagrees with the text it reported (fields, hidden text), the second sync
 * can fail after some writes; Word's undo reverts them.
 */
import {
  DocumentError,
  type Block,
  type CellEdit,
  type ControlEdit,
  type ControlInfo,
  type ControlKind,
  type ControlLevel,
  type ControlLock,
  type ControlSpan,
  type DocumentEdit,
  type DocumentSnapshot,
  type InsertRowEdit,
  type ParagraphBlock,
  type ParagraphEdit,
  type ReportDocument,
  type TableBlock,
  type WrapEdit,
} from '../types';

/** Runs a batch against Word: `Word.run` in the add-in, a fake in tests. */
export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** Word.run(context, batch): continues in the context a handler was registered with. */
export type WordRunWith = (
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Word.RequestContext) => Promise<void>,
) => Promise<void>;

export const defaultRun: WordRun = (batch) => Word.run(batch);

const CONTROL_PROPS = 'id,tag,title,text,type,subtype,cannotEdit,cannotDelete,placeholderText';
/** With the ids of the controls in each paragraph: that is how a control's paragraph is known. */
const PARAGRAPH_PROPS = 'text,tableNestingLevel,style,styleBuiltIn,contentControls/items/id';
const TABLE_PROPS = 'values,rowCount,nestingLevel,headerRowCount';
/** Word rejects longer search strings. */
const MAX_SEARCH = 255;

interface LastRead {
  snapshot: DocumentSnapshot;
  /** Word content-control id of each ControlInfo, by index. */
  controlIds: number[];
  /** For each block: its ordinal among top-level paragraphs or among top-level tables. */
  ordinals: number[];
}

export class WordDocument implements ReportDocument {
  private last: LastRead | undefined;

  constructor(private readonly run: WordRun = defaultRun) {}

  async read(): Promise<DocumentSnapshot> {
    const last = await this.run(async (context) => {
      const body = context.document.body;
      const controls = body.contentControls.load(CONTROL_PROPS);
      const paragraphs = body.paragraphs.load(PARAGRAPH_PROPS);
      const tables = body.tables.load(TABLE_PROPS);
      await context.sync();
      return buildSnapshot(
        controls.items.map(controlData),
        paragraphs.items.map((p) => ({
          text: p.text,
          tableNestingLevel: p.tableNestingLevel,
          style: p.styleBuiltIn && p.styleBuiltIn !== 'Other' ? p.styleBuiltIn : p.style,
          controlIds: p.contentControls.items.map((c) => c.id),
        })),
        tables.items.map((t) => ({ values: t.values, rowCount: t.rowCount, nestingLevel: t.nestingLevel, headerRowCount: t.headerRowCount })),
      );
    });
    this.last = last;
    return last.snapshot;
  }

  /** Word's id of the control at `index` in the last snapshot (undefined once written over). */
  controlId(index: number): number | undefined {
    return this.last?.controlIds[index];
  }

  async apply(edits: DocumentEdit[]): Promise<void> {
    if (edits.length === 0) return;
    const last = this.last;
    if (!last) {
      throw new DocumentError('stale-edit', 'Chưa đọc tài liệu: hãy đọc lại tài liệu trước khi ghi.');
    }
    const plan = planEdits(last, edits);
    // The snapshot no longer describes the document once we write (row indices shift, new
    // controls appear): the next apply needs a new read.
    this.last = undefined;

    await this.run(async (context) => {
      const body = context.document.body;

      // Sync 1: load what the edits touch and verify it still holds what the snapshot had.
      const controls = plan.controls.map((p) => {
        const control = body.contentControls.getByIdOrNullObject(p.id);
        control.load('text,cannotEdit,cannotDelete');
        return control;
      });
      const paragraphs = plan.paragraphs.size > 0 ? body.paragraphs.load('text,tableNestingLevel') : undefined;
      const tables = plan.tables.size > 0 ? body.tables.load('values,rowCount,nestingLevel') : undefined;
      await context.sync();

      const stale: string[] = [];
      const locked: string[] = [];
      const missing: string[] = [];
      plan.controls.forEach((p, i) => {
        const control = controls[i]!;
        const label = describeControl(p.info);
        if (control.isNullObject) missing.push(label);
        else if (control.cannotEdit) locked.push(label);
        else if (control.text !== p.info.text) stale.push(`${label}: "${p.info.text}" → "${control.text}"`);
      });
      if (missing.length > 0) {
        throw new DocumentError('control-missing', `Không tìm thấy ô nhập liệu: ${missing.join('; ')}.`, missing.join('\n'));
      }
      if (locked.length > 0) {
        throw new DocumentError('control-locked', `Ô nhập liệu đã bị khóa, không thể sửa: ${locked.join('; ')}.`, locked.join('\n'));
      }

      const liveParagraphs = new Map<number, Word.Paragraph>();
      if (paragraphs) {
        const top = paragraphs.items.filter((p) => p.tableNestingLevel === 0);
        for (const [blockIndex, p] of plan.paragraphs) {
          const live = top[p.ordinal];
          if (!live) stale.push(`đoạn ${blockIndex + 1}: không còn trong tài liệu`);
          else if (live.text !== p.block.text) stale.push(`đoạn ${blockIndex + 1}: "${clip(p.block.text)}" → "${clip(live.text)}"`);
          else liveParagraphs.set(blockIndex, live);
        }
      }
      const liveTables = new Map<number, Word.Table>();
      if (tables) {
        const top = tables.items.filter((t) => t.nestingLevel === 1);
        for (const [blockIndex, t] of plan.tables) {
          const live = top[t.ordinal];
          const name = `bảng ${t.ordinal + 1}`;
          if (!live) {
            stale.push(`${name}: không còn trong tài liệu`);
            continue;
          }
          if (live.rowCount !== t.block.rows.length) {
            stale.push(`${name}: ${t.block.rows.length} hàng → ${live.rowCount} hàng`);
            continue;
          }
          for (const [r, c] of t.cells) {
            const expected = t.block.rows[r]?.cells[c]?.text;
            const actual = live.values[r]?.[c];
            if (actual === undefined || normalizeCellText(actual) !== expected) {
              stale.push(`${name}, hàng ${r + 1}, cột ${c + 1}: "${clip(expected ?? '')}" → "${clip(actual ?? '')}"`);
            }
          }
          liveTables.set(blockIndex, live);
        }
      }
      if (stale.length > 0) {
        throw new DocumentError(
          'stale-edit',
          `Tài liệu đã thay đổi sau lần đọc trước, chưa ghi gì: ${stale.join('; ')}. Hãy đọc lại tài liệu.`,
          stale.join('\n'),
        );
      }

      // Sync 2: every write. Spans first (their searches need unchanged text), then controls,
      // then cells, then inserted rows (last, so that they do not shift cell addresses).
      for (const [blockIndex, p] of plan.paragraphs) {
        const paragraph = liveParagraphs.get(blockIndex)!;
        let limit = p.block.text.length; // text from the previous (right) edit on may have changed
        for (const edit of p.edits) {
          writeParagraphEdit(paragraph, p.block.text, edit, limit);
          limit = edit.start;
        }
      }
      plan.controls.forEach((p, i) => {
        const control = controls[i]!;
        if (p.edit.placeholder) {
          // Emptied for the new period: Word shows the placeholder (dimmed) in an empty control.
          control.placeholderText = p.edit.text;
          control.clear();
        } else {
          control.insertText(p.edit.text, 'Replace');
        }
      });
      for (const [blockIndex, t] of plan.tables) {
        const table = liveTables.get(blockIndex)!;
        for (const group of t.cellEdits) {
          const cellBody = table.getCell(group.rowIndex, group.cellIndex).body;
          const text = t.block.rows[group.rowIndex]?.cells[group.cellIndex]?.text ?? '';
          let limit = text.length;
          for (const edit of group.edits) limit = writeCellEdit(cellBody, text, edit, limit);
        }
        for (const edit of t.inserts) {
          table.getCell(edit.afterRowIndex, 0).parentRow.insertRows('After', 1, [edit.cells]);
        }
      }
      await context.sync();
    });
  }
}

/** Subscribes to edits of the document's content controls (WordApi 1.5 events). */
export async function subscribeToChanges(
  onChange: (change: { id: number; tag: string }) => void,
  deps: {
    run?: WordRun;
    runWith?: WordRunWith;
    isSetSupported?: (name: string, version: string) => boolean;
  } = {},
): Promise<() => Promise<void>> {
  const supported =
    deps.isSetSupported ??
    ((name: string, version: string) =>
      typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, version) === true);
  if (!supported('WordApi', '1.5')) return async () => {};
  const run = deps.run ?? defaultRun;
  const runWith = deps.runWith ?? ((context, batch) => (Word.run as unknown as WordRunWith)(context, batch));
  const handlers = await run(async (context) => {
    const controls = context.document.body.contentControls.load('id,tag');
    await context.sync();
    const added = controls.items.map((control) => {
      const change = { id: control.id, tag: control.tag };
      return control.onDataChanged.add(async () => onChange(change));
    });
    await context.sync();
    return added;
  });
  return async () => {
    const first = handlers[0];
    if (!first) return;
    await runWith(first.context, async (context) => {
      for (const handler of handlers) handler.remove();
      await context.sync();
    });
  };
}

// ---------------------------------------------------------------------------------------------
// Snapshot construction (pure: exported for tests and for the fake).

export interface WordControlData {
  id: number;
  tag: string;
  title: string;
  text: string;
  type: string;
  subtype: string;
  cannotEdit: boolean;
  cannotDelete: boolean;
  placeholderText: string;
}

export interface WordParagraphData {
  text: string;
  tableNestingLevel: number;
  style?: string;
  /** Ids of the content controls Word lists in this paragraph. */
  controlIds: number[];
}

export interface WordTableData {
  values: string[][];
  rowCount: number;
  nestingLevel: number;
  headerRowCount: number;
}

function controlData(c: Word.ContentControl): WordControlData {
  return {
    id: c.id,
    tag: c.tag,
    title: c.title,
    text: c.text,
    type: c.type,
    subtype: c.subtype,
    cannotEdit: c.cannotEdit,
    cannotDelete: c.cannotDelete,
    placeholderText: c.placeholderText,
  };
}

export function controlKind(type: string, subtype: string): ControlKind {
  const t = subtype && subtype !== 'Unknown' ? subtype : type;
  if (t.startsWith('RichText')) return 'richText';
  if (t.startsWith('PlainText')) return 'plainText';
  switch (t) {
    case 'DatePicker':
      return 'date';
    case 'DropDownList':
      return 'dropDown';
    case 'ComboBox':
      return 'comboBox';
    case 'CheckBox':
      return 'checkBox';
    default:
      return 'other';
  }
}

export function controlLevel(subtype: string): ControlLevel {
  switch (subtype) {
    case 'RichTextParagraphs':
    case 'PlainTextParagraph':
    case 'RichTextTable':
    case 'RepeatingSection':
    case 'Group':
      return 'block';
    case 'RichTextTableCell':
      return 'cell';
    case 'RichTextTableRow':
      return 'row';
    default:
      return 'inline';
  }
}

export function controlLock(cannotEdit: boolean, cannotDelete: boolean): ControlLock {
  if (cannotEdit && cannotDelete) return 'sdtContentLocked';
  if (cannotEdit) return 'contentLocked';
  if (cannotDelete) return 'sdtLocked';
  return 'none';
}

/** Word joins a cell's paragraphs with "\r" (or "\r\n"); the snapshot uses "\n". */
export function normalizeCellText(text: string): string {
  return text.replace(/\r\n?|\u000b/g, '\n');
}

function buildSnapshot(controls: WordControlData[], paragraphs: WordParagraphData[], tables: WordTableData[]): LastRead {
  const blocks: Block[] = [];
  const ordinals: number[] = [];
  const topTables = tables.filter((t) => t.nestingLevel === 1);
  let paragraphOrdinal = 0;
  let tableOrdinal = 0;
  let currentTable: number | undefined; // block index of the table whose paragraphs we are in

  const pushTable = (t: WordTableData): number => {
    const index = blocks.length;
    const block: TableBlock = {
      type: 'table',
      index,
      rows: t.values.map((row, r) => ({
        cells: row.map((text) => ({ text: normalizeCellText(text), span: 1, mergedUp: false })),
        header: r < t.headerRowCount,
      })),
    };
    blocks.push(block);
    ordinals.push(tableOrdinal++);
    return index;
  };

  /** The block of each control, from the first paragraph that lists it. */
  const controlBlock = new Map<number, number>();
  const listIn = (ids: number[], blockIndex: number) => {
    for (const id of ids) if (!controlBlock.has(id)) controlBlock.set(id, blockIndex);
  };
  for (const p of paragraphs) {
    if (p.tableNestingLevel > 0) {
      if (currentTable === undefined) {
        const t = topTables[tableOrdinal];
        if (t === undefined) continue; // more table runs than tables: nothing to attach them to
        currentTable = pushTable(t);
      }
      listIn(p.controlIds, currentTable);
      continue;
    }
    currentTable = undefined;
    const index = blocks.length;
    listIn(p.controlIds, index);
    const block: ParagraphBlock = { type: 'paragraph', index, text: p.text, spans: [] };
    if (p.style) block.style = p.style;
    blocks.push(block);
    ordinals.push(paragraphOrdinal++);
  }
  while (tableOrdinal < topTables.length) {
    pushTable(topTables[tableOrdinal]!);
  }

  // Locate each control in its paragraph, in order (see the header comment for the limitations).
  const infos: ControlInfo[] = [];
  /** Per paragraph block: where the previous control started and ended. */
  const cursors = new Map<number, { start: number; end: number }>();
  let lastBlock = 0;
  controls.forEach((c, index) => {
    const needle = c.text.split(/\r\n?|\n|\u000b/)[0] ?? '';
    let blockIndex = controlBlock.get(c.id);
    if (blockIndex === undefined) {
      // Not listed in any paragraph (should not happen): the next paragraph holding its text.
      blockIndex = blocks.findIndex((b, i) => i >= lastBlock && b.type === 'paragraph' && b.text.includes(needle));
      if (blockIndex < 0) blockIndex = Math.min(lastBlock, Math.max(blocks.length - 1, 0));
    }
    lastBlock = blockIndex;
    infos.push({
      index,
      tag: c.tag,
      title: c.title,
      text: c.text,
      kind: controlKind(c.type, c.subtype),
      level: controlLevel(c.subtype),
      lock: controlLock(c.cannotEdit, c.cannotDelete),
      showingPlaceholder: c.text === '' || (c.placeholderText !== '' && c.text === c.placeholderText),
      blockIndex,
    });
    const block = blocks[blockIndex];
    if (block?.type !== 'paragraph') return;
    const previous = cursors.get(blockIndex);
    const start =
      locate(block.text, needle, previous?.end ?? 0) ?? // after the previous control
      (previous ? locate(block.text, needle, previous.start) : undefined) ?? // nested in it
      locate(block.text, needle, 0) ?? // anywhere in the paragraph
      previous?.end ??
      0;
    const end = block.text.indexOf(needle, start) === start ? start + needle.length : start;
    const span: ControlSpan = { controlIndex: index, start, end };
    block.spans.push(span);
    cursors.set(blockIndex, { start, end });
  });

  return {
    snapshot: { blocks, controls: infos },
    controlIds: controls.map((c) => c.id),
    ordinals,
  };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const DIGIT = /\p{N}/u;
const NUMBER_JOINER = /[.,/:-]/;

/**
 * How well an occurrence of `needle` at `i` stands on its own: 2 when it cuts neither a word
 * nor a number ("02" as in "quý 02 sở", not in "02/3/2022", "02/BC-TCT" or "1.202"), 1 when
 * it only touches a number's separator, 0 when it cuts a word or number ("6" in "2016").
 */
function standsAlone(text: string, needle: string, i: number): number {
  const before = text[i - 1] ?? '';
  const after = text[i + needle.length] ?? '';
  const first = needle[0]!;
  const last = needle[needle.length - 1]!;
  if ((WORD_CHAR.test(first) && WORD_CHAR.test(before)) || (WORD_CHAR.test(last) && WORD_CHAR.test(after))) return 0;
  const joinedBefore = DIGIT.test(first) && NUMBER_JOINER.test(before) && DIGIT.test(text[i - 2] ?? '');
  // A number followed by "/" is a fraction or a document number ("02/BC-TCT").
  const joinedAfter = DIGIT.test(last) && (after === '/' || (NUMBER_JOINER.test(after) && DIGIT.test(text[i + needle.length + 1] ?? '')));
  return joinedBefore || joinedAfter ? 1 : 2;
}

/**
 * The occurrence of `needle` in `text` at or after `from` that stands best on its own (the
 * first of those); undefined when there is none.
 */
function locate(text: string, needle: string, from: number): number | undefined {
  if (needle === '') return from <= text.length ? from : undefined;
  let best: number | undefined;
  let bestScore = -1;
  for (let i = text.indexOf(needle, from); i >= 0 && bestScore < 2; i = text.indexOf(needle, i + 1)) {
    const score = standsAlone(text, needle, i);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Edit planning (pure): validation against the last snapshot, grouping, ordering.

type SpanEdit = ParagraphEdit | WrapEdit;

interface Plan {
  controls: { id: number; info: ControlInfo; edit: ControlEdit }[];
  /** By paragraph block index; edits sorted right to left. */
  paragraphs: Map<number, { ordinal: number; block: ParagraphBlock; edits: SpanEdit[] }>;
  /** By table block index. */
  tables: Map<
    number,
    {
      /** Block index of the table. */
      tableIndex: number;
      /** Position among the top-level tables. */
      ordinal: number;
      block: TableBlock;
      cells: [number, number][];
      cellEdits: { rowIndex: number; cellIndex: number; edits: CellEdit[] }[];
      inserts: InsertRowEdit[];
    }
  >;
}

function planEdits(last: LastRead, edits: DocumentEdit[]): Plan {
  const { snapshot } = last;
  const plan: Plan = { controls: [], paragraphs: new Map(), tables: new Map() };
  const locked: string[] = [];
  const invalid: string[] = [];

  /** `tableIndex` in edits is the table's block index (as the core and the OOXML adapter use it). */
  const tableEntry = (tableIndex: number) => {
    const block = snapshot.blocks[tableIndex];
    if (block?.type !== 'table') {
      invalid.push(`khối ${tableIndex + 1} không phải là bảng`);
      return undefined;
    }
    let entry = plan.tables.get(block.index);
    if (!entry) {
      entry = { tableIndex, ordinal: last.ordinals[block.index]!, block, cells: [], cellEdits: [], inserts: [] };
      plan.tables.set(block.index, entry);
    }
    return entry;
  };

  edits.forEach((edit) => {
    switch (edit.kind) {
      case 'control': {
        const info = snapshot.controls[edit.controlIndex];
        const id = last.controlIds[edit.controlIndex];
        if (!info || id === undefined) {
          invalid.push(`không có ô nhập liệu số ${edit.controlIndex + 1}`);
          return;
        }
        if (info.lock === 'contentLocked' || info.lock === 'sdtContentLocked') {
          locked.push(describeControl(info));
          return;
        }
        plan.controls.push({ id, info, edit });
        return;
      }
      case 'paragraph':
      case 'wrap': {
        const block = snapshot.blocks[edit.blockIndex];
        if (block?.type !== 'paragraph' || edit.start < 0 || edit.end < edit.start || edit.end > block.text.length) {
          invalid.push(`đoạn ${edit.blockIndex + 1}: vị trí ${edit.start}–${edit.end} không hợp lệ`);
          return;
        }
        if (edit.kind === 'wrap' && edit.start === edit.end) {
          invalid.push(`đoạn ${edit.blockIndex + 1}: không thể tạo ô nhập liệu rỗng`);
          return;
        }
        for (const span of block.spans) {
          const info = snapshot.controls[span.controlIndex];
          const overlaps = span.start < edit.end && edit.start < span.end;
          if (info && overlaps && edit.kind === 'paragraph' && (info.lock === 'contentLocked' || info.lock === 'sdtContentLocked')) {
            locked.push(describeControl(info));
          }
        }
        let entry = plan.paragraphs.get(block.index);
        if (!entry) {
          entry = { ordinal: last.ordinals[block.index]!, block, edits: [] };
          plan.paragraphs.set(block.index, entry);
        }
        entry.edits.push(edit);
        return;
      }
      case 'cell': {
        const entry = tableEntry(edit.tableIndex);
        if (!entry) return;
        const cell = entry.block.rows[edit.rowIndex]?.cells[edit.cellIndex];
        if (!cell) {
          invalid.push(`bảng ${entry.ordinal + 1}: không có ô hàng ${edit.rowIndex + 1}, cột ${edit.cellIndex + 1}`);
          return;
        }
        if (edit.find && (edit.find.text === '' || cell.text.indexOf(edit.find.text, edit.find.from) < 0)) {
          invalid.push(`bảng ${entry.ordinal + 1}, hàng ${edit.rowIndex + 1}, cột ${edit.cellIndex + 1}: không có "${edit.find.text}"`);
          return;
        }
        let group = entry.cellEdits.find((g) => g.rowIndex === edit.rowIndex && g.cellIndex === edit.cellIndex);
        if (!group) {
          group = { rowIndex: edit.rowIndex, cellIndex: edit.cellIndex, edits: [] };
          entry.cellEdits.push(group);
          entry.cells.push([edit.rowIndex, edit.cellIndex]);
        }
        group.edits.push(edit);
        return;
      }
      case 'insert-row': {
        const entry = tableEntry(edit.tableIndex);
        if (!entry) return;
        if (!entry.block.rows[edit.afterRowIndex] || !entry.block.rows[edit.templateRowIndex]) {
          invalid.push(`bảng ${entry.ordinal + 1}: không có hàng ${Math.max(edit.afterRowIndex, edit.templateRowIndex) + 1}`);
          return;
        }
        entry.inserts.push(edit);
        return;
      }
    }
  });

  if (locked.length > 0) {
    throw new DocumentError('control-locked', `Ô nhập liệu đã bị khóa, không thể sửa: ${locked.join('; ')}.`, locked.join('\n'));
  }

  // Overlapping spans in one paragraph, or a whole-cell edit with other edits of that cell,
  // have no single meaning.
  for (const entry of plan.paragraphs.values()) {
    entry.edits.sort((a, b) => b.start - a.start || b.end - a.end);
    for (let i = 1; i < entry.edits.length; i++) {
      const right = entry.edits[i - 1]!;
      const left = entry.edits[i]!;
      if (left.end > right.start || (left.start === right.start && left.end === right.end)) {
        invalid.push(`đoạn ${entry.block.index + 1}: hai thay đổi chồng lên nhau`);
      }
    }
  }
  for (const entry of plan.tables.values()) {
    for (const group of entry.cellEdits) {
      const text = entry.block.rows[group.rowIndex]!.cells[group.cellIndex]!.text;
      if (group.edits.length > 1 && group.edits.some((e) => !e.find)) {
        invalid.push(`bảng ${entry.ordinal + 1}, hàng ${group.rowIndex + 1}, cột ${group.cellIndex + 1}: hai thay đổi cho cùng một ô`);
        continue;
      }
      const position = (e: CellEdit) => text.indexOf(e.find!.text, e.find!.from);
      group.edits.sort((a, b) => (a.find && b.find ? position(b) - position(a) : 0));
      for (let i = 1; i < group.edits.length; i++) {
        const right = group.edits[i - 1]!;
        const left = group.edits[i]!;
        if (position(left) + left.find!.text.length > position(right)) {
          invalid.push(`bảng ${entry.ordinal + 1}, hàng ${group.rowIndex + 1}, cột ${group.cellIndex + 1}: hai thay đổi chồng lên nhau`);
        }
      }
    }
    // Insert bottom-up; rows inserted after the same row go in reverse so they end in order.
    entry.inserts = entry.inserts
      .map((e, order) => ({ e, order }))
      .sort((a, b) => b.e.afterRowIndex - a.e.afterRowIndex || b.order - a.order)
      .map(({ e }) => e);
  }
  if (invalid.length > 0) {
    throw new DocumentError('stale-edit', `Thay đổi không khớp với lần đọc trước: ${invalid.join('; ')}.`, invalid.join('\n'));
  }
  return plan;
}

function describeControl(info: ControlInfo): string {
  return info.title || info.tag || `ô nhập liệu số ${info.index + 1}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Locating spans by search.

/** Word search syntax without wildcards: "^" starts a special code. */
export function escapeSearch(text: string): string {
  return text.replace(/\^/g, '^^').replace(/\t/g, '^t').replace(/\u000b/g, '^l').replace(/\n/g, '^p');
}

const SEARCH_OPTIONS = { matchCase: true } as const;

/**
 * How to reach `text[start, end)` by search. Word ranges have no character offsets, and a
 * search result collection only offers its first item without another round trip, so:
 * - `search`: a piece `context = text[a, b)` around the span whose first occurrence in `text`
 *   is at `a`, with no occurrence of the span's text in `text[a, start)`; the span is the
 *   first occurrence of its text inside the context's range (the context itself when equal).
 * - `between`, when no such piece exists ("17/17/17", last "17"): the span runs from the end
 *   of `before` (the shortest text ending at `start` that first occurs where it does; null at
 *   the start of the scope) to the end of `through` (likewise, ending at `end`).
 * `limit` bounds the text used (text after it may already have changed in this batch).
 */
export type SpanPlan =
  | { kind: 'search'; context: string; inner: string }
  | { kind: 'between'; before: string | null; through: string };

export function spanSearch(text: string, start: number, end: number, limit = text.length): SpanPlan {
  const inner = text.slice(start, end);
  let lastBefore = -1;
  for (let i = text.indexOf(inner); i >= 0 && i < start; i = text.indexOf(inner, i + 1)) lastBefore = i;
  for (let a = start; a > lastBefore; a--) {
    for (let b = end; b <= limit && b - a <= MAX_SEARCH; b++) {
      const context = text.slice(a, b);
      if (text.indexOf(context) === a) return { kind: 'search', context, inner };
    }
  }
  const firstOccurrenceEndingAt = (at: number): string => {
    for (let a = at - 1; a >= 0 && at - a <= MAX_SEARCH; a--) {
      const piece = text.slice(a, at);
      if (text.indexOf(piece) === a) return piece;
    }
    throw new DocumentError('unsupported', `Không thể xác định vị trí "${clip(inner)}" trong đoạn văn bản bằng chức năng tìm kiếm của Word.`);
  };
  return { kind: 'between', before: start === 0 ? null : firstOccurrenceEndingAt(start), through: firstOccurrenceEndingAt(end) };
}

/** The range of `text[start, end)` in a paragraph or cell body whose text is `text` (searches only text before `limit`). */
export function rangeOf(scope: Word.Paragraph | Word.Body, text: string, start: number, end: number, limit = text.length): Word.Range {
  const plan = spanSearch(text, start, end, limit);
  const first = (within: Word.Paragraph | Word.Body | Word.Range, piece: string) => within.search(escapeSearch(piece), SEARCH_OPTIONS).getFirst();
  if (plan.kind === 'search') {
    const contextRange = first(scope, plan.context);
    return plan.context === plan.inner ? contextRange : first(contextRange, plan.inner);
  }
  const from = plan.before === null ? scope.getRange('Start') : first(scope, plan.before).getRange('End');
  return from.expandTo(first(scope, plan.through).getRange('End'));
}

function writeParagraphEdit(paragraph: Word.Paragraph, text: string, edit: SpanEdit, limit: number): void {
  if (edit.kind === 'wrap') {
    const control = rangeOf(paragraph, text, edit.start, edit.end, limit).insertContentControl();
    control.tag = edit.tag;
    control.title = edit.title;
    return;
  }
  if (edit.start < edit.end) {
    rangeOf(paragraph, text, edit.start, edit.end, limit).insertText(edit.text, 'Replace');
  } else if (edit.start === 0) {
    paragraph.insertText(edit.text, 'Start');
  } else if (edit.start === text.length) {
    paragraph.insertText(edit.text, 'End');
  } else {
    rangeOf(paragraph, text, edit.start - 1, edit.start, limit).insertText(edit.text, 'After');
  }
}

/** Writes one cell edit; returns where the text may have changed from (the next limit). */
function writeCellEdit(body: Word.Body, text: string, edit: CellEdit, limit: number): number {
  if (!edit.find) {
    body.insertText(edit.text, 'Replace');
    return 0;
  }
  const start = text.indexOf(edit.find.text, edit.find.from);
  rangeOf(body, text, start, start + edit.find.text.length, limit).insertText(edit.text, 'Replace');
  return start;
}
