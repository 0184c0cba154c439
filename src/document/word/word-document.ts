/**
 * The Word adapter: `ReportDocument` over Office.js (`Word.run` batches).
 *
 * Reading (one sync): the body's Office Open XML (`Body.getOoxml()`, flat OPC, WordApi 1.1) is read
 * by the OOXML reader the CLI uses (src/document/ooxml/flat-opc.ts), so plain-text controls,
 * controls in tables, merged cells, revisions (the current text: w:ins kept, w:del skipped) and
 * fields are read as for a .docx. In the same sync: the content controls Word can address, with
 * their ids and tags (`Body.getContentControls({ types })`, WordApi 1.5; `body.contentControls`
 * lists rich-text controls only, office-js #2160, #6144), and `Document.changeTrackingMode`
 * (WordApi 1.4). Each control of the snapshot is mapped to a Word control: by `w:sdtPr/w:id`
 * when Word lists that id, else by its rank among the controls with the same tag.
 *
 * Writing (at most two syncs, whatever the number of edits):
 * - sync 1 resolves and verifies everything that can fail, and writes nothing: the body's OOXML
 *   again (the edited places must still hold what the snapshot had), each control by id, the top-
 *   level tables, and every search that locates a span (see `spanSearch`: a piece of text whose
 *   first occurrence in the body is where the span is). An Office error here (Find dialog open,
 *   search too long or not found, a control gone) means nothing was written.
 * - sync 2 only writes, through the objects sync 1 resolved.
 * If Word still fails in sync 2, Word has applied the writes before the failing one: the adapter
 * reads the document again and throws a DocumentError ('stale-edit', so the pane reads it again
 * too) that lists what was and was not written.
 *
 * Placeholders (roll-over): the control is cleared; `placeholderText` is set only when it differs
 * and never on Word on the web, where setting it throws NotAllowed (office-js #785).
 * Track Changes: `trackChanges` tells whether Word will record the add-in's edits as revisions;
 * with `applyUntracked`, sync 2 turns tracking off around the writes and restores it.
 */
import {
  DocumentError,
  type CellEdit,
  type ControlEdit,
  type ControlInfo,
  type ControlKind,
  type ControlLevel,
  type ControlLock,
  type DocumentEdit,
  type DocumentSnapshot,
  type InsertRowEdit,
  type DeleteRowEdit,
  rowDeletionProblem,
  type ParagraphBlock,
  type ParagraphEdit,
  type ReportDocument,
  type TableBlock,
  type WrapEdit,
} from '../types';
import { readFlatOpc } from '../ooxml/flat-opc';
import { DOCUMENT_DATA_NS, parseDocumentData, serializeDocumentData } from '../custom-data';
import type { DataEdit, DocumentData } from '../types';

/** Runs a batch against Word: `Word.run` in the add-in, a fake in tests. */
export type WordRun = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** Word.run(context, batch): continues in the context a handler was registered with. */
export type WordRunWith = (
  context: OfficeExtension.ClientRequestContext,
  batch: (context: Word.RequestContext) => Promise<void>,
) => Promise<void>;

export const defaultRun: WordRun = (batch) => Word.run(batch);

export type WordPlatform = 'desktop' | 'web' | 'mac' | 'unknown';
export type TrackingMode = 'Off' | 'TrackAll' | 'TrackMineOnly' | 'unknown';

export interface TrackChangesState {
  /** Word's `changeTrackingMode` ('unknown' without WordApi 1.4). */
  mode: TrackingMode;
  /** The body holds tracked insertions or deletions (read from its OOXML). */
  hasRevisions: boolean;
}

export interface WordDocumentOptions {
  /** `Office.context.requirements.isSetSupported` (a fake in tests). */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Where Word runs (`Office.context.platform`); decides the placeholder rule. */
  platform?: WordPlatform;
}

/** The requirement sets the adapter uses, and what each one brings. */
export const REQUIRED_WORD_API = '1.3';

export function officeIsSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

export function officePlatform(): WordPlatform {
  try {
    const platform = typeof Office !== 'undefined' ? String(Office.context?.platform ?? '') : '';
    if (platform === 'OfficeOnline') return 'web';
    if (platform === 'Mac') return 'mac';
    if (platform === 'PC') return 'desktop';
  } catch {
    // not in Office
  }
  return 'unknown';
}

/** Every content-control type the typed query can list (WordApi 1.5). */
const CONTROL_TYPES = ['RichText', 'PlainText', 'CheckBox', 'ComboBox', 'DropDownList', 'DatePicker'];

/** Word rejects longer search strings (office-js #1726). */
const MAX_SEARCH = 255;
const SEARCH_OPTIONS = { matchCase: true } as const;

/**
 * The body's text as a body-wide search sees it, laid out from a snapshot: each top-level
 * paragraph and each line of each table cell, in document order, separated by a character that
 * never occurs in a search string.
 */
interface SearchText {
  full: string;
  /** Offset of each paragraph block's text in `full`. */
  paragraph: Map<number, number>;
  /** Offset of each cell's text (`block:row:cell`). */
  cell: Map<string, number>;
}

const SEPARATOR = '\u0000';

function searchText(snapshot: DocumentSnapshot): SearchText {
  const parts: string[] = [];
  let offset = 0;
  const paragraph = new Map<number, number>();
  const cell = new Map<string, number>();
  const push = (text: string): number => {
    const at = offset;
    parts.push(text);
    offset += text.length + SEPARATOR.length;
    return at;
  };
  for (const block of snapshot.blocks) {
    if (block.type === 'paragraph') paragraph.set(block.index, push(block.text));
    else
      block.rows.forEach((row, r) =>
        row.cells.forEach((c, i) => {
          // A cell's lines are separate paragraphs (or soft breaks): never searched across.
          cell.set(`${block.index}:${r}:${i}`, push(c.text));
        }),
      );
  }
  return { full: parts.join(SEPARATOR), paragraph, cell };
}

