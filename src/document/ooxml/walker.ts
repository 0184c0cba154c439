/**
 * The read walk of a WordprocessingML body, written once for two tree representations:
 *  - the xmldom DOM (`domOps`), used by edits (apply) and as the fallback read path;
 *  - the lite tree of fastxml.ts (`liteOps`), used by the fast read path.
 *
 * Every rule that decides what a block, a row, a cell or a control is, and which text belongs to
 * a paragraph, lives here, so the two read paths cannot drift: they differ only in how they reach
 * children, attributes and character data. The lite tree holds only what this walk asks for (see
 * LITE_KIDS); asking for anything else throws NotMaterialized, and the reader falls back to the
 * DOM instead of returning a wrong answer.
 */
import type {
  ControlInfo,
  ControlKind,
  ControlLevel,
  ControlLock,
  ControlSpan,
  DocumentSnapshot,
  ParagraphBlock,
  TableBlock,
  TableRow,
} from '../types';
import { KEEP_KIDS, KEEP_TEXT, LiteElement, NotMaterialized, type Materialize } from './fastxml';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W_STRICT_NS = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const W14_NS = 'http://schemas.microsoft.com/office/word/2010/wordml';

/** Run-level containers whose runs count as paragraph text. */
export const INLINE_CONTAINERS = new Set(['hyperlink', 'smartTag', 'customXml', 'fldSimple', 'ins', 'moveTo', 'dir', 'bdo']);

// ---------------------------------------------------------------------------------------------
// Node access

/** How the walk reaches into a tree: element children, attributes, character data. */
export interface NodeOps<N> {
  ns(n: N): string | null;
  local(n: N): string;
  /** Element children, in document order. */
  kids(n: N): readonly N[];
  /** Element.getAttributeNS semantics (null when absent). */
  attrNS(n: N, ns: string, local: string): string | null;
  /** Element.getAttribute semantics (null when absent). */
  attr(n: N, qname: string): string | null;
  /** Concatenated text and CDATA children (not deeper descendants). */
  text(n: N): string;
}

/** Appends `items` to `out` one by one (a spread would hit the engine's argument limit). */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const x of items) out.push(x);
}

export function childElements(el: Node): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as Element);
  return out;
}

export function textOf(el: Element): string {
  let s = '';
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) s += (c as CharacterData).data;
  }
  return s;
}

export const domOps: NodeOps<Element> = {
  ns: (n) => n.namespaceURI,
  local: (n) => n.localName,
  kids: childElements,
  attrNS: (n, ns, local) => n.getAttributeNS(ns, local),
  attr: (n, qname) => n.getAttribute(qname),
  text: textOf,
};

export const liteOps: NodeOps<LiteElement> = {
  ns: (n) => n.ns,
  local: (n) => n.local,
  kids: (n) => n.kids ?? notMaterialized(n, 'children'),
  attrNS: (n, ns, local) => n.attrNS(ns, local),
  attr: (n, qname) => n.attr(qname),
  text: (n) => n.text ?? notMaterialized(n, 'text'),
};

function notMaterialized(n: LiteElement, what: string): never {
  throw new NotMaterialized(`${what} of ${n.qname}`);
}

/**
 * WordprocessingML elements whose element children the walk reads. Their children are kept in
 * the lite tree (as leaves unless listed here too); `w:t` keeps its character data.
 */
const LITE_KIDS = new Set([
  'document',
  'body',
  'p',
  'pPr',
  'r',
  'sdt',
  'sdtPr',
  'sdtContent',
  'tbl',
  'tr',
  'trPr',
  'tc',
  'tcPr',
  ...INLINE_CONTAINERS,
]);

/** The `materialize` policy for a main document part (the root decides the namespace). */
export function liteMaterializer(): Materialize {
  let wNs: string | null | undefined;
  return (ns, local) => {
    if (wNs === undefined) {
      // The root: only a WordprocessingML document is walked.
      wNs = local === 'document' && (ns === W_NS || ns === W_STRICT_NS) ? ns : null;
      return wNs === null ? 0 : KEEP_KIDS;
    }
    if (ns !== wNs) return 0;
    if (local === 't') return KEEP_TEXT;
    return LITE_KIDS.has(local) ? KEEP_KIDS : 0;
  };
}

// ---------------------------------------------------------------------------------------------
// WordprocessingML helpers over any tree

/** A character position in a paragraph's text: one w:t (several chars) or one special run child. */
export interface Atom<N> {
  el: N;
  run: N;
  start: number;
  end: number;
  isText: boolean;
}

