/**
 * The edit tree: a small mutable tree over the source text of a part the fast reader accepted,
 * with just the DOM subset the edit code of document.ts uses (parentNode, first/last child,
 * siblings, insertBefore/appendChild/removeChild, cloneNode, textContent, attributes by
 * namespace). It replaces xmldom on the edit path: no second parse of the part into a DOM.
 *
 * Nodes are made lazily from the lite tree (`STree.wrap`, children on first access), and each
 * keeps its source range. Saving writes every element that did not change, with everything in
 * it, as its original source text (a splice), and re-emits only the changed elements: their
 * start tag (from the source unless an attribute changed), their children, an end tag. So an
 * edit changes the bytes of the edited elements only, as the DOM path's raw serialization did.
 *
 * Change tracking is intrinsic (every mutation marks its element and the path above it), so a
 * node edited while detached (a cloned row) is re-emitted once inserted.
 */
import { XMLNS_NS, decodeCharData, expandLite, type LiteElement } from './fastxml';
import { encodeXml, type XmlEncoding } from './xml';

const ELEMENT = 1;
const TEXT = 3;

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

function escapeAttr(s: string): string {
  return s.replace(/[&<"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '"':
        return '&quot;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

interface Attr {
  qname: string;
  ns: string | null;
  local: string;
  value: string;
}

export abstract class SNode {
  abstract readonly nodeType: number;
  parentNode: SElement | null = null;
  previousSibling: SNode | null = null;
  nextSibling: SNode | null = null;

  constructor(protected readonly tree: STree) {}

  abstract cloneNode(deep?: boolean): SNode;
  abstract emit(out: string[]): void;
}

/** Character data: a gap of the source between elements (may hold comments, CDATA), or new text. */
export class SText extends SNode {
  readonly nodeType = TEXT;
  private decoded: string | null;

  constructor(
    tree: STree,
    /** The markup, exactly as it is written. */
    readonly raw: string,
    data: string | null,
  ) {
    super(tree);
    this.decoded = data;
  }

  static fromSource(tree: STree, from: number, to: number): SText {
    return new SText(tree, tree.src.slice(from, to), null);
  }

  static fromData(tree: STree, data: string): SText {
    return new SText(tree, escapeText(data), data);
  }

  /** The character data (text and CDATA; comments and processing instructions left out). */
  get data(): string {
    if (this.decoded === null) this.decoded = decodeCharData(this.raw, 0, this.raw.length);
    return this.decoded;
  }

  cloneNode(): SText {
    return new SText(this.tree, this.raw, this.decoded);
  }

  emit(out: string[]): void {
    out.push(this.raw);
  }
}

export class SElement extends SNode {
  readonly nodeType = ELEMENT;
  readonly localName: string;
  readonly prefix: string | null;
  readonly tagName: string;
  /** Attributes, once one changed or for new elements; null: the original start tag. */
  private attrs: Attr[] | null;
  private expanded: boolean;
  private first: SNode | null = null;
  private last: SNode | null = null;
  /** This element's own markup changed (attributes or child list). */
  private changed: boolean;
  /** Some descendant changed. */
  private changedBelow = false;

  constructor(
    tree: STree,
    readonly namespaceURI: string | null,
    qname: string,
    /** The element of the source this node stands for (also for its clones), or null when new. */
    readonly lite: LiteElement | null,
    /** Children are made fresh from `lite` (a clone), not shared through STree.wrap. */
    private readonly fresh: boolean,
  ) {
    super(tree);
    const colon = qname.indexOf(':');
    this.prefix = colon < 0 ? null : qname.slice(0, colon);
    this.localName = colon < 0 ? qname : qname.slice(colon + 1);
    this.tagName = qname;
    this.attrs = lite ? null : [];
    this.expanded = lite === null;
    this.changed = lite === null;
  }

  get isChanged(): boolean {
    return this.changed || this.changedBelow;
  }

  get firstChild(): SNode | null {
    this.expand();
    return this.first;
  }

  get lastChild(): SNode | null {
    this.expand();
    return this.last;
  }

  /** Makes the child nodes from the lite element and the source gaps between them. */
  private expand(): void {
    if (this.expanded) return;
    this.expanded = true;
    const lite = this.lite!;
    if (lite.selfClosing) return;
    if (lite.kids === null) expandLite(lite);
    const kids = lite.kids!;
    const tree = this.tree;
    let from = lite.openEnd;
    for (const kid of kids) {
      if (kid.start > from) this.link(SText.fromSource(tree, from, kid.start), null);
      this.link(this.fresh ? tree.fresh(kid) : tree.own(kid), null);
      from = kid.end;
    }
    if (lite.closeStart > from) this.link(SText.fromSource(tree, from, lite.closeStart), null);
  }

  /** Links `node` (detached) before `ref` (a child, or null for the end); no change marking. */
  private link(node: SNode, ref: SNode | null): void {
    node.parentNode = this;
    if (ref === null) {
      node.previousSibling = this.last;
      node.nextSibling = null;
      if (this.last) this.last.nextSibling = node;
      else this.first = node;
      this.last = node;
    } else {
      node.previousSibling = ref.previousSibling;
      node.nextSibling = ref;
      if (ref.previousSibling) ref.previousSibling.nextSibling = node;
      else this.first = node;
      ref.previousSibling = node;
    }
  }

  private unlink(node: SNode): void {
    if (node.previousSibling) node.previousSibling.nextSibling = node.nextSibling;
    else this.first = node.nextSibling;
    if (node.nextSibling) node.nextSibling.previousSibling = node.previousSibling;
    else this.last = node.previousSibling;
    node.parentNode = null;
    node.previousSibling = null;
    node.nextSibling = null;
  }

  /** Marks this element's own markup as changed, and the path above it. */
  private touch(): void {
    this.changed = true;
    this.markAbove();
  }

  private markAbove(): void {
    for (let a = this.parentNode; a && !a.changedBelow; a = a.parentNode) a.changedBelow = true;
  }

  insertBefore<T extends SNode>(node: T, ref: SNode | null): T {
    this.expand();
    if (ref !== null && ref.parentNode !== this) throw new Error('edit tree: reference node is not a child');
    if (node.parentNode) node.parentNode.removeChild(node);
    this.link(node, ref);
    this.touch();
    return node;
  }

  appendChild<T extends SNode>(node: T): T {
    return this.insertBefore(node, null);
  }

  removeChild<T extends SNode>(node: T): T {
    if (node.parentNode !== this) throw new Error('edit tree: not a child');
    this.unlink(node);
    this.touch();
    return node;
  }

  set textContent(text: string) {
    this.expand();
    while (this.first) this.unlink(this.first);
    if (text !== '') this.link(SText.fromData(this.tree, text), null);
    this.touch();
  }

  cloneNode(deep = false): SElement {
    const copy = new SElement(this.tree, this.namespaceURI, this.tagName, this.lite, true);
    copy.attrs = this.attrs ? this.attrs.map((a) => ({ ...a })) : null;
    if (!deep) {
      // A shallow copy has no children: it cannot be written as the source text.
      copy.expanded = true;
      copy.changed = true;
      return copy;
    }
    if (!this.expanded) return copy;
    copy.expanded = true;
    copy.changed = this.changed;
    copy.changedBelow = this.changedBelow;
    for (let c = this.first; c; c = c.nextSibling) copy.link(c.cloneNode(true), null);
    return copy;
  }

  // --- attributes --------------------------------------------------------------------------

  /** The namespace bound to `prefix` ('' for the default namespace) where this element is. */
  lookupNs(prefix: string): string | null | undefined {
    if (this.attrs) {
      const decl = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
      const own = this.attrs.find((a) => a.qname === decl);
      if (own) return own.value;
    }
    if (this.lite) return this.lite.lookupNs(prefix);
    if (this.parentNode) return this.parentNode.lookupNs(prefix);
    // Detached (a new element, not inserted yet): the root's bindings.
    return this.tree.rootScope?.lookupNs(prefix);
  }

  private attrList(): Attr[] {
    if (this.attrs) return this.attrs;
    const lite = this.lite!;
    this.attrs = lite.attrList().map(([qname, value]) => {
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? null : qname.slice(0, colon);
      const local = colon < 0 ? qname : qname.slice(colon + 1);
      let ns: string | null;
      if (qname === 'xmlns' || prefix === 'xmlns') ns = XMLNS_NS;
      else if (prefix === null) ns = null;
      else ns = lite.lookupNs(prefix) ?? null;
      return { qname, ns, local, value };
    });
    return this.attrs;
  }

  getAttribute(qname: string): string | null {
    if (!this.attrs) return this.lite!.attr(qname);
    return this.attrs.find((a) => a.qname === qname)?.value ?? null;
  }

  getAttributeNS(ns: string | null, local: string): string | null {
    if (!this.attrs) return this.lite!.attrNS(ns, local);
    return this.attrs.find((a) => a.local === local && (a.ns ?? null) === (ns || null))?.value ?? null;
  }

  setAttributeNS(ns: string | null, qname: string, value: string): void {
    const list = this.attrList();
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? null : qname.slice(0, colon);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const existing = list.find((a) => a.local === local && (a.ns ?? null) === (ns || null));
    if (existing) existing.value = value;
    else {
      // A prefix not bound to the namespace here is declared on this element.
      if (prefix !== null && prefix !== 'xml' && ns && this.lookupNs(prefix) !== ns) {
        list.push({ qname: `xmlns:${prefix}`, ns: XMLNS_NS, local: prefix, value: ns });
      }
      list.push({ qname, ns: ns || null, local, value });
    }
    this.touch();
  }

  removeAttributeNS(ns: string | null, local: string): void {
    const list = this.attrList();
    const i = list.findIndex((a) => a.local === local && (a.ns ?? null) === (ns || null));
    if (i < 0) return;
    list.splice(i, 1);
    this.touch();
  }

  /** Non-empty prefixes declared on this element for `ns`. */
  declaredPrefixFor(ns: string): string | undefined {
    if (!this.attrs && this.lite) {
      for (const [qname, value] of this.lite.attrList()) if (qname.startsWith('xmlns:') && value === ns) return qname.slice(6);
      return undefined;
    }
    return this.attrs?.find((a) => a.qname.startsWith('xmlns:') && a.value === ns)?.local;
  }

  // --- writing -----------------------------------------------------------------------------

  emit(out: string[]): void {
    const lite = this.lite;
    const src = this.tree.src;
    if (lite && !this.changed && !this.changedBelow) {
      out.push(src.slice(lite.start, lite.end));
      return;
    }
    let head: string;
    if (this.attrs || !lite) {
      head = '<' + this.tagName;
      for (const a of this.attrs!) head += ` ${a.qname}="${escapeAttr(a.value)}"`;
    } else {
      // The original start tag without its closing '>' or '/>'.
      head = src.slice(lite.start, lite.selfClosing ? lite.openEnd - 2 : lite.openEnd - 1);
    }
    this.expand();
    if (this.first === null) {
      // Kept in the long form when it was written so and only its attributes changed.
      if (lite && !lite.selfClosing && lite.closeStart === lite.openEnd) out.push(head, '></', this.tagName, '>');
      else out.push(head, '/>');
      return;
    }
    out.push(head, '>');
    for (let c: SNode | null = this.first; c; c = c.nextSibling) c.emit(out);
    out.push('</', this.tagName, '>');
  }
}

/** The tree of one part: node factory (the `Document` subset) and the lite → node mapping. */
export class STree {
  private readonly nodes = new Map<LiteElement, SElement>();

  /** The root element of the source (namespace bindings for detached new elements). */
  rootScope: LiteElement | undefined;

  constructor(readonly src: string) {}

  /** The node standing for a source element (one per element; its parent is made too). */
  wrap(lite: LiteElement): SElement {
    const known = this.nodes.get(lite);
    if (known) return known;
    if (!lite.parent) return this.own(lite);
    // Made through its parent's children, so that siblings and parent are real.
    void this.wrap(lite.parent).firstChild;
    const node = this.nodes.get(lite);
    if (!node) throw new Error(`edit tree: ${lite.qname} not found under its parent`);
    return node;
  }

  /** The node of a source element, made unlinked when new (by its parent's expansion). */
  own(lite: LiteElement): SElement {
    let node = this.nodes.get(lite);
    if (!node) {
      node = new SElement(this, lite.ns, lite.qname, lite, false);
      this.nodes.set(lite, node);
    }
    return node;
  }

  /** A new node for a source element, outside the mapping: the children of a clone. */
  fresh(lite: LiteElement): SElement {
    return new SElement(this, lite.ns, lite.qname, lite, true);
  }

  createElementNS(ns: string, qname: string): SElement {
    return new SElement(this, ns, qname, null, false);
  }

  createTextNode(data: string): SText {
    return SText.fromData(this, data);
  }
}

/** A part edited through an STree: the XmlPart subset the edit code uses, and the writing. */
export class SplicePart {
  readonly doc: STree;
  readonly root: SElement;

  constructor(
    readonly source: string,
    readonly bom: string,
    rootLite: LiteElement,
    readonly encoding: XmlEncoding,
  ) {
    this.doc = new STree(source);
    this.doc.rootScope = rootLite;
    this.root = this.doc.wrap(rootLite);
  }

  get changed(): boolean {
    return this.root.isChanged;
  }

  /** Change tracking is intrinsic to the tree; kept for the XmlPart interface. */
  prepareForEdit(): void {}

  markDirty(_node: unknown): void {}

  serialize(): string {
    const lite = this.root.lite!;
    const out: string[] = [this.bom, this.source.slice(0, lite.start)];
    this.root.emit(out);
    out.push(this.source.slice(lite.end));
    return out.join('');
  }

  toBytes(): Uint8Array {
    return encodeXml(this.serialize(), this.encoding);
  }
}