interface LastRead {
  snapshot: DocumentSnapshot;
  /** Word content-control id of each ControlInfo, by index (undefined: Word does not list it). */
  controlIds: Array<number | undefined>;
  /** Rows of its table each control lies in or wraps (see FlatOpcRead.controlRows). */
  controlRows: number[][];
  /** For each block: its ordinal among top-level paragraphs or among top-level tables. */
  ordinals: number[];
  search: SearchText;
}

function ordinalsOf(snapshot: DocumentSnapshot): number[] {
  let paragraphs = 0;
  let tables = 0;
  return snapshot.blocks.map((b) => (b.type === 'paragraph' ? paragraphs++ : tables++));
}

/**
 * Maps the snapshot's controls to the ids of the controls Word lists: by `w:id` when Word lists
 * that id, else the k-th control with a tag is the k-th Word control with that tag.
 */
function mapControls(snapshot: DocumentSnapshot, xmlIds: Array<number | undefined>, listed: { id: number; tag: string }[]): Array<number | undefined> {
  const known = new Set(listed.map((c) => c.id));
  const byTag = new Map<string, number[]>();
  for (const c of listed) byTag.set(c.tag, [...(byTag.get(c.tag) ?? []), c.id]);
  const used = new Set<number>();
  const rank = new Map<string, number>();
  return snapshot.controls.map((info, i) => {
    const k = rank.get(info.tag) ?? 0;
    rank.set(info.tag, k + 1);
    const xmlId = xmlIds[i];
    if (xmlId !== undefined && known.has(xmlId) && !used.has(xmlId)) {
      used.add(xmlId);
      return xmlId;
    }
    const sameTag = snapshot.controls.filter((c) => c.tag === info.tag).length;
    const candidates = byTag.get(info.tag) ?? [];
    const id = candidates.length === sameTag ? candidates[k] : undefined;
    if (id === undefined || used.has(id)) return undefined;
    used.add(id);
    return id;
  });
}

function officeCode(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.name : 'Error';
}

/** Why Word refused what sync 1 asked, in Vietnamese (nothing was written). */
function resolveFailure(e: unknown): DocumentError {
  const code = officeCode(e);
  const why =
    code === 'SearchDialogIsOpen'
      ? 'hộp thoại Tìm kiếm (Find) của Word đang mở; hãy đóng nó rồi thử lại'
      : code === 'SearchStringInvalidOrTooLong'
        ? 'chuỗi tìm kiếm quá dài hoặc không hợp lệ'
        : code === 'ItemNotFound'
          ? 'một vị trí cần ghi không còn trong tài liệu'
          : `Word báo lỗi ${code}`;
  return new DocumentError('stale-edit', `Chưa ghi gì vào tài liệu: ${why}.`, e instanceof Error ? e.message : String(e));
}

export class WordDocument implements ReportDocument {
  private last: LastRead | undefined;
  private tracking: TrackChangesState = { mode: 'unknown', hasRevisions: false };
  private readonly supported: (name: string, version: string) => boolean;
  private readonly platform: WordPlatform;
  /** Ids written by the add-in, and until when their change events are its own. */
  private own = { ids: new Set<number>(), until: 0, writing: false };
  /** Write with Track Changes off (restored after the writes). */
  applyUntracked = false;
  /** baocao's custom XML part as last read or written, by its Word id. */
  private dataCache: { id: string; data: DocumentData } | undefined;

  constructor(
    private readonly run: WordRun = defaultRun,
    options: WordDocumentOptions = {},
  ) {
    this.supported = options.isSetSupported ?? officeIsSetSupported;
    this.platform = options.platform ?? officePlatform();
  }

  /** Track Changes as of the last read. */
  get trackChanges(): TrackChangesState {
    return { ...this.tracking };
  }

  /** The content controls Word can address: every type with WordApi 1.5, else rich text only. */
  private addressable(body: Word.Body): Word.ContentControlCollection {
    if (this.supported('WordApi', '1.5')) {
      return body.getContentControls({ types: CONTROL_TYPES as unknown as Word.ContentControlType[] });
    }
    return body.contentControls;
  }

  async read(): Promise<DocumentSnapshot> {
    const trackingSupported = this.supported('WordApi', '1.4');
    const { last, mode, hasRevisions } = await this.run(async (context) => {
      const body = context.document.body;
      const ooxml = body.getOoxml();
      const listed = this.addressable(body).load('id,tag');
      if (trackingSupported) context.document.load('changeTrackingMode');
      // baocao's custom XML part (WordApi 1.4): its id in this sync, its XML in a second one
      // only when the document has it.
      const parts = trackingSupported ? context.document.customXmlParts.getByNamespace(DOCUMENT_DATA_NS).load('items/id') : undefined;
      await context.sync();
      let data: DocumentData | undefined;
      const part = parts?.items[0];
      if (part) {
        // Only baocao writes this part: its XML is read once per part id and kept (updated on
        // our own writes), so later reads stay at one sync.
        if (this.dataCache?.id !== part.id) {
          const xml = part.getXml();
          await context.sync();
          this.dataCache = { id: part.id, data: parseDocumentData(xml.value) };
        }
        data = { ...this.dataCache.data, fields: this.dataCache.data.fields.map((f) => ({ ...f })) };
      }
      const flat = readFlatOpc(ooxml.value);
      const snapshot = flat.snapshot;
      const controlIds = mapControls(
        snapshot,
        flat.controlIds,
        listed.items.map((c) => ({ id: c.id, tag: c.tag })),
      );
      if (data) snapshot.data = data;
      return {
        last: { snapshot, controlIds, controlRows: flat.controlRows, ordinals: ordinalsOf(snapshot), search: searchText(snapshot) },
        mode: trackingSupported ? (String(context.document.changeTrackingMode) as TrackingMode) : ('unknown' as const),
        hasRevisions: flat.hasRevisions,
      };
    });
    this.last = last;
    this.tracking = { mode, hasRevisions };
    return last.snapshot;
  }

