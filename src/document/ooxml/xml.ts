/**
 * Safe XML parsing and byte-faithful serialization for OOXML parts, on @xmldom/xmldom.
 *
 * Safety: any `<!DOCTYPE` or `<!ENTITY` in the text is refused before parsing ('xml-doctype'),
 * so no entity (internal or external) can ever be declared, let alone expanded. OOXML parts never
 * carry a DOCTYPE. (The check is deliberately textual and conservative: the string inside a comment
 * or CDATA section is refused too.)
 *
 * Strictness policy ('xml-malformed'): xmldom reports problems to `onError` and would otherwise
 * recover silently. We throw on every 'error' and 'fatalError', and on every 'warning' except
 * "Unicode replacement character detected": a U+FFFD in text is legitimate content that real Word
 * files carry (e.g. after a lossy conversion), whereas the other warnings are about attributes
 * without quotes or values, markup that Word itself would refuse to open.
 *
 * Round-trip, measured on the 292-file corpus and the CCHC sample (tests/ooxml/corpus.test.ts):
 *  - Saving (`serialize()`, the default) writes every element outside the edited ones as its
 *    original source text, so parse → serialize is identical for every file, and an edit changes
 *    the bytes of the edited elements only.
 *  - Plain XMLSerializer output (`serialize({ raw: false })`) is identical for 272 of 292 main
 *    documents, after three measures against differences xmldom alone would introduce:
 *      1. line endings are not normalized on parse (`normalizeLineEndings` is the identity), so
 *         "\r\n" between elements survives (Word writes one after the XML declaration);
 *      2. the prolog (XML declaration, byte order mark, whitespace) and the epilog (the trailing
 *         newline many generators write) are kept as raw text around the serialized root;
 *      3. empty elements written `<a></a>` (LibreOffice writes `<w:rPr></w:rPr>`) would come back
 *         as `<a/>`; each such element gets an empty text node so the serializer keeps the long
 *         form. Code walking the DOM must tolerate empty text nodes (element-only walks do).
 *    The 20 remaining differences, all equivalent XML, are listed in the corpus test:
 *    `&quot;` in text comes back as `"` (this includes the CCHC sample), `&#xA;` in attributes as
 *    `&#10;`, whitespace inside tags (`<w:p >`, `<a />`, attributes on several lines) is
 *    normalized. Other character references also come back as characters.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { DocumentError } from '../types';
import { MAX_XML_DEPTH, tooDeep } from './fastxml';

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A parsed XML part that remembers its source text, for byte-faithful saving. */
export class XmlPart {
  /** Elements whose own start tag or child list changed (see `markDirty`). */
  private readonly dirty = new Set<Node>();
  private ranges: WeakMap<Node, readonly [number, number]> | undefined;

  constructor(
    readonly doc: Document,
    readonly root: Element,
    /** The text handed to the parser (without BOM). */
    readonly source: string,
    /** Raw text before the root element (BOM, XML declaration, comments, whitespace). */
    readonly prolog: string,
    /** Raw text after the root element. */
    readonly epilog: string,
    readonly encoding: XmlEncoding,
    private readonly starts: number[],
    private readonly rootStart: number,
    private readonly rootEnd: number,
  ) {}

