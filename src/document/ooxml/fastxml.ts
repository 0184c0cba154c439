/**
 * A strict, allocation-light XML reader for the read path (no DOM).
 *
 * It checks the whole text in one pass and builds a small tree of only the elements a caller asks
 * for (`materialize`); every other subtree is checked and skipped by depth. It accepts a SUBSET
 * of what `parseXml` (xmldom with our strictness policy) accepts, and on anything outside that
 * subset it gives up with a reason (`{ bail }`) instead of guessing; the caller then takes the DOM
 * path, which accepts or refuses the text exactly as before. So the contract is one-sided:
 *
 *     parseLite(text) returns a tree  ⇒  parseXml(text) succeeds, with the same elements,
 *                                         namespaces, attribute values and character data.
 *
 * The subset (everything else bails):
 *  - prolog: an optional XML declaration at offset 0 (the XMLDecl production), whitespace and
 *    comments; epilog: whitespace and comments; no processing instructions anywhere else;
 *  - names: ASCII NCName[:NCName] ([A-Za-z_][A-Za-z0-9_.-]*); tags: `<q a="v" b='v'>`,
 *    `<q/>`, `</q>` with optional whitespace before '>' in end tags; whitespace between
 *    attributes; no `<` in attribute values; no duplicate attributes (by qualified name: refused
 *    outright, as the DOM parser refuses them; by namespace + local name: bails); every prefix bound; no declaration of `xml`/`xmlns`, of an empty
 *    URI or of the reserved namespace URIs; no element named `xmlns` or prefixed `xml`/`xmlns`;
 *  - references: `&amp; &lt; &gt; &quot; &apos;`, `&#123;`, `&#x1F;` (code point ≤ 0x10FFFF);
 *    any other `&` bails (xmldom would keep some of them literally);
 *  - comments and CDATA sections whose characters are XML Chars of the BMP (no surrogates);
 *    CDATA only inside the root element;
 *  - exactly one root element, all elements closed with matching names.
 * Character data is taken as is (no line-ending normalization, like parseXml); attribute values
 * are read like xmldom does: raw tab/CR/LF become spaces, then references are replaced.
 */

import { DocumentError } from '../types';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** `materialize` flags: keep the element's element children / its direct character data. */
export const KEEP_KIDS = 1;
export const KEEP_TEXT = 2;

/**
 * Called for each element whose parent was kept with KEEP_KIDS (and for the root): returns
 * KEEP_KIDS and/or KEEP_TEXT, or 0 to keep the element as a leaf (name and attributes only).
 */
export type Materialize = (ns: string | null, local: string) => number;

/** Thrown when a reader asks a lite element for something that was not materialized. */
export class NotMaterialized extends Error {
  constructor(what: string) {
    super(`not materialized: ${what}`);
    this.name = 'NotMaterialized';
  }
}

/** In-scope namespace bindings (flattened: one Map per declaring element). */
export class Scope {
  constructor(readonly map: Map<string, string | null>) {}
}

const ROOT_SCOPE_ENTRIES: Array<[string, string | null]> = [
  ['xml', XML_NS],
  ['', null],
];

export class LiteElement {
  /** Element children, when materialized (KEEP_KIDS). */
  kids: LiteElement[] | null = null;
  /** Concatenated direct text and CDATA, when materialized (KEEP_TEXT). */
  text: string | null = null;
  /** The materialized parent (null for the root). */
  parent: LiteElement | null = null;
  /** Offset just after the start tag's '>'. */
  openEnd = -1;
  /** Offset of the end tag's '<' (openEnd for a self-closing tag). */
  closeStart = -1;
  /** Offset just after the element (its end tag, or its self-closing start tag). */
  end = -1;

  constructor(
    readonly ns: string | null,
    readonly local: string,
    readonly qname: string,
    readonly prefix: string | null,
    /** Offset of the start tag's '<' in `src`. */
    readonly start: number,
    /** @internal In-scope namespace bindings. */
    readonly scope: Scope,
    /** @internal The whole text. */
    readonly src: string,
  ) {}

  /** The namespace bound to `prefix` ('' for the default namespace) in this element's scope. */
  lookupNs(prefix: string): string | null | undefined {
    return this.scope.map.get(prefix);
  }

