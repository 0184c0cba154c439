/**
 * A fake Word object model (Office.js `Word` namespace) for tests, faithful where the adapter's
 * correctness and cost depend on it:
 *
 * - Proxies and batching: methods return proxies at once; nothing runs until `context.sync()`.
 *   Object paths are instantiated lazily, when the first action that uses them is queued (as
 *   Office.js does), so `getCell(r, c)` or `search()` resolve against the document as it is
 *   when their first use executes. Writes are queued and applied in order at `sync()`; a
 *   failing action rejects the sync and the rest of the queue is dropped (earlier writes of
 *   that batch stay applied, as in Word).
 * - Loading: scalar properties and collection `items` throw a PropertyNotLoaded error until
 *   `load()` + `sync()`; loaded values are a snapshot taken at sync time.
 * - Cost: `syncCount` counts every round trip (explicit syncs and the final sync `Word.run`
 *   makes when the batch leaves queued actions). `writeCount` counts applied writes.
 * - Contexts: a proxy used after its `run` has ended throws (InvalidObjectPath), so state
 *   cannot leak from one batch to the next.
 *
 * The document: top-level paragraphs and tables (rows of cells; a cell's text holds its
 * paragraphs joined with "\n"; cells keep gridSpan/vMerge), content controls as live ranges
 * over a paragraph or a cell (kept up to date as text around them changes), search ranges
 * likewise. Supported surface: Document.{body, changeTrackingMode (1.4), insertFileFromBase64
 * (1.5)}; Body.{contentControls, getContentControls (1.5), getOoxml, paragraphs, tables, search,
 * insertFileFromBase64}; ContentControlCollection.{items, getById, getByIdOrNullObject, getByTag};
 * ContentControl.{id, tag, title, text, type, subtype, cannotEdit, cannotDelete,
 * placeholderText, isNullObject, insertText, clear, track, onDataChanged};
 * Paragraph.{text, tableNestingLevel, style, styleBuiltIn, contentControls (as the loaded path
 * "contentControls/items/id"), search, insertText, getRange};
 * Table.{values, rowCount, nestingLevel, headerRowCount, rows, getCell};
 * TableRow.{cellCount, values, insertRows, delete}; TableCell.{value, cellIndex, rowIndex, body, parentRow};
 * Body (cell).{text, insertText, search, getRange}; RangeCollection.{items, getFirst, getLast,
 * getFirstOrNullObject}; Range.{text, search, insertText, insertContentControl, getRange,
 * expandTo}.
 *
 * Word's documented behaviour, each where it is implemented, with its source:
 * - `body.contentControls` lists rich-text controls only; plain-text ones only through
 *   `getContentControls({ types })`, WordApi 1.5 (office-js #2160 "by design", #6144).
 * - setting `placeholderText` throws NotAllowed on the web (office-js #785).
 * - `text` properties include deleted revisions under Track Changes (office-js #1267); writes
 *   with tracking on leave the replaced text as a deleted revision (`w:del` in the OOXML).
 * - search: SearchDialogIsOpen while the Find dialog is open (Word.ErrorCodes);
 *   SearchStringInvalidOrTooLong over 255 characters (office-js #1726, #31); nothing found across
 *   the edge of a field (#5905) or, on the web, with tab/break codes (#2331).
 * - events: only tracked handlers receive them; they fire for the add-in's own writes too; on
 *   desktop for the user's typing when the cursor leaves the control (#5597); not on undo.
 * - loading the index of a vertically merged cell fails the sync (office-js #3200).
 * - option `multiParagraphPlainTextMissing`: the typed query leaves out plain-text controls of
 *   several paragraphs (office-js #5899, a regression of 2025 since fixed).
 * - writes into content-locked controls fail at sync (AccessDenied).
 * - API sets: anything newer than `wordApi` fails with ApiNotFound.
 * `failWrite(n)` makes the n-th write fail (a failure in the write sync).
 * Custom XML parts (WordApi 1.4): Document.customXmlParts.{add, getByNamespace (items/id,
 * namespaceUri)}; CustomXmlPart.{id, getXml, setXml, delete}; the namespace is the root's.
 * Selection: Document.getSelection() (WordApi 1.1) over `select(block, start, end)`;
 * Range.paragraphs.getFirst().
 * Comments (WordApi 1.4): Range.insertComment, Body.getComments, Comment.{id, content,
 * authorName, delete}; the author is the fake's signed-in user (an add-in cannot choose it).
 * Built from a DocumentSnapshot (see `FakeWord.fromSnapshot`). Not modelled: formatting,
 * nested tables, text boxes, headers and footers.
 */
import type { ControlInfo, DocumentSnapshot } from '../../src/document/types';
import type { WordRun, WordRunWith } from '../../src/document/word/word-document';
import { serializeDocumentData } from '../../src/document/custom-data';

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeExtension.Error';
  }
}

// ---------------------------------------------------------------------------------------------
// Document model.

class LiveRange {
  constructor(
    readonly box: TextBox,
    public start: number,
    public end: number,
  ) {
    box.ranges.add(this);
  }
  get text(): string {
    return this.box.text.slice(this.start, this.end);
  }
}

/** A paragraph's or a cell's text, with the live ranges over it. */
class TextBox {
  ranges = new Set<LiveRange>();
  /** Tracked deletions: the deleted text, at a point that moves with the text around it. */
  deleted: { mark: LiveRange; text: string }[] = [];
  /** Field results (a date, a page number): searches do not match across their edges. */
  fields: LiveRange[] = [];
  constructor(public text: string) {}

  /**
   * The text of [start, end) as Word's `text` properties report it: with Track Changes, deleted
   * revisions are included (office-js #1267); the OOXML skips them (w:del).
   */
  shown(start = 0, end = this.text.length): string {
    const marks = this.deleted.filter((d) => d.mark.start >= start && d.mark.start <= end).sort((a, b) => a.mark.start - b.mark.start);
    let out = '';
    let at = start;
    for (const d of marks) {
      out += this.text.slice(at, d.mark.start) + d.text;
      at = d.mark.start;
    }
    return out + this.text.slice(at, end);
  }

  /** Replaces [start, end) and keeps every live range pointing at the same content. */
  replace(start: number, end: number, text: string, target?: LiveRange): void {
    const delta = text.length - (end - start);
    this.text = this.text.slice(0, start) + text + this.text.slice(end);
    for (const r of this.ranges) {
      if (r === target) {
        r.start = start;
        r.end = start + text.length;
      } else if (start === end) {
        // Insertion: ranges at or after the point move; ranges around it grow; a range
        // ending exactly there does not (the text goes after it).
        if (r.start >= start) {
          r.start += delta;
          r.end += delta;
        } else if (r.end > start) {
          r.end += delta;
        }
      } else if (r.end <= start) {
        // before
      } else if (r.start >= end) {
        r.start += delta;
        r.end += delta;
      } else if (r.start <= start && r.end >= end) {
        r.end += delta; // contains the replaced text
      } else if (r.start < start) {
        r.end = start + text.length; // overlaps the replaced text's start
      } else if (r.end > end) {
        r.start = start + text.length; // overlaps the replaced text's end
        r.end += delta;
      } else {
        r.start = start; // inside the replaced text: now covers the new text
        r.end = start + text.length;
      }
    }
  }
}

interface ParagraphModel {
  kind: 'paragraph';
  box: TextBox;
  style?: string;
}
interface CellModel {
  box: TextBox;
  /** Grid columns spanned (w:gridSpan). */
  span: number;
  /** Vertical merge continuation (w:vMerge without restart). */
  mergedUp: boolean;
}
interface RowModel {
  cells: CellModel[];
}
interface TableModel {
  kind: 'table';
  rows: RowModel[];
  headerRowCount: number;
}
interface ControlModel {
  id: number;
  tag: string;
  title: string;
  type: string;
  subtype: string;
  kind: ControlInfo['kind'];
  level: ControlInfo['level'];
  /** The control shows its placeholder (w:showingPlcHdr); its range holds the placeholder text. */
  showingPlaceholder: boolean;
  cannotEdit: boolean;
  cannotDelete: boolean;
  placeholderText: string;
  range: LiveRange;
  handlers: Set<Handler>;
}
interface Handler {
  handler: (args: unknown) => Promise<unknown>;
  /** Registered on a tracked proxy: only those receive events (see FakeContentControl.track). */
  tracked: boolean;
}
/** A comment: its text and the live range it is anchored on. */
interface CommentModel {
  id: string;
  content: string;
  authorName: string;
  range: LiveRange;
}
/** A paragraph as listed by body.paragraphs: top-level, or one line of a cell. */
type ParagraphTarget = { model: ParagraphModel } | { cell: CellModel; line: number };

interface CustomXmlModel {
  id: string;
  xml: string;
}

/** The namespace of a custom XML part: its root element's. */
function rootNamespace(xml: string): string | undefined {
  const root = /<(?![?!])([\w.-]+:)?[\w.-]+([^>]*)>/u.exec(xml);
  if (!root) return undefined;
  const prefix = root[1]?.slice(0, -1);
  const attr = prefix ? new RegExp(`xmlns:${prefix}="([^"]*)"`, 'u') : /xmlns="([^"]*)"/u;
  return attr.exec(root[2] ?? '')?.[1];
}