export interface SdtRange<N> {
  sdt: N;
  start: number;
  end: number;
}

export interface InlineSink<N> {
  text: string;
  atoms: Array<Atom<N>> | null;
  sdts: Array<SdtRange<N>>;
}

export interface SdtProps {
  tag: string;
  title: string;
  kind: ControlKind;
  lock: ControlLock;
  showingPlaceholder: boolean;
}

export class WView<N> {
  constructor(
    readonly ops: NodeOps<N>,
    readonly wNs: string,
    /** The body's prefix ('' for a default namespace): new elements and the `prefix:val` fallback. */
    readonly wPrefix: string,
  ) {}

  isW(el: N, local?: string): boolean {
    return this.ops.ns(el) === this.wNs && (local === undefined || this.ops.local(el) === local);
  }

  wChild(el: N, local: string): N | undefined {
    for (const c of this.ops.kids(el)) {
      if (this.ops.local(c) === local && this.ops.ns(c) === this.wNs) return c;
    }
    return undefined;
  }

  wVal(el: N | undefined, name = 'val'): string | undefined {
    if (el === undefined) return undefined;
    const v = this.ops.attrNS(el, this.wNs, name);
    if (v !== null && v !== '') return v;
    // An attribute written with the body's prefix (or, without one, bare) but not in the namespace.
    const alt = this.ops.attr(el, this.wPrefix ? `${this.wPrefix}:${name}` : name);
    return alt === null ? undefined : alt;
  }

  /** On/off property: present without val, or val true/1/on. */
  wFlag(el: N | undefined): boolean {
    if (el === undefined) return false;
    const v = this.wVal(el);
    return v === undefined || !/^(false|0|off)$/i.test(v);
  }

  /**
   * Text of a paragraph-like container; atoms only when asked for (edits). With `ownOnly`, the
   * content of nested controls is left out (a control edit replaces its own text only).
   */
  walkInline(container: N, sink: InlineSink<N>, ownOnly = false): void {
    for (const el of this.ops.kids(container)) {
      if (this.ops.ns(el) !== this.wNs) continue;
      const name = this.ops.local(el);
      if (name === 'r') {
        this.walkRun(el, sink);
      } else if (name === 'sdt') {
        if (ownOnly) continue;
        const range: SdtRange<N> = { sdt: el, start: sink.text.length, end: -1 };
        sink.sdts.push(range);
        const content = this.wChild(el, 'sdtContent');
        if (content !== undefined) this.walkInline(content, sink);
        range.end = sink.text.length;
      } else if (INLINE_CONTAINERS.has(name)) {
        this.walkInline(el, sink, ownOnly);
      }
    }
  }

  private walkRun(run: N, sink: InlineSink<N>): void {
    for (const el of this.ops.kids(run)) {
      if (this.ops.ns(el) !== this.wNs) continue;
      let add: string | undefined;
      let isText = false;
      switch (this.ops.local(el)) {
        case 't':
          add = this.ops.text(el);
          isText = true;
          break;
        case 'tab':
        case 'ptab':
          add = '\t';
          break;
        case 'br':
        case 'cr':
          add = '\n';
          break;
        case 'noBreakHyphen':
          add = '-';
          break;
        default:
          break;
      }
      if (add === undefined) continue;
      if (sink.atoms) sink.atoms.push({ el, run, start: sink.text.length, end: sink.text.length + add.length, isText });
      sink.text += add;
    }
  }

  sdtProps(sdt: N): SdtProps {
    const pr = this.wChild(sdt, 'sdtPr');
    let kind: ControlKind = 'richText';
    let lock: ControlLock = 'none';
    let tag = '';
    let title = '';
    let showingPlaceholder = false;
    if (pr !== undefined) {
      for (const c of this.ops.kids(pr)) {
        const ns = this.ops.ns(c);
        const name = this.ops.local(c);
        if (ns === this.wNs) {
          switch (name) {
            case 'tag':
              tag = this.wVal(c) ?? '';
              break;
            case 'alias':
              title = this.wVal(c) ?? '';
              break;
            case 'lock': {
              const v = this.wVal(c);
              if (v === 'sdtLocked' || v === 'contentLocked' || v === 'sdtContentLocked') lock = v;
              break;
            }
            case 'showingPlcHdr':
              showingPlaceholder = this.wFlag(c);
              break;
            case 'text':
              kind = 'plainText';
              break;
            case 'date':
              kind = 'date';
              break;
            case 'dropDownList':
              kind = 'dropDown';
              break;
            case 'comboBox':
              kind = 'comboBox';
              break;
            case 'richText':
              kind = 'richText';
              break;
            case 'picture':
            case 'docPartObj':
            case 'docPartList':
            case 'group':
            case 'citation':
            case 'bibliography':
            case 'equation':
              kind = 'other';
              break;
            default:
              break;
          }
        } else if (ns === W14_NS && name === 'checkbox') {
          kind = 'checkBox';
        } else if (name === 'repeatingSection' || name === 'repeatingSectionItem') {
          kind = 'other';
        }
      }
    }
    return { tag, title, kind, lock, showingPlaceholder };
  }
}

