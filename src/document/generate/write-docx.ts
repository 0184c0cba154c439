/**
 * Writes the official report layout as a new .docx (WordprocessingML), laid out per
 * Nghị định 30/2020/NĐ-CP: A4, margins 20/20/30/15 mm, Times New Roman, header table with the
 * issuing body and the national motto, justified body with first-line indent, bold centred
 * appendix titles, appendix tables with repeating header rows. Figures become inline content
 * controls (tag = field id, title = label). Output is deterministic (fixed zip times and
 * document properties), so a rebuild of unchanged sources gives identical bytes.
 */
import { zipSync, strToU8 } from 'fflate';
import { newDataPartFiles } from '../ooxml/custom-xml';
import type { Inline, LayoutBlock, LayoutCell, LayoutParagraph, LayoutTable } from '../../core/layout/types';

/** Where a figure sits: a layout paragraph, or a paragraph inside a header/closing/table cell. */
export interface ControlPlacement {
  tag: string;
  title: string;
  block: number;
  /** For header/closing blocks: side 0 = left, 1 = right; for tables: row (body rows) and cell. */
  cell?: { row: number; cell: number };
  /** Offsets in the paragraph or cell text (cell text joins its paragraphs with "\n"). */
  start: number;
  end: number;
  /** Placeholder shown instead of the figure (template mode). */
  placeholder?: string;
  /** The text stays in both modes (a control that marks the document, not a figure). */
  keep?: true;
}

export interface WriteOptions {
  placements: ControlPlacement[];
  /** Table cells to leave empty (template mode: appendix values to be entered). */
  clearCells?: { block: number; row: number; cell: number }[];
  /** 'sample' keeps the figures inside the controls; 'template' shows placeholders. */
  mode: 'sample' | 'template';
  title: string;
  /** The template's id, stored in baocao's custom XML part (the title's control carries it too). */
  templateId?: string;
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const FONT = 'Times New Roman';
const TEXT_WIDTH = 9355; // twips: 210 mm − 30 mm − 15 mm

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number; // half-points
  placeholder?: boolean;
}

function rPr(style: RunStyle): string {
  const parts: string[] = [];
  if (style.placeholder) parts.push('<w:rStyle w:val="PlaceholderText"/>');
  if (style.bold) parts.push('<w:b/>');
  if (style.italic) parts.push('<w:i/>');
  if (style.size) parts.push(`<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>`);
  return parts.length ? `<w:rPr>${parts.join('')}</w:rPr>` : '';
}

function run(text: string, style: RunStyle): string {
  if (!text) return '';
  // Tabs and line breaks inside a run are elements, not characters.
  return text
    .split('\n')
    .map((line, i) => {
      const pieces = line.split('\t').map((t) => (t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : ''));
      return `${i ? '<w:br/>' : ''}${pieces.join('<w:tab/>')}`;
    })
    .map((body) => `<w:r>${rPr(style)}${body}</w:r>`)
    .join('');
}

let nextControlId = 1;

function control(text: string, style: RunStyle, p: ControlPlacement, mode: WriteOptions['mode']): string {
  const placeholder = mode === 'template' && !p.keep;
  const shown = placeholder ? p.placeholder ?? '[…]' : text;
  const id = nextControlId++;
  return (
    // A rich-text control (no <w:text/>): LibreOffice drops the run properties of the text inside a
    // plain-text control (the title loses its bold, the date its italic); Word keeps them either way.
    `<w:sdt><w:sdtPr>${rPr(style)}<w:alias w:val="${esc(p.title)}"/><w:tag w:val="${esc(p.tag)}"/><w:id w:val="${id}"/>` +
    `${placeholder ? '<w:showingPlcHdr/>' : ''}</w:sdtPr>` +
    `<w:sdtContent>${run(shown, { ...style, placeholder })}</w:sdtContent></w:sdt>`
  );
}

/** Runs of a paragraph with the placements (offsets into the joined text) turned into controls. */
function inlineContent(runs: Inline[], base: RunStyle, placements: ControlPlacement[], offset: number, mode: WriteOptions['mode']): string {
  const sorted = placements.slice().sort((a, b) => a.start - b.start);
  let out = '';
  let pos = offset;
  for (const r of runs) {
    const style = { ...base, bold: base.bold || r.bold, italic: base.italic || r.italic };
    const end = pos + r.text.length;
    let cursor = pos;
    while (cursor < end) {
      const inside = sorted.find((p) => p.start <= cursor && cursor < p.end);
      if (inside) {
        // A control spanning several runs takes the style of the run it starts in.
        if (inside.start === cursor) out += control(fullText(runs, offset).slice(inside.start - offset, inside.end - offset), style, inside, mode);
        cursor = Math.min(end, inside.end);
        continue;
      }
      const next = sorted.find((p) => p.start > cursor && p.start < end);
      const stop = next ? next.start : end;
      out += run(r.text.slice(cursor - pos, stop - pos), style);
      cursor = stop;
    }
    pos = end;
  }
  return out;
}