  get selfClosing(): boolean {
    return this.closeStart === this.openEnd && this.end === this.openEnd;
  }

  /** Like Element.getAttributeNS: the value of the first attribute with that namespace and local name. */
  attrNS(ns: string | null, local: string): string | null {
    let found: string | null = null;
    this.eachAttr((qname, colon, vs, ve) => {
      const attrLocal = colon < 0 ? qname : qname.slice(colon + 1);
      if (attrLocal !== local) return false;
      let attrNs: string | null | undefined;
      if (colon < 0) attrNs = qname === 'xmlns' ? XMLNS_NS : null;
      else {
        const prefix = qname.slice(0, colon);
        attrNs = prefix === 'xmlns' ? XMLNS_NS : this.scope.map.get(prefix);
      }
      if ((attrNs ?? null) !== (ns || null)) return false;
      found = decodeAttrValue(this.src, vs, ve);
      return true;
    });
    return found;
  }

  /** Like Element.getAttribute: the value of the first attribute with that qualified name. */
  attr(qname: string): string | null {
    let found: string | null = null;
    this.eachAttr((q, _colon, vs, ve) => {
      if (q !== qname) return false;
      found = decodeAttrValue(this.src, vs, ve);
      return true;
    });
    return found;
  }

  /** All attributes, in order, as [qualified name, value] (tests compare them with the DOM's). */
  attrList(): Array<[string, string]> {
    const out: Array<[string, string]> = [];
    this.eachAttr((qname, _colon, vs, ve) => {
      out.push([qname, decodeAttrValue(this.src, vs, ve)]);
      return false;
    });
    return out;
  }

  /** Re-scans the (already validated) start tag; `fn` returns true to stop. */
  private eachAttr(fn: (qname: string, colon: number, valueStart: number, valueEnd: number) => boolean): void {
    const src = this.src;
    let p = this.start + 1 + this.qname.length;
    for (;;) {
      while (isWs(src.charCodeAt(p))) p++;
      const c = src.charCodeAt(p);
      if (c === GT || c === SLASH || Number.isNaN(c)) return;
      const nameStart = p;
      let colon = -1;
      while (p < src.length) {
        const d = src.charCodeAt(p);
        if (d === EQ || isWs(d)) break;
        if (d === COLON) colon = p - nameStart;
        p++;
      }
      const qname = src.slice(nameStart, p);
      while (src.charCodeAt(p) !== EQ) p++;
      p++;
      while (isWs(src.charCodeAt(p))) p++;
      const quote = src.charAt(p);
      const vs = p + 1;
      const ve = src.indexOf(quote, vs);
      if (fn(qname, colon, vs, ve)) return;
      p = ve + 1;
    }
  }
}

export type LiteResult = { root: LiteElement } | { bail: string };

// ---------------------------------------------------------------------------------------------
// Character classes

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const EQ = 61;
const COLON = 58;
const AMP = 38;
const SEMI = 59;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;

const C_NAME_START = 1;
const C_NAME = 2;
const CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const start = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  const name = start || (c >= 48 && c <= 57) || c === 45 || c === 46;
  CLASS[c] = (start ? C_NAME_START : 0) | (name ? C_NAME : 0);
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** An XML Char of the BMP, without surrogates (comments, CDATA). */
function isPlainChar(c: number): boolean {
  return (c >= 0x20 && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd) || c === 9 || c === 10 || c === 13;
}

const XML_DECL =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"[A-Za-z][-A-Za-z0-9._]*"|'[A-Za-z][-A-Za-z0-9._]*'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Length of the valid reference at `at` (the '&'), or -1. Writes the replacement to `refOut`.
 */
