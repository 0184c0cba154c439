/** Package relationships of the main part: where they live and how a new one is added (comments, baocao's data part). */
import type { DocxPackage } from './package';
import { childElements } from './walker';

export const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The relationships part name of a part ("word/document.xml" → "word/_rels/document.xml.rels"). */
export function relsNameOf(partName: string): string {
  const slash = partName.lastIndexOf('/');
  return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
}

/** The folder of a part, with its trailing slash ("word/"). */
export function dirOf(partName: string): string {
  return partName.slice(0, partName.lastIndexOf('/') + 1);
}

/** Adds a relationship from the main part under the first free "rIdN" (creating the .rels part when missing). */
export function addRelationship(pkg: DocxPackage, type: string, target: string): void {
  const relsName = relsNameOf(pkg.mainPartName);
  if (!pkg.has(relsName)) {
    pkg.setBytes(relsName, new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${RELS_NS}"></Relationships>`));
  }
  const part = pkg.getXml(relsName);
  const used = new Set(childElements(part.root).map((r) => r.getAttribute('Id') ?? ''));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const rel = part.doc.createElementNS(part.root.namespaceURI ?? RELS_NS, 'Relationship');
  rel.setAttribute('Id', `rId${n}`);
  rel.setAttribute('Type', type);
  rel.setAttribute('Target', target);
  part.root.appendChild(rel);
  part.markDirty(part.root);
}
