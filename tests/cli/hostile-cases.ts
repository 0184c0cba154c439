/**
 * Hostile inputs for the CLI, generated (no committed binaries): documents derived from the
 * bundled sample by editing word/document.xml, and files that are not documents at all.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The .docx `bytes` with word/document.xml rewritten by `edit`. */
export function withDocumentXml(bytes: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const files = unzipSync(new Uint8Array(bytes));
  files['word/document.xml'] = strToU8(edit(strFromU8(files['word/document.xml']!)));
  return zipSync(files);
}