let refOut = '';
function scanRef(src: string, at: number): number {
  const c = src.charCodeAt(at + 1);
  if (c === HASH) {
    let p = at + 2;
    let code = 0;
    let digits = 0;
    if (src.charCodeAt(p) === 120 /* x */) {
      p++;
      for (;;) {
        const d = src.charCodeAt(p);
        let v: number;
        if (d >= 48 && d <= 57) v = d - 48;
        else if (d >= 97 && d <= 102) v = d - 87;
        else if (d >= 65 && d <= 70) v = d - 55;
        else break;
        code = code * 16 + v;
        digits++;
        p++;
        if (code > 0x10ffff) return -1;
      }
    } else {
      for (;;) {
        const d = src.charCodeAt(p);
        if (!(d >= 48 && d <= 57)) break;
        code = code * 10 + (d - 48);
        digits++;
        p++;
        if (code > 0x10ffff) return -1;
      }
    }
    if (digits === 0 || src.charCodeAt(p) !== SEMI) return -1;
    refOut = String.fromCodePoint(code);
    return p + 1 - at;
  }
  const semi = src.indexOf(';', at + 2);
  if (semi < 0 || semi > at + 5) return -1;
  const value = PREDEFINED[src.slice(at + 1, semi)];
  if (value === undefined || !Object.prototype.hasOwnProperty.call(PREDEFINED, src.slice(at + 1, semi))) return -1;
  refOut = value;
  return semi + 1 - at;
}

/**
 * The character data of [from, to) of a text the reader accepted: text with its references
 * decoded and CDATA sections' content; comments and processing instructions left out.
 */
export function decodeCharData(src: string, from: number, to: number): string {
  let out = '';
  let p = from;
  while (p < to) {
    const lt = src.indexOf('<', p);
    const stop = lt < 0 || lt >= to ? to : lt;
    if (stop > p) {
      const chunk = src.slice(p, stop);
      out += chunk.indexOf('&') < 0 ? chunk : decodeRefs(chunk);
    }
    if (stop >= to) break;
    if (src.startsWith('<![CDATA[', stop)) {
      const end = src.indexOf(']]>', stop + 9);
      out += src.slice(stop + 9, end);
      p = end + 3;
    } else if (src.startsWith('<!--', stop)) {
      p = src.indexOf('-->', stop + 4) + 3;
    } else if (src.startsWith('<?', stop)) {
      p = src.indexOf('?>', stop + 2) + 2;
    } else {
      // Markup other than character data: not expected inside a gap between elements.
      p = src.indexOf('>', stop) + 1;
    }
  }
  return out;
}

function decodeRefs(raw: string): string {
  let out = '';
  let last = 0;
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', last)) {
    const n = scanRef(raw, i);
    if (n < 0) return out + raw.slice(last);
    out += raw.slice(last, i) + refOut;
    last = i + n;
  }
  return out + raw.slice(last);
}

/** An attribute value as xmldom reads it (validated beforehand). */
function decodeAttrValue(src: string, vs: number, ve: number): string {
  const raw = src.slice(vs, ve).replace(/[\t\n\r]/g, ' ');
  if (raw.indexOf('&') < 0) return raw;
  let out = '';
  let last = 0;
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', last)) {
    const n = scanRef(raw, i);
    out += raw.slice(last, i) + refOut;
    last = i + n;
  }
  return out + raw.slice(last);
}

// ---------------------------------------------------------------------------------------------
// The reader

/** Attribute count up to which duplicates are found by comparing in place. */
const SMALL_TAG = 8;

/**
 * Deepest element nesting accepted (the root is depth 1). Real documents stay far below (the
 * deepest part of the 297-file corpus is 42); the walks over a document tree may recurse once per
 * level, so a bound here keeps every later walk far from the stack limit.
 */
export const MAX_XML_DEPTH = 1000;

export function tooDeep(partName: string): DocumentError {
  return new DocumentError(
    'too-deep',
    `Thành phần "${partName}" của tệp .docx lồng nhau quá sâu (hơn ${MAX_XML_DEPTH} cấp phần tử); tệp bị từ chối.`,
    `element nesting deeper than ${MAX_XML_DEPTH}`,
  );
}

class Bail {
  constructor(readonly reason: string) {}
}

/** A qualified name seen in the text, shared by all its occurrences. */
interface Name {
  qname: string;
  prefix: string | null;
  local: string;
  /** `xmlns` or `xmlns:*` (a namespace declaration, as an attribute). */
  declares: boolean;
}