const fullText = (runs: Inline[], _offset: number): string => runs.map((r) => r.text).join("");

interface ParagraphStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  /** A rule line under the paragraph, centred, this long (twips) in a column this wide. */
  rule?: { length: number; column: number };
  /** Drawn as its own thin empty paragraph after this one (a line shorter than the text). */
  ruleApart?: boolean;
  firstLine?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

function paragraphXml(runs: Inline[], ps: ParagraphStyle, placements: ControlPlacement[], offset: number, mode: WriteOptions['mode']): string {
  const pPr: string[] = [];
  if (ps.keepNext) pPr.push('<w:keepNext/>');
  if (ps.pageBreakBefore) pPr.push('<w:pageBreakBefore/>');
  // Nghị định 30/2020: a solid line under the motto and under the issuing body's name, centred.
  // A bottom border spans the paragraph between its indents, so the indents set its length.
  // (Schema order: pBdr before spacing, ind after it.)
  const side = ps.rule ? Math.max(0, Math.round((ps.rule.column - ps.rule.length) / 2)) : 0;
  const inline = ps.rule && !ps.ruleApart;
  if (inline) pPr.push('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>');
  pPr.push(`<w:spacing w:before="${ps.before ?? 0}" w:after="${ps.rule && ps.ruleApart ? 0 : (ps.after ?? 0)}" w:line="252" w:lineRule="auto"/>`);
  if (inline) pPr.push(`<w:ind w:left="${side}" w:right="${side}"/>`);
  if (ps.firstLine) pPr.push(`<w:ind w:firstLine="${ps.firstLine}"/>`);
  pPr.push(`<w:jc w:val="${ps.align ?? 'both'}"/>`);
  const base: RunStyle = { size: ps.size, bold: ps.bold, italic: ps.italic };
  const line =
    ps.rule && ps.ruleApart
      ? `<w:p><w:pPr><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="${ps.after ?? 0}" w:line="120" w:lineRule="exact"/><w:ind w:left="${side}" w:right="${side}"/><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr></w:pPr></w:p>`
      : '';
  return `<w:p><w:pPr>${pPr.join('')}</w:pPr>${inlineContent(runs, base, placements, offset, mode)}</w:p>${line}`;
}

function styleFor(p: LayoutParagraph): ParagraphStyle {
  switch (p.role) {
    case 'title':
      return { align: 'center', before: 240, size: 28, keepNext: true };
    case 'subtitle':
      return { align: 'center', after: 240, size: 28, keepNext: true };
    case 'heading':
      return { align: 'both', firstLine: 567, before: 120, after: 60, size: 28, keepNext: true };
    case 'appendix-title':
      return { align: 'center', size: 28, keepNext: true, pageBreakBefore: p.pageBreakBefore };
    case 'appendix-subtitle':
    case 'form-title':
    case 'form-subtitle':
      return { align: 'center', size: 28, keepNext: true, before: p.role === 'form-title' ? 240 : 0 };
    case 'appendix-caption':
      return { align: 'center', size: 28, after: 120, keepNext: true };
    default:
      return { align: 'both', firstLine: 567, after: 120, size: 28 };
  }
}

function cellXml(
  cell: LayoutCell,
  width: number,
  opts: { header?: boolean; align?: ParagraphStyle['align']; size: number; borders: boolean; clear?: boolean },
  placements: ControlPlacement[],
  mode: WriteOptions['mode'],
): string {
  const tcPr: string[] = [`<w:tcW w:w="${width}" w:type="dxa"/>`];
  if (cell.span && cell.span > 1) tcPr.push(`<w:gridSpan w:val="${cell.span}"/>`);
  if (cell.vMerge) tcPr.push(cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>');
  tcPr.push('<w:vAlign w:val="center"/>');
  const paragraphs = opts.clear ? [[]] : cell.paragraphs.length ? cell.paragraphs : [[]];
  let offset = 0;
  const body = paragraphs
    .map((runs) => {
      const len = runs.reduce((n, r) => n + r.text.length, 0);
      const mine = placements.filter((p) => p.start >= offset && p.end <= offset + len);
      const xml = paragraphXml(
        runs,
        { align: opts.align ?? 'left', size: opts.size, bold: opts.header, before: 40, after: 40 },
        mine,
        offset,
        mode,
      );
      offset += len + 1;
      return xml;
    })
    .join('');
  return `<w:tc><w:tcPr>${tcPr.join('')}</w:tcPr>${body}</w:tc>`;
}

const BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('') +
  '</w:tblBorders>';
const NO_BORDERS =
  '<w:tblBorders>' + ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="nil"/>`).join('') + '</w:tblBorders>';

function tableXml(widths: number[], rows: string[], borders: boolean, total = TEXT_WIDTH): string {
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/>${borders ? BORDERS : NO_BORDERS}` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
  );
}

