/**
 * baocao's custom XML part in a .docx: customXml/itemN.xml (the data), customXml/itemPropsN.xml
 * (its datastore id and schema reference), customXml/_rels/itemN.xml.rels, a relationship from the
 * main part and the content types, as Word writes custom XML parts (ECMA-376 Part 1, §15.2.4–5).
 * Word keeps such parts through open and save; LibreOffice keeps them too.
 */
import { DOCUMENT_DATA_NS, type DataEdit, type DocumentData } from '../types';
import { dataPartNamespace, parseDocumentData, serializeDocumentData, MAX_DATA_PART_CHARS } from '../custom-data';
import { DocxPackage, resolvePartName } from './package';
import { childElements } from './walker';
import { RELS_NS, addRelationship, dirOf, relsNameOf } from './relationships';

const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const DS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/customXml';
const CUSTOM_XML_REL = /\/relationships\/customXml$/;
const CUSTOM_XML_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const PROPS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
const ITEM_CONTENT_TYPE = 'application/xml';
/** The datastore id of our part (fixed: one part per document, and saves stay deterministic). */
const ITEM_ID = '{6B8A3F1C-5D2E-4C7A-9B10-BA0CA0000001}';

/** Custom XML parts named by the main part's relationships, then any other customXml/item*.xml. */
function customXmlParts(pkg: DocxPackage): string[] {
  const out: string[] = [];
  const rels = relsNameOf(pkg.mainPartName);
  if (pkg.has(rels)) {
    try {
      for (const r of childElements(pkg.getXml(rels).root)) {
        if (r.localName !== 'Relationship' || !CUSTOM_XML_REL.test(r.getAttribute('Type') ?? '')) continue;
        if ((r.getAttribute('TargetMode') ?? '') === 'External') continue;
        const target = r.getAttribute('Target');
        if (target) out.push(resolvePartName(dirOf(pkg.mainPartName), target));
      }
    } catch {
      // An unreadable relationships part: the scan below still finds our part.
    }
  }
  for (const name of pkg.partNames) if (/^customXml\/item\d+\.xml$/iu.test(name) && !out.includes(name)) out.push(name);
  return out;
}

/** The name of baocao's part (the first with our namespace), if any. */
export function findDataPart(pkg: DocxPackage, known?: string): string | undefined {
  if (known) return known;
  for (const name of customXmlParts(pkg)) {
    const entry = pkg.zip.get(name);
    if (!entry) continue;
    // Read only the start of large parts to learn their namespace.
    if (entry.uncompressedSize > MAX_DATA_PART_CHARS * 4) {
      // Too large to be read at all; it is ours only if it says so, which we cannot afford to check.
      continue;
    }
    try {
      if (dataPartNamespace(pkg.getText(entry.name).text) === DOCUMENT_DATA_NS) return entry.name;
    } catch {
      // A part that does not decode is not ours to read.
    }
  }
  return undefined;
}

/** baocao's data in the package, or undefined when it has no such part. */
export function readDocumentData(pkg: DocxPackage): DocumentData | undefined {
  const name = findDataPart(pkg);
  if (!name) return undefined;
  let text: string;
  try {
    text = pkg.getText(name).text;
  } catch {
    return { fields: [], problem: 'Phần dữ liệu baocao trong tài liệu không đọc được; tài liệu được đọc như không có số liệu tự thêm.' };
  }
  return parseDocumentData(text.startsWith('\uFEFF') ? text.slice(1) : text);
}

/**
 * The files of a new data part numbered `n` beside a main part in word/ (for a package written
 * from scratch): item, its properties and their relationships; plus what the main part's
 * relationships and the content types must add.
 */
export function newDataPartFiles(data: DataEdit['data'], n = 1): { files: Record<string, string>; relationship: { type: string; target: string }; override: { partName: string; contentType: string } } {
  return {
    files: {
      [`customXml/item${n}.xml`]: serializeDocumentData(data),
      [`customXml/itemProps${n}.xml`]: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="${DS_NS}"><ds:schemaRefs><ds:schemaRef ds:uri="${DOCUMENT_DATA_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
      [`customXml/_rels/item${n}.xml.rels`]: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL_TYPE}" Target="itemProps${n}.xml"/></Relationships>`,
    },
    relationship: { type: CUSTOM_XML_REL_TYPE, target: `../customXml/item${n}.xml` },
    override: { partName: `/customXml/itemProps${n}.xml`, contentType: PROPS_CONTENT_TYPE },
  };
}

/** Writes baocao's part: replaces it when present, else adds it with its properties, relationships and content types. */
export function writeDocumentData(pkg: DocxPackage, data: DataEdit['data'], known?: string): string {
  const existing = findDataPart(pkg, known);
  if (existing) {
    pkg.setBytes(existing, new TextEncoder().encode(serializeDocumentData(data)));
    return existing;
  }
  const taken = new Set(pkg.partNames.map((n) => n.toLowerCase()));
  let n = 1;
  while (taken.has(`customxml/item${n}.xml`) || taken.has(`customxml/itemprops${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  for (const [name, text] of Object.entries(newDataPartFiles(data, n).files)) pkg.setBytes(name, new TextEncoder().encode(text));
  addRelationship(pkg, CUSTOM_XML_REL_TYPE, `${'../'.repeat(dirOf(pkg.mainPartName).split('/').length - 1)}${item}`);
  addContentTypes(pkg, `/${item}`, `/${props}`);
  return item;
}

function addContentTypes(pkg: DocxPackage, item: string, props: string): void {
  const name = '[Content_Types].xml';
  if (!pkg.has(name)) return; // the package is read without content types; Word would repair it
  const part = pkg.getXml(name);
  const kids = childElements(part.root);
  const add = (local: 'Override' | 'Default', attrs: Record<string, string>) => {
    const el = part.doc.createElementNS(part.root.namespaceURI ?? CT_NS, local);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    part.root.appendChild(el);
  };
  const hasXmlDefault = kids.some((k) => k.localName === 'Default' && (k.getAttribute('Extension') ?? '').toLowerCase() === 'xml');
  if (!hasXmlDefault) add('Override', { PartName: item, ContentType: ITEM_CONTENT_TYPE });
  add('Override', { PartName: props, ContentType: PROPS_CONTENT_TYPE });
  part.markDirty(part.root);
}
