/**
 * Builds the official template and the filled sample from the template definition and the
 * report layout. The same recogniser that reads received documents places every field in the
 * layout; narrative figures become content controls, appendix values stay plain table cells
 * (Word on the web does not list controls inside tables, so cells are addressed by table).
 */
import { layoutToSnapshot, parseLayout } from '../../core/layout/parse';
import type { LayoutBlock } from '../../core/layout/types';
import { locateFields, type LocatedOccurrence } from '../../core/recognize/locate';
import { PLACEHOLDERS } from '../../core/template/placeholders';
import type { TemplateDefinition } from '../../core/template/schema';

export { PLACEHOLDERS };
import { writeDocx, type ControlPlacement, type WriteOptions } from './write-docx';


export interface TemplateBuild {
  blocks: LayoutBlock[];
  placements: ControlPlacement[];
  clearCells: NonNullable<WriteOptions['clearCells']>;
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
        clearCells.push({ block: place.blockIndex, row: place.row - headerRows, cell: place.cell });
      }
      continue;
    }
    if (place.kind === 'control') continue; // the layout has no controls
    const base = { tag: field.id, title: field.label, placeholder: PLACEHOLDERS[field.kind], start: place.start, end: place.end, block: place.blockIndex };
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
  return { blocks, placements, clearCells, unplaced };
}

export function buildTemplateDocx(definition: TemplateDefinition, layoutText: string, mode: WriteOptions['mode']): Uint8Array {
  const plan = planTemplate(definition, layoutText);
  return writeDocx(plan.blocks, {
    mode,
    placements: plan.placements,
    clearCells: mode === 'template' ? plan.clearCells : [],
    title: definition.title,
  });
}
