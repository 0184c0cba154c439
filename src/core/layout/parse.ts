/**
 * Parses the report's text (one paragraph a line, tables as tab-separated rows, light markup:
 * *italic*, **bold**, <i>…</i>, <ul> lists) into layout blocks. The text is the page-by-page
 * transcript of the signed report, so it carries page-break artefacts that this parser undoes:
 * paragraphs cut at a page end, table headers repeated on each page, task rows split across pages.
 *
 * A table with a merged header of its own (a wide statistics form: levels as rows, indicators
 * as columns under two or three header rows) writes the merges in its header lines: a cell "<"
 * continues the cell on its left (gridSpan), a cell "^" the cell above (vMerge). Its header rows
 * are the leading lines holding such a mark (every one does: the TT column spans them all).
 */
import type { DocumentSnapshot, ParagraphBlock, TableBlock } from '../document';
import type {
  Inline,
  LayoutBlock,
  LayoutCell,
  LayoutClosing,
  LayoutHeader,
  LayoutParagraph,
  LayoutTable,
  ParagraphRole,
} from './types';

const TERMINAL = /[.:;!?)]$/;
/** Starts with a lower-case letter, a digit or "(": the line continues a sentence. */
function continuesSentence(text: string): boolean {
  const c = text.charAt(0);
  return /[0-9(]/.test(c) || (c === c.toLowerCase() && c !== c.toUpperCase());
}
const HEADING = /^(?:[A-Z]\.|[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s/u;

// Column widths (twips) for a 16.5 cm text width (A4 less 30 mm + 15 mm margins).
const FORM_WIDTHS = [780, 4200, 1500, 1300, 1575];
const TASK_WIDTHS = [780, 4300, 4275];
// A grid table of more than six columns goes on landscape pages: 297 mm less 30 mm + 15 mm.
const PORTRAIT_WIDTH = 9355;
const LANDSCAPE_WIDTH = 14287;
const MERGE_LEFT = '<';
const MERGE_UP = '^';

/** Inline markup → runs. `*x*` italic, `**x**` bold, `<i>x</i>` italic; unbalanced markers are dropped. */
export function parseInline(raw: string): Inline[] {
  // Broken markdown in the transcript ("***Title**", "**Title.*") marks a bold-italic line.
  const starred = /^\*{2,}/.test(raw);
  let text = raw;
  if (starred) {
    return [{ text: text.replace(/\*/g, '').trim(), bold: true, italic: true }];
  }
  text = text.replace(/<ul[^>]*>|<\/ul>/g, '');
  const runs: Inline[] = [];
  let italic = false;
  let bold = false;
  let buffer = '';
  const flush = () => {
    if (buffer) runs.push({ text: buffer, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) });
    buffer = '';
  };
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('<i>', i)) {
      flush();
      italic = true;
      i += 2;
    } else if (text.startsWith('</i>', i)) {
      flush();
      italic = false;
      i += 3;
    } else if (text.startsWith('**', i)) {
      flush();
      bold = !bold;
      i += 1;
    } else if (text[i] === '*') {
      flush();
      italic = !italic;
    } else {
      buffer += text[i];
    }
  }
  flush();
  return mergeRuns(runs);
}

function mergeRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

const plain = (runs: Inline[]) => runs.map((r) => r.text).join('');

function paragraph(role: ParagraphRole, raw: string, extra: Partial<LayoutParagraph> = {}): LayoutParagraph {
  let runs = parseInline(raw);
  if (['title', 'subtitle', 'heading', 'appendix-title', 'appendix-subtitle', 'form-title', 'form-subtitle'].includes(role)) {
    runs = runs.map((r) => ({ ...r, bold: true }));
  }
  if (role === 'appendix-caption') runs = runs.map((r) => ({ ...r, italic: true }));
  runs = mergeRuns(runs);
  return { type: 'paragraph', role, runs, text: plain(runs), ...extra };
}