  /**
   * The user's selection (one sync, WordApi 1.3): its text, and its span in a paragraph of the
   * last snapshot when that paragraph's text is found once there and the span holds the same
   * text (else the caller searches the text). Undefined when nothing is selected.
   */
  async selection(): Promise<{ text: string; at?: { blockIndex: number; start: number; end: number } } | undefined> {
    const snapshot = this.last?.snapshot;
    return this.run(async (context) => {
      const selected = context.document.getSelection();
      selected.load('text');
      const paragraph = selected.paragraphs.getFirst();
      paragraph.load('text');
      // The text from the paragraph's start to the selection's: the selection's offset.
      const lead = paragraph.getRange('Start').expandTo(selected.getRange('Start'));
      lead.load('text');
      await context.sync();
      const text = selected.text;
      if (!text.trim()) return undefined;
      const candidates = snapshot?.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph' && b.text === paragraph.text) ?? [];
      const block = candidates.length === 1 ? candidates[0]! : undefined;
      const start = lead.text.length;
      const end = start + text.length;
      if (!block || block.text.slice(start, end) !== text) return { text };
      return { text, at: { blockIndex: block.index, start, end } };
    });
  }

  /** Word's id of the control at `index` in the last snapshot (undefined once written over). */
  controlId(index: number): number | undefined {
    return this.last?.controlIds[index];
  }

  /**
   * Whether a content-control change event for `ids` comes from the add-in's own writes (Word
   * raises them for writes through the API too): during an apply, and for the controls it wrote
   * until a short while after.
   */
  isOwnChange(ids: readonly number[], now = Date.now()): boolean {
    if (this.own.writing) return true;
    return now <= this.own.until && ids.length > 0 && ids.every((id) => this.own.ids.has(id));
  }

  async apply(edits: DocumentEdit[]): Promise<void> {
    if (edits.length === 0) return;
    const last = this.last;
    if (!last) {
      throw new DocumentError('stale-edit', 'Chưa đọc tài liệu: hãy đọc lại tài liệu trước khi ghi.');
    }
    const dataEdits = edits.filter((e): e is DataEdit => e.kind === 'data');
    if (dataEdits.length > 1) throw new DocumentError('unsupported', 'Hai thay đổi phần dữ liệu baocao trong một lần ghi.', 'two data edits in one batch');
    const dataEdit = dataEdits[0];
    if (dataEdit && !this.supported('WordApi', '1.4')) {
      throw new DocumentError(
        'unsupported',
        'Word này không cho bổ trợ lưu dữ liệu riêng trong tài liệu (cần WordApi 1.4 — Word 2021, Microsoft 365 hoặc Word trên web). Chưa ghi gì.',
        'customXmlParts needs WordApi 1.4',
      );
    }
    const plan = planEdits(last, dataEdit ? edits.filter((e) => e.kind !== 'data') : edits);
    // The snapshot no longer describes the document once we write (row indices shift, new
    // controls appear): the next apply needs a new read.
    this.last = undefined;
    let writing = false;
    let pendingData: { part: Word.CustomXmlPart; data: DocumentData } | undefined;
    this.own = { ids: new Set(plan.controls.map((p) => p.id)), until: 0, writing: true };
    try {
      await this.run(async (context) => {
        const body = context.document.body;

        // Sync 1: resolve and verify; nothing is written.
        const ooxml = body.getOoxml();
        const collection = plan.controls.length > 0 ? this.addressable(body) : undefined;
        const controls = plan.controls.map((p) => collection!.getByIdOrNullObject(p.id).load('id,placeholderText'));
        const tables = plan.tables.size > 0 ? body.tables.load('nestingLevel') : undefined;
        const spans = plan.spans.map((s) => {
          // Body-wide: the pieces were chosen to occur first at their place in the whole body.
          const range = rangeOfPlan(body, s.plan);
          range.load('text');
          return range;
        });
        const trackingSupported = this.supported('WordApi', '1.4');
        if (this.applyUntracked && trackingSupported) context.document.load('changeTrackingMode');
        const dataParts = dataEdit ? context.document.customXmlParts.getByNamespace(DOCUMENT_DATA_NS).load('items/id') : undefined;
        try {
          await context.sync();
        } catch (e) {
          throw resolveFailure(e);
        }

        const freshRead = readFlatOpc(ooxml.value);
        const { problems, locked, missing } = verify(last, freshRead.snapshot, freshRead.controlIds, plan);
        // A control put into a row to delete since the read would go with it: refused.
        const inRows = controlsInDeletedRows(freshRead.snapshot, freshRead.controlRows, plan);
        if (inRows.length > 0) throw controlInRowError(inRows);
        plan.controls.forEach((p, i) => {
          if (controls[i]!.isNullObject && !missing.includes(describeControl(p.info))) missing.push(describeControl(p.info));
        });
        if (missing.length > 0) {
          throw new DocumentError('control-missing', `Không tìm thấy ô nhập liệu: ${missing.join('; ')}. Chưa ghi gì.`, missing.join('\n'));
        }
        if (locked.length > 0) {
          throw new DocumentError('control-locked', `Ô nhập liệu đã bị khóa, không thể sửa: ${locked.join('; ')}. Chưa ghi gì.`, locked.join('\n'));
        }
        plan.spans.forEach((s, i) => {
          const range = spans[i]!;
          if (range.isNullObject || range.text !== s.expected) {
            problems.push(`${s.where}: Word không tìm thấy "${clip(s.expected)}" ở đúng vị trí (trường, dấu ngắt dòng hoặc văn bản ẩn)`);
          }
        });
        const topTables = tables ? tables.items.filter((t) => t.nestingLevel === 1) : [];
        for (const t of plan.tables.values()) {
          if (!topTables[t.ordinal]) problems.push(`bảng ${t.ordinal + 1}: không còn trong tài liệu`);
        }
        if (problems.length > 0) {
          throw new DocumentError(
            'stale-edit',
            `Tài liệu đã thay đổi sau lần đọc trước, chưa ghi gì: ${problems.join('; ')}. Hãy đọc lại tài liệu.`,
            problems.join('\n'),
          );
        }

        // Sync 2: writes only.
        writing = true;
        const restoreMode =
          this.applyUntracked && trackingSupported && String(context.document.changeTrackingMode) !== 'Off'
            ? context.document.changeTrackingMode
            : undefined;
        if (restoreMode !== undefined) context.document.changeTrackingMode = 'Off' as Word.ChangeTrackingMode;
        plan.spans.forEach((s, i) => writeSpan(spans[i]!, s));
        plan.controls.forEach((p, i) => {
          const control = controls[i]!;
          if (p.edit.placeholder) {
            // Word shows the placeholder (dimmed) in an empty control. Setting it throws
            // NotAllowed on the web (office-js #785): there the control keeps its own.
            if (this.platform !== 'web' && this.platform !== 'unknown' && control.placeholderText !== p.edit.text) {
              control.placeholderText = p.edit.text;
            }
            control.clear();
          } else {
            control.insertText(p.edit.text, 'Replace');
          }
        });
        for (const t of plan.tables.values()) {
          const table = topTables[t.ordinal]!;
          for (const group of t.cellEdits) {
            if (group.whole) table.getCell(group.rowIndex, group.cellIndex).body.insertText(group.whole.text, 'Replace');
          }
          // Rows bottom-up (indices of the read stay valid above); at one index, the rows
          // inserted after it before the row itself goes.
          for (const op of t.rowOps) {
            if (op.kind === 'insert-row') table.getCell(op.afterRowIndex, 0).parentRow.insertRows('After', 1, [op.cells]);
            else table.getCell(op.rowIndex, op.cellIndex).parentRow.delete();
          }
        }
        if (dataEdit) {
          // After the body's writes: a failure before it leaves the part as it was.
          const xml = serializeDocumentData(dataEdit.data);
          const existing = dataParts!.items[0];
          const written: DocumentData = { ...(dataEdit.data.template ? { template: dataEdit.data.template } : {}), fields: dataEdit.data.fields.map((f) => ({ ...f })) };
          if (existing) {
            existing.setXml(xml);
            this.dataCache = { id: existing.id, data: written };
          } else {
            const added = context.document.customXmlParts.add(xml);
            added.load('id');
            pendingData = { part: added, data: written };
          }
        }
        if (restoreMode !== undefined) context.document.changeTrackingMode = restoreMode;
        await context.sync();
        if (pendingData) this.dataCache = { id: pendingData.part.id, data: pendingData.data };
      });
    } catch (e) {
      this.own.writing = false;
      if (!writing || e instanceof DocumentError) throw e;
      throw await this.partialFailure(last, plan, edits, e);
    }
    this.own = { ids: this.own.ids, until: Date.now() + OWN_EVENT_WINDOW_MS, writing: false };
  }