function makeName(qname: string): Name {
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? null : qname.slice(0, colon);
  return {
    qname,
    prefix,
    local: colon < 0 ? qname : qname.slice(colon + 1),
    declares: qname === 'xmlns' || prefix === 'xmlns',
  };
}

class Reader {
  private pos = 0;
  private readonly len: number;
  /** Next '&' / '<' at or after the last position asked for (len when none). */
  private nextAmp = -1;
  private nextLt = -1;
  private hash = 0;
  private colon = -1;
  private readonly names = new Map<number, Name>();
  // Attribute scratch space for the current start tag.
  private aNames: Name[] = [];
  private aStart: number[] = [];
  private aEnd: number[] = [];
  private aNs: string[] = [];
  /** Qualified names of the current start tag's attributes, once it has more than SMALL_TAG. */
  private readonly aSeen = new Set<string>();
  // Open elements.
  private depth = 0;
  private readonly stackNames: Name[] = [];
  private readonly stackEls: Array<LiteElement | null> = [];
  private readonly stackScopes: Scope[] = [];
  private scope: Scope;
  /** The innermost open element when it was kept, else null. */
  private current: LiteElement | null = null;
  private lastPrefix = '';
  private lastPrefixScope: Scope | null = null;
  private lastPrefixNs: string | null | undefined = undefined;
  root: LiteElement | null = null;

  constructor(
    private readonly src: string,
    private readonly materialize: Materialize,
    private readonly partName: string,
  ) {
    this.len = src.length;
    this.scope = new Scope(new Map(ROOT_SCOPE_ENTRIES));
  }

  private bail(reason: string): never {
    throw new Bail(reason);
  }

  run(): LiteElement {
    const src = this.src;
    if (src.startsWith('<?xml')) {
      const m = XML_DECL.exec(src);
      if (!m) this.bail('XML declaration outside the accepted form');
      this.pos = m[0].length;
    }
    // Prolog.
    for (;;) {
      this.skipWs();
      if (this.pos >= this.len) this.bail('no root element');
      if (src.charCodeAt(this.pos) !== LT) this.bail('text before the root element');
      const c1 = src.charCodeAt(this.pos + 1);
      if (c1 === BANG) this.comment(this.pos);
      else if (c1 === QMARK) this.bail('processing instruction');
      else break;
    }
    this.startTag(this.pos);
    this.content();
    // Epilog.
    for (;;) {
      this.skipWs();
      if (this.pos >= this.len) break;
      if (src.startsWith('<!--', this.pos)) this.comment(this.pos);
      else this.bail('content after the root element');
    }
    return this.root!;
  }

  /**
   * Reads the children of `el`, an element this reader's text was accepted with, that was kept
   * as a leaf: every descendant is kept (KEEP_KIDS by the materialize policy).
   */
  fragment(el: LiteElement): void {
    const text = el.text;
    el.text = null; // its character data was collected already
    el.kids = [];
    this.root = el;
    this.scope = el.scope;
    this.stackNames[0] = makeName(el.qname);
    this.stackEls[0] = el;
    this.stackScopes[0] = el.scope;
    this.depth = 1;
    this.current = el;
    this.pos = el.openEnd;
    try {
      this.content();
    } finally {
      el.text = text;
    }
  }

  private content(): void {
    const src = this.src;
    while (this.depth > 0) {
      const from = this.pos;
      let lt = this.nextLt;
      if (lt < from) lt = this.nextLt = this.indexOrEnd('<', from);
      if (lt >= this.len) this.bail('unclosed element at the end of the text');
      if (lt > from) this.text(from, lt);
      const c1 = src.charCodeAt(lt + 1);
      if (c1 === SLASH) this.endTag(lt);
      else if (c1 === BANG) {
        if (src.startsWith('<![CDATA[', lt)) this.cdata(lt);
        else this.comment(lt);
      } else if (c1 === QMARK) this.bail('processing instruction');
      else this.startTag(lt);
    }
  }

  private indexOrEnd(s: string, from: number): number {
    const i = this.src.indexOf(s, from);
    return i < 0 ? this.len : i;
  }

  private skipWs(): void {
    while (isWs(this.src.charCodeAt(this.pos))) this.pos++;
  }

