/**
 * Word comments in a .docx package (word/comments.xml), for the reviewer's annotated copy.
 *
 * `annotatePackage` anchors new comments on places of the body snapshot (a paragraph span or a
 * span of a table cell's text, the same anchors the check reports) and replaces the comments a
 * previous run of baocao wrote. baocao's comments are recognised by their initials
 * (`w:initials="baocao"`): people's comments, whatever their author, are kept with their ranges.
 *
 * What changes: the main part gains commentRangeStart/End markers and a commentReference run
 * per comment (runs are split at the anchor's edges, formatting cloned, text unchanged); the
 * comments part is created or edited, with its relationship and content-type override when new.
 * Every other part is copied raw by DocxPackage.save(); inside edited parts only the touched
 * elements are re-serialized (XmlPart.serialize).
 */
import { DocumentError } from '../types';
import { DocxPackage, resolvePartName } from './package';
import type { XmlPart } from './xml';
import { RELS_NS, addRelationship, dirOf, relsNameOf } from './relationships';
import { W_NS, W_STRICT_NS, WView, childElements, domOps, readBody, textOf, type Atom, type InlineSink, type Model } from './walker';

/** The initials that mark a comment as baocao's own (replaced on the next annotation). */
export const BAOCAO_INITIALS = 'baocao';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = {
  transitional: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  strict: 'http://purl.oclc.org/ooxml/officeDocument/relationships/comments',
};
const W14_NS = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15_NS = 'http://schemas.microsoft.com/office/word/2012/wordml';
const W16CID_NS = 'http://schemas.microsoft.com/office/word/2016/wordml/cid';
const W16CEX_NS = 'http://schemas.microsoft.com/office/word/2018/wordml/cex';

/** A place of the body: a span of a paragraph block, or of a table cell's text (paragraphs joined by "\n"). */
export interface CommentAnchor {
  block: number;
  row?: number;
  cell?: number;
  start: number;
  end: number;
}

export interface NewComment {
  /** Where the comment is anchored; an anchor that no longer fits falls back to its block. */
  anchor: CommentAnchor;
  /** The comment's paragraphs. */
  paragraphs: string[];
}

export interface CommentInfo {
  id: string;
  author: string;
  initials: string;
  date: string;
  text: string;
  /** Written by baocao (initials "baocao"). */
  ours: boolean;
}

export interface AnnotateOptions {
  author: string;
  /** Also count as baocao's a comment with this text (comments written through Word's API carry the user's initials). */
  oursByText?: (text: string) => boolean;
  /** Comment date (default: now). */
  date?: Date;
}

export interface AnnotateResult {
  /** baocao comments removed (from a previous annotation). */
  removed: number;
  /** The ids given to the new comments, in the order of the input. */
  ids: string[];
  /** Comments whose anchor did not fit the document and were put on their block or the first paragraph. */
  fellBack: number;
}

function isEl(n: Node | null): n is Element {
  return n !== null && n.nodeType === 1;
}

/** Comments of a package, in the order of word/comments.xml (empty when it has none). */
export function readComments(pkg: DocxPackage): CommentInfo[] {
  const name = findCommentsPart(pkg);
  if (!name || !pkg.has(name)) return [];
  const part = pkg.getXml(name);
  const ns = part.root.namespaceURI ?? W_NS;
  return childElements(part.root)
    .filter((c) => c.localName === 'comment' && c.namespaceURI === ns)
    .map((c) => commentInfo(c, ns));
}

function wAttr(el: Element, ns: string, name: string): string {
  return el.getAttributeNS(ns, name) ?? el.getAttribute(`w:${name}`) ?? '';
}

