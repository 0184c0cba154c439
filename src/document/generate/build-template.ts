/**
 * Builds the official template and the filled sample from the template definition and the
 * report layout. The same recogniser that reads received documents places every field in the
 * layout; narrative figures become content controls, appendix values stay plain table cells
 * (Word on the web does not list controls inside tables, so cells are addressed by table).
 */
import { layoutToSnapshot, parseLayout } from '../../core/layout/parse';
import type { LayoutBlock, LayoutCell } from '../../core/layout/types';
import { locateFields, type LocatedOccurrence } from '../../core/recognize/locate';
import { PLACEHOLDERS } from '../../core/template/placeholders';
import type { TemplateDefinition } from '../../core/template/schema';
import { templateMark } from '../../core/template/detect';

export { PLACEHOLDERS };
import { writeDocx, type ControlPlacement, type WriteOptions } from './write-docx';


export interface TemplateBuild {
  blocks: LayoutBlock[];
  placements: ControlPlacement[];
  clearCells: NonNullable<WriteOptions['clearCells']>;
  /**
   * Figures inside a text cell ("ban hành 15 Quyết định …" in a Phụ lục III output): the template
   * keeps the cell's wording and shows the figure's placeholder, so the figure can be found and
   * filled (a cleared cell would lose the wording that locates it).
   */
  cellFigures: { block: number; row: number; cell: number; start: number; end: number; text: string }[];
  /** Occurrences the layout did not place (should be none; the coverage test guards it). */
  unplaced: LocatedOccurrence[];
}

/** Works out where every field goes in the layout. */
export function planTemplate(definition: TemplateDefinition, layoutText: string): TemplateBuild {
  const blocks = parseLayout(layoutText);
  const snapshot = layoutToSnapshot(blocks);
  const { occurrences } = locateFields(definition, snapshot);
  const fields = new Map(definition.fields.map((f) => [f.id, f]));
  const candidates: ControlPlacement[] = [];
  const clearCells: TemplateBuild['clearCells'] = [];
  const cellFigures: TemplateBuild['cellFigures'] = [];
  const unplaced: LocatedOccurrence[] = [];
  for (const o of occurrences) {
    const field = fields.get(o.fieldId)!;
    const place = o.place;
    if (!o.found || !place) {
      unplaced.push(o);
      continue;
    }
    if (o.occurrence.where === 'appendix') {
      if (place.kind === 'cell') {
        const table = blocks[place.blockIndex];
        const headerRows = table?.type === 'table' ? table.headerRows.length : 0;
        const at = { block: place.blockIndex, row: place.row - headerRows, cell: place.cell };
        const occ = o.occurrence;
        if (occ.before || occ.after) cellFigures.push({ ...at, start: place.start, end: place.end, text: field.placeholder ?? PLACEHOLDERS[field.kind] });
        else clearCells.push(at);
      }
      continue;
    }
    if (place.kind === 'control') continue; // the layout has no controls
    const base = { tag: field.id, title: field.label, placeholder: field.placeholder ?? PLACEHOLDERS[field.kind], start: place.start, end: place.end, block: place.blockIndex };
    candidates.push(place.kind === 'cell' ? { ...base, cell: { row: place.row, cell: place.cell } } : base);
  }
  // One figure, one control: where places nest (a fraction "30/50" and its two counts), the
  // outermost is the control and the inner figures are read through it.
  const placements = candidates.filter(
    (p) =>
      !candidates.some(
        (q) =>
          q !== p &&
          q.block === p.block &&
          q.cell?.cell === p.cell?.cell &&
          q.start <= p.start &&
          p.end <= q.end &&
          (q.end - q.start > p.end - p.start || candidates.indexOf(q) < candidates.indexOf(p)),
      ),
  );
  // A cell that holds a figure located by its wording keeps that wording (its other figures show
  // placeholders too): it is not cleared whole.
  const keep = new Set(cellFigures.map((c) => `${c.block}:${c.row}:${c.cell}`));
  // The document carries its template's id: a control around the title ("BÁO CÁO").
  const title = blocks.findIndex((b) => b.type === 'paragraph' && b.role === 'title');
  const titleBlock = blocks[title];
  if (titleBlock?.type === 'paragraph') placements.unshift({ ...templateMark(definition), block: title, start: 0, end: titleBlock.text.length, keep: true });
  return { blocks, placements, clearCells: clearCells.filter((c) => !keep.has(`${c.block}:${c.row}:${c.cell}`)), cellFigures, unplaced };
}

/** A layout cell with text [start, end) (offsets in the cell's text, paragraphs joined by "\n") replaced. */
function replaceInCell(cell: LayoutCell, start: number, end: number, text: string): LayoutCell {
  let offset = 0;
  let inserted = false;
  const paragraphs = cell.paragraphs.map((runs, pi) => {
    if (pi > 0) offset += 1; // the "\n" between paragraphs
    return runs.map((run) => {
      const from = offset;
      const to = offset + run.text.length;
      offset = to;
      if (to <= start || from >= end) return run;
      const keepBefore = run.text.slice(0, Math.max(0, start - from));
      const keepAfter = run.text.slice(Math.max(0, end - from));
      const middle = inserted ? '' : text;
      inserted = true;
      return { ...run, text: keepBefore + middle + keepAfter };
    });
  });
  return { ...cell, paragraphs, text: cell.text.slice(0, start) + text + cell.text.slice(end) };
}

/** The layout with each figure inside a text cell replaced by its placeholder (from the end backwards). */
function withCellPlaceholders(blocks: LayoutBlock[], figures: TemplateBuild['cellFigures']): LayoutBlock[] {
  const sorted = [...figures].sort((a, b) => b.start - a.start);
  return blocks.map((block, index) => {
    if (block.type !== 'table' || !sorted.some((f) => f.block === index)) return block;
    const rows = block.rows.map((row, r) =>
      row.map((cell, c) => sorted.filter((f) => f.block === index && f.row === r && f.cell === c).reduce((acc, f) => replaceInCell(acc, f.start, f.end, f.text), cell)),
    );
    return { ...block, rows };
  });
}

export function buildTemplateDocx(definition: TemplateDefinition, layoutText: string, mode: WriteOptions['mode']): Uint8Array {
  const plan = planTemplate(definition, layoutText);
  return writeDocx(mode === 'template' ? withCellPlaceholders(plan.blocks, plan.cellFigures) : plan.blocks, {
    mode,
    placements: plan.placements,
    clearCells: mode === 'template' ? plan.clearCells : [],
    title: definition.title,
    templateId: definition.id,
  });
}