  /** After a failed write sync: read again and say what was and was not written. */
  private async partialFailure(before: LastRead, plan: Plan, edits: DocumentEdit[], error: unknown): Promise<DocumentError> {
    let after: DocumentSnapshot | undefined;
    try {
      after = await this.read();
    } catch {
      after = undefined;
    }
    const code = officeCode(error);
    if (!after) {
      return new DocumentError(
        'stale-edit',
        `Word báo lỗi ${code} khi ghi và không đọc lại được tài liệu: một phần thay đổi có thể đã được ghi. Hãy kiểm tra tài liệu (Hoàn tác/Undo của Word hủy được các thay đổi đã ghi).`,
        error instanceof Error ? error.message : String(error),
      );
    }
    const written: string[] = [];
    const notWritten: string[] = [];
    for (const outcome of outcomes(before.snapshot, after, plan, edits)) (outcome.written ? written : notWritten).push(outcome.label);
    const summary =
      `Word báo lỗi ${code} khi ghi; tài liệu đã được đọc lại. Đã ghi ${written.length}/${written.length + notWritten.length} thay đổi` +
      (notWritten.length > 0 ? `; chưa ghi: ${notWritten.join('; ')}` : '') +
      '. Hoàn tác (Undo) của Word hủy được các thay đổi đã ghi.';
    return new DocumentError('stale-edit', summary, [`written: ${written.join(' | ')}`, `not written: ${notWritten.join(' | ')}`].join('\n'));
  }
}

/** How long after an apply its own control-change events may still arrive. */
const OWN_EVENT_WINDOW_MS = 3000;

/** The places the plan edits must hold what the snapshot had; problems in Vietnamese. */
function verify(
  last: LastRead,
  fresh: DocumentSnapshot,
  freshIds: Array<number | undefined>,
  plan: Plan,
): { problems: string[]; locked: string[]; missing: string[] } {
  const problems: string[] = [];
  const locked: string[] = [];
  const missing: string[] = [];
  const before = last.snapshot;
  // Controls are found by their w:id; without it, by their index while no control was added
  // or removed.
  for (const p of plan.controls) {
    const byId = freshIds.indexOf(p.id);
    const now = byId >= 0 ? fresh.controls[byId] : fresh.controls.length === before.controls.length ? fresh.controls[p.info.index] : undefined;
    const label = describeControl(p.info);
    if (!now || now.tag !== p.info.tag) missing.push(label);
    else if (now.lock === 'contentLocked' || now.lock === 'sdtContentLocked') locked.push(label);
    else if (now.text !== p.info.text) problems.push(`${label}: "${clip(p.info.text)}" → "${clip(now.text)}"`);
  }
  if (fresh.blocks.length !== before.blocks.length || fresh.blocks.some((b, i) => b.type !== before.blocks[i]!.type)) {
    problems.push('các đoạn văn và bảng đã được thêm hoặc xóa');
    return { problems, locked, missing };
  }
  for (const blockIndex of plan.paragraphs) {
    const was = before.blocks[blockIndex] as ParagraphBlock;
    const now = fresh.blocks[blockIndex] as ParagraphBlock;
    if (now.text !== was.text) problems.push(`đoạn ${blockIndex + 1}: "${clip(was.text)}" → "${clip(now.text)}"`);
  }
  for (const [blockIndex, t] of plan.tables) {
    const now = fresh.blocks[blockIndex] as TableBlock;
    const name = `bảng ${t.ordinal + 1}`;
    if (now.rows.length !== t.block.rows.length) {
      problems.push(`${name}: ${t.block.rows.length} hàng → ${now.rows.length} hàng`);
      continue;
    }
    for (const [r, c] of t.cells) {
      const expected = t.block.rows[r]?.cells[c]?.text ?? '';
      const actual = now.rows[r]?.cells[c]?.text;
      if (actual !== expected) problems.push(`${name}, hàng ${r + 1}, cột ${c + 1}: "${clip(expected)}" → "${clip(actual ?? '')}"`);
    }
  }
  return { problems, locked, missing };
}