  /** Scans a QName at p; returns its end (or -1); sets `hash` and `colon` (absolute, or -1). */
  private scanName(p: number): number {
    const src = this.src;
    let c = src.charCodeAt(p);
    if (!(c < 128 && CLASS[c]! & C_NAME_START)) return -1;
    let h = c;
    let colon = -1;
    p++;
    for (;;) {
      c = src.charCodeAt(p);
      if (c < 128 && CLASS[c]! & C_NAME) {
        h = (Math.imul(h, 31) + c) | 0;
        p++;
      } else if (c === COLON && colon < 0) {
        colon = p;
        h = (Math.imul(h, 31) + c) | 0;
        p++;
        c = src.charCodeAt(p);
        if (!(c < 128 && CLASS[c]! & C_NAME_START)) return -1;
      } else {
        break;
      }
    }
    this.hash = h;
    this.colon = colon;
    return p;
  }

  /** The name [start, end) just scanned (uses `hash`), shared: no allocation when seen before. */
  private intern(start: number, end: number): Name {
    const len = end - start;
    const key = (Math.imul(this.hash, 17) + len) | 0;
    const known = this.names.get(key);
    if (known !== undefined && known.qname.length === len && this.src.startsWith(known.qname, start)) return known;
    const name = makeName(this.src.slice(start, end));
    this.names.set(key, name);
    return name;
  }

  private lookup(prefix: string): string | null | undefined {
    if (prefix === this.lastPrefix && this.scope === this.lastPrefixScope) return this.lastPrefixNs;
    const ns = this.scope.map.get(prefix);
    this.lastPrefix = prefix;
    this.lastPrefixScope = this.scope;
    this.lastPrefixNs = ns;
    return ns;
  }

  /** Checks the references in [from, to); returns the decoded text when `decode`. */
  private refs(from: number, to: number, decode: boolean): string {
    const src = this.src;
    let out = '';
    let last = from;
    let amp = this.nextAmp;
    while (amp < to) {
      const n = scanRef(src, amp);
      if (n < 0) this.bail('unsupported or invalid reference');
      if (decode) out += src.slice(last, amp) + refOut;
      last = amp + n;
      amp = this.indexOrEnd('&', last);
    }
    this.nextAmp = amp;
    return decode ? out + src.slice(last, to) : '';
  }

  private text(from: number, to: number): void {
    if (this.nextAmp < from) this.nextAmp = this.indexOrEnd('&', from);
    const el = this.current;
    const collect = el !== null && el.text !== null;
    if (this.nextAmp >= to) {
      if (collect) el.text += this.src.slice(from, to);
    } else {
      const s = this.refs(from, to, collect);
      if (collect) el.text += s;
    }
    this.pos = to;
  }

  private comment(lt: number): void {
    const src = this.src;
    if (!src.startsWith('<!--', lt)) this.bail('markup declaration');
    const end = src.indexOf('--', lt + 4);
    if (end < 0 || src.charCodeAt(end + 2) !== GT) this.bail('comment not well-formed');
    for (let i = lt + 4; i < end; i++) if (!isPlainChar(src.charCodeAt(i))) this.bail('unusual character in a comment');
    this.pos = end + 3;
  }

  private cdata(lt: number): void {
    const src = this.src;
    const start = lt + 9;
    const end = src.indexOf(']]>', start);
    if (end < 0) this.bail('CDATA not closed');
    for (let i = start; i < end; i++) if (!isPlainChar(src.charCodeAt(i))) this.bail('unusual character in CDATA');
    const el = this.current;
    if (el !== null && el.text !== null) el.text += src.slice(start, end);
    this.pos = end + 3;
  }

  /**
   * Refuses a second attribute with the qualified name of `attr` among the `count` read so far.
   * Tags with few attributes (nearly all) compare in place; past SMALL_TAG the names go into a
   * set, so an element with 200 000 attributes is checked in linear time, not quadratic.
   */
  private checkDuplicate(attr: Name, count: number): void {
    if (count < SMALL_TAG) {
      for (let i = 0; i < count; i++) if (this.aNames[i]!.qname === attr.qname) this.duplicate(attr.qname);
      return;
    }
    const seen = this.aSeen;
    if (count === SMALL_TAG) {
      seen.clear();
      for (let i = 0; i < count; i++) seen.add(this.aNames[i]!.qname);
    }
    if (seen.has(attr.qname)) this.duplicate(attr.qname);
    seen.add(attr.qname);
  }