  get changed(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * Records the source range of every element, so untouched elements can later be written back
   * as their original text. Must run before the first mutation (ranges come from the original
   * tree shape); `markDirty` calls it.
   */
  prepareForEdit(): void {
    if (!this.ranges) this.ranges = computeRanges(this.root, this.source, this.starts, this.rootStart, this.rootEnd);
  }

  /**
   * Declares that `node`'s own markup changed: its attributes, its text, or its list of children
   * (a child inserted, removed or moved). Descendants not marked keep their original text.
   */
  markDirty(node: Node): void {
    this.prepareForEdit();
    this.dirty.add(node);
  }

  /**
   * Serializes the part. By default (`raw`), every element outside the dirty paths is written as
   * its original source text, so the output differs from the input only inside edited elements.
   * With `raw: false`, the whole tree goes through XMLSerializer (used to measure its fidelity).
   */
  serialize(opts: { raw?: boolean } = {}): string {
    const raw = opts.raw !== false;
    if (raw && this.dirty.size === 0) return this.prolog + this.source.slice(this.rootStart, this.rootEnd) + this.epilog;
    const serializer = new XMLSerializer();
    if (!raw) return this.prolog + serializer.serializeToString(this.root as never) + this.epilog;
    const onPath = new Set<Node>();
    for (const d of this.dirty) {
      for (let n: Node | null = d; n && !onPath.has(n); n = n.parentNode) onPath.add(n);
    }
    const ranges = this.ranges!;
    const source = this.source;
    const nodeFilter = (n: Node): Node | string => {
      if (n.nodeType === 1 && !onPath.has(n)) {
        const r = ranges.get(n);
        if (r) return source.slice(r[0], r[1]);
      }
      return n;
    };
    const body = serializer.serializeToString(this.root as never, { nodeFilter } as never);
    return this.prolog + body + this.epilog;
  }

  toBytes(opts: { raw?: boolean } = {}): Uint8Array {
    return encodeXml(this.serialize(opts), this.encoding);
  }
}

const REPLACEMENT_CHAR_WARNING = 'Unicode replacement character';

function malformed(partName: string, detail: string): DocumentError {
  return new DocumentError(
    'xml-malformed',
    `Thành phần "${partName}" của tệp .docx có XML sai cú pháp nên không đọc được.`,
    detail,
  );
}

/** Decodes XML bytes (UTF-8 by default; UTF-16 when a byte order mark says so). The BOM is kept. */
export function decodeXml(bytes: Uint8Array, partName = 'XML'): { text: string; encoding: XmlEncoding } {
  let encoding: XmlEncoding = 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    throw malformed(partName, `invalid ${encoding} byte sequence`);
  }
}

/** Encodes text back to bytes in the part's original encoding (the BOM, if any, is part of the text). */
export function encodeXml(text: string, encoding: XmlEncoding = 'utf-8'): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  const le = encoding === 'utf-16le';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 * i] = le ? c & 0xff : c >> 8;
    out[2 * i + 1] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

/**
 * Scans a start tag beginning at `offset` (the '<'); returns the index just after its '>' and
 * whether it was self-closing. Quoted attribute values may contain '>' and '/'.
 */
export function scanStartTag(source: string, offset: number): { end: number; selfClosing: boolean } {
  let i = offset + 1;
  let quote = '';
  while (i < source.length) {
    const c = source[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return { end: i + 1, selfClosing: source[i - 1] === '/' };
    }
    i++;
  }
  return { end: source.length, selfClosing: false };
}

function lineStarts(source: string): number[] {
  const starts = [0];
  const re = /\r\n?|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) starts.push(m.index + m[0].length);
  return starts;
}

interface Located {
  lineNumber?: number;
  columnNumber?: number;
}

function offsetOf(node: Node, starts: number[]): number | undefined {
  const { lineNumber, columnNumber } = node as unknown as Located;
  if (!lineNumber || !columnNumber) return undefined;
  const lineStart = starts[lineNumber - 1];
  return lineStart === undefined ? undefined : lineStart + columnNumber - 1;
}

/**
 * Whether the text contains "<!DOCTYPE" or "<!ENTITY", ASCII case-insensitively (what
 * /<!DOCTYPE|<!ENTITY/i matches), without running a case-insensitive regex over the whole part.
 */
function hasDeclaration(text: string): boolean {
  const matchesAt = (at: number, word: string): boolean => {
    for (let k = 0; k < word.length; k++) if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
    return true;
  };
  for (let i = text.indexOf('<!'); i >= 0; i = text.indexOf('<!', i + 2)) {
    if (matchesAt(i + 2, 'doctype') || matchesAt(i + 2, 'entity')) return true;
  }
  return false;
}