// ---------------------------------------------------------------------------------------------
// The read walk

export interface RowRef<N> {
  tr: N;
  cells: N[];
}

export interface BlockRef<N> {
  el: N;
  rows?: Array<RowRef<N>>;
}

export interface ControlRef<N> {
  sdt: N;
  level: ControlLevel;
  props: SdtProps;
  /** The body paragraph holding an inline control (not set for inline controls in tables). */
  paragraph?: N;
}

/** A snapshot and, index for index, the elements its blocks, rows, cells and controls come from. */
export interface Model<N> {
  snapshot: DocumentSnapshot;
  blocks: Array<BlockRef<N>>;
  controls: Array<ControlRef<N>>;
}

export function emptyModel<N>(): Model<N> {
  return { snapshot: { blocks: [], controls: [] }, blocks: [], controls: [] };
}

/** Reads the body into a model. */
export function readBody<N>(view: WView<N>, body: N): Model<N> {
  const model = emptyModel<N>();
  new Walker(view, model).blockContainer(body, undefined);
  return model;
}

interface RowOut<N> {
  row: TableRow;
  ref: RowRef<N>;
  text: string;
}

export class Walker<N> {
  private readonly ops: NodeOps<N>;

  constructor(
    private readonly view: WView<N>,
    private readonly model: Model<N>,
  ) {
    this.ops = view.ops;
  }

  private register(sdt: N, level: ControlLevel, blockIndex: number, paragraph?: N): ControlInfo {
    const props = this.view.sdtProps(sdt);
    const info: ControlInfo = {
      index: this.model.snapshot.controls.length,
      tag: props.tag,
      title: props.title,
      text: '',
      kind: props.kind,
      level,
      lock: props.lock,
      showingPlaceholder: props.showingPlaceholder,
      blockIndex,
    };
    this.model.snapshot.controls.push(info);
    this.model.controls.push({ sdt, level, props, paragraph });
    return info;
  }

  /**
   * Walks block-level content. `tableIndex` is set inside tables: no blocks are emitted there and
   * controls point at the table. Returns the text of each (flattened) block.
   */
  blockContainer(container: N, tableIndex: number | undefined): string[] {
    const texts: string[] = [];
    for (const el of this.ops.kids(container)) {
      if (!this.view.isW(el)) continue;
      switch (this.ops.local(el)) {
        case 'p':
          texts.push(this.paragraph(el, tableIndex));
          break;
        case 'tbl':
          texts.push(this.table(el, tableIndex));
          break;
        case 'sdt': {
          const info = this.register(el, 'block', tableIndex ?? this.model.snapshot.blocks.length);
          const content = this.view.wChild(el, 'sdtContent');
          const inner = content !== undefined ? this.blockContainer(content, tableIndex) : [];
          info.text = inner.join('\n');
          pushAll(texts, inner);
          break;
        }
        case 'customXml':
          pushAll(texts, this.blockContainer(el, tableIndex));
          break;
        default:
          break;
      }
    }
    return texts;
  }

  private paragraph(p: N, tableIndex: number | undefined): string {
    const sink: InlineSink<N> = { text: '', atoms: null, sdts: [] };
    let block: ParagraphBlock | undefined;
    const index = tableIndex ?? this.model.snapshot.blocks.length;
    if (tableIndex === undefined) {
      block = { type: 'paragraph', index, text: '', spans: [] };
      const pPr = this.view.wChild(p, 'pPr');
      const style = this.view.wVal(pPr !== undefined ? this.view.wChild(pPr, 'pStyle') : undefined);
      if (style) block.style = style;
      this.model.snapshot.blocks.push(block);
      this.model.blocks.push({ el: p });
    }
    this.view.walkInline(p, sink);
    const spans: ControlSpan[] = [];
    for (const r of sink.sdts) {
      const info = this.register(r.sdt, 'inline', index, block ? p : undefined);
      info.text = sink.text.slice(r.start, r.end);
      spans.push({ controlIndex: info.index, start: r.start, end: r.end });
    }
    if (block) {
      block.text = sink.text;
      block.spans = spans;
    }
    return sink.text;
  }