function commentInfo(c: Element, ns: string): CommentInfo {
  const paragraphs: string[] = [];
  const walk = (el: Element, out: { s: string }): void => {
    for (const k of childElements(el)) {
      if (k.namespaceURI !== ns) continue;
      if (k.localName === 't') out.s += textOf(k);
      else if (k.localName === 'tab') out.s += '\t';
      else if (k.localName === 'br') out.s += '\n';
      else walk(k, out);
    }
  };
  for (const p of childElements(c)) {
    if (p.namespaceURI !== ns || p.localName !== 'p') continue;
    const out = { s: '' };
    walk(p, out);
    paragraphs.push(out.s);
  }
  const initials = wAttr(c, ns, 'initials');
  return {
    id: wAttr(c, ns, 'id'),
    author: wAttr(c, ns, 'author'),
    initials,
    date: wAttr(c, ns, 'date'),
    text: paragraphs.join('\n'),
    ours: initials === BAOCAO_INITIALS,
  };
}

/** The comments part named by the main part's relationships, if any. */
function findCommentsPart(pkg: DocxPackage): string | undefined {
  const rels = relsNameOf(pkg.mainPartName);
  if (!pkg.has(rels)) return undefined;
  const part = pkg.getXml(rels);
  for (const r of childElements(part.root)) {
    if (r.localName !== 'Relationship') continue;
    const type = r.getAttribute('Type') ?? '';
    if (type !== COMMENTS_REL.transitional && type !== COMMENTS_REL.strict) continue;
    if ((r.getAttribute('TargetMode') ?? '') === 'External') continue;
    const target = r.getAttribute('Target');
    if (target) return resolvePartName(dirOf(pkg.mainPartName), target);
  }
  return undefined;
}

/** Parts of the w15/w16 comment extensions that key entries by the comment's last paragraph id. */
function extensionParts(pkg: DocxPackage): string[] {
  const rels = relsNameOf(pkg.mainPartName);
  if (!pkg.has(rels)) return [];
  const out: string[] = [];
  for (const r of childElements(pkg.getXml(rels).root)) {
    const type = r.getAttribute('Type') ?? '';
    if (!/\/(commentsExtended|commentsIds|commentsExtensible)$/.test(type)) continue;
    const target = r.getAttribute('Target');
    if (!target || (r.getAttribute('TargetMode') ?? '') === 'External') continue;
    const name = resolvePartName(dirOf(pkg.mainPartName), target);
    if (pkg.has(name)) out.push(name);
  }
  return out;
}

/** Removes the extension entries (w15 commentEx, w16cid commentId, w16cex) of removed comments. */
function removeExtensionEntries(pkg: DocxPackage, paraIds: Set<string>): void {
  if (paraIds.size === 0) return;
  const durableIds = new Set<string>();
  const parts = extensionParts(pkg).map((name) => pkg.getXml(name));
  // commentsIds first: it maps paraId → durableId, which commentsExtensible uses.
  parts.sort((a, b) => Number(b.root.namespaceURI === W16CID_NS) - Number(a.root.namespaceURI === W16CID_NS));
  for (const part of parts) {
    for (const el of childElements(part.root)) {
      const paraId = el.getAttributeNS(W15_NS, 'paraId') || el.getAttributeNS(W16CID_NS, 'paraId');
      const durable = el.getAttributeNS(W16CEX_NS, 'durableId');
      const drop = (paraId && paraIds.has(paraId)) || (durable && durableIds.has(durable));
      if (!drop) continue;
      const d = el.getAttributeNS(W16CID_NS, 'durableId');
      if (d) durableIds.add(d);
      part.markDirty(part.root);
      part.root.removeChild(el);
    }
  }
}

/**
 * Adds comments to the package (see the header). Removes baocao's previous comments first.
 * The package is changed in place; call pkg.save() for the new bytes.
 */