/** Rows a batch adds to a table (inserted minus deleted). */
function rowChange(edits: DocumentEdit[], tableIndex: number): number {
  let n = 0;
  for (const x of edits) {
    if (x.kind === 'insert-row' && x.tableIndex === tableIndex) n++;
    else if (x.kind === 'delete-row' && x.tableIndex === tableIndex) n--;
  }
  return n;
}

/** Controls (by description) that lie in rows the plan deletes, in `snapshot`. */
function controlsInDeletedRows(snapshot: DocumentSnapshot, controlRows: number[][], plan: Plan): string[] {
  const out: string[] = [];
  for (const [blockIndex, t] of plan.tables) {
    for (const d of t.deletes) {
      snapshot.controls.forEach((c, i) => {
        if (c.blockIndex === blockIndex && controlRows[i]?.includes(d.rowIndex)) out.push(`"${describeControl(c)}" (bảng ${t.ordinal + 1}, hàng ${d.rowIndex + 1})`);
      });
    }
  }
  return out;
}

function controlInRowError(controls: string[]): DocumentError {
  return new DocumentError(
    'control-in-row',
    `Không thể xóa hàng có ô nhập liệu ${controls.join(', ')}: xóa hàng sẽ làm mất ô nhập liệu này. Chưa xóa gì.`,
    controls.join('\n'),
  );
}

