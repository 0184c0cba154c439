import type { Block, DocumentSnapshot } from '../../src/document/types';
import { parseInline } from '../../src/core/layout/parse';

/**
 * The seed transcript read naively, page-break artefacts included: one paragraph per line
 * (paragraphs cut at a page end stay cut), tab-separated lines as table rows, a blank line
 * ends a table (so a table cut by a page break becomes two tables, the second starting with a
 * repeated header or none at all), no header-row flags, header lines as plain paragraphs.
 * This is the shape of a received document without numbering styles or table properties.
 */
export function transcriptToSnapshot(source: string): DocumentSnapshot {
  const blocks: Block[] = [];
  const plain = (s: string) => parseInline(s.replace(/<ul[^>]*>|<\/ul>/g, '')).map((r) => r.text).join('');
  let table: Extract<Block, { type: 'table' }> | undefined;
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[ \r]+$/, ''); // keep trailing tabs: they are empty cells
    if (!line.trim()) {
      table = undefined;
      continue;
    }
    if (line.includes('\t')) {
      if (!table) {
        table = { type: 'table', index: blocks.length, rows: [] };
        blocks.push(table);
      }
      table.rows.push({ header: false, cells: line.split('\t').map((c) => ({ text: plain(c).trim(), span: 1, mergedUp: false })) });
      continue;
    }
    table = undefined;
    blocks.push({ type: 'paragraph', index: blocks.length, text: plain(line), spans: [] });
  }
  return { blocks, controls: [] };
}