export function annotatePackage(pkg: DocxPackage, comments: readonly NewComment[], options: AnnotateOptions): AnnotateResult {
  const main = pkg.mainDocument;
  const root = main.root;
  const wNs = root.namespaceURI ?? W_NS;
  if (root.localName !== 'document' || (wNs !== W_NS && wNs !== W_STRICT_NS)) {
    throw new DocumentError('unsupported', 'Phần nội dung chính không phải là tài liệu Word (WordprocessingML).', `root ${root.tagName}`);
  }
  const body = childElements(root).find((c) => c.localName === 'body' && c.namespaceURI === wNs);
  if (!body) throw new DocumentError('missing-part', 'Tài liệu Word không có phần thân (w:body).', 'no w:body');
  const wPrefix = body.prefix ?? root.lookupPrefix(wNs) ?? 'w';
  // Source ranges are taken before the first change, so untouched elements keep their bytes.
  main.prepareForEdit();
  const editor = new BodyEditor(main, new WView(domOps, wNs, wPrefix));

  // 1. The comments part (existing, or new with its relationship and content type).
  let partName = findCommentsPart(pkg);
  if (!partName || !pkg.has(partName)) partName = createCommentsPart(pkg, wNs, partName);
  const cpart = pkg.getXml(partName);
  cpart.prepareForEdit();
  const cNs = cpart.root.namespaceURI ?? wNs;
  const cPrefix = cpart.root.prefix ?? cpart.root.lookupPrefix(cNs) ?? 'w';

  // 2. Remove baocao's previous comments and their markers.
  const ours = new Set<string>();
  const oursParaIds = new Set<string>();
  let maxId = -1;
  for (const c of childElements(cpart.root)) {
    if (c.localName !== 'comment' || c.namespaceURI !== cNs) continue;
    const info = commentInfo(c, cNs);
    if (info.ours || options.oursByText?.(info.text)) {
      ours.add(info.id);
      for (const p of childElements(c)) {
        const paraId = p.getAttributeNS(W14_NS, 'paraId');
        if (paraId) oursParaIds.add(paraId);
      }
      cpart.markDirty(cpart.root);
      cpart.root.removeChild(c);
    } else {
      const n = Number(info.id);
      if (Number.isInteger(n)) maxId = Math.max(maxId, n);
    }
  }
  // Ids still referenced in the body (people's comments whose entry is missing) are not reused.
  for (const id of editor.markerIds()) {
    const n = Number(id);
    if (!ours.has(id) && Number.isInteger(n)) maxId = Math.max(maxId, n);
  }
  editor.removeMarkers(ours);
  removeExtensionEntries(pkg, oursParaIds);

  // 3. Anchor the new ones (after removal: the model is read from the edited DOM).
  const model = readBody(editor.view, body);
  const date = isoSeconds(options.date ?? new Date());
  const ids: string[] = [];
  let fellBack = 0;
  const placed: Array<{ id: string; anchor: CommentAnchor }> = [];
  comments.forEach((c, i) => {
    const id = String(maxId + 1 + i);
    ids.push(id);
    placed.push({ id, anchor: c.anchor });
    const el = cpart.doc.createElementNS(cNs, `${cPrefix}:comment`);
    const set = (name: string, value: string) => el.setAttributeNS(cNs, `${cPrefix}:${name}`, value);
    set('id', id);
    set('author', options.author);
    set('date', date);
    set('initials', BAOCAO_INITIALS);
    c.paragraphs.forEach((text, k) => el.appendChild(commentParagraph(cpart, cNs, cPrefix, text, k === 0)));
    cpart.root.appendChild(el);
    cpart.markDirty(cpart.root);
  });
  // Later places first, so that splitting runs never moves an anchor still to be placed.
  placed.sort((a, b) => compareAnchors(b.anchor, a.anchor));
  for (const { id, anchor } of placed) {
    if (!editor.anchor(model, anchor, id)) fellBack++;
  }
  return { removed: ours.size, ids, fellBack };
}

/** Removes baocao's comments (and their markers) without adding any. */
export function removeBaocaoComments(pkg: DocxPackage, oursByText?: (text: string) => boolean): number {
  const name = findCommentsPart(pkg);
  if (!name || !pkg.has(name)) return 0;
  const hasOurs = readComments(pkg).some((c) => c.ours || oursByText?.(c.text));
  if (!hasOurs) return 0;
  return annotatePackage(pkg, [], { author: '', oursByText }).removed;
}

