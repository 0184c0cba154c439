/**
 * The one document interface both adapters implement: Word (Office.js, batched) and OOXML
 * (.docx files). Adapters are deliberately dumb: they expose the body as a flat list of blocks
 * and apply positional edits. Mapping blocks to report fields (sections, appendix tables by
 * heading, rows by TT code) happens in the core, once, for both adapters.
 */

export type ControlKind = 'richText' | 'plainText' | 'date' | 'dropDown' | 'comboBox' | 'checkBox' | 'other';
export type ControlLevel = 'block' | 'inline' | 'cell' | 'row';
export type ControlLock = 'none' | 'sdtLocked' | 'contentLocked' | 'sdtContentLocked';

export interface ControlInfo {
  /** Position among all controls of the body, in document order (stable within one snapshot). */
  index: number;
  tag: string;
  title: string;
  text: string;
  kind: ControlKind;
  level: ControlLevel;
  lock: ControlLock;
  /** true when the control shows its placeholder (no content entered yet). */
  showingPlaceholder: boolean;
  /** Index of the block (paragraph or table) that contains it. */
  blockIndex: number;
}

/** A span of a paragraph's text that belongs to a content control. */
export interface ControlSpan {
  controlIndex: number;
  start: number;
  end: number;
}

export interface ParagraphBlock {
  type: 'paragraph';
  index: number;
  text: string;
  /** Controls inside this paragraph and where their text sits in `text`. */
  spans: ControlSpan[];
  /** Word style id or name, when known ("Heading1", "TextBody"). */
  style?: string;
}

export interface TableCell {
  text: string;
  /** Number of grid columns the cell spans (w:gridSpan), 1 by default. */
  span: number;
  /** Vertical merge continuation (w:vMerge without restart): the cell repeats the one above. */
  mergedUp: boolean;
}

export interface TableRow {
  cells: TableCell[];
  /** Marked as a header row that repeats on each page (w:tblHeader). */
  header: boolean;
}

export interface TableBlock {
  type: 'table';
  index: number;
  rows: TableRow[];
}

export type Block = ParagraphBlock | TableBlock;

export interface DocumentSnapshot {
  blocks: Block[];
  controls: ControlInfo[];
  /**
   * What baocao stores in the document besides its body (a custom XML part, namespace
   * DOCUMENT_DATA_NS): the template id and the drafter's own fields. Absent when the document has
   * none (or the adapter cannot read it).
   */
  data?: DocumentData;
}

/** Namespace of baocao's custom XML part (customXml/itemN.xml). */
export const DOCUMENT_DATA_NS = 'urn:baocao:document:1';

/**
 * baocao's custom XML part as the adapters read it: attributes as written, unvalidated (the core
 * validates them, src/core/template/user-fields.ts). `problem` says why the part was set aside
 * (malformed, too large): the document is then read as if it had none.
 */
export interface DocumentData {
  template?: string;
  fields: Array<Record<string, string>>;
  problem?: string;
}

/** Replace (or create) baocao's custom XML part with this content. */
export interface DataEdit {
  kind: 'data';
  data: { template?: string; fields: Array<Record<string, string>> };
}

/**
 * Replace the text of one content control, keeping the formatting of its first run. With
 * `placeholder`, the text is shown as the control's placeholder (grey, "chưa nhập"): the
 * control is emptied, as a roll-over does for the figures of the new period.
 */
export interface ControlEdit {
  kind: 'control';
  controlIndex: number;
  text: string;
  placeholder?: boolean;
}

/**
 * Replace the text of a table cell, keeping its paragraph and first run formatting.
 * With `find`, only that substring (first occurrence at or after `from`) is replaced.
 */
export interface CellEdit {
  kind: 'cell';
  /** The table's index in `DocumentSnapshot.blocks` (its block index, not its rank among tables). */
  tableIndex: number;
  rowIndex: number;
  cellIndex: number;
  text: string;
  find?: { text: string; from: number };
}

/** Replace a span of a paragraph's text (figures in plain documents without controls). */
export interface ParagraphEdit {
  kind: 'paragraph';
  blockIndex: number;
  start: number;
  end: number;
  text: string;
}

/** Insert a copy of a row (formatting kept) after `afterRowIndex`, with new cell texts. */
export interface InsertRowEdit {
  kind: 'insert-row';
  /** The table's block index, as for CellEdit. */
  tableIndex: number;
  templateRowIndex: number;
  afterRowIndex: number;
  cells: string[];
}

/**
 * Remove a table row (all its cells). Refused when the row holds a content control or lies in
 * one (a bound figure would silently lose its place), when it is the table's only row, and when
 * a vertically merged cell starts in it and continues below (the merge would lose its start).
 */
export interface DeleteRowEdit {
  kind: 'delete-row';
  /** The table's block index, as for CellEdit. */
  tableIndex: number;
  rowIndex: number;
}

/** Wrap a span of a paragraph in a new inline content control (adopting plain documents). */
export interface WrapEdit {
  kind: 'wrap';
  blockIndex: number;
  start: number;
  end: number;
  tag: string;
  title: string;
}

export type DocumentEdit = ControlEdit | CellEdit | ParagraphEdit | InsertRowEdit | DeleteRowEdit | WrapEdit | DataEdit;

/** Grid column where each cell of a row starts (cells may span several grid columns). */
function gridStarts(row: TableRow): number[] {
  const out: number[] = [];
  let g = 0;
  for (const c of row.cells) {
    out.push(g);
    g += Math.max(1, c.span);
  }
  return out;
}

/**
 * Why a row cannot be deleted as far as the snapshot tells (Vietnamese), or undefined. Both
 * adapters ask it before deleting; controls are checked by each adapter on its own tree.
 */
export function rowDeletionProblem(table: TableBlock, rowIndex: number): string | undefined {
  const row = table.rows[rowIndex];
  if (!row) return `bảng không có hàng ${rowIndex + 1}`;
  if (table.rows.length === 1) return 'đây là hàng duy nhất của bảng';
  const next = table.rows[rowIndex + 1];
  if (next) {
    const starts = new Set(gridStarts(row).filter((_, i) => !row.cells[i]!.mergedUp));
    const below = gridStarts(next);
    if (next.cells.some((c, i) => c.mergedUp && starts.has(below[i]!))) return `một ô gộp dọc bắt đầu ở hàng ${rowIndex + 1} và kéo xuống hàng dưới`;
  }
  return undefined;
}

export interface ReportDocument {
  /** Read the whole body once. */
  read(): Promise<DocumentSnapshot>;
  /** Apply edits computed against the last snapshot, in one batch. */
  apply(edits: DocumentEdit[]): Promise<void>;
}

/** A typed error for documents we refuse; `code` is stable, `message` is Vietnamese. */
export class DocumentError extends Error {
  constructor(
    readonly code:
      | 'not-zip'
      | 'zip-bomb'
      | 'too-many-entries'
      | 'bad-entry-name'
      | 'duplicate-entry'
      | 'missing-part'
      | 'xml-doctype'
      | 'xml-malformed'
      | 'too-deep'
      | 'corrupt'
      | 'too-large'
      | 'control-locked'
      | 'control-missing'
      | 'control-in-row'
      | 'stale-edit'
      | 'unsupported',
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