  private table(tbl: N, outerTable: number | undefined): string {
    const topLevel = outerTable === undefined;
    const index = outerTable ?? this.model.snapshot.blocks.length;
    let block: TableBlock | undefined;
    let ref: BlockRef<N> | undefined;
    if (topLevel) {
      block = { type: 'table', index, rows: [] };
      ref = { el: tbl, rows: [] };
      this.model.snapshot.blocks.push(block);
      this.model.blocks.push(ref);
    }
    const rows: Array<RowOut<N>> = [];
    this.rows(tbl, index, rows);
    if (block && ref) {
      block.rows = rows.map((r) => r.row);
      ref.rows = rows.map((r) => r.ref);
    }
    return rows.map((r) => r.text).join('\n');
  }

  /** Plain text of a table (nested tables inside cells). */
  tableText(tbl: N): string {
    const rows: Array<RowOut<N>> = [];
    this.rows(tbl, 0, rows);
    return rows.map((r) => r.text).join('\n');
  }

  private rows(container: N, tableIndex: number, out: Array<RowOut<N>>): void {
    for (const el of this.ops.kids(container)) {
      if (!this.view.isW(el)) continue;
      const name = this.ops.local(el);
      if (name === 'tr') {
        out.push(this.row(el, tableIndex));
      } else if (name === 'sdt') {
        const info = this.register(el, 'row', tableIndex);
        const content = this.view.wChild(el, 'sdtContent');
        const before = out.length;
        if (content !== undefined) this.rows(content, tableIndex, out);
        info.text = out
          .slice(before)
          .map((r) => r.text)
          .join('\n');
      } else if (name === 'customXml') {
        this.rows(el, tableIndex, out);
      }
    }
  }

  private row(tr: N, tableIndex: number): RowOut<N> {
    const trPr = this.view.wChild(tr, 'trPr');
    const header = trPr !== undefined ? this.view.wFlag(this.view.wChild(trPr, 'tblHeader')) : false;
    const cells: Array<{ tc: N; text: string; span: number; mergedUp: boolean }> = [];
    this.cells(tr, tableIndex, cells);
    return {
      row: { cells: cells.map((c) => ({ text: c.text, span: c.span, mergedUp: c.mergedUp })), header },
      ref: { tr, cells: cells.map((c) => c.tc) },
      text: cells.map((c) => c.text).join('\t'),
    };
  }

  /** The w:tc elements of a row, in order, through cell-level controls and custom XML. */
  rowCells(tr: N): N[] {
    const out: N[] = [];
    const visit = (container: N): void => {
      for (const el of this.ops.kids(container)) {
        if (!this.view.isW(el)) continue;
        const name = this.ops.local(el);
        if (name === 'tc') out.push(el);
        else if (name === 'sdt') {
          const content = this.view.wChild(el, 'sdtContent');
          if (content !== undefined) visit(content);
        } else if (name === 'customXml') visit(el);
      }
    };
    visit(tr);
    return out;
  }

  private cells(container: N, tableIndex: number, out: Array<{ tc: N; text: string; span: number; mergedUp: boolean }>): void {
    for (const el of this.ops.kids(container)) {
      if (!this.view.isW(el)) continue;
      const name = this.ops.local(el);
      if (name === 'tc') {
        const tcPr = this.view.wChild(el, 'tcPr');
        let span = 1;
        let mergedUp = false;
        if (tcPr !== undefined) {
          const gs = Number(this.view.wVal(this.view.wChild(tcPr, 'gridSpan')));
          if (Number.isInteger(gs) && gs > 1) span = gs;
          const vm = this.view.wChild(tcPr, 'vMerge');
          if (vm !== undefined && this.view.wVal(vm) !== 'restart') mergedUp = true;
        }
        const text = this.blockContainer(el, tableIndex).join('\n');
        out.push({ tc: el, text, span, mergedUp });
      } else if (name === 'sdt') {
        const info = this.register(el, 'cell', tableIndex);
        const content = this.view.wChild(el, 'sdtContent');
        const before = out.length;
        if (content !== undefined) this.cells(content, tableIndex, out);
        info.text = out
          .slice(before)
          .map((x) => x.text)
          .join('\t');
      } else if (name === 'customXml') {
        this.cells(el, tableIndex, out);
      }
    }
  }
}