function compareAnchors(a: CommentAnchor, b: CommentAnchor): number {
  return a.block - b.block || (a.row ?? -1) - (b.row ?? -1) || (a.cell ?? -1) - (b.cell ?? -1) || a.start - b.start || a.end - b.end;
}

function isoSeconds(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function commentParagraph(part: XmlPart, ns: string, prefix: string, text: string, first: boolean): Element {
  const w = (local: string) => part.doc.createElementNS(ns, `${prefix}:${local}`);
  const p = w('p');
  if (first) {
    // Word's convention: the first paragraph starts with the annotation mark.
    const r = w('r');
    r.appendChild(w('annotationRef'));
    p.appendChild(r);
  }
  const r = w('r');
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) r.appendChild(w('br'));
    const t = w('t');
    t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    t.appendChild(part.doc.createTextNode(line));
    r.appendChild(t);
  });
  p.appendChild(r);
  return p;
}

/** Creates an empty comments part with its relationship and content-type override; returns its name. */
function createCommentsPart(pkg: DocxPackage, wNs: string, wanted: string | undefined): string {
  const dir = dirOf(pkg.mainPartName);
  let name = wanted ?? `${dir}comments.xml`;
  for (let k = 1; pkg.has(name) && !wanted; k++) name = `${dir}comments${k}.xml`;
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${wNs}"></w:comments>`;
  pkg.setBytes(name, new TextEncoder().encode(xml));
  // Parse once so later edits go through the DOM (the part counts as changed: markDirty below).
  pkg.getXml(name).markDirty(pkg.getXml(name).root);
  if (!wanted) addRelationship(pkg, wNs === W_STRICT_NS ? COMMENTS_REL.strict : COMMENTS_REL.transitional, name.slice(dir.length));
  addContentType(pkg, `/${name}`, COMMENTS_TYPE);
  return name;
}

function addContentType(pkg: DocxPackage, partName: string, contentType: string): void {
  const name = '[Content_Types].xml';
  if (!pkg.has(name)) throw new DocumentError('missing-part', 'Tệp .docx thiếu [Content_Types].xml.', 'no [Content_Types].xml');
  const part = pkg.getXml(name);
  const exists = childElements(part.root).some((o) => o.localName === 'Override' && (o.getAttribute('PartName') ?? '').toLowerCase() === partName.toLowerCase());
  if (exists) return;
  const o = part.doc.createElementNS(part.root.namespaceURI ?? CT_NS, 'Override');
  o.setAttribute('PartName', partName);
  o.setAttribute('ContentType', contentType);
  part.root.appendChild(o);
  part.markDirty(part.root);
}

/** Edits of the main part: markers in, markers out, runs split at anchor edges. */
class BodyEditor {
  constructor(
    private readonly part: XmlPart,
    readonly view: WView<Element>,
  ) {}

  private w(local: string): Element {
    return this.part.doc.createElementNS(this.view.wNs, `${this.view.wPrefix}:${local}`);
  }

  private setW(el: Element, name: string, value: string): void {
    el.setAttributeNS(this.view.wNs, `${this.view.wPrefix}:${name}`, value);
  }

  private isW(el: Element, local: string): boolean {
    return this.view.isW(el, local);
  }

  private insertBefore(parent: Node, node: Node, ref: Node | null): void {
    this.part.markDirty(parent);
    parent.insertBefore(node, ref);
  }

  /** The w:id of every comment marker in the body. */
  markerIds(): Set<string> {
    const ids = new Set<string>();
    this.visitMarkers((el) => {
      const id = this.view.wVal(el, 'id');
      if (id !== undefined) ids.add(id);
    });
    return ids;
  }

