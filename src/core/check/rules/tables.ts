/**
 * Statistics tables anywhere in the document (issue 13): every table that is not one of the
 * template's recognised appendix forms is read with its header hierarchy and verified (column
 * totals, total rows, rate columns; src/core/statements/tables.ts).
 */
import { checkTable } from '../../statements';
import type { CheckContext, RawFinding } from '../context';

export function tablesRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const block of ctx.snapshot.blocks) {
    if (block.type !== 'table') continue;
    // The template's forms are judged by its declared relations.
    const recognised = block.rows.some((row, r) => row.cells.some((_c, c) => ctx.appendixCell(block.index, r, c) !== undefined));
    if (recognised) continue;
    const result = checkTable(block);
    ctx.tally('table', result.verified);
    for (const f of result.findings) {
      const places = f.cells.map((c) => ({ pos: { block: block.index, row: c.row, cell: c.cell, start: 0, end: block.rows[c.row]?.cells[c.cell]?.text.length ?? 0 } }));
      const finding = ctx.finding('table', f.severity, f.message, f.evidence, places, f.expected);
      // A cell is named by its table, row label and column headers, as an appendix cell is.
      for (const loc of finding.locations) {
        const ref = f.cells.find((c) => c.row === loc.anchor?.row && c.cell === loc.anchor?.cell);
        if (!ref) continue;
        loc.table = 'Bảng số liệu';
        if (ref.rowLabel) loc.row = ref.rowLabel;
        if (ref.column) loc.column = ref.column;
        loc.excerpt = ref.text;
      }
      out.push(finding);
    }
  }
  return out;
}