/** Refuses any DOCTYPE or ENTITY declaration (see the header); shared by both read paths. */
export function refuseDoctype(text: string, partName = 'XML'): void {
  if (hasDeclaration(text)) {
    throw new DocumentError(
      'xml-doctype',
      `Thành phần "${partName}" của tệp .docx chứa khai báo DOCTYPE/ENTITY; tệp bị từ chối vì lý do an toàn.`,
      'DOCTYPE or ENTITY declaration',
    );
  }
}

/** Parses XML text; refuses DTDs and malformed markup. */
export function parseXml(text: string, partName = 'XML', encoding: XmlEncoding = 'utf-8'): XmlPart {
  refuseDoctype(text, partName);
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = bom ? text.slice(1) : text;
  let doc: Document;
  try {
    doc = new DOMParser({
      locator: true,
      normalizeLineEndings: (s: string) => s,
      onError: (level, message) => {
        if (level === 'warning' && message.includes(REPLACEMENT_CHAR_WARNING)) return;
        throw malformed(partName, `${level}: ${message}`);
      },
    }).parseFromString(source, 'text/xml') as unknown as Document;
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    // xmldom wraps errors thrown by onError in a ParseError; unwrap ours.
    const cause = (e as { cause?: unknown }).cause;
    if (cause instanceof DocumentError) throw cause;
    throw malformed(partName, e instanceof Error ? e.message : String(e));
  }
  const root = doc.documentElement;
  if (!root) throw malformed(partName, 'no root element');
  checkDepth(root, partName);

  const needOffsets = source.includes('></');
  const starts = lineStarts(source);
  const rootStart = offsetOf(root, starts);
  if (rootStart === undefined || source[rootStart] !== '<') throw malformed(partName, 'cannot locate the root element');
  const prolog = bom + source.slice(0, rootStart);
  let rootEnd: number;
  const rootTag = scanStartTag(source, rootStart);
  if (rootTag.selfClosing) {
    rootEnd = rootTag.end;
  } else {
    const endTagAt = (close: number, end: number): boolean =>
      close >= rootTag.end &&
      /^<\/[^\s>]+\s*>$/.test(source.slice(close, end)) &&
      source.slice(close + 2, close + 2 + root.tagName.length) === root.tagName;
    rootEnd = epilogStart(source);
    let close = source.lastIndexOf('</' + root.tagName, rootEnd);
    if (!endTagAt(close, rootEnd)) {
      // An epilog this scan does not follow (xmldom also accepts CDATA there): the last end tag.
      close = source.lastIndexOf('</' + root.tagName);
      rootEnd = source.indexOf('>', close) + 1;
      if (!endTagAt(close, rootEnd)) throw malformed(partName, 'cannot locate the end of the root element');
    }
  }
  const epilog = source.slice(rootEnd);

  if (needOffsets) keepExpandedEmptyElements(doc, root, source, starts);
  return new XmlPart(doc, root, source, prolog, epilog, encoding, starts, rootStart, rootEnd);
}

/**
 * Where the epilog (whitespace, comments, processing instructions after the root element) of a
 * well-formed text begins, found from the end: a comment in the epilog may contain the root's
 * end tag ("<!-- </w:document> -->"), so the last "</w:document>" is not necessarily the root's.
 * A comment cannot contain "--", so the last "<!--" before a final "-->" starts that comment;
 * a processing instruction cannot contain "?>", and the last "<?" before it starts it unless its
 * data holds "<?" (then the end tag check of the caller refuses the text).
 */
function epilogStart(source: string): number {
  let end = source.length;
  for (;;) {
    while (end > 0 && /[ \t\r\n]/.test(source.charAt(end - 1))) end--;
    let start = -1;
    if (source.endsWith('-->', end)) start = source.lastIndexOf('<!--', end - 3);
    else if (source.endsWith('?>', end)) start = source.lastIndexOf('<?', end - 2);
    if (start < 0) return end;
    end = start;
  }
}