  private visitMarkers(fn: (el: Element) => void): void {
    const stack: Element[] = [this.part.root];
    while (stack.length) {
      const el = stack.pop()!;
      for (const c of childElements(el)) {
        if (c.namespaceURI === this.view.wNs && (c.localName === 'commentRangeStart' || c.localName === 'commentRangeEnd' || c.localName === 'commentReference')) fn(c);
        else stack.push(c);
      }
    }
  }

  /** Removes the markers of the given comment ids; a run left with nothing but its properties goes too. */
  removeMarkers(ids: Set<string>): void {
    if (ids.size === 0) return;
    const doomed: Element[] = [];
    this.visitMarkers((el) => {
      const id = this.view.wVal(el, 'id');
      if (id !== undefined && ids.has(id)) doomed.push(el);
    });
    for (const el of doomed) {
      const parent = el.parentNode as Element | null;
      if (!parent) continue;
      this.part.markDirty(parent);
      parent.removeChild(el);
      if (this.isW(parent, 'r') && childElements(parent).every((c) => this.isW(c, 'rPr'))) {
        const grand = parent.parentNode;
        if (grand) {
          this.part.markDirty(grand);
          grand.removeChild(parent);
        }
      }
    }
  }

  /** Places one comment; false when the anchor did not fit and a fallback place was used. */
  anchor(model: Model<Element>, a: CommentAnchor, id: string): boolean {
    const ref = model.blocks[a.block];
    let p: Element | undefined;
    let start = a.start;
    let end = a.end;
    let exact = true;
    if (ref && !ref.rows && a.row === undefined) {
      p = ref.el;
    } else if (ref?.rows && a.row !== undefined && a.cell !== undefined) {
      const tc = ref.rows[a.row]?.cells[a.cell];
      if (tc) {
        const seg = this.cellParagraph(tc, a.start, a.end);
        if (seg) {
          p = seg.p;
          start = seg.start;
          end = seg.end;
          exact = seg.exact;
        }
      }
    } else if (ref?.rows) {
      // A table without a cell: its first cell.
      const tc = ref.rows[0]?.cells[0];
      const seg = tc ? this.cellParagraph(tc, 0, 0) : undefined;
      if (seg) p = seg.p;
      start = end = 0;
      exact = false;
    }
    if (!p) {
      p = model.blocks.find((b) => !b.rows)?.el;
      start = end = 0;
      exact = false;
      if (!p) throw new DocumentError('unsupported', 'Tài liệu không có đoạn văn nào để gắn nhận xét.', 'no paragraph');
    }
    const len = this.sink(p).text.length;
    if (!(0 <= start && start <= end && end <= len)) {
      exact = false;
      start = 0;
      end = len;
    }
    if (start === end) {
      // A point: comment the whole paragraph (Word shows an empty range poorly).
      start = 0;
      end = len;
    }
    this.markRange(p, start, end, id);
    return exact;
  }

  /** The paragraph of a cell holding [start, end) of the cell's text (paragraphs joined by "\n"). */
  private cellParagraph(tc: Element, start: number, end: number): { p: Element; start: number; end: number; exact: boolean } | undefined {
    const paras: Element[] = [];
    const collect = (el: Element): void => {
      for (const c of childElements(el)) {
        if (c.namespaceURI !== this.view.wNs) continue;
        if (c.localName === 'p') paras.push(c);
        else if (c.localName === 'sdt' || c.localName === 'sdtContent' || c.localName === 'customXml') collect(c);
        // nested tables: not descended (the snapshot counts them as one segment; rare in reports)
      }
    };
    collect(tc);
    let offset = 0;
    for (const p of paras) {
      const len = this.sink(p).text.length;
      if (start >= offset && start <= offset + len) {
        const s = start - offset;
        const e = Math.min(end - offset, len);
        return { p, start: s, end: Math.max(s, e), exact: end - offset <= len };
      }
      offset += len + 1;
    }
    return paras[0] ? { p: paras[0], start: 0, end: 0, exact: false } : undefined;
  }

