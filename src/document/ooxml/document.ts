/**
 * The OOXML adapter: a .docx file as a `ReportDocument`.
 *
 * read() walks the body once and returns a flat list of blocks (paragraphs and top-level tables;
 * block-level content controls and custom XML are flattened away) plus every content control of
 * the body. apply() validates a whole batch against the last snapshot before touching the DOM, so
 * a failing batch changes nothing. save() writes a new .docx in which only the main document part
 * is re-serialized, and inside it only the edited elements (see XmlPart.serialize).
 *
 * Two read paths, one walk (walker.ts):
 *  - fast (the default): open() checks the main part with the strict reader of fastxml.ts and
 *    keeps a lite tree of what the walk needs; read() walks it. No DOM is built.
 *  - DOM: the xmldom tree, built on first need: by apply(), or at open() when the fast reader
 *    declines the text (anything outside its strict subset; the DOM parser then accepts or
 *    refuses it exactly as before). Once built, the DOM is the only source for later reads.
 * Edit indices computed on a fast snapshot are resolved on the DOM's model of the same walk; the
 * two snapshots are compared first and a mismatch is refused (it would be a bug, see the tests).
 */
import {
  DocumentError,
  type CellEdit,
  type ControlEdit,
  type DataEdit,
  type DocumentData,
  type DocumentEdit,
  type DocumentSnapshot,
  type InsertRowEdit,
  type DeleteRowEdit,
  rowDeletionProblem,
  type ParagraphEdit,
  type ReportDocument,
  type WrapEdit,
} from '../types';
import { NotMaterialized, parseLite, type LiteElement } from './fastxml';
import { SElement, SplicePart } from './stree';
import { DocxPackage } from './package';
import { readDocumentData, writeDocumentData } from './custom-xml';
import { refuseDoctype, type XmlEncoding } from './xml';
import {
  W14_NS,
  W_NS,
  W_STRICT_NS,
  WView,
  Walker,
  childElements,
  pushAll,
  domOps,
  emptyModel,
  liteMaterializer,
  liteOps,
  readBody,
  textOf,
  type Atom,
  type ControlRef,
  type InlineSink,
  type Model,
  type RowRef,
  type SdtProps,
} from './walker';

export { W_NS, W_STRICT_NS, W14_NS };

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Block-level children that carry content (everything else, e.g. bookmarks, is kept as is). */
const BLOCK_CONTENT = new Set(['p', 'tbl', 'sdt', 'customXml', 'altChunk']);

function isEl(n: Node | null): n is Element {
  return n !== null && n.nodeType === 1;
}

function isAncestorOf(a: Node, b: Node): boolean {
  for (let n: Node | null = b.parentNode; n; n = n.parentNode) if (n === a) return true;
  return false;
}

/** A claim of an edit on part of the document, to detect conflicting edits in one batch. */
type Claim = { kind: 'range'; p: Element; start: number; end: number } | { kind: 'element'; el: Element; control?: boolean };

interface PlannedOp {
  order: number;
  /** For span operations: paragraph and start, applied in descending order within a paragraph. */
  start: number;
  run: () => void;
}

/** The main part as a DOM, built on first need (edits, or a document the fast reader declines). */
/** What the edit code needs of a part: an XmlPart (xmldom) or a SplicePart (edit tree). */
interface EditPart {
  readonly root: Element;
  readonly doc: { createElementNS(ns: string, qname: string): Element };
  markDirty(node: Node): void;
  prepareForEdit(): void;
}

interface DomState {
  part: EditPart;
  /** Set when the part is edited through the edit tree (no xmldom); saved by splicing. */
  splice?: SplicePart;
  body: Element;
  view: WView<Element>;
  /** Prefix for new WordprocessingML attributes (never empty: attributes have no default namespace). */
  attrPrefix: string;
}

/** A non-empty prefix bound to `ns` on the root element, if any. */
function nonEmptyPrefix(root: Element, ns: string): string | undefined {
  for (let i = 0; i < root.attributes.length; i++) {
    const a = root.attributes.item(i)!;
    if (a.prefix === 'xmlns' && a.value === ns) return a.localName;
  }
  return undefined;
}

/** The main part as a lite tree (fast read path), until the DOM is built. */
interface LiteState {
  body: LiteElement;
  view: WView<LiteElement>;
}

function notWordprocessing(partName: string, tagName: string): DocumentError {
  return new DocumentError(
    'unsupported',
    `Phần nội dung chính "${partName}" không phải là tài liệu Word (WordprocessingML).`,
    `root element ${tagName}`,
  );
}

function noBody(): DocumentError {
  return new DocumentError('missing-part', 'Tài liệu Word không có phần thân (w:body).', 'no w:body');
}

/** A model over the edit tree, from the fast read's model: nodes made on first access. */
function lazyModel(m: Model<LiteElement>, wrap: (l: LiteElement) => Element): Model<Element> {
  const rowRef = (r: RowRef<LiteElement>): RowRef<Element> => {
    let cells: Element[] | undefined;
    return {
      get tr() {
        return wrap(r.tr);
      },
      get cells() {
        return (cells ??= r.cells.map(wrap));
      },
    };
  };
  return {
    snapshot: m.snapshot,
    blocks: m.blocks.map((b) => {
      let rows: Array<RowRef<Element>> | undefined;
      return {
        get el() {
          return wrap(b.el);
        },
        get rows() {
          return b.rows ? (rows ??= b.rows.map(rowRef)) : undefined;
        },
      };
    }),
    controls: m.controls.map((c) => ({
      get sdt() {
        return wrap(c.sdt);
      },
      level: c.level,
      props: c.props,
      get paragraph() {
        return c.paragraph === undefined ? undefined : wrap(c.paragraph);
      },
    })),
  };
}

/** The current text of the cell a cell edit names ('' when absent). */
function currentCellText(model: Model<Element>, edit: CellEdit): string {
  const block = model.snapshot.blocks[edit.tableIndex];
  return block?.type === 'table' ? (block.rows[edit.rowIndex]?.cells[edit.cellIndex]?.text ?? '') : '';
}

