/**
 * Flat OPC (a whole package in one XML document, `pkg:package`): what Word's `Body.getOoxml()`
 * returns. The main document part is read by the same walk as a .docx (walker.ts), so the Word
 * add-in and the CLI read a document the same way: controls in tables, plain-text controls,
 * merged cells, revisions (w:ins kept, w:del skipped) and fields.
 *
 * Fast path: the strict reader (fastxml.ts) over the whole text, keeping only the package
 * skeleton and what the walk needs in the main part. Anything outside its subset takes the DOM
 * path (xmldom), which accepts or refuses the text as for a .docx part.
 */
import { DocumentError, type DocumentSnapshot } from '../types';
import { KEEP_KIDS, parseLite, type LiteElement, type Materialize } from './fastxml';
import { domOps, liteMaterializer, liteOps, readBody, W_NS, W_STRICT_NS, WView, type NodeOps } from './walker';
import { parseXml } from './xml';

export const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';
const MAIN_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
/** Revision marks in the body (run-level and row-level). */
const REVISIONS = new Set(['ins', 'del', 'moveFrom', 'moveTo']);

export interface FlatOpcRead {
  snapshot: DocumentSnapshot;
  /** `w:sdtPr/w:id` of each control of the snapshot, by index (undefined when absent). */
  controlIds: Array<number | undefined>;
  /** The body holds tracked insertions, deletions or moves. */
  hasRevisions: boolean;
  /**
   * For each control of the snapshot, by index: the rows of its table (`blockIndex`) it lies in
   * or wraps (empty outside tables). A row deletion must not take a control with it.
   */
  controlRows: number[][];
  /** 'fast' or 'dom: <reason>' (diagnostics and tests). */
  path: string;
}

function flatMaterializer(): Materialize {
  let main: Materialize | undefined;
  return (ns, local) => {
    if (ns === PKG_NS) return local === 'package' || local === 'part' || local === 'xmlData' ? KEEP_KIDS : 0;
    if (!main) {
      if (local !== 'document' || (ns !== W_NS && ns !== W_STRICT_NS)) return 0; // other parts' roots
      main = liteMaterializer();
    }
    // Other parts' roots after the main part are not kept either (not among the walk's elements).
    return main(ns, local);
  };
}

function notFlatOpc(detail: string): DocumentError {
  return new DocumentError('missing-part', 'Word không trả về nội dung tài liệu ở dạng Office Open XML như mong đợi.', detail);
}

