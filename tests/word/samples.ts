/** Real documents as snapshots, through the OOXML adapter (the Word fake is built from them). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import { REPO_DIR, RECEIVED_SAMPLE } from '../helpers/paths';

export const BOUND_SAMPLE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx');
export const TEMPLATE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'template.docx');
export { RECEIVED_SAMPLE };

export async function ooxmlSnapshot(file: string): Promise<DocumentSnapshot> {
  return OoxmlDocument.open(new Uint8Array(fs.readFileSync(file))).read();
}

/**
 * What Word reports for a document the OOXML adapter read: Word gives every paragraph a style
 * ("Normal" when none is set) and does not report merged cells.
 */
export function asWordSees(snapshot: DocumentSnapshot): DocumentSnapshot {
  const copy = structuredClone(snapshot);
  for (const block of copy.blocks) {
    if (block.type === 'paragraph') block.style = block.style ?? 'Normal';
    else for (const row of block.rows) for (const cell of row.cells) Object.assign(cell, { span: 1, mergedUp: false });
  }
  return copy;
}