function cell(raw: string, extra: Partial<LayoutCell> = {}): LayoutCell {
  // A <ul> of "- item" entries becomes one paragraph per item.
  const items = /<ul[^>]*>/.test(raw)
    ? raw
        .replace(/<ul[^>]*>|<\/ul>/g, '')
        .trim()
        .split(/(?<=\.)\s+(?=- )/)
    : [raw];
  const paragraphs = items.map((item) => mergeRuns(parseInline(item.trim())));
  return { paragraphs, text: paragraphs.map(plain).join('\n'), ...extra };
}

function headingRole(text: string, inTaskList: boolean): ParagraphRole {
  if (/^[-+]\s/.test(text)) return 'list';
  if (/^\*{2,}/.test(text)) return 'heading';
  // Numbered lines in "III. Phương hướng, nhiệm vụ" are tasks, not headings.
  // Lettered items ("a) …") are headings only when they are a title, not a sentence.
  if (/^[a-zđ]\)/u.test(text) && /\.$/.test(text)) return 'body';
  if (HEADING.test(text) && text.length < 200 && !/;$/.test(text) && (!inTaskList || /^[A-Z]\.|^[IVX]+\./.test(text))) return 'heading';
  return 'body';
}

interface Line {
  text: string;
  /** An empty line came before it (a page or paragraph gap in the transcript). */
  gap: boolean;
}

function toLines(source: string): Line[] {
  const lines: Line[] = [];
  let gap = false;
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const text = raw.replace(/\s+$/, '');
    if (!text.trim()) {
      gap = true;
      continue;
    }
    lines.push({ text, gap });
    gap = false;
  }
  return lines;
}

/** Joins prose lines cut at a page end: the cut line ends mid-sentence and the next continues it. */
function joinCutParagraphs(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    const isTable = line.text.includes('\t');
    if (
      prev &&
      !isTable &&
      !prev.text.includes('\t') &&
      line.gap &&
      !TERMINAL.test(prev.text.replace(/\*+$/, '')) &&
      !HEADING.test(line.text) &&
      !(HEADING.test(prev.text) && prev.text.length < 200) &&
      // A long paragraph cut mid-sentence may continue with a capital ("Sơn La; 06 cá nhân…"),
      // but a line set in bold/italic markup is a heading of its own.
      (continuesSentence(line.text) || (prev.text.length > 300 && !line.text.startsWith('*')))
    ) {
      prev.text = `${prev.text} ${line.text}`;
      continue;
    }
    out.push({ ...line });
  }
  return out;
}

const stripMarkup = (s: string) => plain(parseInline(s)).replace(/\s+/g, ' ').trim();

const isMark = (c: string) => c.trim() === MERGE_LEFT || c.trim() === MERGE_UP;

/** A table whose header lines write their merges ("<", "^"): see the module comment. */
function parseGridTable(rows: string[][]): LayoutTable {
  let headerCount = 0;
  while (headerCount < rows.length && (rows[headerCount] ?? []).some(isMark)) headerCount++;
  // Each header line becomes cells with spans and vertical merges, tracked over grid columns.
  const headerRows: LayoutCell[][] = [];
  const byGrid: (LayoutCell | undefined)[][] = [];
  for (let r = 0; r < headerCount; r++) {
    const out: LayoutCell[] = [];
    const at: (LayoutCell | undefined)[] = [];
    for (const raw of rows[r] ?? []) {
      const last = out[out.length - 1];
      if (raw.trim() === MERGE_LEFT && last) {
        last.span = (last.span ?? 1) + 1;
        at.push(last);
        continue;
      }
      if (raw.trim() === MERGE_UP) {
        const above = byGrid[r - 1]?.[at.length];
        if (above && above.vMerge !== 'continue') above.vMerge = 'restart';
        const c = cell('', { vMerge: 'continue' });
        out.push(c);
        at.push(c);
        continue;
      }
      const c = cell(raw);
      out.push(c);
      at.push(c);
    }
    headerRows.push(out);
    byGrid.push(at);
  }
  const width = Math.max(1, ...byGrid.map((r) => r.length));
  const body = rows.slice(headerCount).map((row) => Array.from({ length: width }, (_, k) => cell(row[k] ?? '')));
  const landscape = width > 6;
  const total = landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH;
  // TT narrow, the row label wider, the figures share the rest.
  const code = 700;
  const label = Math.max(1800, Math.round((total - code) * 0.18));
  const each = Math.floor((total - code - label) / Math.max(1, width - 2));
  const widths = width <= 2 ? [code, total - code].slice(0, width) : [code, label, ...Array.from({ length: width - 2 }, () => each)];
  return { type: 'table', kind: 'grid', widths, headerRows, rows: body, ...(landscape ? { landscape } : {}) };
}