  private sink(p: Element): InlineSink<Element> & { atoms: Array<Atom<Element>> } {
    const sink = { text: '', atoms: [] as Array<Atom<Element>>, sdts: [] };
    this.view.walkInline(p, sink);
    return sink;
  }

  /** Puts commentRangeStart/End around [start, end) of a paragraph and the reference run after it. */
  private markRange(p: Element, start: number, end: number, id: string): void {
    this.splitAt(p, end);
    this.splitAt(p, start);
    const atoms = this.sink(p).atoms;
    const inRange = atoms.filter((x) => x.start >= start && x.end <= end && x.end > x.start);
    const rs = this.w('commentRangeStart');
    this.setW(rs, 'id', id);
    const re = this.w('commentRangeEnd');
    this.setW(re, 'id', id);
    const refRun = this.w('r');
    const ref = this.w('commentReference');
    this.setW(ref, 'id', id);
    refRun.appendChild(ref);
    if (inRange.length === 0) {
      // No text to span (empty paragraph): markers at the end of the paragraph.
      this.insertBefore(p, rs, null);
      this.insertBefore(p, re, null);
      this.insertBefore(p, refRun, null);
      return;
    }
    const first = inRange[0]!.run;
    const last = inRange[inRange.length - 1]!.run;
    this.insertBefore(first.parentNode!, rs, first);
    this.insertBefore(last.parentNode!, re, last.nextSibling);
    // The reference run goes at paragraph level, after the element holding the range's end
    // (never inside a content control or a hyperlink).
    let top: Node = re;
    while (top.parentNode && top.parentNode !== p) top = top.parentNode;
    this.insertBefore(p, refRun, top.nextSibling);
  }

  /** Makes `offset` a run boundary of the paragraph (splits a run, and its w:t, when needed). */
  private splitAt(p: Element, offset: number): void {
    const atoms = this.sink(p).atoms;
    const inside = atoms.find((a) => a.start < offset && offset < a.end);
    if (inside) {
      // Split the text element itself: "3,24% trên" → "3,24%" | " trên".
      const t = inside.el;
      const text = textOf(t);
      const cut = offset - inside.start;
      const tail = t.cloneNode(false) as Element;
      tail.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      tail.appendChild(this.part.doc.createTextNode(text.slice(cut)));
      while (t.firstChild) t.removeChild(t.firstChild);
      t.appendChild(this.part.doc.createTextNode(text.slice(0, cut)));
      t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      this.part.markDirty(t);
      this.insertBefore(inside.run, tail, t.nextSibling);
      this.splitRunBefore(inside.run, tail);
      return;
    }
    const at = atoms.find((a) => a.start === offset);
    if (at) this.splitRunBefore(at.run, at.el);
  }

  /** Moves `child` and everything after it into a new run (same properties) right after `run`. */
  private splitRunBefore(run: Element, child: Element): void {
    // Nothing to split when `child` is the run's first content (only w:rPr before it).
    let prev: Node | null = child.previousSibling;
    while (prev && !(isEl(prev) && !this.isW(prev, 'rPr'))) prev = prev.previousSibling;
    if (!prev) return;
    const rest = run.cloneNode(false) as Element;
    const rPr = childElements(run).find((c) => this.isW(c, 'rPr'));
    if (rPr) rest.appendChild(rPr.cloneNode(true));
    const moving: Node[] = [];
    for (let n: Node | null = child; n; n = n.nextSibling) moving.push(n);
    this.part.markDirty(run);
    for (const n of moving) {
      run.removeChild(n);
      rest.appendChild(n);
    }
    this.insertBefore(run.parentNode!, rest, run.nextSibling);
  }
}

/** For tests and tools: a package's comments after parsing bytes. */
export function commentsOf(bytes: Uint8Array): CommentInfo[] {
  return readComments(DocxPackage.open(bytes));
}