  /**
   * A repeated attribute name is refused here rather than left to the DOM parser, which refuses
   * it too (xmldom: fatal "Attribute redefined") but only after building a tree of all of them.
   */
  private duplicate(qname: string): never {
    throw new DocumentError(
      'xml-malformed',
      `Thành phần "${this.partName}" của tệp .docx có XML sai cú pháp nên không đọc được.`,
      `fatalError: Attribute ${qname} redefined`,
    );
  }

  private endTag(lt: number): void {
    const src = this.src;
    // The end tag must repeat the open element's name exactly (a longer name fails below).
    const open = this.stackNames[this.depth - 1]!.qname;
    if (!src.startsWith(open, lt + 2)) this.bail('mismatched end tag');
    let p = lt + 2 + open.length;
    while (isWs(src.charCodeAt(p))) p++;
    if (src.charCodeAt(p) !== GT) this.bail('end tag not closed');
    const closing = this.stackEls[this.depth - 1];
    if (closing) {
      closing.closeStart = lt;
      closing.end = p + 1;
    }
    this.depth--;
    this.scope = this.stackScopes[this.depth]!;
    this.current = this.depth > 0 ? this.stackEls[this.depth - 1]! : null;
    this.pos = p + 1;
  }

  private startTag(lt: number): void {
    const src = this.src;
    if (this.depth === 0 && this.root !== null) this.bail('second root element');
    const nameEnd = this.scanName(lt + 1);
    if (nameEnd < 0) this.bail('element name');
    const name = this.intern(lt + 1, nameEnd);
    let count = 0;
    let declares = false;
    /** Attribute prefix of the first prefixed attribute; `mixed` when another one differs. */
    let firstPrefix: string | null = null;
    let mixed = false;
    let selfClosing = false;
    let p = nameEnd;
    for (;;) {
      let c = src.charCodeAt(p);
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (src.charCodeAt(p + 1) !== GT) this.bail("'/' not followed by '>'");
        selfClosing = true;
        p += 2;
        break;
      }
      if (!isWs(c)) this.bail('no whitespace before an attribute');
      do p++;
      while (isWs(src.charCodeAt(p)));
      c = src.charCodeAt(p);
      if (c === GT || c === SLASH) continue;
      const attrEnd = this.scanName(p);
      if (attrEnd < 0) this.bail('attribute name');
      const attr = this.intern(p, attrEnd);
      p = attrEnd;
      while (isWs(src.charCodeAt(p))) p++;
      if (src.charCodeAt(p) !== EQ) this.bail("attribute without '='");
      p++;
      while (isWs(src.charCodeAt(p))) p++;
      const q = src.charCodeAt(p);
      if (q !== DQUOTE && q !== SQUOTE) this.bail('unquoted attribute value');
      const vs = p + 1;
      const ve = src.indexOf(q === DQUOTE ? '"' : "'", vs);
      if (ve < 0) this.bail('attribute value not closed');
      if (this.nextLt < vs) this.nextLt = this.indexOrEnd('<', vs);
      if (this.nextLt < ve) this.bail("'<' in an attribute value");
      if (this.nextAmp < vs) this.nextAmp = this.indexOrEnd('&', vs);
      if (this.nextAmp < ve) this.refs(vs, ve, false);
      this.checkDuplicate(attr, count);
      this.aNames[count] = attr;
      this.aStart[count] = vs;
      this.aEnd[count] = ve;
      count++;
      if (attr.declares) declares = true;
      else if (attr.prefix !== null) {
        if (firstPrefix === null) firstPrefix = attr.prefix;
        else if (attr.prefix !== firstPrefix) mixed = true;
      }
      p = ve + 1;
    }