function sameSnapshot(a: DocumentSnapshot, b: DocumentSnapshot): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export class OoxmlDocument implements ReportDocument {
  /** The DOM model of the last read, for edits (built from the DOM, never from the lite tree). */
  private model: Model<Element> | undefined;
  /** The last snapshot handed out by the fast path; edits are checked against the DOM's. */
  private liteSnapshot: DocumentSnapshot | undefined;
  /** The fast read's model: its elements are the edit tree's sources (no second parse). */
  private liteModel: Model<LiteElement> | undefined;
  private modified = false;
  private domState: DomState | undefined;
  private lite: LiteState | undefined;
  /** Why the fast read path was not used (diagnostics and tests); undefined while it is. */
  private liteFallback: string | undefined;
  /** The main part's text as the fast reader accepted it (without BOM), for the edit tree. */
  private spliceSource: { source: string; bom: string; encoding: XmlEncoding; root: LiteElement } | undefined;
  private sdtIds: Set<number> | undefined;
  /** Rows inserted in this batch, by the row they were inserted after (keeps successive inserts in order). */
  private readonly insertedAfter = new WeakMap<Node, Element>();
  /** baocao's custom XML part as read (or last written), and its part name. */
  private dataCache: { value: DocumentData | undefined } | undefined;
  private dataPart: string | undefined;

  private constructor(private readonly pkg: DocxPackage) {}

  /**
   * Opens a .docx. The main part is checked completely here (a malformed or refused part throws
   * the same DocumentError as before), by the fast reader when it can, else by the DOM parser.
   */
  static open(bytes: Uint8Array, opts: { editTree?: boolean } = {}): OoxmlDocument {
    const pkg = DocxPackage.open(bytes);
    const doc = new OoxmlDocument(pkg);
    const name = pkg.mainPartName;
    const { text, encoding } = pkg.getText(name);
    refuseDoctype(text, name);
    const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
    const lite = parseLite(source, liteMaterializer(), name);
    if ('bail' in lite) {
      doc.liteFallback = `xml: ${lite.bail}`;
      doc.dom();
      return doc;
    }
    const root = lite.root;
    if (root.local !== 'document' || (root.ns !== W_NS && root.ns !== W_STRICT_NS)) throw notWordprocessing(name, root.qname);
    const body = root.kids?.find((c) => c.local === 'body' && c.ns === root.ns);
    if (!body) throw noBody();
    doc.lite = { body, view: new WView(liteOps, root.ns, body.prefix ?? '') };
    // `editTree: false` (tests) edits through xmldom, to compare both.
    if (opts.editTree !== false) doc.spliceSource = { source, bom: text.length > source.length ? '\uFEFF' : '', encoding, root };
    return doc;
  }

  /** The package, for callers that need other parts. */
  get package(): DocxPackage {
    return this.pkg;
  }

  /**
   * @internal Which read path the next read() takes: 'fast', 'edit tree' (after an edit of a
   * part the fast reader accepted), or 'dom: <reason>' (xmldom).
   */
  get readPath(): string {
    if (this.lite && !this.domState) return 'fast';
    if (this.domState?.splice) return this.liteFallback ? `edit tree: ${this.liteFallback}` : 'edit tree';
    return `dom: ${this.liteFallback ?? 'DOM already built'}`;
  }

  async read(): Promise<DocumentSnapshot> {
    return this.readSync();
  }

  async apply(edits: DocumentEdit[]): Promise<void> {
    this.applySync(edits);
  }

  save(): Uint8Array {
    const splice = this.domState?.splice;
    if (splice?.changed) this.pkg.setBytes(this.pkg.mainPartName, splice.toBytes());
    return this.pkg.save();
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  readSync(): DocumentSnapshot {
    const snapshot = this.readBodySync();
    const data = this.documentData();
    return data ? { ...snapshot, data } : snapshot;
  }

  /** baocao's custom XML part (template id, the drafter's fields); never throws. */
  documentData(): DocumentData | undefined {
    if (!this.dataCache) {
      let value: DocumentData | undefined;
      try {
        value = readDocumentData(this.pkg);
      } catch {
        value = { fields: [], problem: 'Phần dữ liệu baocao trong tài liệu không đọc được; tài liệu được đọc như không có số liệu tự thêm.' };
      }
      this.dataCache = { value };
    }
    return this.dataCache.value;
  }

  private readBodySync(): DocumentSnapshot {
    if (this.readPath === 'fast') {
      try {
        const model = readBody(this.lite!.view, this.lite!.body);
        this.liteSnapshot = model.snapshot;
        this.liteModel = model;
        this.model = undefined;
        return model.snapshot;
      } catch (e) {
        if (!(e instanceof NotMaterialized)) throw e;
        this.liteFallback = e.message;
      }
    }
    this.lite = undefined;
    this.liteSnapshot = undefined;
    this.liteModel = undefined;
    return this.readDom().snapshot;
  }

  /** Reads the DOM into the model used by edits. */
  private readDom(): Model<Element> {
    const dom = this.dom();
    this.model = readBody(dom.view, dom.body);
    return this.model;
  }

  /** @internal The fast path's snapshot and the DOM path's snapshot of the unmodified part (tests). */
  static compareReadPaths(bytes: Uint8Array): { path: string; fast?: DocumentSnapshot; dom: DocumentSnapshot } {
    const doc = OoxmlDocument.open(bytes);
    const path = doc.readPath;
    const fast = path === 'fast' ? doc.readBodySync() : undefined;
    const xmldom = doc.xmldomState();
    const dom = readBody(xmldom.view, xmldom.body).snapshot;
    return { path: fast ? 'fast' : doc.readPath, fast, dom };
  }

  /** @internal The edit tree's snapshot of the unmodified part (tests), or undefined without one. */
  static editTreeSnapshot(bytes: Uint8Array): DocumentSnapshot | undefined {
    const doc = OoxmlDocument.open(bytes);
    const state = doc.spliceState();
    return state ? readBody(state.view, state.body).snapshot : undefined;
  }

  /**
   * The tree edits work on, made on first need: the edit tree over the source when the fast
   * reader accepted the part, else the xmldom DOM.
   */
  private dom(): DomState {
    if (this.domState) return this.domState;
    this.domState = this.spliceState() ?? this.xmldomState();
    return this.domState;
  }

  /** The edit tree over the whole part (every element read), or undefined when not possible. */
  private spliceState(): DomState | undefined {
    const src = this.spliceSource;
    if (!src) return undefined;
    // The fast read's tree: leaves are read further when an edit reaches into them.
    const splice = new SplicePart(src.source, src.bom, src.root, src.encoding);
    const root = splice.root;
    const ns = root.namespaceURI!;
    let body: SElement | undefined;
    for (let c = root.firstChild; c; c = c.nextSibling) {
      if (c instanceof SElement && c.localName === 'body' && c.namespaceURI === ns) {
        body = c;
        break;
      }
    }
    if (!body) throw noBody();
    const attrPrefix = body.prefix || root.declaredPrefixFor(ns) || 'w';
    const asDom = (n: SElement): Element => n as unknown as Element;
    return {
      part: splice as unknown as EditPart,
      splice,
      body: asDom(body),
      view: new WView(domOps, ns, body.prefix ?? ''),
      attrPrefix,
    };
  }

  /** The xmldom DOM of the main part. */
  private xmldomState(): DomState {
    if (this.domState && !this.domState.splice) return this.domState;
    const part = this.pkg.mainDocument;
    const root = part.root;
    const ns = root.namespaceURI;
    if (root.localName !== 'document' || (ns !== W_NS && ns !== W_STRICT_NS)) throw notWordprocessing(this.pkg.mainPartName, root.tagName);
    const body = childElements(root).find((c) => c.localName === 'body' && c.namespaceURI === ns);
    if (!body) throw noBody();
    const wNs = body.namespaceURI ?? W_NS;
    // Any prefix, or none (a default namespace): new elements take the body's, and new
    // attributes a prefix bound to the namespace ('w' declared by the serializer when none is).
    const wPrefix = body.prefix ?? '';
    const attrPrefix = body.prefix || nonEmptyPrefix(root, wNs) || 'w';
    return { part, body, view: new WView(domOps, wNs, wPrefix), attrPrefix };
  }

  private get part(): EditPart {
    return this.dom().part;
  }

  private get body(): Element {
    return this.dom().body;
  }

  private get view(): WView<Element> {
    return this.dom().view;
  }

  private isW(el: Element, local?: string): boolean {
    return this.view.isW(el, local);
  }

  private wChild(el: Element, local: string): Element | undefined {
    return this.view.wChild(el, local);
  }

  private wVal(el: Element | undefined, name = 'val'): string | undefined {
    return this.view.wVal(el, name);
  }

  private walkInline(container: Element, sink: InlineSink<Element>): void {
    this.view.walkInline(container, sink);
  }

  private sdtProps(sdt: Element): SdtProps {
    return this.view.sdtProps(sdt);
  }

  // -------------------------------------------------------------------------------------------
  // Applying edits

  applySync(edits: DocumentEdit[]): void {
    const data = edits.filter((e): e is DataEdit => e.kind === 'data');
    const body = data.length ? edits.filter((e) => e.kind !== 'data') : edits;
    if (data.length > 1) throw new DocumentError('unsupported', 'Hai thay đổi phần dữ liệu baocao trong một lần ghi.', 'two data edits in one batch');
    // Body edits first: when they are refused, the part is not written either.
    if (body.length || !data.length) this.applyBody(body);
    const edit = data[0];
    if (edit) {
      this.dataPart = writeDocumentData(this.pkg, edit.data, this.dataPart ?? undefined);
      this.dataCache = { value: { ...(edit.data.template ? { template: edit.data.template } : {}), fields: edit.data.fields.map((f) => ({ ...f })) } };
    }
  }

  private applyBody(edits: DocumentEdit[]): void {
    // Nothing to validate or apply against a current snapshot (as before: no error, no change).
    if (edits.length === 0 && this.liteSnapshot) return;
    if (!this.model) {
      if (this.modified) {
        throw new DocumentError(
          'stale-edit',
          'Tài liệu đã được sửa sau lần đọc trước; hãy đọc lại tài liệu trước khi sửa tiếp.',
          'apply() after apply() without read()',
        );
      }
      const fast = this.liteSnapshot;
      const liteModel = this.liteModel;
      this.lite = undefined;
      this.liteSnapshot = undefined;
      this.liteModel = undefined;
      const state = this.dom();
      if (liteModel && state.splice) {
        // The edit tree stands on the very elements the fast snapshot was read from: the
        // snapshot's indices name them, and nodes are made only for what the edits reach.
        const tree = state.splice.doc;
        this.model = lazyModel(liteModel, (l) => tree.wrap(l) as unknown as Element);
      } else {
        const dom = this.readDom();
        // The edit indices were computed on the fast path's snapshot: they must mean the same
        // elements in the DOM. They always do (same walk, tested on the corpus); if they ever
        // did not, refuse rather than edit the wrong element (the next read() uses the DOM).
        if (fast && !sameSnapshot(fast, dom.snapshot)) throw this.readPathsDisagree();
      }
    }
    const model = this.model!;
    const ops: PlannedOp[] = [];
    const claims: Claim[] = [];
    // Phase 1: validate and plan everything against the unmodified DOM.
    edits.forEach((edit, i) => {
      switch (edit.kind) {
        case 'control':
          this.planControl(model, edit, ops, claims);
          break;
        case 'cell':
          this.planCell(model, edit, ops, claims);
          break;
        case 'paragraph':
          this.planParagraph(model, edit, ops, claims);
          break;
        case 'insert-row':
          this.planInsertRow(model, edit, ops, claims, i);
          break;
        case 'delete-row':
          this.planDeleteRow(model, edit, ops, claims);
          break;
        case 'wrap':
          this.planWrap(model, edit, ops, claims);
          break;
        default:
          throw new DocumentError('unsupported', 'Loại sửa đổi không được hỗ trợ.', JSON.stringify(edit));
      }
    });
    this.checkConflicts(claims);
    if (ops.length === 0) return;
    // Phase 2: apply. Span operations first, by descending start within each paragraph, so that
    // earlier offsets stay valid; then whole-content replacements; then inserted rows; then
    // deleted rows (an inserted row may copy or follow a row that goes).
    this.part.prepareForEdit();
    const sorted = ops
      .map((op, i) => ({ op, i }))
      .sort((a, b) => a.op.order - b.op.order || b.op.start - a.op.start || a.i - b.i);
    for (const { op } of sorted) op.run();
    this.model = undefined;
    this.modified = true;
  }

  /** The fast snapshot and the tree being edited disagree: refuse; later reads use that tree. */
  private readPathsDisagree(): DocumentError {
    this.model = undefined;
    this.lite = undefined;
    this.liteFallback = 'fast and DOM snapshots differ';
    return new DocumentError(
      'stale-edit',
      'Không đối chiếu được sửa đổi với nội dung tài liệu; hãy đọc lại tài liệu rồi sửa lại.',
      'fast and DOM read paths disagree',
    );
  }

  private mark(n: Node): void {
    this.part.markDirty(n);
  }

  private stale(what: string): DocumentError {
    return new DocumentError(
      'stale-edit',
      `Sửa đổi không khớp với tài liệu hiện tại (${what}); hãy đọc lại tài liệu.`,
      what,
    );
  }

  private controlName(props: SdtProps): string {
    return props.title || props.tag || 'không tên';
  }

  private lockedError(props: SdtProps): DocumentError {
    return new DocumentError(
      'control-locked',
      `Điều khiển nội dung "${this.controlName(props)}" bị khoá nội dung nên không thể sửa.`,
      `${props.tag}|${props.title}|${props.lock}`,
    );
  }

  private isContentLocked(props: SdtProps): boolean {
    return props.lock === 'contentLocked' || props.lock === 'sdtContentLocked';
  }

  /** Refuses when an ancestor control of `node` locks its content. */
  private checkAncestors(node: Node): void {
    for (let n: Node | null = node.parentNode; n && n !== this.body; n = n.parentNode) {
      if (isEl(n) && this.isW(n, 'sdt')) {
        const props = this.sdtProps(n);
        if (this.isContentLocked(props)) throw this.lockedError(props);
      }
    }
  }

  /** Refuses when a control inside `container` is locked in any way (its content would be replaced). */
  private checkNoLockedInside(container: Element): void {
    const stack: Element[] = childElements(container);
    while (stack.length) {
      const el = stack.pop()!;
      if (this.isW(el, 'sdt')) {
        const props = this.sdtProps(el);
        if (props.lock !== 'none') throw this.lockedError(props);
      }
      pushAll(stack, childElements(el));
    }
  }

  private paragraphSink(p: Element): InlineSink<Element> {
    const sink: InlineSink<Element> = { text: '', atoms: [], sdts: [] };
    this.walkInline(p, sink);
    return sink;
  }

  /** Refuses a span edit [start, end) of a paragraph that touches a content-locked control. */
  private checkSpanLocks(p: Element, sink: InlineSink<Element>, start: number, end: number): void {
    this.checkAncestors(p);
    for (const r of sink.sdts) {
      const touches = start === end ? r.start <= start && start <= r.end : r.start < end && start < r.end;
      if (!touches) continue;
      const props = this.sdtProps(r.sdt);
      if (this.isContentLocked(props)) throw this.lockedError(props);
    }
  }

  private planParagraph(model: Model<Element>, edit: ParagraphEdit, ops: PlannedOp[], claims: Claim[]): void {
    const ref = model.blocks[edit.blockIndex];
    if (!ref || ref.rows) throw this.stale(`khối ${edit.blockIndex} không phải là đoạn văn`);
    const p = ref.el;
    const sink = this.paragraphSink(p);
    this.checkSameText(model, edit.blockIndex, sink.text);
    if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end) && 0 <= edit.start && edit.start <= edit.end && edit.end <= sink.text.length)) {
      throw this.stale(`vị trí ${edit.start}–${edit.end} nằm ngoài đoạn văn ${edit.blockIndex}`);
    }
    this.checkSpanLocks(p, sink, edit.start, edit.end);
    claims.push({ kind: 'range', p, start: edit.start, end: edit.end });
    ops.push({ order: 0, start: edit.start, run: () => this.replaceInParagraph(p, edit.start, edit.end, edit.text) });
  }

  /** The paragraph the edit tree walks has the text the snapshot gave (the offsets mean it). */
  private checkSameText(model: Model<Element>, blockIndex: number, text: string): void {
    const block = model.snapshot.blocks[blockIndex];
    if (block?.type === 'paragraph' && block.text !== text) throw this.readPathsDisagree();
  }

  private planCell(model: Model<Element>, edit: CellEdit, ops: PlannedOp[], claims: Claim[]): void {
    const table = model.blocks[edit.tableIndex];
    if (!table?.rows) throw this.stale(`khối ${edit.tableIndex} không phải là bảng`);
    const row = table.rows[edit.rowIndex];
    if (!row) throw this.stale(`bảng ${edit.tableIndex} không có hàng ${edit.rowIndex}`);
    const tc = row.cells[edit.cellIndex];
    if (!tc) throw this.stale(`hàng ${edit.rowIndex} của bảng ${edit.tableIndex} không có ô ${edit.cellIndex}`);
    this.checkAncestors(tc);
    if (!edit.find) {
      this.checkNoLockedInside(tc);
      claims.push({ kind: 'element', el: tc });
      // An empty cell has no run to take formatting from: its paragraph mark, else its column's.
      const columnRPr = currentCellText(model, edit) === '' ? this.columnRunRPr(model, edit.tableIndex, edit.rowIndex, edit.cellIndex) : undefined;
      ops.push({ order: 1, start: 0, run: () => this.setBlocksText(tc, edit.text, columnRPr) });
      return;
    }
    const segs = this.cellSegments(tc);
    const cellText = segs.map((s) => s.text).join('\n');
    const from = Math.max(0, edit.find.from | 0);
    const at = edit.find.text === '' ? -1 : cellText.indexOf(edit.find.text, from);
    if (at < 0) throw this.stale(`không tìm thấy "${edit.find.text}" trong ô (${edit.rowIndex}, ${edit.cellIndex}) của bảng ${edit.tableIndex}`);
    const end = at + edit.find.text.length;
    let offset = 0;
    for (const seg of segs) {
      const segEnd = offset + seg.text.length;
      if (at >= offset && end <= segEnd) {
        const p = seg.p;
        if (!p) break;
        const s = at - offset;
        const e = end - offset;
        const sink = this.paragraphSink(p);
        this.checkSpanLocks(p, sink, s, e);
        claims.push({ kind: 'range', p, start: s, end: e });
        ops.push({ order: 0, start: s, run: () => this.replaceInParagraph(p, s, e, edit.text) });
        return;
      }
      offset = segEnd + 1;
    }
    throw new DocumentError(
      'unsupported',
      `Không thể thay "${edit.find.text}" trong ô (${edit.rowIndex}, ${edit.cellIndex}) của bảng ${edit.tableIndex}: đoạn cần thay vắt qua nhiều đoạn văn hoặc nằm trong bảng lồng.`,
      'find match spans several paragraphs',
    );
  }

  /** The cell's text as a list of segments joined by "\n": paragraphs and nested tables. */
  private cellSegments(container: Element): Array<{ p?: Element; text: string }> {
    const out: Array<{ p?: Element; text: string }> = [];
    for (const c of childElements(container)) {
      if (!this.isW(c)) continue;
      if (c.localName === 'p') {
        const sink: InlineSink<Element> = { text: '', atoms: null, sdts: [] };
        this.walkInline(c, sink);
        out.push({ p: c, text: sink.text });
      } else if (c.localName === 'tbl') {
        out.push({ text: new Walker(this.view, emptyModel<Element>()).tableText(c) });
      } else if (c.localName === 'sdt') {
        const content = this.wChild(c, 'sdtContent');
        if (content) pushAll(out, this.cellSegments(content));
      } else if (c.localName === 'customXml') {
        pushAll(out, this.cellSegments(c));
      }
    }
    return out;
  }

  private planControl(model: Model<Element>, edit: ControlEdit, ops: PlannedOp[], claims: Claim[]): void {
    const ref = model.controls[edit.controlIndex];
    if (!ref) {
      throw new DocumentError(
        'control-missing',
        `Không tìm thấy điều khiển nội dung số ${edit.controlIndex} trong tài liệu.`,
        `control ${edit.controlIndex}`,
      );
    }
    const props = this.sdtProps(ref.sdt);
    if (this.isContentLocked(props)) throw this.lockedError(props);
    this.checkAncestors(ref.sdt);
    const content = this.wChild(ref.sdt, 'sdtContent');
    if (props.kind === 'checkBox' || props.kind === 'other' || ref.level === 'row') {
      const why =
        props.kind === 'checkBox' ? 'ô đánh dấu' : props.kind === 'other' ? 'loại điều khiển không chứa văn bản thường' : 'điều khiển bao cả hàng bảng';
      throw new DocumentError(
        'unsupported',
        `Không thể ghi văn bản vào điều khiển "${this.controlName(props)}" (${why}).`,
        `${props.kind}/${ref.level}`,
      );
    }
    // Nested controls (locked or not) are not touched: the edit replaces the control's own text.
    claims.push({ kind: 'element', el: ref.sdt, control: true });
    ops.push({ order: 1, start: 0, run: () => this.writeControl(ref, edit.text, edit.placeholder === true) });
  }

  private planInsertRow(model: Model<Element>, edit: InsertRowEdit, ops: PlannedOp[], claims: Claim[], seq: number): void {
    const table = model.blocks[edit.tableIndex];
    if (!table?.rows) throw this.stale(`khối ${edit.tableIndex} không phải là bảng`);
    const template = table.rows[edit.templateRowIndex];
    const after = table.rows[edit.afterRowIndex];
    if (!template) throw this.stale(`bảng ${edit.tableIndex} không có hàng mẫu ${edit.templateRowIndex}`);
    if (!after) throw this.stale(`bảng ${edit.tableIndex} không có hàng ${edit.afterRowIndex}`);
    if (edit.cells.length > template.cells.length) {
      throw new DocumentError(
        'unsupported',
        `Hàng mẫu chỉ có ${template.cells.length} ô nhưng cần ghi ${edit.cells.length} ô.`,
        'too many cells for template row',
      );
    }
    this.checkAncestors(after.tr);
    for (const tc of template.cells) this.checkNoLockedInside(tc);
    ops.push({ order: 2, start: -seq, run: () => this.insertRow(template.tr, after.tr, edit.cells) });
  }

  private planDeleteRow(model: Model<Element>, edit: DeleteRowEdit, ops: PlannedOp[], claims: Claim[]): void {
    const table = model.blocks[edit.tableIndex];
    const block = model.snapshot.blocks[edit.tableIndex];
    if (!table?.rows || block?.type !== 'table') throw this.stale(`khối ${edit.tableIndex} không phải là bảng`);
    const row = table.rows[edit.rowIndex];
    if (!row) throw this.stale(`bảng ${edit.tableIndex} không có hàng ${edit.rowIndex}`);
    const problem = rowDeletionProblem(block, edit.rowIndex);
    if (problem) throw new DocumentError('unsupported', `Không thể xóa hàng ${edit.rowIndex + 1} của bảng: ${problem}. Chưa xóa gì.`, problem);
    this.checkAncestors(row.tr);
    // A control around the row or inside it would go with it: a bound figure losing its place.
    const around: Element[] = [];
    for (let n: Node | null = row.tr.parentNode; n && n !== table.el; n = n.parentNode) if (isEl(n) && this.isW(n, 'sdt')) around.push(n);
    const controls = [...around, ...this.descendants(row.tr, 'sdt')];
    if (controls.length > 0) {
      const names = controls.map((c) => `"${this.controlName(this.sdtProps(c))}"`);
      throw new DocumentError(
        'control-in-row',
        `Không thể xóa hàng ${edit.rowIndex + 1} của bảng: hàng có ô nhập liệu ${names.join(', ')}, xóa hàng sẽ làm mất ô nhập liệu này. Chưa xóa gì.`,
        names.join('\n'),
      );
    }
    claims.push({ kind: 'element', el: row.tr });
    ops.push({ order: 3, start: 0, run: () => this.remove(row.tr) });
  }

  private planWrap(model: Model<Element>, edit: WrapEdit, ops: PlannedOp[], claims: Claim[]): void {
    const ref = model.blocks[edit.blockIndex];
    if (!ref || ref.rows) throw this.stale(`khối ${edit.blockIndex} không phải là đoạn văn`);
    const p = ref.el;
    const sink = this.paragraphSink(p);
    this.checkSameText(model, edit.blockIndex, sink.text);
    if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end) && 0 <= edit.start && edit.start < edit.end && edit.end <= sink.text.length)) {
      throw this.stale(`vị trí ${edit.start}–${edit.end} không hợp lệ để bọc trong đoạn văn ${edit.blockIndex}`);
    }
    this.checkSpanLocks(p, sink, edit.start, edit.end);
    const atoms = sink.atoms!;
    const first = atoms.find((a) => a.start <= edit.start && edit.start < a.end)!;
    const last = atoms.find((a) => a.start < edit.end && edit.end <= a.end)!;
    if (first.run.parentNode !== last.run.parentNode) {
      throw new DocumentError(
        'unsupported',
        'Không thể bọc đoạn văn bản này trong điều khiển nội dung: vùng chọn cắt ngang một siêu liên kết, trường hoặc điều khiển khác.',
        'wrap boundaries in different containers',
      );
    }
    // Complex fields must not be cut by the new control.
    let depth = 0;
    for (let n: Node | null = first.run; n; n = n.nextSibling) {
      if (isEl(n)) {
        for (const fc of this.descendants(n, 'fldChar')) {
          const t = this.wVal(fc, 'fldCharType');
          if (t === 'begin') depth++;
          else if (t === 'end') depth--;
          if (depth < 0) break;
        }
      }
      if (n === last.run || depth < 0) break;
    }
    if (depth !== 0) {
      throw new DocumentError(
        'unsupported',
        'Không thể bọc đoạn văn bản này trong điều khiển nội dung: vùng chọn cắt ngang một trường (field).',
        'wrap cuts a complex field',
      );
    }
    claims.push({ kind: 'range', p, start: edit.start, end: edit.end });
    ops.push({ order: 0, start: edit.start, run: () => this.wrap(p, edit.start, edit.end, edit.tag, edit.title) });
  }

  /** Descendants named `local`; with `ownOnly`, not inside nested controls or tables. */
  private descendants(el: Element, local: string, ownOnly = false): Element[] {
    const out: Element[] = [];
    const stack = [el];
    while (stack.length) {
      const e = stack.pop()!;
      if (e !== el && this.isW(e, local)) out.push(e);
      if (ownOnly && e !== el && (this.isW(e, 'sdt') || this.isW(e, 'tbl'))) continue;
      pushAll(stack, childElements(e));
    }
    if (this.isW(el, local)) out.push(el);
    return out;
  }

  /**
   * Refuses a batch whose edits overlap: two spans of one paragraph that overlap (or touch, for
   * an insertion), two elements one inside the other (except two controls: each edits only its
   * own text), a span inside a claimed element. Linear in the claims times the tree depth.
   */
  private checkConflicts(claims: Claim[]): void {
    const conflict = (): DocumentError =>
      new DocumentError('unsupported', 'Các sửa đổi trong cùng một lần chồng lấn nhau; hãy tách thành nhiều lần.', 'overlapping edits');
    const ranges = new Map<Element, Array<{ start: number; end: number }>>();
    const elements = new Map<Element, { control: boolean; count: number }>();
    for (const c of claims) {
      if (c.kind === 'range') {
        let list = ranges.get(c.p);
        if (!list) ranges.set(c.p, (list = []));
        list.push({ start: c.start, end: c.end });
      } else {
        const known = elements.get(c.el);
        if (known) known.count++;
        else elements.set(c.el, { control: c.control === true, count: 1 });
      }
    }
    for (const list of ranges.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          const point = a.start === a.end || b.start === b.end;
          if (point ? a.start <= b.end && b.start <= a.end : a.start < b.end && b.start < a.end) throw conflict();
        }
      }
    }
    for (const [el, info] of elements) {
      if (info.count > 1) throw conflict();
      for (let n: Node | null = el.parentNode; n; n = n.parentNode) {
        const outer = elements.get(n as Element);
        if (outer && !(outer.control && info.control)) throw conflict();
      }
    }
    for (const p of ranges.keys()) {
      for (let n: Node | null = p; n; n = n.parentNode) if (elements.has(n as Element)) throw conflict();
    }
  }

  // --- mutations -------------------------------------------------------------------------------

  private w(local: string): Element {
    const prefix = this.view.wPrefix;
    return this.part.doc.createElementNS(this.view.wNs, prefix ? `${prefix}:${local}` : local);
  }

  private setWVal(el: Element, value: string, name = 'val'): void {
    el.setAttributeNS(this.view.wNs, `${this.dom().attrPrefix}:${name}`, value);
  }

  private setT(t: Element, text: string): void {
    t.textContent = text;
    if (/^\s|\s$|\s\s|\t|\n/.test(text)) t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    this.mark(t);
  }

  private insertBefore(parent: Node, node: Node, ref: Node | null): void {
    parent.insertBefore(node, ref);
    this.mark(parent);
  }

  private remove(node: Node): void {
    const parent = node.parentNode;
    if (!parent) return;
    parent.removeChild(node);
    this.mark(parent);
  }

  /** New run content for a text: w:t pieces with w:tab for "\t" and w:br for "\n". */
  private contentNodes(text: string): Element[] {
    const out: Element[] = [];
    for (const piece of text.split(/(\t|\r\n|\n)/)) {
      if (piece === '') continue;
      if (piece === '\t') out.push(this.w('tab'));
      else if (piece === '\n' || piece === '\r\n') out.push(this.w('br'));
      else {
        const t = this.w('t');
        this.setT(t, piece);
        out.push(t);
      }
    }
    return out;
  }

  private cleanRPr(rPr: Element | undefined): Element | undefined {
    if (!rPr) return undefined;
    const clone = rPr.cloneNode(true) as Element;
    for (const c of childElements(clone)) {
      if (this.isW(c) && ['ins', 'del', 'moveFrom', 'moveTo', 'rPrChange'].includes(c.localName ?? '')) clone.removeChild(c);
    }
    return clone;
  }

  private newRun(rPr: Element | undefined, text: string): Element {
    const r = this.w('r');
    const pr = this.cleanRPr(rPr);
    if (pr) r.appendChild(pr);
    for (const n of this.contentNodes(text)) r.appendChild(n);
    return r;
  }

  private firstRunRPr(container: Element): Element | undefined {
    const first = this.firstDescendant(container, 'r');
    return first ? this.wChild(first, 'rPr') : undefined;
  }

  private firstDescendant(el: Element, local: string, skipTables = false): Element | undefined {
    for (const c of childElements(el)) {
      if (this.isW(c, local)) return c;
      if (skipTables && this.isW(c, 'tbl')) continue;
      const found = this.firstDescendant(c, local, skipTables);
      if (found) return found;
    }
    return undefined;
  }

  /** Replaces [start, end) of a paragraph-like container's text; see replaceAtoms. */
  private replaceInParagraph(p: Element, start: number, end: number, text: string): void {
    const sink = this.paragraphSink(p);
    const pPr = this.wChild(p, 'pPr');
    this.replaceAtoms(p, sink.atoms!, start, end, text, pPr ? this.wChild(pPr, 'rPr') : undefined);
  }

  /**
   * Replaces the text [start, end) described by `atoms` with `text`. The new text goes where the
   * replaced text starts (so it takes that run's formatting); other overlapped text is removed,
   * and runs left without content are removed. Markup outside the range is untouched.
   */
  private replaceAtoms(container: Element, atoms: Array<Atom<Element>>, start: number, end: number, text: string, fallbackRPr: Element | undefined): void {
    let anchor: Atom<Element> | undefined;
    if (start < end) anchor = atoms.find((a) => a.start <= start && start < a.end);
    else {
      for (const a of atoms) if (a.end === start) anchor = a;
      anchor ??= atoms.find((a) => a.start === start);
    }
    const touchedRuns = new Set<Element>();
    // Remove overlapped text, last atom first.
    for (let i = atoms.length - 1; i >= 0; i--) {
      const a = atoms[i]!;
      if (a === anchor) continue;
      if (!(a.start < end && start < a.end)) continue;
      touchedRuns.add(a.run);
      if (a.isText) {
        const data = textOf(a.el);
        const from = Math.max(start, a.start) - a.start;
        const to = Math.min(end, a.end) - a.start;
        const rest = data.slice(0, from) + data.slice(to);
        if (rest === '') this.remove(a.el);
        else this.setT(a.el, rest);
      } else {
        this.remove(a.el);
      }
    }
    if (anchor) {
      touchedRuns.add(anchor.run);
      const simple = !/[\t\n]/.test(text);
      if (anchor.isText) {
        const data = textOf(anchor.el);
        const from = start - anchor.start;
        const to = Math.min(end, anchor.end) - anchor.start;
        if (simple) {
          const next = data.slice(0, from) + text + data.slice(to);
          if (next === '') this.remove(anchor.el);
          else this.setT(anchor.el, next);
        } else {
          const before = data.slice(0, from);
          const after = data.slice(to);
          const run = anchor.run;
          const ref = anchor.el.nextSibling;
          const nodes = this.contentNodes(text);
          if (after !== '') {
            const tAfter = anchor.el.cloneNode(false) as Element;
            this.setT(tAfter, after);
            nodes.push(tAfter);
          }
          for (const n of nodes) this.insertBefore(run, n, ref);
          if (before === '') this.remove(anchor.el);
          else this.setT(anchor.el, before);
        }
      } else {
        // A tab/break atom: insert before it (replacing) or after it (pure insertion at its end).
        const run = anchor.run;
        const covered = anchor.start < end && start < anchor.end;
        const ref = covered || anchor.start === start ? anchor.el : anchor.el.nextSibling;
        for (const n of this.contentNodes(text)) this.insertBefore(run, n, ref);
        if (covered) this.remove(anchor.el);
      }
    } else if (text !== '') {
      // No text at all in the container: a new run with the container's first run formatting.
      const rPr = this.firstRunRPr(container) ?? fallbackRPr;
      this.insertBefore(container, this.newRun(rPr, text), null);
    }
    for (const run of touchedRuns) {
      const hasContent = childElements(run).some((c) => !this.isW(c, 'rPr'));
      if (!hasContent) this.remove(run);
    }
  }

  /** Sets the text of a block container (table cell or block-level control content). */
  /**
   * Run properties of the nearest cell of the same grid column (below first, then above; header
   * rows last) whose text has a run: null when that run has none (default formatting), undefined
   * when no such cell exists.
   */
  private columnRunRPr(model: Model<Element>, tableIndex: number, rowIndex: number, cellIndex: number): Element | null | undefined {
    const block = model.snapshot.blocks[tableIndex];
    const refs = model.blocks[tableIndex]?.rows;
    if (!block || block.type !== 'table' || !refs) return undefined;
    const gridStart = (r: number, i: number): number => {
      let g = 0;
      for (let k = 0; k < i; k++) g += block.rows[r]!.cells[k]!.span;
      return g;
    };
    const col = gridStart(rowIndex, cellIndex);
    const order: number[] = [];
    for (let d = 1; d < block.rows.length; d++) {
      if (rowIndex + d < block.rows.length) order.push(rowIndex + d);
      if (rowIndex - d >= 0) order.push(rowIndex - d);
    }
    order.sort((a, b) => Number(block.rows[a]!.header) - Number(block.rows[b]!.header));
    for (const r of order) {
      const row = block.rows[r]!;
      let g = 0;
      for (let i = 0; i < row.cells.length; i++) {
        const cell = row.cells[i]!;
        if (g === col && cell.span === block.rows[rowIndex]!.cells[cellIndex]!.span && cell.text.trim() !== '' && !cell.mergedUp) {
          const run = this.firstTextRun(refs[r]!.cells[i]!);
          if (run) return this.wChild(run, 'rPr') ?? null;
        }
        g += cell.span;
        if (g > col) break;
      }
    }
    return undefined;
  }

  /** The first run with text of a cell, in document order, outside nested tables. */
  private firstTextRun(tc: Element): Element | undefined {
    const stack: Element[] = childElements(tc).reverse();
    while (stack.length) {
      const el = stack.pop()!;
      if (this.isW(el, 'tbl')) continue;
      if (this.isW(el, 'r')) {
        const t = this.wChild(el, 't');
        if (t && textOf(t) !== '') return el;
        continue;
      }
      const kids = childElements(el);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return undefined;
  }

  /**
   * Sets the text of a block container. New runs take the formatting of the text they replace,
   * else of the paragraph mark, else `columnRPr` (null: none).
   */
  private setBlocksText(container: Element, text: string, columnRPr?: Element | null): void {
    const lines = text.split(/\r\n|\n/);
    let p0 = this.firstDescendant(container, 'p', true);
    if (!p0) {
      p0 = this.w('p');
      this.insertBefore(container, p0, null);
    }
    // Remove every other block (paragraphs, tables, controls) on the path to p0.
    this.pruneExcept(container, p0);
    const sink = this.paragraphSink(p0);
    const pPr = this.wChild(p0, 'pPr');
    const runRPr = sink.atoms![0] ? this.wChild(sink.atoms![0].run, 'rPr') : this.firstRunRPr(p0);
    const markRPr = (pPr ? this.wChild(pPr, 'rPr') : undefined) ?? columnRPr ?? undefined;
    this.replaceAtoms(p0, sink.atoms!, 0, sink.text.length, lines[0] ?? '', markRPr);
    let ref: Node | null = p0.nextSibling;
    const parent = p0.parentNode!;
    for (const line of lines.slice(1)) {
      const p = this.w('p');
      if (pPr) {
        const clone = pPr.cloneNode(true) as Element;
        for (const c of childElements(clone)) if (this.isW(c, 'sectPr') || this.isW(c, 'pPrChange')) clone.removeChild(c);
        p.appendChild(clone);
      }
      if (line !== '') p.appendChild(this.newRun(runRPr ?? markRPr, line));
      this.insertBefore(parent, p, ref);
      ref = p.nextSibling;
    }
  }

  private pruneExcept(container: Element, keep: Element): void {
    for (const c of childElements(container)) {
      if (!this.isW(c) || !BLOCK_CONTENT.has(c.localName ?? '')) continue;
      if (c === keep) continue;
      if (isAncestorOf(c, keep)) {
        if (this.isW(c, 'sdt')) {
          const content = this.wChild(c, 'sdtContent');
          if (content) this.pruneExcept(content, keep);
        } else {
          this.pruneExcept(c, keep);
        }
        continue;
      }
      this.remove(c);
    }
  }

  private clearPlaceholder(sdt: Element): void {
    const pr = this.wChild(sdt, 'sdtPr');
    const flag = pr ? this.wChild(pr, 'showingPlcHdr') : undefined;
    if (!pr || !flag) return;
    this.remove(flag);
    // Word styles placeholder text with the "PlaceholderText" character style; typed text drops it.
    const content = this.wChild(sdt, 'sdtContent');
    if (!content) return;
    for (const rPr of this.descendants(content, 'rPr', true)) {
      const rStyle = this.wChild(rPr, 'rStyle');
      if (rStyle && /placeholder/i.test(this.wVal(rStyle) ?? '')) this.remove(rStyle);
    }
  }

  /**
   * Shows the control's content as its placeholder: w:showingPlcHdr in sdtPr (in schema order,
   * after rPr/alias/tag/id/lock/placeholder/temporary) and the PlaceholderText run style.
   */
  private setPlaceholder(sdt: Element): void {
    let pr = this.wChild(sdt, 'sdtPr');
    if (!pr) {
      pr = this.w('sdtPr');
      this.insertBefore(sdt, pr, sdt.firstChild);
    }
    const before = new Set(['rPr', 'alias', 'tag', 'id', 'lock', 'placeholder', 'temporary']);
    const after = childElements(pr).find((c) => !(this.isW(c) && before.has(c.localName ?? '')));
    this.insertBefore(pr, this.w('showingPlcHdr'), after ?? null);
    const content = this.wChild(sdt, 'sdtContent');
    if (!content) return;
    for (const run of this.descendants(content, 'r', true)) {
      let rPr = this.wChild(run, 'rPr');
      if (!rPr) {
        rPr = this.w('rPr');
        this.insertBefore(run, rPr, run.firstChild);
      }
      const style = this.w('rStyle');
      this.setWVal(style, 'PlaceholderText');
      this.insertBefore(rPr, style, rPr.firstChild);
    }
  }

  private writeControl(ref: ControlRef<Element>, text: string, placeholder = false): void {
    const sdt = ref.sdt;
    this.clearPlaceholder(sdt);
    this.writeControlText(ref, text);
    if (placeholder) this.setPlaceholder(sdt);
  }

  private writeControlText(ref: ControlRef<Element>, text: string): void {
    const sdt = ref.sdt;
    let content = this.wChild(sdt, 'sdtContent');
    if (!content) {
      content = this.w('sdtContent');
      this.insertBefore(sdt, content, null);
    }
    const pr = this.wChild(sdt, 'sdtPr');
    const ctrlRPr = pr ? this.wChild(pr, 'rPr') : undefined;
    // Only the control's own text is replaced: nested controls and tables are kept as they are.
    if (ref.level === 'inline') {
      const sink: InlineSink<Element> = { text: '', atoms: [], sdts: [] };
      this.view.walkInline(content, sink, true);
      this.replaceAtoms(content, sink.atoms!, 0, sink.text.length, text, ctrlRPr);
    } else if (ref.level === 'block') {
      if (this.hasNested(content)) this.setOwnText(content, text, ctrlRPr);
      else this.setBlocksText(content, text);
    } else {
      // Cell level: one cell per "\t"-separated piece when the counts match, else all in the first.
      const cells = childElements(content).filter((c) => this.isW(c, 'tc'));
      const pieces = text.split('\t');
      cells.forEach((tc, i) => {
        const piece = pieces.length === cells.length ? pieces[i]! : i === 0 ? text : '';
        if (this.hasNested(tc)) this.setOwnText(tc, piece, ctrlRPr);
        else this.setBlocksText(tc, piece);
      });
    }
  }

  /** Whether a nested control or table is anywhere inside `container`. */
  private hasNested(container: Element): boolean {
    const stack: Element[] = childElements(container);
    while (stack.length) {
      const el = stack.pop()!;
      if (this.isW(el, 'sdt') || this.isW(el, 'tbl')) return true;
      pushAll(stack, childElements(el));
    }
    return false;
  }

  /**
   * The paragraphs of a block container that are its own: reached through custom XML only, not
   * through a nested control or table.
   */
  private ownParagraphs(container: Element): Element[] {
    const out: Element[] = [];
    const visit: Element[] = [container];
    while (visit.length) {
      const c = visit.shift()!;
      for (const el of childElements(c)) {
        if (this.isW(el, 'p')) out.push(el);
        else if (this.isW(el, 'customXml')) visit.push(el);
      }
    }
    return out;
  }

  /**
   * Writes `text` as the container's own text: into its first own paragraph (line breaks as
   * w:br), other own text removed (with paragraphs left empty), nested controls and tables kept.
   */
  private setOwnText(container: Element, text: string, ctrlRPr: Element | undefined): void {
    const paras = this.ownParagraphs(container);
    if (paras.length === 0) {
      if (text === '') return;
      const p = this.w('p');
      p.appendChild(this.newRun(ctrlRPr, text));
      let ref: Node | null = container.firstChild;
      while (ref && isEl(ref) && this.isW(ref as Element, 'tcPr')) ref = ref.nextSibling;
      this.insertBefore(container, p, ref);
      return;
    }
    paras.forEach((p, i) => {
      const sink: InlineSink<Element> = { text: '', atoms: [], sdts: [] };
      this.view.walkInline(p, sink, true);
      const pPr = this.wChild(p, 'pPr');
      const markRPr = pPr ? this.wChild(pPr, 'rPr') : undefined;
      this.replaceAtoms(p, sink.atoms!, 0, sink.text.length, i === 0 ? text : '', markRPr ?? ctrlRPr);
      if (i > 0 && childElements(p).every((c) => this.isW(c, 'pPr'))) this.remove(p);
    });
  }

  private ensureSdtIds(): Set<number> {
    if (!this.sdtIds) {
      const ids = new Set<number>();
      const stack: Element[] = [this.part.root];
      while (stack.length) {
        const el = stack.pop()!;
        if (this.isW(el, 'sdtPr')) {
          const id = this.wChild(el, 'id');
          const v = Number(this.wVal(id));
          if (Number.isFinite(v)) ids.add(v);
          continue;
        }
        pushAll(stack, childElements(el));
      }
      this.sdtIds = ids;
    }
    return this.sdtIds;
  }

  private newSdtId(): number {
    const ids = this.ensureSdtIds();
    let max = 0;
    for (const v of ids) if (v > max && v < 0x7fffffff) max = v;
    let id = max + 1;
    while (ids.has(id) || id >= 0x7fffffff) id = 1 + Math.floor(Math.random() * 0x7ffffffe);
    ids.add(id);
    return id;
  }

  private insertRow(templateTr: Element, afterTr: Element, cells: string[]): void {
    const clone = templateTr.cloneNode(true) as Element;
    // Identity markup must not be duplicated: bookmarks, paragraph ids, control ids.
    for (const name of ['bookmarkStart', 'bookmarkEnd']) for (const b of this.descendants(clone, name)) b.parentNode?.removeChild(b);
    const stack: Element[] = [clone];
    while (stack.length) {
      const el = stack.pop()!;
      if (el.getAttributeNS(W14_NS, 'paraId') !== null) el.removeAttributeNS(W14_NS, 'paraId');
      if (el.getAttributeNS(W14_NS, 'textId') !== null) el.removeAttributeNS(W14_NS, 'textId');
      if (this.isW(el, 'sdtPr')) {
        const id = this.wChild(el, 'id');
        if (id) this.setWVal(id, String(this.newSdtId()));
      }
      pushAll(stack, childElements(el));
    }
    const tcs = new Walker(this.view, emptyModel<Element>()).rowCells(clone);
    tcs.forEach((tc, i) => this.setBlocksText(tc, cells[i] ?? ''));
    // Successive inserts after the same row keep their order.
    let ref: Node | null = afterTr.nextSibling;
    while (ref && this.insertedAfter.get(ref) === afterTr) ref = ref.nextSibling;
    this.insertedAfter.set(clone, afterTr);
    this.insertBefore(afterTr.parentNode!, clone, ref);
  }

  private wrap(p: Element, start: number, end: number, tag: string, title: string): void {
    // Split at the end first, then at the start, so the atoms found stay valid.
    let sink = this.paragraphSink(p);
    const last = sink.atoms!.find((a) => a.start < end && end <= a.end)!;
    this.splitRun(last, end - last.start);
    sink = this.paragraphSink(p);
    const first = sink.atoms!.find((a) => a.start <= start && start < a.end)!;
    const lastRun = sink.atoms!.find((a) => a.start < end && end <= a.end)!.run;
    const firstRun = this.splitRun(first, start - first.start) ?? first.run;
    const endRun = lastRun === first.run ? firstRun : lastRun;
    const container = firstRun.parentNode!;
    const sdt = this.w('sdt');
    const pr = this.w('sdtPr');
    const alias = this.w('alias');
    this.setWVal(alias, title);
    const tagEl = this.w('tag');
    this.setWVal(tagEl, tag);
    const id = this.w('id');
    this.setWVal(id, String(this.newSdtId()));
    pr.appendChild(alias);
    pr.appendChild(tagEl);
    pr.appendChild(id);
    const content = this.w('sdtContent');
    sdt.appendChild(pr);
    sdt.appendChild(content);
    this.insertBefore(container, sdt, firstRun);
    let n: Node | null = firstRun;
    while (n) {
      const next: Node | null = n.nextSibling;
      this.remove(n);
      content.appendChild(n);
      if (n === endRun) break;
      n = next;
    }
  }

  /**
   * Splits the run of `atom` at `offset` characters into the atom. Returns the run that starts
   * at the split point (a new run), or undefined when the split point is at the start of the run's
   * content or at its end (no split needed).
   */
  private splitRun(atom: Atom<Element>, offset: number): Element | undefined {
    const run = atom.run;
    let boundary: Node | null;
    if (atom.isText && offset > 0 && offset < atom.end - atom.start) {
      const data = textOf(atom.el);
      const tail = atom.el.cloneNode(false) as Element;
      this.setT(tail, data.slice(offset));
      this.setT(atom.el, data.slice(0, offset));
      this.insertBefore(run, tail, atom.el.nextSibling);
      boundary = tail;
    } else {
      boundary = offset === 0 ? atom.el : atom.el.nextSibling;
    }
    if (!boundary) return undefined;
    let contentBefore = false;
    for (let c = boundary.previousSibling; c; c = c.previousSibling) {
      if (isEl(c) && !this.isW(c, 'rPr')) contentBefore = true;
    }
    if (!contentBefore) return undefined;
    const rest = run.cloneNode(false) as Element;
    const rPr = this.wChild(run, 'rPr');
    if (rPr) rest.appendChild(rPr.cloneNode(true));
    let n: Node | null = boundary;
    while (n) {
      const next: Node | null = n.nextSibling;
      run.removeChild(n);
      rest.appendChild(n);
      n = next;
    }
    this.mark(run);
    this.insertBefore(run.parentNode!, rest, run.nextSibling);
    return rest;
  }
}