/** Refuses a tree nested deeper than MAX_XML_DEPTH (iteratively; see fastxml.ts). */
function checkDepth(root: Element, partName: string): void {
  let depth = 1;
  let n: Node = root;
  // Pre-order walk by first child / next sibling / parent: constant extra space.
  for (;;) {
    let next: Node | null = n.firstChild;
    while (next && next.nodeType !== 1) next = next.nextSibling;
    if (next) {
      depth++;
      if (depth > MAX_XML_DEPTH) throw tooDeep(partName);
      n = next;
      continue;
    }
    for (;;) {
      if (n === root) return;
      let sib: Node | null = n.nextSibling;
      while (sib && sib.nodeType !== 1) sib = sib.nextSibling;
      if (sib) {
        n = sib;
        break;
      }
      n = n.parentNode!;
      depth--;
    }
  }
}

/** Gives every childless element that was written `<a></a>` an empty text node (see header). */
function keepExpandedEmptyElements(doc: Document, root: Element, source: string, starts: number[]): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.firstChild) {
      for (let c: Node | null = node.lastChild; c; c = c.previousSibling) if (c.nodeType === 1) stack.push(c);
      continue;
    }
    const at = offsetOf(node, starts);
    if (at === undefined || source[at] !== '<') continue;
    if (!scanStartTag(source, at).selfClosing) node.appendChild(doc.createTextNode(''));
  }
}

export function serializeXml(part: XmlPart, opts: { raw?: boolean } = {}): string {
  return part.serialize(opts);
}

/**
 * Source ranges [start, end) of the elements of the tree. A node's range ends where its next
 * sibling starts, or where its parent's closing tag starts. Each range is checked (it must begin
 * with the element's start tag and end with its closing tag, or be one self-closing tag);
 * elements whose range cannot be established are simply absent (they get re-serialized).
 */
function computeRanges(
  root: Element,
  source: string,
  starts: number[],
  rootStart: number,
  rootEnd: number,
): WeakMap<Node, readonly [number, number]> {
  const ranges = new WeakMap<Node, readonly [number, number]>();
  const stack: Array<[Element, number, number]> = [[root, rootStart, rootEnd]];
  while (stack.length) {
    const [el, start, end] = stack.pop()!;
    const text = source.slice(start, Math.min(end, start + el.tagName.length + 2));
    if (!text.startsWith('<' + el.tagName) || !/[\s/>]/.test(text.charAt(el.tagName.length + 1))) continue;
    const tag = scanStartTag(source, start);
    if (tag.selfClosing) {
      if (tag.end === end && !hasRealChildren(el)) ranges.set(el, [start, end]);
      continue;
    }
    // The closing tag: the last '</' before `end`, which must name this element.
    const close = source.lastIndexOf('</', end - 1);
    if (close < tag.end || !/^<\/([^\s>]+)\s*>$/.test(source.slice(close, end))) continue;
    if (source.slice(close + 2, close + 2 + el.tagName.length) !== el.tagName) continue;
    ranges.set(el, [start, end]);
    // Children: each ends where the next one starts, the last one at our closing tag.
    let childEnd = close;
    for (let c: Node | null = el.lastChild; c; c = c.previousSibling) {
      const cStart = offsetOf(c, starts);
      if (cStart === undefined || cStart < tag.end || cStart > childEnd) {
        // An unlocated node (e.g. our empty text placeholder, or a node kind without position):
        // the previous sibling's end is unknown, unless this node is an empty text.
        if (c.nodeType === 3 && (c as Text).data === '') continue;
        childEnd = -1;
        continue;
      }
      if (c.nodeType === 1 && childEnd >= 0) stack.push([c as Element, cStart, childEnd]);
      childEnd = cStart;
    }
  }
  return ranges;
}

function hasRealChildren(el: Element): boolean {
  for (let c: Node | null = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 3 || (c as Text).data !== '') return true;
  }
  return false;
}

export function parseXmlBytes(bytes: Uint8Array, partName = 'XML'): XmlPart {
  const { text, encoding } = decodeXml(bytes, partName);
  return parseXml(text, partName, encoding);
}

export function serializeXmlBytes(part: XmlPart, opts: { raw?: boolean } = {}): Uint8Array {
  return part.toBytes(opts);
}