    // Namespaces.
    const parentScope = this.scope;
    if (declares) {
      const map = new Map(this.scope.map);
      for (let i = 0; i < count; i++) {
        const attr = this.aNames[i]!;
        if (!attr.declares) continue;
        const prefix = attr.prefix === null ? '' : attr.local;
        const uri = decodeAttrValue(src, this.aStart[i]!, this.aEnd[i]!);
        if (prefix === 'xml' || prefix === 'xmlns') this.bail('declaration of a reserved prefix');
        if (uri === '' || uri === XML_NS || uri === XMLNS_NS) this.bail('unusual namespace declaration');
        map.set(prefix, uri);
      }
      this.scope = new Scope(map);
    }
    let ns: string | null;
    if (name.prefix !== null) {
      if (name.prefix === 'xml' || name.prefix === 'xmlns') this.bail('reserved element prefix');
      const bound = this.lookup(name.prefix);
      if (bound === undefined || bound === null) this.bail('unbound element prefix');
      ns = bound;
    } else {
      if (name.qname === 'xmlns') this.bail('element named xmlns');
      ns = this.scope.map.get('') ?? null;
    }
    // Attribute prefixes must be bound; two prefixes bound to one namespace must not give two
    // attributes with the same namespace and local name (the DOM would keep only one).
    if (firstPrefix !== null) {
      for (let i = 0; i < count; i++) {
        const attr = this.aNames[i]!;
        if (attr.prefix === null || attr.declares) continue;
        const bound = this.lookup(attr.prefix);
        if (bound === undefined || bound === null) this.bail('unbound attribute prefix');
        this.aNs[i] = bound;
      }
      if (mixed) {
        // One pass with a set keyed by namespace and local name (linear in the attribute count).
        const seen = new Set<string>();
        for (let i = 0; i < count; i++) {
          const a = this.aNames[i]!;
          if (a.prefix === null || a.declares) continue;
          const key = `${this.aNs[i]!} ${a.local}`;
          if (seen.has(key)) this.bail('duplicate attribute (namespace)');
          seen.add(key);
        }
      }
    }

    // Materialize.
    const parent = this.current;
    let el: LiteElement | null = null;
    if (this.depth === 0 || (parent !== null && parent.kids !== null)) {
      el = new LiteElement(ns, name.local, name.qname, name.prefix, lt, this.scope, src);
      const flags = this.materialize(ns, name.local);
      if (flags & KEEP_KIDS) el.kids = [];
      if (flags & KEEP_TEXT) el.text = '';
      el.parent = parent;
      el.openEnd = p;
      if (selfClosing) el.closeStart = el.end = p;
      if (this.depth === 0) this.root = el;
      else parent!.kids!.push(el);
    }
    if (selfClosing) {
      this.scope = parentScope;
    } else {
      if (this.depth >= MAX_XML_DEPTH) throw tooDeep(this.partName);
      this.stackNames[this.depth] = name;
      this.stackEls[this.depth] = el;
      this.stackScopes[this.depth] = parentScope;
      this.depth++;
      this.current = el;
    }
    this.pos = p;
  }
}

/**
 * Reads `text` (the part without its byte order mark) into a lite tree, or explains why it will
 * not (the caller then uses the DOM path). Throws a DocumentError only where the DOM path would
 * refuse too: 'too-deep' (nesting beyond MAX_XML_DEPTH) and 'xml-malformed' (an attribute name
 * repeated on one element).
 */
export function parseLite(text: string, materialize: Materialize, partName = 'XML'): LiteResult {
  const reader = new Reader(text, materialize, partName);
  try {
    return { root: reader.run() };
  } catch (e) {
    if (e instanceof Bail) return { bail: e.reason };
    throw e;
  }
}

/**
 * Gives a leaf of a lite tree (kept without its children) its children, and theirs, all of them,
 * by reading its range of the text again: the edit tree reaches into any element this way.
 */
export function expandLite(el: LiteElement): void {
  if (el.kids !== null) return;
  if (el.selfClosing) {
    el.kids = [];
    return;
  }
  const reader = new Reader(el.src, () => KEEP_KIDS, 'XML');
  try {
    reader.fragment(el);
  } catch (e) {
    el.kids = null;
    if (e instanceof Bail) throw new Error(`expandLite: ${e.reason}`);
    throw e;
  }
}
