/**
 * An OPC package (.docx) on top of the safe zip reader: finds the main document part, gives lazy
 * access to parts (bytes or parsed XML), and saves a new zip in which only the XML parts whose DOM
 * was changed are re-serialized; every other entry is copied raw.
 */
import { DocumentError } from '../types';
import { ZipArchive, type ZipLimits } from './zip';
import { XmlPart, decodeXml, parseXml, parseXmlBytes, type XmlEncoding } from './xml';

const OFFICE_DOCUMENT_TYPES = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  'http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
]);

/** Resolves a relationship target against the directory of its source part (package root here). */
export function resolvePartName(baseDir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export class DocxPackage {
  private readonly xmlParts = new Map<string, XmlPart>();
  private readonly replacedBytes = new Map<string, Uint8Array>();
  /** Decoded text of parts read as text, so a later DOM parse does not inflate them again. */
  private readonly texts = new Map<string, { text: string; encoding: XmlEncoding }>();

  private constructor(
    readonly zip: ZipArchive,
    /** Zip entry name of the main document part (usually "word/document.xml"). */
    readonly mainPartName: string,
  ) {}

  static open(bytes: Uint8Array, limits?: Partial<ZipLimits>): DocxPackage {
    const zip = ZipArchive.open(bytes, limits);
    let main: string | undefined;
    const rels = zip.get('_rels/.rels');
    if (rels) {
      const part = parseXmlBytes(zip.read(rels), '_rels/.rels');
      for (let c: Node | null = part.root.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== 1) continue;
        const el = c as Element;
        if (el.localName !== 'Relationship') continue;
        if (!OFFICE_DOCUMENT_TYPES.has(el.getAttribute('Type') ?? '')) continue;
        if ((el.getAttribute('TargetMode') ?? '') === 'External') continue;
        const target = el.getAttribute('Target');
        if (!target) continue;
        let name = resolvePartName('', target);
        try {
          name = zip.get(name) ? name : decodeURIComponent(name);
        } catch {
          // keep the undecoded name
        }
        const entry = zip.get(name);
        if (entry) {
          main = entry.name;
          break;
        }
      }
    }
    if (!main) main = zip.get('word/document.xml')?.name;
    if (!main) {
      throw new DocumentError(
        'missing-part',
        'Tệp .docx không có phần nội dung chính (word/document.xml); có thể đây không phải tài liệu Word.',
        'main document part not found',
      );
    }
    return new DocxPackage(zip, main);
  }

  get partNames(): string[] {
    return this.zip.entries.filter((e) => !e.isDirectory).map((e) => e.name);
  }

  has(name: string): boolean {
    return this.zip.has(name);
  }

  /** The part's current bytes (inflated lazily; reflects replacements, not DOM edits). */
  getBytes(name: string): Uint8Array {
    const replaced = this.replacedBytes.get(name);
    if (replaced) return replaced;
    return this.zip.read(name);
  }

  /** The part's text, decoded like parseXmlBytes does (BOM kept), cached. */
  getText(name: string): { text: string; encoding: XmlEncoding } {
    const key = this.zip.get(name)?.name ?? name;
    let decoded = this.texts.get(key);
    if (!decoded) {
      decoded = decodeXml(this.getBytes(key), key);
      this.texts.set(key, decoded);
    }
    return decoded;
  }

  /** The part parsed as XML, cached: edits to the DOM are saved when the part is marked dirty. */
  getXml(name: string): XmlPart {
    const entry = this.zip.get(name);
    const key = entry?.name ?? name;
    let part = this.xmlParts.get(key);
    if (!part) {
      const decoded = this.texts.get(key);
      part = decoded ? parseXml(decoded.text, key, decoded.encoding) : parseXmlBytes(this.getBytes(key), key);
      this.texts.delete(key);
      this.xmlParts.set(key, part);
    }
    return part;
  }

  /** Whether the part's DOM has been built (getXml). */
  isParsed(name: string): boolean {
    return this.xmlParts.has(this.zip.get(name)?.name ?? name);
  }

  get mainDocument(): XmlPart {
    return this.getXml(this.mainPartName);
  }

  /** Replaces a part's bytes wholesale (or adds a new part). */
  setBytes(name: string, bytes: Uint8Array): void {
    this.xmlParts.delete(name);
    this.texts.delete(name);
    this.replacedBytes.set(name, bytes);
  }

  /** A new zip: changed XML parts re-serialized, replaced parts deflated, everything else raw. */
  save(): Uint8Array {
    const changes = new Map<string, Uint8Array>(this.replacedBytes);
    for (const [name, part] of this.xmlParts) {
      if (part.changed) changes.set(name, part.toBytes());
    }
    return this.zip.save(changes);
  }
}