function controlTypes(info: Pick<ControlInfo, 'kind' | 'level'>): { type: string; subtype: string } {
  switch (info.kind) {
    case 'date':
      return { type: 'DatePicker', subtype: 'DatePicker' };
    case 'dropDown':
      return { type: 'DropDownList', subtype: 'DropDownList' };
    case 'comboBox':
      return { type: 'ComboBox', subtype: 'ComboBox' };
    case 'checkBox':
      return { type: 'CheckBox', subtype: 'CheckBox' };
    case 'other':
      return { type: 'Unknown', subtype: 'Unknown' };
    case 'plainText':
      return { type: 'PlainText', subtype: info.level === 'block' ? 'PlainTextParagraph' : 'PlainTextInline' };
    case 'richText': {
      const subtype = { block: 'RichTextParagraphs', inline: 'RichTextInline', cell: 'RichTextTableCell', row: 'RichTextTableRow' }[info.level];
      return { type: 'RichText', subtype };
    }
  }
}

/**
 * Where Word runs. Each profile switches on the documented behaviours of that host:
 * - 'web': setting `ContentControl.placeholderText` throws NotAllowed (office-js #785, by
 *   design); searches with tab or line-break codes (^t, ^l, ^p) find nothing (office-js #2331).
 * - 'desktop': content-control data-changed events for the user's typing arrive when the
 *   cursor leaves the control (office-js #5597).
 * - 'mac': as desktop for the API surface modelled here, events as the web (immediately).
 * Every profile: `body.contentControls` lists rich-text controls only (office-js #2160 "by
 * design", #6144); `getContentControls({ types })` (WordApi 1.5) lists the requested types;
 * events reach only tracked proxies and fire for the add-in's own writes too, not on undo.
 */
export type FakeProfile = 'desktop' | 'web' | 'mac';

export interface FakeWordOptions {
  profile?: FakeProfile;
  /** Requirement sets reported by isSetSupported (default: WordApi up to 1.5). */
  wordApi?: string;
  /** Document.changeTrackingMode at open. */
  trackChanges?: 'Off' | 'TrackAll' | 'TrackMineOnly';
  /**
   * Word builds of mid-2025 (office-js #5899, a regression since fixed): the typed query leaves
   * out plain-text controls that hold more than one paragraph.
   */
  multiParagraphPlainTextMissing?: boolean;
  /** The signed-in user, written as the author of inserted comments. */
  userName?: string;
}

function escXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class FakeWord {
  readonly body: (ParagraphModel | TableModel)[] = [];
  readonly controls: ControlModel[] = [];
  /** Comments in insertion order (Word lists them in document order; see commentsInOrder). */
  readonly comments: CommentModel[] = [];
  private nextCommentId = 1;
  /** Custom XML parts of the document (Document.customXmlParts, WordApi 1.4). */
  readonly customXmlParts: CustomXmlModel[] = [];
  /** The user's selection (Document.getSelection), set with `select`. */
  selection: LiveRange | undefined;
  /** Round trips to "Word", over all runs. */
  syncCount = 0;
  /** Writes applied (text inserted, controls created, properties set, rows inserted). */
  writeCount = 0;
  runCount = 0;
  /** Document.changeTrackingMode. */
  trackingMode: 'Off' | 'TrackAll' | 'TrackMineOnly';
  /** The Find dialog is open: every search fails with SearchDialogIsOpen (Word.ErrorCodes). */
  findDialogOpen = false;
  /** Files inserted with insertFileFromBase64, and where. */
  readonly insertedFiles: { on: 'document' | 'body'; base64: string; location: string; options?: unknown }[] = [];
  /** Injected failure: the n-th write from now (1 = the next one) throws this Office error code. */
  private failAt: { countdown: number; code: string } | undefined;
  /** Controls written in the current sync (their events fire after it). */
  private changedInSync = new Set<number>();
  /** Desktop: user edits whose event waits for the cursor to leave the control. */
  private pendingUserEvents = new Set<number>();
  private pendingEvents: Promise<unknown>[] = [];
  private nextId = 1000;

  constructor(readonly options: FakeWordOptions = {}) {
    this.trackingMode = options.trackChanges ?? 'Off';
  }

  get profile(): FakeProfile {
    return this.options.profile ?? 'desktop';
  }

  static fromSnapshot(snapshot: DocumentSnapshot, options: FakeWordOptions = {}): FakeWord {
    const fake = new FakeWord(options);
    // baocao's custom XML part, as Word keeps it beside the body.
    if (snapshot.data && !snapshot.data.problem) fake.customXmlParts.push({ id: '{FAKE-0}', xml: serializeDocumentData(snapshot.data) });
    const tableCursor = new Map<number, { row: number; cell: number; offset: number }>();
    for (const block of snapshot.blocks) {
      if (block.type === 'paragraph') {
        fake.body.push({ kind: 'paragraph', box: new TextBox(block.text), ...(block.style ? { style: block.style } : {}) });
      } else {
        let headerRowCount = 0;
        while (block.rows[headerRowCount]?.header) headerRowCount++;
        fake.body.push({
          kind: 'table',
          headerRowCount,
          rows: block.rows.map((row) => ({
            cells: row.cells.map((cell) => ({ box: new TextBox(cell.text), span: cell.span, mergedUp: cell.mergedUp })),
          })),
        });
      }
    }
    for (const info of snapshot.controls) {
      const model = fake.body[info.blockIndex];
      if (!model) throw new Error(`control ${info.index}: no block ${info.blockIndex}`);
      let range: LiveRange;
      if (model.kind === 'paragraph') {
        const block = snapshot.blocks[info.blockIndex];
        const span = block?.type === 'paragraph' ? block.spans.find((s) => s.controlIndex === info.index) : undefined;
        range = span ? new LiveRange(model.box, span.start, span.end) : new LiveRange(model.box, 0, model.box.text.length);
      } else {
        // Controls in tables: the next cell (from the previous control of this table on)
        // holding the control's text.
        const cursor = tableCursor.get(info.blockIndex) ?? { row: 0, cell: 0, offset: 0 };
        let placed: LiveRange | undefined;
        for (let r = cursor.row; r < model.rows.length && !placed; r++) {
          const cells = model.rows[r]!.cells;
          for (let c = r === cursor.row ? cursor.cell : 0; c < cells.length && !placed; c++) {
            const box = cells[c]!.box;
            const from = r === cursor.row && c === cursor.cell ? cursor.offset : 0;
            const at = info.level === 'cell' ? (from === 0 && box.text === info.text ? 0 : -1) : box.text.indexOf(info.text, from);
            if (at >= 0) {
              placed = new LiveRange(box, at, at + info.text.length);
              tableCursor.set(info.blockIndex, { row: r, cell: c, offset: at + info.text.length });
            }
          }
        }
        if (!placed) throw new Error(`control ${info.index} ("${info.text}") not found in table block ${info.blockIndex}`);
        range = placed;
      }
      const { type, subtype } = controlTypes(info);
      fake.controls.push({
        id: fake.nextId++,
        tag: info.tag,
        title: info.title,
        type,
        subtype,
        kind: info.kind,
        level: info.level,
        showingPlaceholder: info.showingPlaceholder,
        cannotEdit: info.lock === 'contentLocked' || info.lock === 'sdtContentLocked',
        cannotDelete: info.lock === 'sdtLocked' || info.lock === 'sdtContentLocked',
        placeholderText: info.showingPlaceholder ? info.text : '',
        range,
        handlers: new Set(),
      });
    }
    return fake;
  }

  /** `Word.run` over this document. */
  readonly run: WordRun = async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
    return this.runIn(new FakeContext(this), batch);
  };

  /** `Word.run(context, batch)`: continue in an earlier context (event handler removal). */
  readonly runWith: WordRunWith = async (context, batch) => {
    await this.runIn(context as unknown as FakeContext, batch);
  };

  private async runIn<T>(context: FakeContext, batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
    this.runCount++;
    context.open = true;
    try {
      const result = await batch(context as unknown as Word.RequestContext);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.open = false;
    }
  }

  /** Office.context.requirements.isSetSupported for this fake host. */
  isSetSupported = (name: string, version: string): boolean => {
    if (name !== 'WordApi') return false;
    return this.supports(version);
  };

  supports(version: string): boolean {
    const max = (this.options.wordApi ?? '1.5').split('.').map(Number);
    const want = version.split('.').map(Number);
    return (want[0] ?? 0) < (max[0] ?? 0) || ((want[0] ?? 0) === (max[0] ?? 0) && (want[1] ?? 0) <= (max[1] ?? 0));
  }

  /** What the Word adapter is told about this host (WordDocumentOptions). */
  get host(): { isSetSupported: (name: string, version: string) => boolean; platform: FakeProfile } {
    return { isSetSupported: this.isSetSupported, platform: this.profile };
  }

  /** Office.context.platform for this profile. */
  get platform(): 'PC' | 'OfficeOnline' | 'Mac' {
    return this.profile === 'web' ? 'OfficeOnline' : this.profile === 'mac' ? 'Mac' : 'PC';
  }

  // --- failures, user actions and events ---------------------------------------------------------

  /** The `n`-th write from now fails with Office error `code` (e.g. 'GeneralException'). */
  failWrite(n: number, code = 'GeneralException'): void {
    this.failAt = { countdown: n, code };
  }

  /** Delivers a data-changed event to the tracked handlers of control `id`; returns how many got it. */
  async fireDataChanged(id: number): Promise<number> {
    const control = this.controls.find((c) => c.id === id);
    if (!control) throw new Error(`no control ${id}`);
    let delivered = 0;
    for (const h of control.handlers) {
      if (!h.tracked) continue;
      delivered++;
      await h.handler({ type: 'ContentControlDataChanged', eventType: 'ContentControlDataChanged', ids: [id] });
    }
    return delivered;
  }

  /**
   * The user types `text` into control `id`. On the web and on the Mac the event fires at once;
   * on desktop when the cursor leaves the control (`userLeavesControl`, office-js #5597).
   */
  async userEdit(id: number, text: string): Promise<void> {
    const control = this.controls.find((c) => c.id === id);
    if (!control) throw new Error(`no control ${id}`);
    const r = control.range;
    this.writeText(r.box, r.start, r.end, text, r);
    control.showingPlaceholder = false;
    if (this.profile === 'desktop') this.pendingUserEvents.add(id);
    else await this.fireDataChanged(id);
  }

  async userLeavesControl(): Promise<void> {
    const ids = [...this.pendingUserEvents];
    this.pendingUserEvents.clear();
    for (const id of ids) await this.fireDataChanged(id);
  }

  /** The user undoes an edit of control `id` back to `text`: Word raises no event. */
  userUndo(id: number, text: string): void {
    const control = this.controls.find((c) => c.id === id);
    if (!control) throw new Error(`no control ${id}`);
    const r = control.range;
    this.writeText(r.box, r.start, r.end, text, r);
  }

  /** A user edit of a top-level paragraph with Track Changes on: `find` becomes `replacement`. */
  userTrackedReplace(paragraphOrdinal: number, find: string, replacement: string): void {
    const p = this.body.filter((b): b is ParagraphModel => b.kind === 'paragraph')[paragraphOrdinal];
    if (!p) throw new Error(`no paragraph ${paragraphOrdinal}`);
    const at = p.box.text.indexOf(find);
    if (at < 0) throw new Error(`"${find}" not in paragraph ${paragraphOrdinal}`);
    const mode = this.trackingMode;
    this.trackingMode = 'TrackAll';
    this.writeText(p.box, at, at + find.length, replacement);
    this.trackingMode = mode;
  }

  /** Marks the first occurrence of `text` in top-level paragraph `ordinal` as a field result. */
  markField(paragraphOrdinal: number, text: string): void {
    const p = this.body.filter((b): b is ParagraphModel => b.kind === 'paragraph')[paragraphOrdinal];
    const at = p ? p.box.text.indexOf(text) : -1;
    if (!p || at < 0) throw new Error(`"${text}" not in paragraph ${paragraphOrdinal}`);
    p.box.fields.push(new LiveRange(p.box, at, at + text.length));
  }

  /** The user wraps the text of a table cell in a new content control (Developer ▸ Rich Text). */
  userAddCellControl(tableOrdinal: number, row: number, cell: number, tag: string): number {
    const box = this.tables()[tableOrdinal]?.rows[row]?.cells[cell]?.box;
    if (!box) throw new Error(`no cell ${row}, ${cell} in table ${tableOrdinal}`);
    const control = this.newControl(new LiveRange(box, 0, box.text.length));
    Object.assign(control, { tag, title: tag, subtype: 'RichTextTableCell', level: 'cell' });
    return control.id;
  }

  /** Waits for the events raised by the last syncs. */
  async settle(): Promise<void> {
    while (this.pendingEvents.length > 0) await Promise.all(this.pendingEvents.splice(0));
  }

  /** Called by the context after each sync: Word raises data-changed for the add-in's writes too. */
  afterSync(): void {
    const ids = [...this.changedInSync];
    this.changedInSync.clear();
    for (const id of ids) this.pendingEvents.push(Promise.resolve().then(() => this.fireDataChanged(id)));
  }

  // --- inspection helpers for tests -----------------------------------------------------------

  paragraphTexts(): string[] {
    return this.body.filter((b): b is ParagraphModel => b.kind === 'paragraph').map((p) => p.box.text);
  }
  tableValues(tableIndex: number): string[][] {
    const table = this.body.filter((b): b is TableModel => b.kind === 'table')[tableIndex];
    if (!table) throw new Error(`no table ${tableIndex}`);
    return table.rows.map((r) => r.cells.map((c) => c.box.text));
  }
  controlText(id: number): string {
    const control = this.controls.find((c) => c.id === id);
    if (!control) throw new Error(`no control ${id}`);
    return control.range.text;
  }
  control(id: number): ControlModel {
    const control = this.controls.find((c) => c.id === id);
    if (!control) throw new Error(`no control ${id}`);
    return control;
  }

  /** Comments in document order, with the text they are anchored on. */
  commentsInOrder(): Array<{ id: string; content: string; authorName: string; anchored: string }> {
    const order = new Map<TextBox, number>();
    let n = 0;
    for (const b of this.body) {
      if (b.kind === 'paragraph') order.set(b.box, n++);
      else for (const row of b.rows) for (const cell of row.cells) order.set(cell.box, n++);
    }
    return this.comments
      .filter((c) => order.has(c.range.box))
      .sort((a, b) => order.get(a.range.box)! - order.get(b.range.box)! || a.range.start - b.range.start)
      .map((c) => ({ id: c.id, content: c.content, authorName: c.authorName, anchored: c.range.text }));
  }

  /** A comment as a person adds it in Word (for tests). */
  addComment(range: { paragraph: number; start: number; end: number }, content: string, authorName: string): void {
    const p = this.body.filter((b): b is ParagraphModel => b.kind === 'paragraph')[range.paragraph];
    if (!p) throw new Error(`no paragraph ${range.paragraph}`);
    this.comments.push({ id: `c${this.nextCommentId++}`, content, authorName, range: new LiveRange(p.box, range.start, range.end) });
  }

  newComment(range: LiveRange, content: string): CommentModel {
    const comment: CommentModel = {
      id: `c${this.nextCommentId++}`,
      content,
      authorName: this.options.userName ?? 'Người dùng Word',
      range: new LiveRange(range.box, range.start, range.end),
    };
    this.comments.push(comment);
    this.writeCount++;
    return comment;
  }

  deleteComment(comment: CommentModel): void {
    const i = this.comments.indexOf(comment);
    if (i < 0) throw new FakeOfficeError('ItemNotFound', 'The comment was already deleted.');
    this.comments.splice(i, 1);
    comment.range.box.ranges.delete(comment.range);
    this.writeCount++;
  }

  // --- model operations used by the proxies ----------------------------------------------------

  /** Controls in document order (outer before inner). */
  orderedControls(): ControlModel[] {
    const order = new Map<TextBox, number>();
    let n = 0;
    for (const b of this.body) {
      if (b.kind === 'paragraph') order.set(b.box, n++);
      else for (const row of b.rows) for (const cell of row.cells) order.set(cell.box, n++);
    }
    return this.controls
      .filter((c) => order.has(c.range.box))
      .sort((a, b) => order.get(a.range.box)! - order.get(b.range.box)! || a.range.start - b.range.start || b.range.end - a.range.end);
  }

  /** `body.contentControls`: rich-text controls only (office-js #2160, by design; #6144). */
  listedControls(): ControlModel[] {
    return this.orderedControls().filter((c) => c.type === 'RichText');
  }

  /** `getContentControls({ types })` (WordApi 1.5): every control of the requested types. */
  typedControls(types: readonly string[] | undefined): ControlModel[] {
    const wanted = new Set(types ?? ['RichText', 'PlainText']);
    return this.orderedControls().filter(
      (c) => wanted.has(c.type) && !(this.options.multiParagraphPlainTextMissing && c.type === 'PlainText' && c.range.text.includes('\n')),
    );
  }

  /** The user selects [start, end) of the top-level paragraph at block `blockIndex`. */
  select(blockIndex: number, start: number, end: number): void {
    const model = this.body[blockIndex];
    if (model?.kind !== 'paragraph') throw new Error(`block ${blockIndex} is not a paragraph`);
    this.selection = new LiveRange(model.box, start, end);
  }

  paragraphTargets(): ParagraphTarget[] {
    const out: ParagraphTarget[] = [];
    for (const b of this.body) {
      if (b.kind === 'paragraph') out.push({ model: b });
      else
        for (const row of b.rows)
          for (const cell of row.cells) cell.box.text.split('\n').forEach((_, line) => out.push({ cell, line }));
    }
    return out;
  }

  tables(): TableModel[] {
    return this.body.filter((b): b is TableModel => b.kind === 'table');
  }

  newControl(range: LiveRange): ControlModel {
    const control: ControlModel = {
      id: this.nextId++,
      tag: '',
      title: '',
      type: 'RichText',
      subtype: 'RichTextInline',
      kind: 'richText',
      level: 'inline',
      showingPlaceholder: false,
      cannotEdit: false,
      cannotDelete: false,
      placeholderText: '',
      range: new LiveRange(range.box, range.start, range.end),
      handlers: new Set(),
    };
    this.controls.push(control);
    return control;
  }

  /** Refuses writes into content-locked controls, as Word does. */
  checkWritable(box: TextBox, start: number, end: number): void {
    for (const c of this.controls) {
      if (c.cannotEdit && c.range.box === box && c.range.start < Math.max(end, start + 1) && start < c.range.end) {
        throw new FakeOfficeError('AccessDenied', `The content control ${c.id} is locked.`);
      }
    }
  }

  /** Every write of the add-in goes through here: injected failures, then the change. */
  countWrite(): void {
    if (this.failAt && --this.failAt.countdown === 0) {
      const code = this.failAt.code;
      this.failAt = undefined;
      throw new FakeOfficeError(code, `Injected failure (${code}).`);
    }
    this.writeCount++;
  }

  write(box: TextBox, start: number, end: number, text: string, target?: LiveRange): LiveRange {
    this.checkWritable(box, start, end);
    this.countWrite();
    const range = this.writeText(box, start, end, text, target);
    for (const c of this.controls) {
      if (c.range.box === box && c.range.start <= start && end <= c.range.end) this.changedInSync.add(c.id);
    }
    return range;
  }

  /** Changes the text; with Track Changes on, the replaced text stays as a deleted revision. */
  writeText(box: TextBox, start: number, end: number, text: string, target?: LiveRange): LiveRange {
    const old = box.text.slice(start, end);
    box.replace(start, end, text, target);
    if (this.trackingMode !== 'Off' && old !== '') box.deleted.push({ mark: new LiveRange(box, start, start), text: old });
    return target ?? new LiveRange(box, start, start + text.length);
  }

  noteControlChanged(id: number): void {
    this.changedInSync.add(id);
  }

  // --- Office Open XML (Body.getOoxml) -------------------------------------------------------------

  /**
   * The body as Word's `Body.getOoxml()` returns it: a flat OPC package (`pkg:package`, with the
   * `mso-application` processing instruction) holding the relationships, the main document part
   * and a styles part. Content controls are `w:sdt` with `w:id` (the ContentControl.id),
   * `w:tag`, `w:alias`, `w:lock`, `w:showingPlcHdr` and their type element (`w:text` for plain
   * text); tracked deletions are `w:del`/`w:delText`; merged cells `w:gridSpan`/`w:vMerge`.
   */
  ooxml(): string {
    let revision = 0;
    const del = (text: string) =>
      `<w:del w:id="${++revision}" w:author="Người dùng" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">${escXml(text)}</w:delText></w:r></w:del>`;
    const runs = (text: string) =>
      text
        .split(/(\t|\n|\u000b)/)
        .filter((t) => t !== '')
        .map((t) => (t === '\t' ? '<w:r><w:tab/></w:r>' : t === '\n' || t === '\u000b' ? '<w:r><w:br/></w:r>' : `<w:r><w:t xml:space="preserve">${escXml(t)}</w:t></w:r>`))
        .join('');
    const sdtPr = (c: ControlModel) => {
      const type =
        c.kind === 'plainText'
          ? '<w:text/>'
          : c.kind === 'date'
            ? '<w:date/>'
            : c.kind === 'dropDown'
              ? '<w:dropDownList/>'
              : c.kind === 'comboBox'
                ? '<w:comboBox/>'
                : c.kind === 'checkBox'
                  ? '<w14:checkbox/>'
                  : c.kind === 'other'
                    ? '<w:picture/>'
                    : '';
      const lock = c.cannotEdit && c.cannotDelete ? 'sdtContentLocked' : c.cannotEdit ? 'contentLocked' : c.cannotDelete ? 'sdtLocked' : '';
      return (
        '<w:sdtPr>' +
        (c.title ? `<w:alias w:val="${escXml(c.title)}"/>` : '') +
        (c.tag ? `<w:tag w:val="${escXml(c.tag)}"/>` : '') +
        `<w:id w:val="${c.id}"/>` +
        (lock ? `<w:lock w:val="${lock}"/>` : '') +
        (c.showingPlaceholder ? '<w:showingPlcHdr/>' : '') +
        type +
        '</w:sdtPr>'
      );
    };
    /** Inline content of box[start, end): runs, deletions and the controls inside, nested. */
    const inline = (box: TextBox, start: number, end: number, controls: ControlModel[], owner: ControlModel | undefined): string => {
      const inside = controls.filter((c) => c !== owner && c.range.box === box && c.range.start >= start && c.range.end <= end && (c.range.start < end || start === end));
      const top = inside.filter((c) => !inside.some((o) => o !== c && o.range.start <= c.range.start && c.range.end <= o.range.end && (o.range.start < c.range.start || o.range.end > c.range.end)));
      top.sort((a, b) => a.range.start - b.range.start);
      const marks = box.deleted.filter((d) => d.mark.start >= start && d.mark.start <= end);
      let out = '';
      let at = start;
      const plain = (to: number, closing: boolean) => {
        for (const d of marks.filter((m) => m.mark.start >= at && (m.mark.start < to || (closing && m.mark.start === to))).sort((a, b) => a.mark.start - b.mark.start)) {
          if (top.some((c) => c.range.start <= d.mark.start && (d.mark.start < c.range.end || c.range.start === c.range.end))) continue;
          out += runs(box.text.slice(at, d.mark.start)) + del(d.text);
          at = d.mark.start;
          marks.splice(marks.indexOf(d), 1);
        }
        out += runs(box.text.slice(at, to));
        at = to;
      };
      for (const c of top) {
        plain(c.range.start, false);
        out += `<w:sdt>${sdtPr(c)}<w:sdtContent>${inline(box, c.range.start, c.range.end, inside, c)}</w:sdtContent></w:sdt>`;
        at = c.range.end;
      }
      plain(end, true);
      return out;
    };
    const all = this.controls;
    const paragraphXml = (p: ParagraphModel) => {
      const pPr = p.style ? `<w:pPr><w:pStyle w:val="${escXml(p.style)}"/></w:pPr>` : '';
      const block = all.find((c) => c.level === 'block' && c.range.box === p.box && c.range.start === 0 && c.range.end === p.box.text.length);
      const inner = inline(p.box, 0, p.box.text.length, all.filter((c) => c !== block), undefined);
      const xml = `<w:p>${pPr}${inner}</w:p>`;
      return block ? `<w:sdt>${sdtPr(block)}<w:sdtContent>${xml}</w:sdtContent></w:sdt>` : xml;
    };
    const cellXml = (t: TableModel, r: number, c: number) => {
      const cell = t.rows[r]!.cells[c]!;
      const below = t.rows[r + 1]?.cells[c];
      const tcPr =
        (cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : '') +
        (cell.mergedUp ? '<w:vMerge/>' : below?.mergedUp ? '<w:vMerge w:val="restart"/>' : '');
      // Controls over several paragraphs of the cell are block-level: w:sdt around those w:p.
      const multi = all.filter((c) => c.range.box === cell.box && c.range.text.includes('\n'));
      const inlineOnly = all.filter((c) => !multi.includes(c));
      let offset = 0;
      const paragraphs = cell.box.text.split('\n').map((line) => {
        const [start, end] = [offset, offset + line.length];
        let xml = `<w:p>${inline(cell.box, start, end, inlineOnly, undefined)}</w:p>`;
        for (const c of multi) {
          if (c.range.start === start) xml = `<w:sdt>${sdtPr(c)}<w:sdtContent>${xml}`;
          if (c.range.end === end) xml = `${xml}</w:sdtContent></w:sdt>`;
        }
        offset = end + 1;
        return xml;
      });
      return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${tcPr}</w:tcPr>${paragraphs.join('')}</w:tc>`;
    };
    const tableXml = (t: TableModel) => {
      const columns = Math.max(1, ...t.rows.map((row) => row.cells.reduce((n, c) => n + c.span, 0)));
      const grid = '<w:tblGrid>' + '<w:gridCol w:w="2000"/>'.repeat(columns) + '</w:tblGrid>';
      const rows = t.rows
        .map((row, r) => `<w:tr>${r < t.headerRowCount ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${row.cells.map((_, c) => cellXml(t, r, c)).join('')}</w:tr>`)
        .join('');
      return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows}</w:tbl>`;
    };
    const body = this.body.map((b) => (b.kind === 'paragraph' ? paragraphXml(b) : tableXml(b))).join('');
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const document =
      `<w:document xmlns:w="${W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
    return (
      '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n' +
      '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">' +
      '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml" pkg:padding="512"><pkg:xmlData>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' +
      '</pkg:xmlData></pkg:part>' +
      '<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>' +
      document +
      '</pkg:xmlData></pkg:part>' +
      '<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>' +
      `<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>` +
      '</pkg:xmlData></pkg:part>' +
      '</pkg:package>'
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies.

type Action = () => void;

class FakeContext {
  open = false;
  private queue: Action[] = [];
  readonly document: FakeDocument;
  readonly trackedObjects = { add: () => {}, remove: () => {} };

  constructor(readonly fake: FakeWord) {
    this.document = new FakeDocument(this, () => ({ kind: 'document' as const }), undefined);
  }

  get pending(): number {
    return this.queue.length;
  }

  enqueue(action: Action): void {
    if (!this.open) {
      throw new FakeOfficeError('InvalidObjectPath', 'The object path is not valid: the object was used outside of its Word.run batch.');
    }
    this.queue.push(action);
  }

  async sync(): Promise<void> {
    if (!this.open) throw new FakeOfficeError('InvalidRequestContext', 'context.sync() outside of its Word.run batch.');
    this.fake.syncCount++;
    const queue = this.queue;
    this.queue = [];
    await Promise.resolve(); // a round trip is asynchronous
    try {
      for (const action of queue) action();
    } finally {
      // Writes applied before a failure stay applied, and raise their events.
      this.fake.afterSync();
    }
  }

  load(object: FakeClientObject<unknown>, props?: string | string[]): void {
    object.load(props);
  }
}

function propList(props: string | string[] | { select?: string } | undefined): string[] {
  const raw = props === undefined ? [] : typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : (props.select ?? '').split(',');
  return raw.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p !== '');
}

abstract class FakeClientObject<T> {
  private target: T | undefined;
  private resolved = false;
  private instantiating = false;
  private loadedValues = new Map<string, unknown>();
  protected loadedIsNull: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    /** Computes the target when the object path is instantiated; undefined for objects an action creates. */
    private readonly resolve: (() => T | null) | undefined,
    private readonly parent: FakeClientObject<unknown> | undefined,
  ) {}

  /** Queue the instantiation of this object's path, once, before its first use. */
  protected ensure(): void {
    if (this.instantiating || !this.resolve) return;
    this.instantiating = true;
    (this.parent as FakeClientObject<unknown> | undefined)?.ensure();
    const resolve = this.resolve;
    this.context.enqueue(() => {
      this.target = resolve() ?? undefined;
      this.resolved = true;
    });
  }

  /** Instantiates this object's path when another object of the same batch needs it. */
  ensureFrom(context: FakeContext): void {
    if (context !== this.context) throw new FakeOfficeError('InvalidRequestContext', 'Objects from different request contexts cannot be mixed.');
    this.ensure();
  }
  resolvedTarget(): T {
    return this.t;
  }

  /** Sets the target from an action that creates it (insertText, insertContentControl). */
  bind(target: T): void {
    this.target = target;
    this.resolved = true;
    this.instantiating = true;
  }

  /** The resolved target inside an action; throws like Word on null or missing objects. */
  protected get t(): T {
    if (!this.resolved || this.target === undefined) {
      throw new FakeOfficeError('ItemNotFound', `${this.constructor.name}: the requested resource doesn't exist.`);
    }
    return this.target;
  }
  protected get rawTarget(): T | undefined {
    return this.target;
  }

  /** Queues an action on this object (after its instantiation). */
  protected act(action: (target: T) => void): void {
    this.ensure();
    this.context.enqueue(() => action(this.t));
  }

  protected read<V>(name: string): V {
    if (!this.loadedValues.has(name)) {
      throw new FakeOfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loadedValues.get(name) as V;
  }

  protected abstract property(target: T, name: string): unknown;

  load(props?: string | string[] | { select?: string }): this {
    const names = propList(props);
    this.ensure();
    this.context.enqueue(() => {
      this.loadedIsNull = this.target === undefined;
      if (this.target === undefined) {
        if (!this.nullable) throw new FakeOfficeError('ItemNotFound', `${this.constructor.name}: the requested resource doesn't exist.`);
        return;
      }
      for (const name of names) this.loadedValues.set(name, this.property(this.target, name));
    });
    return this;
  }

  /** Loads values directly (collections fill their items this way at sync time). */
  fill(target: T, names: string[]): this {
    this.bind(target);
    this.loadedIsNull = false;
    for (const name of names) this.loadedValues.set(name, this.property(target, name));
    return this;
  }

  protected nullable = false;

  get isNullObject(): boolean {
    if (this.loadedIsNull === undefined) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property 'isNullObject' is not available before load() and sync().`);
    }
    return this.loadedIsNull;
  }

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }
}

abstract class FakeCollection<T, P extends FakeClientObject<T>> extends FakeClientObject<T[]> {
  private loadedItems: P[] | undefined;

  protected abstract list(): T[];
  protected abstract item(target: T): P;

  protected override property(): unknown {
    return undefined;
  }

  override load(props?: string | string[] | { select?: string }): this {
    const names = propList(props);
    this.ensureList();
    this.context.enqueue(() => {
      this.loadedItems = this.list().map((t) => this.item(t).fill(t, names) as P);
    });
    return this;
  }

  /** Collections have no target of their own: their query runs at each use. */
  protected ensureList(): void {
    this.ensure();
  }

  get items(): P[] {
    if (!this.loadedItems) {
      throw new FakeOfficeError('PropertyNotLoaded', `The property 'items' is not available. Call load() and context.sync() first.`);
    }
    return this.loadedItems;
  }

  /** A proxy to the collection's first or last element, resolved when first used. */
  protected pick(which: 'first' | 'last', nullable: boolean): P {
    const proxy = this.itemProxy(() => {
      const list = this.list();
      const found = which === 'first' ? list[0] : list[list.length - 1];
      if (found === undefined && !nullable) throw new FakeOfficeError('ItemNotFound', `${this.constructor.name}: the collection is empty.`);
      return found ?? null;
    });
    return proxy;
  }

  protected abstract itemProxy(resolve: () => T | null): P;
}

// --- content controls ---------------------------------------------------------------------------

class FakeContentControl extends FakeClientObject<ControlModel> {
  constructor(context: FakeContext, resolve: (() => ControlModel | null) | undefined, parent: FakeClientObject<unknown> | undefined, nullable = false) {
    super(context, resolve, parent);
    this.nullable = nullable;
  }

  protected property(c: ControlModel, name: string): unknown {
    switch (name) {
      case 'id':
      case 'tag':
      case 'title':
      case 'type':
      case 'subtype':
      case 'cannotEdit':
      case 'cannotDelete':
      case 'placeholderText':
        return c[name];
      case 'text':
        return c.range.box.shown(c.range.start, c.range.end);
      default:
        throw new FakeOfficeError('InvalidArgument', `ContentControl.${name} is not supported by the fake.`);
    }
  }

  get id(): number {
    return this.read('id');
  }
  get tag(): string {
    return this.read('tag');
  }
  set tag(value: string) {
    this.act((c) => {
      this.context.fake.countWrite();
      c.tag = value;
    });
  }
  get title(): string {
    return this.read('title');
  }
  set title(value: string) {
    this.act((c) => {
      this.context.fake.countWrite();
      c.title = value;
    });
  }
  get text(): string {
    return this.read('text');
  }
  get type(): string {
    return this.read('type');
  }
  get subtype(): string {
    return this.read('subtype');
  }
  get cannotEdit(): boolean {
    return this.read('cannotEdit');
  }
  get cannotDelete(): boolean {
    return this.read('cannotDelete');
  }
  get placeholderText(): string {
    return this.read('placeholderText');
  }
  set placeholderText(value: string) {
    this.act((c) => {
      // office-js #785 (by design): "The action isn't supported by Word in a browser."
      if (this.context.fake.profile === 'web') {
        throw new FakeOfficeError('NotAllowed', "The action isn't supported by Word in a browser. (ContentControl.placeholderText)");
      }
      this.context.fake.countWrite();
      c.placeholderText = value;
      if (c.showingPlaceholder) c.range.box.replace(c.range.start, c.range.end, value, c.range);
    });
  }
  /**
   * Empties the control; Word then shows its (dimmed) placeholder text, which is what the
   * range, `text` and the OOXML (w:showingPlcHdr) then hold.
   */
  clear(): void {
    this.act((c) => {
      if (c.cannotEdit) throw new FakeOfficeError('AccessDenied', `The content control ${c.id} is locked.`);
      const r = c.range;
      this.context.fake.write(r.box, r.start, r.end, c.placeholderText, r);
      c.showingPlaceholder = true;
    });
  }
  insertText(text: string, location: 'Replace' | 'Start' | 'End'): FakeRange {
    const result = new FakeRange(this.context, undefined, undefined);
    this.act((c) => {
      const r = c.range;
      if (c.cannotEdit) throw new FakeOfficeError('AccessDenied', `The content control ${c.id} is locked.`);
      c.showingPlaceholder = false;
      if (location === 'Replace') result.bind(this.context.fake.write(r.box, r.start, r.end, text, r));
      else if (location === 'Start') {
        const at = r.start;
        this.context.fake.write(r.box, at, at, text);
        r.start = at; // the text goes inside the control
        result.bind(new LiveRange(r.box, at, at + text.length));
      } else if (location === 'End') {
        const at = r.end;
        this.context.fake.write(r.box, at, at, text);
        r.end = at + text.length;
        result.bind(new LiveRange(r.box, at, at + text.length));
      } else throw new FakeOfficeError('InvalidArgument', `insertText location ${String(location)}`);
    });
    return result;
  }

  private isTracked = false;

  /**
   * Event handlers stay attached only to tracked objects: a handler added on an untracked proxy
   * receives nothing (the reading of the Office.js event model; Microsoft's samples
   * call `track()` before `onDataChanged.add`).
   */
  override track(): this {
    this.isTracked = true;
    return this;
  }

  readonly onDataChanged = {
    add: (handler: (args: unknown) => Promise<unknown>) => {
      const context = this.context;
      const entry: Handler = { handler, tracked: false };
      let control: ControlModel | undefined;
      this.act((c) => {
        entry.tracked = this.isTracked;
        c.handlers.add(entry);
        control = c;
      });
      return {
        context,
        remove: () => {
          context.enqueue(() => control?.handlers.delete(entry));
        },
      };
    },
  };
}

class FakeContentControlCollection extends FakeCollection<ControlModel, FakeContentControl> {
  constructor(
    context: FakeContext,
    private readonly source: () => ControlModel[],
    parent: FakeClientObject<unknown>,
  ) {
    super(context, () => [], parent);
  }
  protected list(): ControlModel[] {
    return this.source();
  }
  protected item(): FakeContentControl {
    return new FakeContentControl(this.context, undefined, this);
  }
  protected itemProxy(resolve: () => ControlModel | null): FakeContentControl {
    return new FakeContentControl(this.context, resolve, this);
  }
  // A collection only finds the controls it lists (a plain-text control is not in body.contentControls).
  getById(id: number): FakeContentControl {
    return new FakeContentControl(
      this.context,
      () => {
        const found = this.source().find((c) => c.id === id);
        if (!found) throw new FakeOfficeError('ItemNotFound', `No content control with id ${id}.`);
        return found;
      },
      this,
    );
  }
  getByIdOrNullObject(id: number): FakeContentControl {
    return new FakeContentControl(this.context, () => this.source().find((c) => c.id === id) ?? null, this, true);
  }
  getByTag(tag: string): FakeContentControlCollection {
    return new FakeContentControlCollection(this.context, () => this.source().filter((c) => c.tag === tag), this);
  }
  getFirst(): FakeContentControl {
    return this.pick('first', false);
  }
}

// --- ranges and search ------------------------------------------------------------------------

/** A searchable stretch of text: part of one box (paragraphs, ranges, cells) or several. */
type Segment = { box: TextBox; start: number; end: number };

function unescapeSearch(text: string): string {
  return text.replace(/\^(\^|t|l|p)/g, (_, c: string) => ({ '^': '^', t: '\t', l: '\u000b', p: '\n' })[c]!);
}

function searchSegments(fake: FakeWord, segments: Segment[], searchText: string, options: { matchCase?: boolean } = {}): LiveRange[] {
  // Word.ErrorCodes.searchDialogIsOpen: the API cannot search while the Find dialog is open.
  if (fake.findDialogOpen) throw new FakeOfficeError('SearchDialogIsOpen', 'The search dialog is open.');
  // Word.ErrorCodes.searchStringInvalidOrTooLong (office-js #1726: 255 characters).
  if (searchText.length > 255) throw new FakeOfficeError('SearchStringInvalidOrTooLong', 'The search string is longer than 255 characters.');
  // office-js #2331: on the web, tab and line-break codes in a search string find nothing.
  if (fake.profile === 'web' && /\^[tlp]/.test(searchText)) return [];
  const needle = unescapeSearch(searchText);
  if (needle === '') throw new FakeOfficeError('InvalidArgument', 'Empty search string.');
  const fold = (s: string) => (options.matchCase ? s : s.toLowerCase());
  const found: LiveRange[] = [];
  for (const seg of segments) {
    const hay = fold(seg.box.text.slice(seg.start, seg.end));
    const n = fold(needle);
    for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) {
      const [start, end] = [seg.start + i, seg.start + i + n.length];
      // office-js #5905: a search for text running over the edge of a field finds nothing.
      if (seg.box.fields.some((f) => (start < f.start && end > f.start) || (start < f.end && end > f.end))) continue;
      found.push(new LiveRange(seg.box, start, end));
    }
  }
  return found;
}

function pointOf(r: LiveRange, location: string): LiveRange {
  switch (location) {
    case 'Start':
    case 'Before':
      return new LiveRange(r.box, r.start, r.start);
    case 'End':
    case 'After':
      return new LiveRange(r.box, r.end, r.end);
    default:
      return new LiveRange(r.box, r.start, r.end);
  }
}

class FakeRange extends FakeClientObject<LiveRange> {
  constructor(context: FakeContext, resolve: (() => LiveRange | null) | undefined, parent: FakeClientObject<unknown> | undefined, nullable = false) {
    super(context, resolve, parent);
    this.nullable = nullable;
  }
  protected property(r: LiveRange, name: string): unknown {
    if (name === 'text') return r.box.shown(r.start, r.end);
    if (name === 'isEmpty') return r.start === r.end;
    throw new FakeOfficeError('InvalidArgument', `Range.${name} is not supported by the fake.`);
  }
  get text(): string {
    return this.read('text');
  }
  search(text: string, options?: { matchCase?: boolean }): FakeRangeCollection {
    this.ensure();
    return new FakeRangeCollection(this.context, () => searchSegments(this.context.fake, [{ box: this.t.box, start: this.t.start, end: this.t.end }], text, options), this);
  }
  insertText(text: string, location: 'Replace' | 'Start' | 'End' | 'Before' | 'After'): FakeRange {
    const result = new FakeRange(this.context, undefined, undefined);
    this.act((r) => {
      const fake = this.context.fake;
      switch (location) {
        case 'Replace':
          result.bind(fake.write(r.box, r.start, r.end, text, r));
          return;
        case 'Start':
        case 'Before':
          result.bind(fake.write(r.box, r.start, r.start, text));
          return;
        case 'End':
        case 'After':
          result.bind(fake.write(r.box, r.end, r.end, text));
          return;
      }
    });
    return result;
  }
  getRange(location: 'Whole' | 'Start' | 'End' | 'Before' | 'After' | 'Content' = 'Whole'): FakeRange {
    return new FakeRange(this.context, () => pointOf(this.t, location), this);
  }
  expandTo(other: FakeRange): FakeRange {
    other.ensureFrom(this.context);
    return new FakeRange(
      this.context,
      () => {
        const a = this.t;
        const b = other.resolvedTarget();
        if (a.box !== b.box) throw new FakeOfficeError('InvalidArgument', 'expandTo across paragraphs or cells is not supported by the fake.');
        return new LiveRange(a.box, Math.min(a.start, b.start), Math.max(a.end, b.end));
      },
      this,
    );
  }
  /** The paragraphs the range lies in (the fake: the one paragraph of its box). */
  get paragraphs(): FakeParagraphCollection {
    return new RangeParagraphs(this.context, () => [], this, () => {
      const box = this.t.box;
      return this.context.fake.paragraphTargets().filter((p) => ('model' in p ? p.model.box === box : p.cell.box === box));
    });
  }
  insertContentControl(): FakeContentControl {
    const result = new FakeContentControl(this.context, undefined, undefined);
    this.act((r) => {
      this.context.fake.countWrite();
      result.bind(this.context.fake.newControl(r));
    });
    return result;
  }
  insertComment(text: string): FakeComment {
    const result = new FakeComment(this.context, undefined, undefined);
    this.act((r) => {
      if (!this.context.fake.supports('1.4')) throw new FakeOfficeError('ApiNotFound', 'Range.insertComment needs WordApi 1.4.');
      result.bind(this.context.fake.newComment(r, text));
    });
    return result;
  }
}

// --- comments ------------------------------------------------------------------------------------

class FakeComment extends FakeClientObject<CommentModel> {
  protected property(c: CommentModel, name: string): unknown {
    if (name === 'id') return c.id;
    if (name === 'content') return c.content;
    if (name === 'authorName') return c.authorName;
    throw new FakeOfficeError('InvalidArgument', `Comment.${name} is not supported by the fake.`);
  }
  get id(): string {
    return this.read('id');
  }
  get content(): string {
    return this.read('content');
  }
  get authorName(): string {
    return this.read('authorName');
  }
  delete(): void {
    this.act((c) => this.context.fake.deleteComment(c));
  }
}

class FakeCommentCollection extends FakeCollection<CommentModel, FakeComment> {
  constructor(
    context: FakeContext,
    private readonly source: () => CommentModel[],
    parent: FakeClientObject<unknown>,
  ) {
    super(context, () => [], parent);
  }
  protected list(): CommentModel[] {
    return this.source();
  }
  protected item(): FakeComment {
    return new FakeComment(this.context, undefined, this);
  }
  protected itemProxy(resolve: () => CommentModel | null): FakeComment {
    return new FakeComment(this.context, resolve, this);
  }
}

class FakeRangeCollection extends FakeCollection<LiveRange, FakeRange> {
  constructor(
    context: FakeContext,
    private readonly query: () => LiveRange[],
    parent: FakeClientObject<unknown>,
  ) {
    // A search runs once, when its path is instantiated; its results are then fixed ranges.
    super(context, () => query(), parent);
  }
  private results(): LiveRange[] {
    return this.rawTarget ?? this.t;
  }
  protected list(): LiveRange[] {
    return this.results();
  }
  protected item(): FakeRange {
    return new FakeRange(this.context, undefined, this);
  }
  protected itemProxy(resolve: () => LiveRange | null): FakeRange {
    return new FakeRange(this.context, resolve, this);
  }
  getFirst(): FakeRange {
    return this.pick('first', false);
  }
  getLast(): FakeRange {
    return this.pick('last', false);
  }
  getFirstOrNullObject(): FakeRange {
    const proxy = new FakeRange(this.context, () => this.results()[0] ?? null, this, true);
    return proxy;
  }
}

// --- paragraphs ----------------------------------------------------------------------------------

function paragraphSegment(p: ParagraphTarget): Segment {
  if ('model' in p) return { box: p.model.box, start: 0, end: p.model.box.text.length };
  const lines = p.cell.box.text.split('\n');
  const start = lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0);
  return { box: p.cell.box, start, end: start + (lines[p.line]?.length ?? 0) };
}

class FakeParagraph extends FakeClientObject<ParagraphTarget> {
  protected property(p: ParagraphTarget, name: string): unknown {
    switch (name) {
      case 'text': {
        const s = paragraphSegment(p);
        return s.box.shown(s.start, s.end);
      }
      case 'tableNestingLevel':
        return 'model' in p ? 0 : 1;
      case 'style':
        return 'model' in p ? (p.model.style ?? 'Normal') : 'Normal';
      case 'styleBuiltIn':
        return 'model' in p ? (p.model.style ?? 'Normal') : 'Normal';
      case 'contentControls/items/id': {
        const s = paragraphSegment(p);
        return this.context.fake
          .listedControls()
          .filter((c) => c.range.box === s.box && c.range.start >= s.start && c.range.end <= s.end)
          .map((c) => c.id);
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `Paragraph.${name} is not supported by the fake.`);
    }
  }
  get text(): string {
    return this.read('text');
  }
  get tableNestingLevel(): number {
    return this.read('tableNestingLevel');
  }
  get style(): string {
    return this.read('style');
  }
  get styleBuiltIn(): string {
    return this.read('styleBuiltIn');
  }
  /** Only as loaded through the path "contentControls/items/id". */
  get contentControls(): { items: { id: number }[] } {
    return { items: this.read<number[]>('contentControls/items/id').map((id) => ({ id })) };
  }
  search(text: string, options?: { matchCase?: boolean }): FakeRangeCollection {
    this.ensure();
    return new FakeRangeCollection(this.context, () => searchSegments(this.context.fake, [paragraphSegment(this.t)], text, options), this);
  }
  getRange(location: 'Whole' | 'Start' | 'End' | 'After' | 'Content' = 'Whole'): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const s = paragraphSegment(this.t);
        return pointOf(new LiveRange(s.box, s.start, s.end), location);
      },
      this,
    );
  }
  insertText(text: string, location: 'Replace' | 'Start' | 'End'): FakeRange {
    const result = new FakeRange(this.context, undefined, undefined);
    this.act((p) => {
      const s = paragraphSegment(p);
      const fake = this.context.fake;
      if (location === 'Replace') result.bind(fake.write(s.box, s.start, s.end, text));
      else if (location === 'Start') result.bind(fake.write(s.box, s.start, s.start, text));
      else result.bind(fake.write(s.box, s.end, s.end, text));
    });
    return result;
  }
}

class FakeParagraphCollection extends FakeCollection<ParagraphTarget, FakeParagraph> {
  protected list(): ParagraphTarget[] {
    return this.context.fake.paragraphTargets();
  }
  protected item(): FakeParagraph {
    return new FakeParagraph(this.context, undefined, this);
  }
  protected itemProxy(resolve: () => ParagraphTarget | null): FakeParagraph {
    return new FakeParagraph(this.context, resolve, this);
  }
}

/** The paragraphs of a range, computed when first used. */
class RangeParagraphs extends FakeParagraphCollection {
  constructor(
    context: FakeContext,
    resolve: () => ParagraphTarget[],
    parent: FakeClientObject<unknown>,
    private readonly query: () => ParagraphTarget[],
  ) {
    super(context, resolve, parent);
  }
  protected override list(): ParagraphTarget[] {
    return this.query();
  }
  getFirst(): FakeParagraph {
    return this.pick('first', false);
  }
}

// --- custom XML parts (WordApi 1.4) -------------------------------------------------------------

function needs14(fake: FakeWord, what: string): void {
  if (!fake.supports('1.4')) throw new FakeOfficeError('ApiNotFound', `${what} needs WordApi 1.4.`);
}

class FakeCustomXmlPart extends FakeClientObject<CustomXmlModel> {
  protected property(p: CustomXmlModel, name: string): unknown {
    if (name === 'id') return p.id;
    if (name === 'namespaceUri') return rootNamespace(p.xml) ?? '';
    throw new FakeOfficeError('InvalidArgument', `CustomXmlPart.${name} is not supported by the fake.`);
  }
  get id(): string {
    return this.read('id');
  }
  getXml(): { value: string } {
    let value: string | undefined;
    this.act((p) => {
      value = p.xml;
    });
    return {
      get value(): string {
        if (value === undefined) throw new FakeOfficeError('PropertyNotLoaded', 'The value of a ClientResult is not available before context.sync().');
        return value;
      },
    };
  }
  setXml(xml: string): void {
    this.act((p) => {
      this.context.fake.countWrite();
      p.xml = xml;
    });
  }
  delete(): void {
    this.act((p) => {
      this.context.fake.countWrite();
      const list = this.context.fake.customXmlParts;
      list.splice(list.indexOf(p), 1);
    });
  }
}

class FakeCustomXmlPartCollection extends FakeCollection<CustomXmlModel, FakeCustomXmlPart> {
  constructor(
    context: FakeContext,
    parent: FakeClientObject<unknown> | undefined,
    private readonly namespace?: string,
  ) {
    super(context, () => [], parent);
  }
  protected list(): CustomXmlModel[] {
    const fake = this.context.fake;
    needs14(fake, 'Document.customXmlParts');
    return this.namespace === undefined ? fake.customXmlParts : fake.customXmlParts.filter((p) => rootNamespace(p.xml) === this.namespace);
  }
  protected item(): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, undefined, this);
  }
  protected itemProxy(resolve: () => CustomXmlModel | null): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, resolve, this);
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, this, namespaceUri);
  }
  add(xml: string): FakeCustomXmlPart {
    const result = new FakeCustomXmlPart(this.context, undefined, undefined);
    this.context.enqueue(() => {
      const fake = this.context.fake;
      needs14(fake, 'CustomXmlPartCollection.add');
      fake.countWrite();
      const part = { id: `{FAKE-${fake.customXmlParts.length + 1}}`, xml };
      fake.customXmlParts.push(part);
      result.bind(part);
    });
    return result;
  }
}

// --- tables ------------------------------------------------------------------------------------------

class FakeTable extends FakeClientObject<TableModel> {
  protected property(t: TableModel, name: string): unknown {
    switch (name) {
      case 'values':
        return t.rows.map((r) => r.cells.map((c) => c.box.shown()));
      case 'rowCount':
        return t.rows.length;
      case 'nestingLevel':
        return 1;
      case 'headerRowCount':
        return t.headerRowCount;
      default:
        throw new FakeOfficeError('InvalidArgument', `Table.${name} is not supported by the fake.`);
    }
  }
  get values(): string[][] {
    return this.read('values');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get nestingLevel(): number {
    return this.read('nestingLevel');
  }
  get headerRowCount(): number {
    return this.read('headerRowCount');
  }
  get rows(): FakeTableRowCollection {
    return new FakeTableRowCollection(this.context, () => this.t.rows.map((row) => ({ table: this.t, row })), this);
  }
  getCell(rowIndex: number, cellIndex: number): FakeTableCell {
    return new FakeTableCell(
      this.context,
      () => {
        const row = this.t.rows[rowIndex];
        const cell = row?.cells[cellIndex];
        if (!row || !cell) throw new FakeOfficeError('ItemNotFound', `No cell at row ${rowIndex}, column ${cellIndex}.`);
        return { table: this.t, row, cell };
      },
      this,
    );
  }
}

class FakeTableCollection extends FakeCollection<TableModel, FakeTable> {
  protected list(): TableModel[] {
    return this.context.fake.tables();
  }
  protected item(): FakeTable {
    return new FakeTable(this.context, undefined, this);
  }
  protected itemProxy(resolve: () => TableModel | null): FakeTable {
    return new FakeTable(this.context, resolve, this);
  }
  getFirst(): FakeTable {
    return this.pick('first', false);
  }
}

type RowTarget = { table: TableModel; row: RowModel };

class FakeTableRow extends FakeClientObject<RowTarget> {
  protected property(t: RowTarget, name: string): unknown {
    switch (name) {
      case 'cellCount':
        return t.row.cells.length;
      case 'values':
        return [t.row.cells.map((c) => c.box.text)];
      case 'rowIndex':
        return t.table.rows.indexOf(t.row);
      default:
        throw new FakeOfficeError('InvalidArgument', `TableRow.${name} is not supported by the fake.`);
    }
  }
  get cellCount(): number {
    return this.read('cellCount');
  }
  get values(): string[][] {
    return this.read('values');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  insertRows(location: 'Before' | 'After', rowCount: number, values?: string[][]): void {
    this.act(({ table, row }) => {
      const at = table.rows.indexOf(row);
      if (at < 0) throw new FakeOfficeError('ItemNotFound', 'The row is no longer in its table.');
      const fresh: RowModel[] = [];
      for (let i = 0; i < rowCount; i++) {
        const texts = values?.[i] ?? [];
        const width = Math.max(row.cells.length, texts.length);
        fresh.push({ cells: Array.from({ length: width }, (_, c) => ({ box: new TextBox(texts[c] ?? ''), span: row.cells[c]?.span ?? 1, mergedUp: false })) });
      }
      this.context.fake.countWrite();
      table.rows.splice(location === 'After' ? at + 1 : at, 0, ...fresh);
    });
  }

  /** Deletes the row with its content controls; a control that cannot be deleted fails the sync. */
  delete(): void {
    this.act(({ table, row }) => {
      const at = table.rows.indexOf(row);
      if (at < 0) throw new FakeOfficeError('ItemNotFound', 'The row is no longer in its table.');
      const fake = this.context.fake;
      const boxes = new Set(row.cells.map((c) => c.box));
      const inside = fake.controls.filter((c) => boxes.has(c.range.box));
      if (inside.some((c) => c.cannotDelete)) throw new FakeOfficeError('AccessDenied', 'AccessDenied: the row holds a content control that cannot be deleted.');
      fake.countWrite();
      for (const c of inside) fake.controls.splice(fake.controls.indexOf(c), 1);
      table.rows.splice(at, 1);
    });
  }
}

class FakeTableRowCollection extends FakeCollection<RowTarget, FakeTableRow> {
  constructor(
    context: FakeContext,
    private readonly source: () => RowTarget[],
    parent: FakeClientObject<unknown>,
  ) {
    super(context, () => [], parent);
  }
  protected list(): RowTarget[] {
    return this.source();
  }
  protected item(): FakeTableRow {
    return new FakeTableRow(this.context, undefined, this);
  }
  protected itemProxy(resolve: () => RowTarget | null): FakeTableRow {
    return new FakeTableRow(this.context, resolve, this);
  }
}

type CellTarget = { table: TableModel; row: RowModel; cell: CellModel };

class FakeTableCell extends FakeClientObject<CellTarget> {
  protected property(t: CellTarget, name: string): unknown {
    if (name === 'value') return t.cell.box.shown();
    if (name === 'cellIndex' || name === 'rowIndex') {
      // office-js #3200: loading the index of a vertically merged cell fails the whole sync.
      if (t.cell.mergedUp) throw new FakeOfficeError('GeneralException', 'GeneralException: TableCell index of a vertically merged cell.');
      return name === 'rowIndex' ? t.table.rows.indexOf(t.row) : t.row.cells.indexOf(t.cell);
    }
    throw new FakeOfficeError('InvalidArgument', `TableCell.${name} is not supported by the fake.`);
  }
  get value(): string {
    return this.read('value');
  }
  get cellIndex(): number {
    return this.read('cellIndex');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get body(): FakeBody {
    return new FakeBody(this.context, () => ({ kind: 'cell' as const, cell: this.t.cell }), this);
  }
  get parentRow(): FakeTableRow {
    return new FakeTableRow(this.context, () => ({ table: this.t.table, row: this.t.row }), this);
  }
}

// --- bodies --------------------------------------------------------------------------------------------

type BodyTarget = { kind: 'document' } | { kind: 'cell'; cell: CellModel };

class FakeBody extends FakeClientObject<BodyTarget> {
  protected property(b: BodyTarget, name: string): unknown {
    if (name === 'text') {
      if (b.kind === 'cell') return b.cell.box.shown();
      return this.context.fake.paragraphTargets().map((p) => {
        const s = paragraphSegment(p);
        return s.box.shown(s.start, s.end);
      }).join('\n');
    }
    throw new FakeOfficeError('InvalidArgument', `Body.${name} is not supported by the fake.`);
  }
  get text(): string {
    return this.read('text');
  }
  private segments(): Segment[] {
    const b = this.t;
    if (b.kind === 'cell') return [{ box: b.cell.box, start: 0, end: b.cell.box.text.length }];
    return this.context.fake.paragraphTargets().map(paragraphSegment);
  }
  getRange(location: 'Whole' | 'Start' | 'End' | 'After' | 'Content' = 'Whole'): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const segments = this.segments();
        const first = segments[0];
        const last = segments[segments.length - 1];
        if (!first || !last) throw new FakeOfficeError('ItemNotFound', 'The body is empty.');
        if (location === 'Start') return new LiveRange(first.box, first.start, first.start);
        if (location === 'End' || location === 'After') return new LiveRange(last.box, last.end, last.end);
        if (first.box !== last.box) throw new FakeOfficeError('NotImplemented', 'A whole-body range is not supported by the fake.');
        return new LiveRange(first.box, first.start, last.end);
      },
      this,
    );
  }
  get contentControls(): FakeContentControlCollection {
    return new FakeContentControlCollection(
      this.context,
      () => {
        const b = this.t;
        const fake = this.context.fake;
        const listed = fake.listedControls();
        return b.kind === 'document' ? listed : listed.filter((c) => c.range.box === b.cell.box);
      },
      this,
    );
  }
  /** WordApi 1.5: the controls of the given types (office-js #2160: the only way to list plain-text ones). */
  getContentControls(options?: { types?: string[] }): FakeContentControlCollection {
    const types = options?.types;
    return new FakeContentControlCollection(
      this.context,
      () => {
        const b = this.t;
        const fake = this.context.fake;
        if (!fake.supports('1.5')) throw new FakeOfficeError('ApiNotFound', 'Body.getContentControls needs WordApi 1.5.');
        const typed = fake.typedControls(types);
        return b.kind === 'document' ? typed : typed.filter((c) => c.range.box === b.cell.box);
      },
      this,
    );
  }
  /** The body as flat OPC (WordApi 1.1); the value is read at sync. */
  getOoxml(): { value: string } {
    let value: string | undefined;
    this.act((b) => {
      if (b.kind !== 'document') throw new FakeOfficeError('NotImplemented', 'getOoxml of a cell body is not supported by the fake.');
      value = this.context.fake.ooxml();
    });
    return {
      get value(): string {
        if (value === undefined) throw new FakeOfficeError('PropertyNotLoaded', 'The value of a ClientResult is not available before context.sync().');
        return value;
      },
    };
  }
  /** Body.insertFileFromBase64 (WordApi 1.2): section properties of the file are not kept. */
  insertFileFromBase64(base64: string, location: string): FakeRange {
    this.act(() => {
      this.context.fake.countWrite();
      this.context.fake.insertedFiles.push({ on: 'body', base64, location });
    });
    return new FakeRange(this.context, undefined, undefined);
  }
  get paragraphs(): FakeParagraphCollection {
    return new FakeParagraphCollection(this.context, () => [], this);
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(this.context, () => [], this);
  }
  getComments(): FakeCommentCollection {
    return new FakeCommentCollection(
      this.context,
      () => {
        const b = this.t;
        const fake = this.context.fake;
        if (!fake.supports('1.4')) throw new FakeOfficeError('ApiNotFound', 'Body.getComments needs WordApi 1.4.');
        const ids = new Set(fake.commentsInOrder().map((c) => c.id));
        const ordered = [...fake.comments].filter((c) => ids.has(c.id));
        return b.kind === 'document' ? ordered : ordered.filter((c) => c.range.box === b.cell.box);
      },
      this,
    );
  }
  search(text: string, options?: { matchCase?: boolean }): FakeRangeCollection {
    this.ensure();
    return new FakeRangeCollection(this.context, () => searchSegments(this.context.fake, this.segments(), text, options), this);
  }
  insertText(text: string, location: 'Replace' | 'Start' | 'End'): FakeRange {
    const result = new FakeRange(this.context, undefined, undefined);
    this.act((b) => {
      if (b.kind !== 'cell') throw new FakeOfficeError('NotImplemented', 'Body.insertText on the document body is not supported by the fake.');
      const box = b.cell.box;
      const fake = this.context.fake;
      if (location === 'Replace') result.bind(fake.write(box, 0, box.text.length, text));
      else if (location === 'Start') result.bind(fake.write(box, 0, 0, text));
      else result.bind(fake.write(box, box.text.length, box.text.length, text));
    });
    return result;
  }
}

// --- the document ------------------------------------------------------------------------------

class FakeDocument extends FakeClientObject<{ kind: 'document' }> {
  readonly body: FakeBody;
  constructor(context: FakeContext, resolve: () => { kind: 'document' }, parent: FakeClientObject<unknown> | undefined) {
    super(context, resolve, parent);
    this.body = new FakeBody(context, () => ({ kind: 'document' as const }), undefined);
  }
  protected property(_: { kind: 'document' }, name: string): unknown {
    if (name === 'changeTrackingMode') {
      // WordApi 1.4.
      if (!this.context.fake.supports('1.4')) throw new FakeOfficeError('ApiNotFound', 'Document.changeTrackingMode needs WordApi 1.4.');
      return this.context.fake.trackingMode;
    }
    throw new FakeOfficeError('InvalidArgument', `Document.${name} is not supported by the fake.`);
  }
  get changeTrackingMode(): string {
    return this.read('changeTrackingMode');
  }
  set changeTrackingMode(value: string) {
    this.act(() => {
      if (!this.context.fake.supports('1.4')) throw new FakeOfficeError('ApiNotFound', 'Document.changeTrackingMode needs WordApi 1.4.');
      this.context.fake.trackingMode = value as FakeWord['trackingMode'];
    });
  }
  /** WordApi 1.4. */
  get customXmlParts(): FakeCustomXmlPartCollection {
    return new FakeCustomXmlPartCollection(this.context, undefined);
  }
  /** The user's selection (WordApi 1.1). */
  getSelection(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sel = this.context.fake.selection;
        if (!sel) throw new FakeOfficeError('ItemNotFound', 'Nothing is selected.');
        return new LiveRange(sel.box, sel.start, sel.end);
      },
      undefined,
    );
  }
  /** Document.insertFileFromBase64 (WordApi 1.5): keeps the file's section properties. */
  insertFileFromBase64(base64: string, location: string, options?: unknown): FakeRange {
    this.act(() => {
      if (!this.context.fake.supports('1.5')) throw new FakeOfficeError('ApiNotFound', 'Document.insertFileFromBase64 needs WordApi 1.5.');
      this.context.fake.countWrite();
      this.context.fake.insertedFiles.push({ on: 'document', base64, location, options });
    });
    return new FakeRange(this.context, undefined, undefined);
  }
}