function parseTable(rows: string[][]): LayoutTable {
  if (rows.slice(0, 4).some((row) => row.some(isMark))) return parseGridTable(rows);
  const first = rows[0] ?? [];
  const kind: LayoutTable['kind'] = first.length === 3 ? 'tasks' : 'form';
  const headerKey = stripMarkup(first.join('|'));
  const headerCount = kind === 'form' ? 2 : 1;
  const headerRows: LayoutCell[][] =
    kind === 'form'
      ? [
          [
            cell(first[0] ?? 'TT', { vMerge: 'restart' }),
            cell(first[1] ?? '', { vMerge: 'restart' }),
            cell(first[2] ?? '', { span: 2 }),
            cell(first[4] ?? '', { vMerge: 'restart' }),
          ],
          [
            cell('', { vMerge: 'continue' }),
            cell('', { vMerge: 'continue' }),
            cell(rows[1]?.[2] ?? 'Đơn vị tính'),
            cell(rows[1]?.[3] ?? 'Số liệu'),
            cell('', { vMerge: 'continue' }),
          ],
        ]
      : [first.map((c) => cell(c))];
  const width = kind === 'form' ? 5 : 3;
  const body: string[][] = [];
  let afterRepeatedHeader = false;
  for (let i = headerCount; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (stripMarkup(row.join('|')) === headerKey) {
      // A header repeated at a page top: the table header row repeats by itself in Word.
      if (kind === 'form') i++; // skip its second line ("Đơn vị tính | Số liệu") too
      afterRepeatedHeader = true;
      continue;
    }
    const padded = Array.from({ length: width }, (_, k) => row[k] ?? '');
    const prev = body[body.length - 1];
    if (afterRepeatedHeader && kind === 'tasks' && !padded[0] && prev) {
      // A task row cut at the page end continues here.
      padded.forEach((text, k) => {
        if (text) prev[k] = prev[k] ? `${prev[k]} ${text}` : text;
      });
    } else {
      body.push(padded);
    }
    afterRepeatedHeader = false;
  }
  return { type: 'table', kind, widths: kind === 'form' ? FORM_WIDTHS : TASK_WIDTHS, headerRows, rows: body.map((r) => r.map((c) => cell(c))) };
}