/** For each edit: a label and whether the document read after a failure shows it written. */
function outcomes(before: DocumentSnapshot, after: DocumentSnapshot, plan: Plan, edits: DocumentEdit[]): { label: string; written: boolean }[] {
  const out: { label: string; written: boolean }[] = [];
  const sameShape = after.blocks.length === before.blocks.length;
  // Paragraph blocks: the text expected once all of their edits are written.
  const paragraphTarget = new Map<number, string>();
  for (const e of edits) {
    if (e.kind !== 'paragraph') continue;
    paragraphTarget.set(e.blockIndex, '');
  }
  for (const blockIndex of paragraphTarget.keys()) {
    const block = before.blocks[blockIndex] as ParagraphBlock;
    const mine = edits.filter((e): e is ParagraphEdit => e.kind === 'paragraph' && e.blockIndex === blockIndex).sort((a, b) => b.start - a.start);
    let text = block.text;
    for (const e of mine) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    paragraphTarget.set(blockIndex, text);
  }
  for (const e of edits) {
    switch (e.kind) {
      case 'control': {
        const info = before.controls[e.controlIndex]!;
        const now = after.controls[e.controlIndex];
        const written = !!now && now.tag === info.tag && (e.placeholder ? now.showingPlaceholder || now.text === '' : now.text === e.text);
        out.push({ label: `${describeControl(info)} = "${clip(e.text)}"`, written });
        break;
      }
      case 'paragraph': {
        const now = after.blocks[e.blockIndex];
        out.push({ label: `đoạn ${e.blockIndex + 1}: "${clip(e.text)}"`, written: sameShape && now?.type === 'paragraph' && now.text === paragraphTarget.get(e.blockIndex) });
        break;
      }
      case 'wrap': {
        const added = after.controls.filter((c) => c.tag === e.tag).length > before.controls.filter((c) => c.tag === e.tag).length;
        out.push({ label: `ô nhập liệu mới "${e.title || e.tag}"`, written: added });
        break;
      }
      case 'cell': {
        const was = before.blocks[e.tableIndex] as TableBlock;
        const now = after.blocks[e.tableIndex];
        const cell = now?.type === 'table' ? now.rows[e.rowIndex]?.cells[e.cellIndex] : undefined;
        const original = was.rows[e.rowIndex]!.cells[e.cellIndex]!.text;
        const written = !!cell && (e.find ? cell.text !== original && cell.text.includes(e.text) : cell.text === e.text);
        out.push({ label: `bảng ${plan.tables.get(e.tableIndex)!.ordinal + 1}, hàng ${e.rowIndex + 1}, cột ${e.cellIndex + 1}: "${clip(e.text)}"`, written });
        break;
      }
      case 'insert-row': {
        const was = before.blocks[e.tableIndex] as TableBlock;
        const now = after.blocks[e.tableIndex];
        const written = now?.type === 'table' && now.rows.length === was.rows.length + rowChange(edits, e.tableIndex);
        out.push({ label: `bảng ${plan.tables.get(e.tableIndex)!.ordinal + 1}: hàng mới "${clip(e.cells.join(' | '))}"`, written });
        break;
      }
      case 'delete-row': {
        const was = before.blocks[e.tableIndex] as TableBlock;
        const now = after.blocks[e.tableIndex];
        const texts = was.rows[e.rowIndex]!.cells.map((c) => c.text);
        // Gone when fewer rows hold its texts than before (rows are not addressable by identity).
        const sig = texts.join('\u0001');
        const count = (t: TableBlock) => t.rows.filter((r) => r.cells.map((c) => c.text).join('\u0001') === sig).length;
        const written = now?.type === 'table' && count(now) < count(was);
        out.push({ label: `bảng ${plan.tables.get(e.tableIndex)!.ordinal + 1}: xóa hàng ${e.rowIndex + 1} "${clip(texts.join(' | '))}"`, written });
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Change events.

/**
 * Subscribes to edits of the document's content controls (WordApi 1.5 events). Each control is
 * tracked (`track()`) so that its handler stays attached after the batch. Word raises the event
 * for the add-in's own writes too: `isOwnChange` (WordDocument) filters them. On Word desktop the
 * event comes when the cursor leaves the control (office-js #5597) and not on undo, so the pane
 * keeps "Làm mới".
 */
export async function subscribeToChanges(
  onChange: (change: { id: number; tag: string }) => void,
  deps: {
    run?: WordRun;
    runWith?: WordRunWith;
    isSetSupported?: (name: string, version: string) => boolean;
    isOwnChange?: (ids: readonly number[]) => boolean;
  } = {},
): Promise<() => Promise<void>> {
  const supported = deps.isSetSupported ?? officeIsSetSupported;
  if (!supported('WordApi', '1.5')) return async () => {};
  const run = deps.run ?? defaultRun;
  const runWith = deps.runWith ?? ((context, batch) => (Word.run as unknown as WordRunWith)(context, batch));
  const handlers = await run(async (context) => {
    const controls = context.document.body.getContentControls({ types: CONTROL_TYPES as unknown as Word.ContentControlType[] }).load('id,tag');
    await context.sync();
    const added = controls.items.map((control) => {
      const change = { id: control.id, tag: control.tag };
      control.track();
      return control.onDataChanged.add(async (event: { ids?: number[] }) => {
        if (deps.isOwnChange?.(event?.ids ?? [change.id])) return;
        onChange(change);
      });
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
// Mapping Word's values (kept for hosts and tests).

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

// ---------------------------------------------------------------------------------------------
// Edit planning (pure): validation against the last snapshot, grouping, search plans.

type SpanWrite =
  | { kind: 'replace'; text: string }
  | { kind: 'before' | 'after'; text: string }
  | { kind: 'wrap'; tag: string; title: string };

interface SpanStep {
  /** For messages: "đoạn 3", "bảng 2, hàng 4, cột 3". */
  where: string;
  /** The text the resolved range must have. */
  expected: string;
  plan: SpanPlan;
  write: SpanWrite;
}

interface TablePlan {
  /** Position among the top-level tables. */
  ordinal: number;
  block: TableBlock;
  /** Cells the edits touch (verified). */
  cells: [number, number][];
  cellEdits: { rowIndex: number; cellIndex: number; whole?: CellEdit; finds: CellEdit[] }[];
  inserts: InsertRowEdit[];
  deletes: (DeleteRowEdit & { cellIndex: number })[];
  /** Inserts and deletes in the order sync 2 runs them (bottom-up). */
  rowOps: (InsertRowEdit | (DeleteRowEdit & { cellIndex: number }))[];
}

interface Plan {
  controls: { id: number; info: ControlInfo; edit: ControlEdit }[];
  /** Paragraph blocks that span edits touch (verified). */
  paragraphs: Set<number>;
  spans: SpanStep[];
  /** By table block index. */
  tables: Map<number, TablePlan>;
}

/** Characters a search string cannot hold everywhere (tabs and breaks fail on the web, office-js #2331). */
const UNSEARCHABLE = /[\t\n\u000b\r]/;

/** The stretch of `text` around [start, end) without tabs or breaks: [floor, limit). */
function segmentAround(text: string, start: number, end: number): { floor: number; limit: number } {
  let floor = start;
  while (floor > 0 && !UNSEARCHABLE.test(text[floor - 1]!)) floor--;
  let limit = end;
  while (limit < text.length && !UNSEARCHABLE.test(text[limit]!)) limit++;
  return { floor, limit };
}

/**
 * A span step for [start, end) of a paragraph or cell whose text is `text`, at `base` in the
 * body's search text. Throws 'unsupported' when Word's search cannot reach it.
 */
function spanStep(search: SearchText, base: number, text: string, start: number, end: number, write: SpanWrite, where: string): SpanStep {
  const unreachable = () =>
    new DocumentError('unsupported', `${where}: không thể xác định vị trí cần ghi bằng chức năng tìm kiếm của Word (đoạn văn bản trống hoặc chỉ có dấu tab/ngắt dòng).`);
  if (UNSEARCHABLE.test(text.slice(start, end))) throw unreachable();
  let from = start;
  let to = end;
  let resolved = write;
  if (start === end) {
    // An insertion: after the character before it, or before the one after it.
    const { floor, limit } = segmentAround(text, start, end);
    if (start > floor) from = start - 1;
    else if (end < limit) to = end + 1;
    else throw unreachable();
    if (write.kind === 'replace') resolved = { kind: start > floor ? 'after' : 'before', text: write.text };
  }
  const { floor, limit } = segmentAround(text, from, to);
  const plan = spanSearch(search.full, base + from, base + to, base + limit, base + floor);
  // Searches run over the whole body: "the start of the paragraph" has no search of its own.
  if (plan.kind === 'between' && plan.before === null) throw unreachable();
  return { where, expected: text.slice(from, to), plan, write: resolved };
}

function planEdits(last: LastRead, edits: DocumentEdit[]): Plan {
  const { snapshot } = last;
  const plan: Plan = { controls: [], paragraphs: new Set(), spans: [], tables: new Map() };
  const locked: string[] = [];
  const invalid: string[] = [];
  const unsupported: string[] = [];
  const cannotDelete: string[] = [];
  const spanEdits = new Map<number, (ParagraphEdit | WrapEdit)[]>();

  /** `tableIndex` in edits is the table's block index (as the core and the OOXML adapter use it). */
  const tableEntry = (tableIndex: number) => {
    const block = snapshot.blocks[tableIndex];
    if (block?.type !== 'table') {
      invalid.push(`khối ${tableIndex + 1} không phải là bảng`);
      return undefined;
    }
    let entry = plan.tables.get(block.index);
    if (!entry) {
      entry = { ordinal: last.ordinals[block.index]!, block, cells: [], cellEdits: [], inserts: [], deletes: [], rowOps: [] };
      plan.tables.set(block.index, entry);
    }
    return entry;
  };

  edits.forEach((edit) => {
    switch (edit.kind) {
      case 'control': {
        const info = snapshot.controls[edit.controlIndex];
        if (!info) {
          invalid.push(`không có ô nhập liệu số ${edit.controlIndex + 1}`);
          return;
        }
        if (info.lock === 'contentLocked' || info.lock === 'sdtContentLocked') {
          locked.push(describeControl(info));
          return;
        }
        const id = last.controlIds[edit.controlIndex];
        if (id === undefined) {
          unsupported.push(describeControl(info));
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
        spanEdits.set(block.index, [...(spanEdits.get(block.index) ?? []), edit]);
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
        if (cell.mergedUp) {
          // Word's cell APIs fail on vertically merged cells (office-js #3200).
          invalid.push(`bảng ${entry.ordinal + 1}, hàng ${edit.rowIndex + 1}, cột ${edit.cellIndex + 1}: ô đã gộp với ô phía trên`);
          return;
        }
        if (edit.find && (edit.find.text === '' || cell.text.indexOf(edit.find.text, edit.find.from) < 0)) {
          invalid.push(`bảng ${entry.ordinal + 1}, hàng ${edit.rowIndex + 1}, cột ${edit.cellIndex + 1}: không có "${edit.find.text}"`);
          return;
        }
        let group = entry.cellEdits.find((g) => g.rowIndex === edit.rowIndex && g.cellIndex === edit.cellIndex);
        if (!group) {
          group = { rowIndex: edit.rowIndex, cellIndex: edit.cellIndex, finds: [] };
          entry.cellEdits.push(group);
          entry.cells.push([edit.rowIndex, edit.cellIndex]);
        }
        if (group.whole || (!edit.find && group.finds.length > 0)) {
          invalid.push(`bảng ${entry.ordinal + 1}, hàng ${edit.rowIndex + 1}, cột ${edit.cellIndex + 1}: hai thay đổi cho cùng một ô`);
          return;
        }
        if (edit.find) group.finds.push(edit);
        else group.whole = edit;
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
      case 'delete-row': {
        const entry = tableEntry(edit.tableIndex);
        if (!entry) return;
        const row = entry.block.rows[edit.rowIndex];
        if (!row) {
          invalid.push(`bảng ${entry.ordinal + 1}: không có hàng ${edit.rowIndex + 1}`);
          return;
        }
        if (entry.deletes.some((d) => d.rowIndex === edit.rowIndex)) {
          invalid.push(`bảng ${entry.ordinal + 1}, hàng ${edit.rowIndex + 1}: xóa hai lần`);
          return;
        }
        const problem = rowDeletionProblem(entry.block, edit.rowIndex);
        if (problem) {
          cannotDelete.push(`hàng ${edit.rowIndex + 1} của bảng ${entry.ordinal + 1}: ${problem}`);
          return;
        }
        // Word's cell APIs fail on vertically merged cells (office-js #3200): the row is reached
        // through a cell that starts there.
        const cellIndex = row.cells.findIndex((c) => !c.mergedUp);
        if (cellIndex < 0) {
          cannotDelete.push(`hàng ${edit.rowIndex + 1} của bảng ${entry.ordinal + 1}: mọi ô đều gộp với hàng trên`);
          return;
        }
        // The row must still hold what the read saw (verified in sync 1).
        row.cells.forEach((c, i) => {
          if (!c.mergedUp && !entry.cells.some(([r, k]) => r === edit.rowIndex && k === i)) entry.cells.push([edit.rowIndex, i]);
        });
        entry.deletes.push({ ...edit, cellIndex });
        return;
      }
    }
  });

  if (locked.length > 0) {
    throw new DocumentError('control-locked', `Ô nhập liệu đã bị khóa, không thể sửa: ${locked.join('; ')}.`, locked.join('\n'));
  }
  const inRows = controlsInDeletedRows(snapshot, last.controlRows, plan);
  if (inRows.length > 0) throw controlInRowError(inRows);
  if (cannotDelete.length > 0) {
    throw new DocumentError('unsupported', `Không thể xóa ${cannotDelete.join('; ')}. Chưa xóa gì.`, cannotDelete.join('\n'));
  }
  if (unsupported.length > 0) {
    throw new DocumentError(
      'unsupported',
      `Word không cho phép bổ trợ ghi vào các ô nhập liệu sau (cần Word hỗ trợ WordApi 1.5 — Microsoft 365 hoặc Office 2021 trở lên — để ghi vào ô nhập liệu dạng văn bản thuần): ${unsupported.join('; ')}. Chưa ghi gì.`,
      unsupported.join('\n'),
    );
  }

  const steps: SpanStep[] = [];
  const attempt = (make: () => SpanStep) => {
    try {
      steps.push(make());
    } catch (e) {
      if (e instanceof DocumentError) invalid.push(e.message);
      else throw e;
    }
  };
  // Overlapping spans in one paragraph, or in one cell, have no single meaning.
  for (const [blockIndex, list] of spanEdits) {
    const block = snapshot.blocks[blockIndex] as ParagraphBlock;
    list.sort((a, b) => b.start - a.start || b.end - a.end);
    for (let i = 1; i < list.length; i++) {
      const right = list[i - 1]!;
      const left = list[i]!;
      if (left.end > right.start || (left.start === right.start && left.end === right.end)) {
        invalid.push(`đoạn ${blockIndex + 1}: hai thay đổi chồng lên nhau`);
      }
    }
    plan.paragraphs.add(blockIndex);
    const base = last.search.paragraph.get(blockIndex)!;
    for (const edit of list) {
      const write: SpanWrite = edit.kind === 'wrap' ? { kind: 'wrap', tag: edit.tag, title: edit.title } : { kind: 'replace', text: edit.text };
      attempt(() => spanStep(last.search, base, block.text, edit.start, edit.end, write, `đoạn ${blockIndex + 1}`));
    }
  }
  for (const [blockIndex, entry] of plan.tables) {
    for (const d of entry.deletes) {
      if (entry.cellEdits.some((g) => g.rowIndex === d.rowIndex)) invalid.push(`bảng ${entry.ordinal + 1}, hàng ${d.rowIndex + 1}: vừa sửa vừa xóa`);
    }
    for (const group of entry.cellEdits) {
      const text = entry.block.rows[group.rowIndex]!.cells[group.cellIndex]!.text;
      const where = `bảng ${entry.ordinal + 1}, hàng ${group.rowIndex + 1}, cột ${group.cellIndex + 1}`;
      const position = (e: CellEdit) => text.indexOf(e.find!.text, e.find!.from);
      group.finds.sort((a, b) => position(b) - position(a));
      for (let i = 1; i < group.finds.length; i++) {
        const right = group.finds[i - 1]!;
        const left = group.finds[i]!;
        if (position(left) + left.find!.text.length > position(right)) invalid.push(`${where}: hai thay đổi chồng lên nhau`);
      }
      const base = last.search.cell.get(`${blockIndex}:${group.rowIndex}:${group.cellIndex}`)!;
      try {
        steps.push(
          ...group.finds.map((edit) => {
            const start = position(edit);
            return spanStep(last.search, base, text, start, start + edit.find!.text.length, { kind: 'replace', text: edit.text }, where);
          }),
        );
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
        // A short cell whose pieces all occur earlier in the body ("1/1"): the whole cell is
        // rewritten with the finds applied (its paragraph and first-run formatting are kept).
        if (text.includes('\n')) {
          invalid.push(e.message);
          continue;
        }
        let whole = text;
        for (const edit of group.finds) {
          const start = position(edit);
          whole = whole.slice(0, start) + edit.text + whole.slice(start + edit.find!.text.length);
        }
        group.whole = { ...group.finds[0]!, find: undefined, text: whole } as CellEdit;
      }
    }
    // Insert bottom-up; rows inserted after the same row go in reverse so they end in order;
    // a deleted row goes after the rows inserted after it.
    const at = (op: TablePlan['rowOps'][number]) => (op.kind === 'insert-row' ? op.afterRowIndex : op.rowIndex);
    entry.rowOps = [...entry.inserts, ...entry.deletes]
      .map((e, order) => ({ e, order }))
      .sort((a, b) => at(b.e) - at(a.e) || Number(a.e.kind === 'delete-row') - Number(b.e.kind === 'delete-row') || b.order - a.order)
      .map(({ e }) => e);
  }
  if (invalid.length > 0) {
    throw new DocumentError('stale-edit', `Thay đổi không khớp với lần đọc trước: ${invalid.join('; ')}.`, invalid.join('\n'));
  }
  plan.spans = steps;
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

/**
 * How to reach `text[start, end)` by search. Word ranges have no character offsets, so:
 * - `search`: a piece `context = text[a, b)` around the span whose first occurrence in `text`
 *   is at `a`, with no occurrence of the span's text in `text[a, start)`; the span is the
 *   first occurrence of its text inside the context's range (the context itself when equal).
 * - `between`, when no such piece exists ("17/17/17", last "17"): the span runs from the end
 *   of `before` (the shortest text ending at `start` that first occurs where it does; null at
 *   `floor`) to the end of `through` (likewise, ending at `end`).
 * Pieces stay within [floor, limit) and within 255 characters (office-js #1726).
 */
export type SpanPlan =
  | { kind: 'search'; context: string; inner: string }
  | { kind: 'between'; before: string | null; through: string };

export function spanSearch(text: string, start: number, end: number, limit = text.length, floor = 0): SpanPlan {
  const inner = text.slice(start, end);
  let lastBefore = floor - 1;
  for (let i = text.indexOf(inner, floor); i >= 0 && i < start; i = text.indexOf(inner, i + 1)) lastBefore = i;
  for (let a = start; a > lastBefore; a--) {
    for (let b = end; b <= limit && b - a <= MAX_SEARCH; b++) {
      const context = text.slice(a, b);
      if (text.indexOf(context) === a) return { kind: 'search', context, inner };
    }
  }
  const firstOccurrenceEndingAt = (at: number): string => {
    for (let a = at - 1; a >= floor && at - a <= MAX_SEARCH; a--) {
      const piece = text.slice(a, at);
      if (text.indexOf(piece) === a) return piece;
    }
    throw new DocumentError('unsupported', `Không thể xác định vị trí "${clip(inner)}" trong văn bản bằng chức năng tìm kiếm của Word.`);
  };
  return { kind: 'between', before: start === floor ? null : firstOccurrenceEndingAt(start), through: firstOccurrenceEndingAt(end) };
}

/** The range of a plan in `scope` (a paragraph, a cell body or the whole body); start of scope for `before: null`. */
export function rangeOfPlan(scope: Word.Paragraph | Word.Body, plan: SpanPlan): Word.Range {
  const first = (within: Word.Paragraph | Word.Body | Word.Range, piece: string) => within.search(escapeSearch(piece), SEARCH_OPTIONS).getFirstOrNullObject();
  if (plan.kind === 'search') {
    const contextRange = first(scope, plan.context);
    return plan.context === plan.inner ? contextRange : first(contextRange, plan.inner);
  }
  const from = plan.before === null ? scope.getRange('Start') : first(scope, plan.before).getRange('End');
  return from.expandTo(first(scope, plan.through).getRange('End'));
}

/** The range of `text[start, end)` in a paragraph or cell body whose text is `text` (selection in the host). */
export function rangeOf(scope: Word.Paragraph | Word.Body, text: string, start: number, end: number, limit = text.length): Word.Range {
  return rangeOfPlan(scope, spanSearch(text, start, end, limit));
}

function writeSpan(range: Word.Range, step: SpanStep): void {
  const w = step.write;
  if (w.kind === 'wrap') {
    const control = range.insertContentControl();
    control.tag = w.tag;
    control.title = w.title;
  } else if (w.kind === 'replace') {
    range.insertText(w.text, 'Replace');
  } else {
    range.insertText(w.text, w.kind === 'before' ? 'Before' : 'After');
  }
}