/** About how wide a line of Times New Roman is (twips): capitals wider, spaces narrower. */
export function textWidth(text: string, halfPoints: number, bold: boolean): number {
  const em = halfPoints * 10; // twips per em
  let ems = 0;
  for (const ch of text) ems += ch === ' ' ? 0.25 : ch.toUpperCase() === ch && ch.toLowerCase() !== ch ? 0.7 : 0.47;
  return Math.round(ems * em * (bold ? 1.05 : 1));
}

/**
 * The rule line under a side of the header (Nghị định 30/2020): under the last line in bold that
 * starts the side (the issuing body's name, the motto). The motto's line is as long as the motto;
 * the issuing body's, between a third and a half of the name (here 2/5).
 */
function ruleOf(ps: LayoutParagraph[], sizes: number[], column: number, fraction: number): { index: number; length: number } | undefined {
  let index = -1;
  for (let k = 0; k < ps.length; k++) {
    const runs = ps[k]!.runs.filter((r) => r.text.trim() !== '');
    if (runs.length && runs.every((r) => r.bold)) index = k;
    else if (index >= 0) break;
  }
  if (index < 0) return undefined;
  const size = sizes[index] ?? sizes[sizes.length - 1] ?? 28;
  return { index, length: Math.min(column, Math.round(textWidth(ps[index]!.text, size, true) * fraction)) };
}

function sideBySide(
  left: LayoutParagraph[],
  right: LayoutParagraph[],
  widths: [number, number],
  sizes: { left: number[]; right: number[] },
  placements: ControlPlacement[],
  mode: WriteOptions['mode'],
  rules = false,
): string {
  const CELL_MARGINS = 216; // the table's default left + right cell margins
  const side = (ps: LayoutParagraph[], index: number, sz: number[]) => {
    let offset = 0;
    const inCell = placements.filter((p) => p.cell?.cell === index);
    const column = (widths[index] ?? 0) - CELL_MARGINS;
    // The motto's line is as long as the motto (a little more, so that the text never wraps
    // inside it); the issuing body's is shorter than its name, so it is a paragraph of its own.
    const rule = rules ? ruleOf(ps, sz, column, index === 0 ? 0.4 : 1.1) : undefined;
    const body = ps
      .map((p, k) => {
        const mine = inCell.filter((c) => c.start >= offset && c.end <= offset + p.text.length);
        const style: ParagraphStyle = { align: ps === left && k > 0 && p.role === 'list' ? 'left' : 'center', size: sz[k] ?? sz[sz.length - 1], after: 40 };
        if (rule && rule.index === k) style.rule = { length: rule.length, column };
        if (rule && rule.index === k && index === 0) style.ruleApart = true;
        const xml = paragraphXml(p.runs, style, mine, offset, mode);
        offset += p.text.length + 1;
        return xml;
      })
      .join('');
    return `<w:tc><w:tcPr><w:tcW w:w="${widths[index]}" w:type="dxa"/></w:tcPr>${body}</w:tc>`;
  };
  return tableXml(widths, [`<w:tr>${side(left, 0, sizes.left)}${side(right, 1, sizes.right)}</w:tr>`], false);
}