/** Parses the report text into layout blocks. */
export function parseLayout(source: string): LayoutBlock[] {
  const lines = joinCutParagraphs(toLines(source));
  const blocks: LayoutBlock[] = [];
  let i = 0;

  // Header (Nghị định 30/2020): issuing body, motto, number, place and date.
  const headerLines = lines.slice(0, 6).map((l) => l.text);
  if (headerLines.length === 6 && /^Số:/.test(headerLines[4] ?? '')) {
    const header: LayoutHeader = {
      type: 'header',
      left: [headerLines[0]!, headerLines[1]!, headerLines[4]!].map((t) => paragraph('body', t)),
      right: [headerLines[2]!, headerLines[3]!, headerLines[5]!].map((t) => paragraph('body', t)),
    };
    header.left[1]!.runs.forEach((r) => (r.bold = true)); // the issuing body is bold, its superior is not
    header.right.slice(0, 2).forEach((p) => p.runs.forEach((r) => (r.bold = true)));
    header.right[2]!.runs.forEach((r) => (r.italic = true));
    blocks.push(header);
    i = 6;
  }

  let inAppendix = false;
  let inTaskList = false;
  let expect: ParagraphRole | null = null;
  while (i < lines.length) {
    const line = lines[i]!;
    const text = line.text;
    if (text.includes('\t')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.text.includes('\t')) {
        rows.push(lines[i]!.text.split('\t'));
        i++;
      }
      const table = parseTable(rows);
      const prev = blocks[blocks.length - 1];
      // A table cut by a page break: rows after the repeated header continue the table above.
      if (prev?.type === 'table' && prev.kind === table.kind) prev.rows.push(...table.rows);
      else blocks.push(table);
      continue;
    }
    i++;
    if (text === 'BÁO CÁO') {
      blocks.push(paragraph('title', text));
      expect = 'subtitle';
      continue;
    }
    if (expect === 'subtitle') {
      blocks.push(paragraph('subtitle', text));
      expect = null;
      continue;
    }
    if (text === 'Nơi nhận:') {
      const closing: LayoutClosing = { type: 'closing', left: [paragraph('body', text)], right: [] };
      closing.left[0]!.runs.forEach((r) => {
        r.bold = true;
        r.italic = true;
      });
      while (i < lines.length && /^- /.test(lines[i]!.text)) closing.left.push(paragraph('list', lines[i++]!.text));
      while (i < lines.length && !/^Phụ lục/.test(lines[i]!.text)) {
        const p = paragraph('body', lines[i++]!.text);
        p.runs.forEach((r) => (r.bold = true));
        closing.right.push(p);
      }
      blocks.push(closing);
      continue;
    }
    if (/^Phụ lục [IVX]+$/.test(text)) {
      inAppendix = true;
      blocks.push(paragraph('appendix-title', text, { pageBreakBefore: true }));
      expect = 'appendix-subtitle';
      continue;
    }
    if (inAppendix && /^Biểu mẫu \d+$/.test(text)) {
      blocks.push(paragraph('form-title', text));
      expect = 'form-subtitle';
      continue;
    }
    if (inAppendix && /^\(kèm theo/.test(text)) {
      blocks.push(paragraph('appendix-caption', text));
      expect = null;
      continue;
    }
    if (expect === 'appendix-subtitle' || expect === 'form-subtitle') {
      if (expect === 'appendix-subtitle' && /^Biểu mẫu/.test(text)) {
        expect = null;
        i--; // Phụ lục II starts directly with its first form
        continue;
      }
      blocks.push(paragraph(expect, text));
      // Phụ lục III's subtitle runs over two lines ("… CẢI CÁCH HÀNH CHÍNH" / "6 THÁNG ĐẦU NĂM …").
      if (expect === 'appendix-subtitle' && i < lines.length && lines[i]!.text === lines[i]!.text.toUpperCase() && !/^\(/.test(lines[i]!.text)) {
        blocks.push(paragraph('appendix-subtitle', lines[i++]!.text));
      }
      expect = null;
      continue;
    }
    if (/^[IVX]+\. /.test(text)) inTaskList = /^III\. PHƯƠNG HƯỚNG/i.test(text);
    blocks.push(paragraph(inAppendix ? 'body' : headingRole(text, inTaskList), text));
  }
  return blocks;
}

/** The layout as a document snapshot: what an adapter would read from the generated .docx. */
export function layoutToSnapshot(blocks: LayoutBlock[]): DocumentSnapshot {
  const out: (ParagraphBlock | TableBlock)[] = [];
  const para = (p: LayoutParagraph) => out.push({ type: 'paragraph', index: out.length, text: p.text, spans: [] });
  for (const block of blocks) {
    if (block.type === 'paragraph') para(block);
    else if (block.type === 'header' || block.type === 'closing') {
      const side = (ps: LayoutParagraph[]) => ({ text: ps.map((p) => p.text).join('\n'), span: 1, mergedUp: false });
      out.push({ type: 'table', index: out.length, rows: [{ header: false, cells: [side(block.left), side(block.right)] }] });
    } else {
      const toRow = (cells: LayoutCell[], header: boolean) => ({
        header,
        cells: cells.map((c) => ({ text: c.text, span: c.span ?? 1, mergedUp: c.vMerge === 'continue' })),
      });
      out.push({
        type: 'table',
        index: out.length,
        rows: [...block.headerRows.map((r) => toRow(r, true)), ...block.rows.map((r) => toRow(r, false))],
      });
    }
  }
  return { blocks: out, controls: [] };
}
