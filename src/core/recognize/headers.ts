/**
 * A table's multi-level header, read over grid columns: header cells merged across columns
 * (gridSpan, or left empty in a plain copy when the row below splits them) and down rows (vMerge)
 * become a tree whose leaves are the table's columns, each named by its header path
 * ("Kết quả / Đúng hạn"). Shared by the template-free table check
 * (src/core/statements/tables.ts) and the appendix reader (appendix.ts) for forms whose value
 * columns are named by their header path.
 */
import type { TableBlock } from '../document';

export interface GridCell {
  text: string;
  /** Index of the cell in its row's `cells` (the cell a spanned column belongs to). */
  cell: number;
  /** Continues the cell to its left (gridSpan) or above (vMerge). */
  spanLeft: boolean;
  mergedUp: boolean;
}

/** The table's rows over grid columns; a cell merged from above repeats the text above. */
export function grid(table: Pick<TableBlock, 'rows'>): GridCell[][] {
  const rows: GridCell[][] = [];
  table.rows.forEach((row, r) => {
    const out: GridCell[] = [];
    row.cells.forEach((c, i) => {
      for (let k = 0; k < Math.max(1, c.span); k++) {
        const above = rows[r - 1]?.[out.length];
        const text = c.mergedUp && above ? above.text : c.text.trim();
        out.push({ text, cell: i, spanLeft: k > 0, mergedUp: c.mergedUp });
      }
    });
    rows.push(out);
  });
  return rows;
}

export interface HeaderNode {
  text: string;
  from: number;
  to: number; // inclusive grid columns
  level: number;
  children: HeaderNode[];
}

/** The header tree over grid columns, from the first `headerRows` rows of `rows`. */
export function headerTree(rows: GridCell[][], headerRows: number, width: number): HeaderNode[] {
  const build = (level: number, from: number, to: number): HeaderNode[] => {
    if (level >= headerRows) return [];
    const row = rows[level] ?? [];
    const nodes: HeaderNode[] = [];
    let c = from;
    while (c <= to) {
      const cell = row[c];
      const text = cell?.text ?? '';
      let end = c;
      // A merged cell spans right (gridSpan), or in a plain copy an empty cell continues the
      // header on its left when a row below splits it (in a three-level header the split may
      // be two rows down: "Mới tiếp nhận" over "Trực tuyến | Trực tiếp").
      const splitBelow = (col: number) => rows.slice(level + 1, headerRows).some((r) => (r[col]?.text ?? '') !== '');
      while (end + 1 <= to) {
        const next = row[end + 1];
        if (!next) break;
        const continues = next.spanLeft || (next.text === '' && text !== '' && splitBelow(end + 1));
        if (!continues) break;
        end++;
      }
      const mergedDown = level > 0 && cell?.mergedUp === true;
      const node: HeaderNode = { text: mergedDown ? '' : text, from: c, to: end, level, children: [] };
      const below = build(level + 1, c, end);
      if (text === '' || mergedDown) {
        // Nothing at this level: the headers below stand in its place.
        nodes.push(...(below.length > 0 ? below : [node]));
      } else {
        node.children = below.length === 1 && below[0]!.from === c && below[0]!.to === end && below[0]!.children.length === 0 && below[0]!.text === '' ? [] : below;
        nodes.push(node);
      }
      c = end + 1;
    }
    return nodes;
  };
  return build(0, 0, width - 1);
}

/** The header texts over grid column `c`, top to bottom (empty levels left out). */
export function headerPathAt(tree: HeaderNode[], c: number): string[] {
  const path: string[] = [];
  let nodes = tree;
  for (;;) {
    const n = nodes.find((x) => x.from <= c && c <= x.to);
    if (!n) break;
    if (n.text) path.push(n.text);
    nodes = n.children;
  }
  return path;
}

/** The leaves of a header tree (the table's columns), left to right. */
export function headerLeaves(nodes: HeaderNode[]): HeaderNode[] {
  return nodes.flatMap((n) => (n.children.length === 0 ? [n] : headerLeaves(n.children)));
}