function formOrTaskTable(t: LayoutTable, blockIndex: number, opts: WriteOptions, placements: ControlPlacement[]): string {
  const clear = new Set((opts.clearCells ?? []).filter((c) => c.block === blockIndex).map((c) => `${c.row}:${c.cell}`));
  const widthOf = (k: number, span = 1) => t.widths.slice(k, k + span).reduce((a, b) => a + b, 0);
  // A wide form (many figure columns) is set a point smaller so that its figures fit their columns.
  const size = t.kind === 'grid' ? 22 : 24;
  const header = t.headerRows.map((row) => {
    let grid = 0;
    const cells = row
      .map((c) => {
        const xml = cellXml(c, widthOf(grid, c.span), { header: true, align: 'center', size, borders: true }, [], opts.mode);
        grid += c.span ?? 1;
        return xml;
      })
      .join('');
    return `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${cells}</w:tr>`;
  });
  const body = t.rows.map((row, r) => {
    const groupRow = t.kind === 'tasks' && /^[IVX]+$/.test(row[0]?.text ?? '');
    const cells = row
      .map((c, k) =>
        cellXml(
          c,
          widthOf(k),
          { align: k === 0 || (t.kind === 'form' && k >= 2 && k <= 3) || (t.kind === 'grid' && k >= 2) ? 'center' : 'left', size, borders: true, header: groupRow, clear: clear.has(`${r}:${k}`) },
          placements.filter((p) => p.cell?.row === r && p.cell.cell === k),
          opts.mode,
        ),
      )
      .join('');
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells}</w:tr>`;
  });
  return tableXml(t.widths, [...header, ...body], true, t.kind === 'grid' ? t.widths.reduce((a, b) => a + b, 0) : TEXT_WIDTH);
}

/**
 * Which blocks sit on landscape pages: an appendix (from its "Phụ lục" title to the next one)
 * that holds a table too wide for a portrait page.
 */
function landscapeBlocks(blocks: LayoutBlock[]): boolean[] {
  const out = blocks.map(() => false);
  let start = -1;
  const close = (end: number) => {
    if (start >= 0 && blocks.slice(start, end).some((b) => b.type === 'table' && b.landscape)) out.fill(true, start, end);
  };
  blocks.forEach((b, i) => {
    if (b.type === 'paragraph' && b.role === 'appendix-title') {
      close(i);
      start = i;
    }
  });
  close(blocks.length);
  return out;
}

function sectPrXml(landscape: boolean): string {
  const size = landscape ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' : '<w:pgSz w:w="11906" w:h="16838"/>';
  return (
    `<w:sectPr>${size}` +
    '<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>' +
    '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

export function documentXml(blocks: LayoutBlock[], opts: WriteOptions): string {
  nextControlId = 1;
  const byBlock = new Map<number, ControlPlacement[]>();
  for (const p of opts.placements) byBlock.set(p.block, [...(byBlock.get(p.block) ?? []), p]);
  const landscape = landscapeBlocks(blocks);
  const body = blocks
    .map((b, i) => {
      const placements = byBlock.get(i) ?? [];
      // Where the orientation changes, the section before ends (a section break starts a new page).
      const turn = i > 0 && landscape[i] !== landscape[i - 1];
      const sectionEnd = turn ? `<w:p><w:pPr>${sectPrXml(landscape[i - 1]!)}</w:pPr></w:p>` : '';
      switch (b.type) {
        case 'paragraph':
          return sectionEnd + paragraphXml(b.runs, turn ? { ...styleFor(b), pageBreakBefore: false } : styleFor(b), placements, 0, opts.mode);
        case 'header':
          return sectionEnd + sideBySide(b.left, b.right, [3600, TEXT_WIDTH - 3600], { left: [26, 26, 26], right: [26, 28, 28] }, placements, opts.mode, true);
        case 'closing':
          return sectionEnd + sideBySide(b.left, b.right, [4500, TEXT_WIDTH - 4500], { left: [24, 22], right: [28] }, placements, opts.mode);
        case 'table':
          return sectionEnd + formOrTaskTable(b, i, opts, placements) + '<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>';
      }
    })
    .join('');
  const sectPr = sectPrXml(landscape[landscape.length - 1] ?? false);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W_NS}><w:body>${body}${sectPr}</w:body></w:document>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="character" w:styleId="PlaceholderText"><w:name w:val="Placeholder Text"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:rPr><w:color w:val="808080"/></w:rPr></w:style></w:styles>`;

const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings ${W_NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/></Relationships>`;

const core = (title: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>baocao</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`;

const APP = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>baocao</Application></Properties>`;

/** A complete .docx for the layout. */
export function writeDocx(blocks: LayoutBlock[], opts: WriteOptions): Uint8Array {
  const mtime = new Date(Date.UTC(2022, 0, 1)); // fixed: reproducible builds
  const file = (s: string): [Uint8Array, { mtime: Date }] => [strToU8(s), { mtime }];
  const part = opts.templateId ? newDataPartFiles({ template: opts.templateId, fields: [] }) : undefined;
  const contentTypes = part ? CONTENT_TYPES.replace('</Types>', `<Override PartName="${part.override.partName}" ContentType="${part.override.contentType}"/></Types>`) : CONTENT_TYPES;
  const docRels = part ? DOC_RELS.replace('</Relationships>', `<Relationship Id="rId3" Type="${part.relationship.type}" Target="${part.relationship.target}"/></Relationships>`) : DOC_RELS;
  return zipSync(
    {
      '[Content_Types].xml': file(contentTypes),
      '_rels/.rels': file(ROOT_RELS),
      'docProps/core.xml': file(core(opts.title)),
      'docProps/app.xml': file(APP),
      'word/document.xml': file(documentXml(blocks, opts)),
      'word/styles.xml': file(STYLES),
      'word/settings.xml': file(SETTINGS),
      'word/_rels/document.xml.rels': file(docRels),
      ...Object.fromEntries(Object.entries(part?.files ?? {}).map(([name, text]) => [name, file(text)])),
    },
    { level: 6 },
  );
}