function readWith<N>(
  ops: NodeOps<N>,
  root: N,
  prefixOf: (el: N) => string | null,
  /** Whether the element's children are available (the fast path keeps only some). */
  hasKids: (el: N) => boolean,
): Omit<FlatOpcRead, 'path'> {
  if (ops.ns(root) !== PKG_NS || ops.local(root) !== 'package') throw notFlatOpc(`root is not pkg:package`);
  let documentEl: N | undefined;
  for (const part of ops.kids(root)) {
    if (ops.ns(part) !== PKG_NS || ops.local(part) !== 'part') continue;
    const name = ops.attrNS(part, PKG_NS, 'name') ?? ops.attr(part, 'pkg:name');
    const type = ops.attrNS(part, PKG_NS, 'contentType') ?? ops.attr(part, 'pkg:contentType');
    if (name !== '/word/document.xml' && type !== MAIN_CONTENT_TYPE) continue;
    const data = ops.kids(part).find((c) => ops.ns(c) === PKG_NS && ops.local(c) === 'xmlData');
    documentEl = data && ops.kids(data).find((c) => ops.local(c) === 'document');
    if (documentEl) break;
  }
  if (!documentEl) throw notFlatOpc('no main document part');
  const wNs = ops.ns(documentEl);
  if (wNs !== W_NS && wNs !== W_STRICT_NS) throw notFlatOpc('main part is not WordprocessingML');
  const body = ops.kids(documentEl).find((c) => ops.ns(c) === wNs && ops.local(c) === 'body');
  if (!body) throw notFlatOpc('no w:body');
  const view = new WView(ops, wNs, prefixOf(body) ?? 'w');
  const model = readBody(view, body);
  const controlIds = model.controls.map((c) => {
    const pr = view.wChild(c.sdt, 'sdtPr');
    const raw = view.wVal(pr !== undefined ? view.wChild(pr, 'id') : undefined);
    if (raw === undefined || !/^-?\d+$/.test(raw)) return undefined;
    // Word writes the id as a signed 32-bit number; ContentControl.id is the same value.
    return Number(raw);
  });
  let hasRevisions = false;
  const visit = (el: N): void => {
    for (const c of ops.kids(el)) {
      if (hasRevisions) return;
      if (ops.ns(c) === wNs && REVISIONS.has(ops.local(c))) hasRevisions = true;
      else if (hasKids(c)) visit(c);
    }
  };
  // Only materialized children are visited on the fast path: p, r, sdt, tbl, tr, trPr, tc and
  // the inline containers, which is where run and row revisions live.
  visit(body);
  // Which table row each control sits in (or, for a row-level control, which rows it wraps).
  const sdtRow = new Map<N, number[]>();
  const collect = (el: N, name: string, found: (n: N) => void): void => {
    for (const c of ops.kids(el)) {
      if (ops.ns(c) === wNs && ops.local(c) === name) found(c);
      if (hasKids(c)) collect(c, name, found);
    }
  };
  for (const block of model.blocks) {
    block.rows?.forEach((row, r) => collect(row.tr, 'sdt', (sdt) => sdtRow.set(sdt, [...(sdtRow.get(sdt) ?? []), r])));
  }
  const controlRows = model.controls.map((c, i) => {
    const own = sdtRow.get(c.sdt);
    if (own) return own;
    if (c.level !== 'row') return [];
    const rows = model.blocks[model.snapshot.controls[i]!.blockIndex]?.rows ?? [];
    const wrapped: number[] = [];
    collect(c.sdt, 'tr', (tr) => {
      const r = rows.findIndex((x) => x.tr === tr);
      if (r >= 0) wrapped.push(r);
    });
    return wrapped;
  });
  return { snapshot: model.snapshot, controlIds, hasRevisions, controlRows };
}

/** Reads the body of a flat OPC package (Word's `getOoxml()`): the same snapshot as the .docx. */
export function readFlatOpc(xml: string): FlatOpcRead {
  const text = xml.startsWith('\uFEFF') ? xml.slice(1) : xml;
  // Word puts `<?mso-application progid="Word.Document"?>` after the XML declaration; the
  // strict reader takes no processing instructions, and this one carries nothing we read.
  const source = text.replace(/^(<\?xml[^?]*\?>)?(\s*<\?mso-application[^?]*\?>)/, '$1');
  const lite = parseLite(source, flatMaterializer());
  if ('root' in lite) {
    try {
      return { ...readWith<LiteElement>(liteOps, lite.root, (el) => el.prefix, (el) => el.kids !== null), path: 'fast' };
    } catch (e) {
      if (e instanceof DocumentError) throw e;
      // A lite element missing something the walk needs: the DOM path reads it.
      return { ...readDom(text), path: `dom: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  return { ...readDom(text), path: `dom: ${lite.bail}` };
}

function readDom(text: string): Omit<FlatOpcRead, 'path'> {
  const part = parseXml(text, 'getOoxml()');
  return readWith<Element>(domOps, part.root, (el) => el.prefix ?? null, () => true);
}

/** Wraps a main document part's XML (a `w:document` element) as Word's flat OPC. */
export function toFlatOpc(documentXml: string): string {
  const inner = documentXml.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  return (
    '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n' +
    `<pkg:package xmlns:pkg="${PKG_NS}">` +
    '<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>' +
    '</pkg:xmlData></pkg:part>' +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="${MAIN_CONTENT_TYPE}"><pkg:xmlData>${inner}</pkg:xmlData></pkg:part>` +
    '</pkg:package>'
  );
}
