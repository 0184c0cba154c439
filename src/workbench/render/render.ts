/**
 * Renders a .docx as HTML for the workbench, from the same walk that produces the engine's
 * snapshot (walker.ts `readBody`): block i of the snapshot is the element with
 * `data-block="i"`, row r / cell c of a table block carry `data-row` / `data-cell`, and every
 * character of a paragraph's or cell's text is inside an element with `data-start` / `data-end`
 * (offsets in that paragraph's or cell's snapshot text). So the text content of a rendered
 * paragraph is exactly `snapshot.blocks[i].text`, and a RevealTarget maps to a DOM range without
 * any text matching.
 *
 * What is rendered: sections as pages (size and margins), paragraphs (alignment, spacing,
 * indents, page breaks), runs (bold, italic, underline, strike, caps, size, colour, highlight,
 * fonts, super/subscript), tables (grid widths, borders, shading, merged cells, vertical
 * alignment) and content controls (outlined, titled, placeholders grey). Not rendered: headers
 * and footers, images, numbering labels, floating objects.
 */
import { DocxPackage, resolvePartName } from '../../document/ooxml/package';
import { readDocumentData } from '../../document/ooxml/custom-xml';
import {
  W_NS,
  W_STRICT_NS,
  WView,
  Walker,
  childElements,
  domOps,
  emptyModel,
  readBody,
  type Atom,
  type InlineSink,
  type Model,
} from '../../document/ooxml/walker';
import { DocumentError, type DocumentSnapshot } from '../../document/types';
import { DocxStyles, WReader, type BorderProps, type CellProps, type ParaProps, type RunProps, type TableProps } from './props';

export interface RenderedDocument {
  /** The rendered document (one element per section, as pages). */
  root: HTMLElement;
  /** The snapshot the rendering was made from (equal to the engine's read of the same bytes). */
  snapshot: DocumentSnapshot;
  /** The element of a snapshot block. */
  blockElement(block: number): HTMLElement | undefined;
  /** The element of a table cell (for a vertically merged cell: the cell it continues). */
  cellElement(block: number, row: number, cell: number): HTMLElement | undefined;
  /** The elements of a content control: its inline span, or the blocks, rows or cells it wraps. */
  controlElements(controlIndex: number): HTMLElement[];
}

const twipsToPt = (v: number) => `${(v / 20).toFixed(2)}pt`;

const FONT_FALLBACK: Record<string, string> = {
  'times new roman': '"Liberation Serif", "Tinos", serif',
  arial: '"Liberation Sans", "Arimo", sans-serif',
  'courier new': '"Liberation Mono", "Cousine", monospace',
  calibri: '"Carlito", "Liberation Sans", sans-serif',
  cambria: '"Caladea", "Liberation Serif", serif',
};

function fontFamily(font: string | undefined): string {
  const name = font ?? 'Times New Roman';
  const fallback = FONT_FALLBACK[name.toLowerCase()] ?? '"Liberation Serif", serif';
  return `"${name.replace(/"/g, '')}", ${fallback}`;
}

function cssBorder(b: BorderProps | undefined): string {
  if (!b || b.style === 'none') return 'none';
  const width = b.style === 'double' ? Math.max(2.25, b.width) : b.width;
  return `${width.toFixed(2)}pt ${b.style} ${b.color}`;
}

/** The styles part of a package, through the main part's relationships (else word/styles.xml). */
function stylesRoot(pkg: DocxPackage): Element | undefined {
  const main = pkg.mainPartName;
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${main.slice(dir.length)}.rels`;
  let name: string | undefined;
  if (pkg.has(relsName)) {
    try {
      for (const rel of childElements(pkg.getXml(relsName).root)) {
        if (rel.localName !== 'Relationship' || !/\/styles$/.test(rel.getAttribute('Type') ?? '')) continue;
        if ((rel.getAttribute('TargetMode') ?? '') === 'External') continue;
        const target = rel.getAttribute('Target');
        if (target) name = resolvePartName(dir, target);
        break;
      }
    } catch {
      name = undefined;
    }
  }
  name = name && pkg.has(name) ? name : pkg.has(`${dir}styles.xml`) ? `${dir}styles.xml` : undefined;
  if (!name) return undefined;
  try {
    return pkg.getXml(name).root;
  } catch {
    // A broken styles part only costs formatting: the text still renders.
    return undefined;
  }
}

interface Section {
  blocks: number[];
  sectPr: Element | undefined;
}

/** A vertical-merge origin for each (row, cell), and the row span of each origin. */
function mergeMap(rows: DocumentSnapshot['blocks'][number] & { type: 'table' }): { origin: Array<Array<[number, number]>>; rowSpan: Map<string, number> } {
  const origin: Array<Array<[number, number]>> = [];
  const rowSpan = new Map<string, number>();
  // Grid column of each cell, and the origin cell at each grid column of the row above.
  let above = new Map<number, [number, number]>();
  rows.rows.forEach((row, r) => {
    const here = new Map<number, [number, number]>();
    const out: Array<[number, number]> = [];
    let col = 0;
    row.cells.forEach((cell, c) => {
      let o: [number, number] = [r, c];
      const up = above.get(col);
      if (cell.mergedUp && up) {
        o = up;
        const key = `${up[0]}:${up[1]}`;
        rowSpan.set(key, (rowSpan.get(key) ?? 1) + 1);
      }
      out.push(o);
      here.set(col, o);
      col += Math.max(1, cell.span);
    });
    origin.push(out);
    above = here;
  });
  return { origin, rowSpan };
}

class Renderer {
  private readonly w: WReader;
  private readonly styles: DocxStyles;
  private readonly runCache = new Map<Element, RunProps>();
  private readonly controlBySdt = new Map<Element, number>();
  /** XML element → rendered element, for controls that wrap blocks, rows or cells. */
  private readonly rendered = new Map<Element, HTMLElement>();
  private readonly cells = new Map<string, HTMLElement>();
  private readonly blocks: Array<HTMLElement | undefined> = [];
  private readonly inlineControls = new Map<number, HTMLElement[]>();

  constructor(
    private readonly doc: Document,
    private readonly view: WView<Element>,
    private readonly model: Model<Element>,
    styles: Element | undefined,
  ) {
    this.w = new WReader(view.wNs);
    this.styles = new DocxStyles(this.w, styles);
    model.controls.forEach((c, i) => this.controlBySdt.set(c.sdt, i));
  }

  private el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
    const e = this.doc.createElement(tag);
    if (className) e.className = className;
    return e;
  }

  render(body: Element): RenderedDocument {
    const root = this.el('div', 'docx');
    for (const section of this.sections(body)) root.appendChild(this.section(section));
    const snapshot = this.model.snapshot;
    return {
      root,
      snapshot,
      blockElement: (i) => this.blocks[i],
      cellElement: (b, r, c) => this.cells.get(`${b}:${r}:${c}`),
      controlElements: (i) => this.controlElements(i),
    };
  }

  private sections(body: Element): Section[] {
    const out: Section[] = [];
    let current: Section = { blocks: [], sectPr: undefined };
    this.model.blocks.forEach((ref, i) => {
      current.blocks.push(i);
      if (this.model.snapshot.blocks[i]?.type !== 'paragraph') return;
      const sectPr = this.w.child(this.w.child(ref.el, 'pPr'), 'sectPr');
      if (sectPr) {
        current.sectPr = sectPr;
        out.push(current);
        current = { blocks: [], sectPr: undefined };
      }
    });
    current.sectPr = this.w.child(body, 'sectPr');
    if (current.blocks.length || out.length === 0) out.push(current);
    return out;
  }

  private section(section: Section): HTMLElement {
    const page = this.el('div', 'docx-page');
    const w = this.w;
    const pgSz = w.child(section.sectPr, 'pgSz');
    const pgMar = w.child(section.sectPr, 'pgMar');
    let width = w.num(pgSz, 'w') ?? 11906;
    const height = w.num(pgSz, 'h') ?? 16838;
    if (w.attr(pgSz, 'orient') === 'landscape' && width < height) width = height;
    page.style.width = twipsToPt(width);
    page.style.minHeight = twipsToPt(Math.min(height, 4000));
    page.style.paddingTop = twipsToPt(Math.max(0, w.num(pgMar, 'top') ?? 1440));
    page.style.paddingBottom = twipsToPt(Math.max(0, w.num(pgMar, 'bottom') ?? 1440));
    page.style.paddingLeft = twipsToPt(w.num(pgMar, 'left') ?? 1440);
    page.style.paddingRight = twipsToPt(w.num(pgMar, 'right') ?? 1440);
    for (const i of section.blocks) {
      const ref = this.model.blocks[i];
      const block = this.model.snapshot.blocks[i];
      if (!ref || !block) continue;
      let el: HTMLElement;
      if (block.type === 'paragraph') {
        el = this.paragraph(ref.el, 0);
        if (el.dataset.pageBreak === 'before') page.appendChild(this.pageBreak());
      } else {
        el = this.table(ref.el, i);
      }
      el.dataset.block = String(i);
      this.blocks[i] = el;
      this.rendered.set(ref.el, el);
      page.appendChild(el);
    }
    return page;
  }

  private pageBreak(): HTMLElement {
    const hr = this.el('div', 'docx-page-break');
    hr.setAttribute('aria-hidden', 'true');
    return hr;
  }

  // --- paragraphs ----------------------------------------------------------------------------

  private paragraphStyle(el: HTMLElement, p: ParaProps, r: RunProps): void {
    const s = el.style;
    s.marginTop = twipsToPt(p.before ?? 0);
    s.marginBottom = twipsToPt(p.after ?? 0);
    if (p.align) s.textAlign = p.align;
    if (p.left) s.paddingLeft = twipsToPt(p.left);
    if (p.right) s.paddingRight = twipsToPt(p.right);
    if (p.firstLine) s.textIndent = twipsToPt(p.firstLine);
    else if (p.hanging) {
      s.textIndent = twipsToPt(-p.hanging);
      s.paddingLeft = twipsToPt((p.left ?? 0) + 0);
    }
    if (p.line !== undefined && p.line > 0) {
      if (p.lineRule === 'exact') s.lineHeight = twipsToPt(p.line);
      else if (p.lineRule === 'atLeast') s.lineHeight = `max(${twipsToPt(p.line)}, 1.15em)`;
      else s.lineHeight = String(((p.line / 240) * 1.15).toFixed(3));
    }
    if (p.shading) s.backgroundColor = p.shading;
    s.fontFamily = fontFamily(r.font);
    s.fontSize = `${(r.size ?? 20) / 2}pt`;
  }

  private runStyle(el: HTMLElement, r: RunProps): void {
    const s = el.style;
    if (r.bold) s.fontWeight = 'bold';
    if (r.italic) s.fontStyle = 'italic';
    const deco = [r.underline ? 'underline' : '', r.strike ? 'line-through' : ''].filter(Boolean).join(' ');
    if (deco) s.textDecoration = deco;
    if (r.caps) s.textTransform = 'uppercase';
    if (r.smallCaps) s.fontVariant = 'small-caps';
    if (r.color) s.color = r.color;
    if (r.highlight ?? r.shading) s.backgroundColor = (r.highlight ?? r.shading)!;
    if (r.vertAlign) {
      s.verticalAlign = r.vertAlign === 'superscript' ? 'super' : 'sub';
      s.fontSize = `${((r.size ?? 20) / 2) * 0.65}pt`;
    } else if (r.size) s.fontSize = `${r.size / 2}pt`;
    if (r.font) s.fontFamily = fontFamily(r.font);
    if (r.hidden) s.display = 'none';
  }

  private runProps(run: Element, paraRun: RunProps): RunProps {
    let r = this.runCache.get(run);
    if (!r) {
      r = this.styles.run(paraRun, this.w.child(run, 'rPr'));
      this.runCache.set(run, r);
    }
    return r;
  }

  /**
   * A paragraph: one span per atom (w:t, tab, break) with `data-start`/`data-end` offset by
   * `base` (the paragraph's place in its cell's text), nested in the spans of inline controls.
   * `offsets` false for paragraphs of nested tables, whose text has no snapshot offsets.
   */
  private paragraph(p: Element, base: number, offsets = true): HTMLElement {
    const pPr = this.w.child(p, 'pPr');
    const { p: pp, r: paraRun } = this.styles.paragraph(pPr);
    const el = this.el('p', 'docx-p');
    this.paragraphStyle(el, pp, paraRun);
    if (pp.pageBreakBefore) el.dataset.pageBreak = 'before';
    const sink: InlineSink<Element> = { text: '', atoms: [], sdts: [] };
    this.view.walkInline(p, sink);
    const atoms = sink.atoms ?? [];
    // Controls in pre-order (outer before inner): open when their start is reached, close at end.
    const ranges = sink.sdts;
    let next = 0;
    const stack: Array<{ end: number; el: HTMLElement }> = [{ end: Number.POSITIVE_INFINITY, el }];
    const top = () => stack[stack.length - 1]!.el;
    const openControls = (pos: number, final: boolean) => {
      while (next < ranges.length && (final || ranges[next]!.start <= pos)) {
        const range = ranges[next++]!;
        while (stack.length > 1 && stack[stack.length - 1]!.end <= range.start) stack.pop();
        const span = this.controlSpan(range.sdt);
        top().appendChild(span);
        if (range.end > range.start) stack.push({ end: range.end, el: span });
      }
    };
    for (const atom of atoms) {
      while (stack.length > 1 && stack[stack.length - 1]!.end <= atom.start) stack.pop();
      openControls(atom.start, false);
      while (stack.length > 1 && stack[stack.length - 1]!.end <= atom.start) stack.pop();
      top().appendChild(this.atom(atom, paraRun, base, offsets));
    }
    openControls(sink.text.length, true);
    if (!atoms.length) el.appendChild(this.doc.createElement('br'));
    return el;
  }

  private atom(atom: Atom<Element>, paraRun: RunProps, base: number, offsets: boolean): HTMLElement {
    const span = this.el('span', atom.isText ? undefined : 'docx-special');
    const text = atom.isText ? this.view.ops.text(atom.el) : atom.el.localName === 'tab' || atom.el.localName === 'ptab' ? '\t' : atom.el.localName === 'noBreakHyphen' ? '-' : '\n';
    span.textContent = text;
    if (offsets) {
      span.dataset.start = String(base + atom.start);
      span.dataset.end = String(base + atom.end);
    }
    if (!atom.isText && atom.el.localName === 'br' && this.w.attr(atom.el, 'type') === 'page') span.dataset.pageBreak = 'true';
    this.runStyle(span, this.runProps(atom.run, paraRun));
    return span;
  }

  private controlSpan(sdt: Element): HTMLElement {
    const span = this.el('span', 'docx-control');
    const index = this.controlBySdt.get(sdt);
    if (index !== undefined) {
      span.dataset.control = String(index);
      const info = this.model.snapshot.controls[index];
      if (info) {
        if (info.title) span.title = info.title;
        if (info.tag) span.dataset.tag = info.tag;
        if (info.showingPlaceholder) span.classList.add('docx-placeholder');
      }
      const list = this.inlineControls.get(index) ?? [];
      list.push(span);
      this.inlineControls.set(index, list);
    }
    return span;
  }

  // --- tables --------------------------------------------------------------------------------

  /** A table. `blockIndex` undefined for nested tables (no snapshot rows or cells of their own). */
  private table(tbl: Element, blockIndex: number | undefined): HTMLElement {
    const w = this.w;
    const tblPr = w.child(tbl, 'tblPr');
    const t = this.styles.table(tblPr);
    const table = this.el('table', 'docx-table');
    const grid = childElements(w.child(tbl, 'tblGrid') ?? tbl)
      .filter((c) => c.localName === 'gridCol' && c.namespaceURI === w.ns)
      .map((c) => w.num(c, 'w') ?? 0);
    const gridTotal = grid.reduce((a, b) => a + b, 0);
    if (grid.length && gridTotal > 0) {
      const colgroup = this.el('colgroup');
      for (const g of grid) {
        const col = this.el('col');
        col.style.width = twipsToPt(g);
        colgroup.appendChild(col);
      }
      table.appendChild(colgroup);
      table.style.tableLayout = 'fixed';
      table.style.width = twipsToPt(t.width ?? gridTotal);
    } else if (t.widthPct) table.style.width = `${t.widthPct}%`;
    else if (t.width) table.style.width = twipsToPt(t.width);
    if (t.align === 'center') {
      table.style.marginLeft = 'auto';
      table.style.marginRight = 'auto';
    } else if (t.align === 'right') table.style.marginLeft = 'auto';
    else if (t.indent) table.style.marginLeft = twipsToPt(t.indent);
    const tbody = this.el('tbody');
    table.appendChild(tbody);

    const walker = new Walker(this.view, emptyModel<Element>());
    const rows = this.model.blocks[blockIndex ?? -1]?.rows;
    const block = blockIndex !== undefined ? this.model.snapshot.blocks[blockIndex] : undefined;
    if (rows && block?.type === 'table') {
      const { origin, rowSpan } = mergeMap(block);
      const columns = grid.length || Math.max(0, ...block.rows.map((row) => row.cells.reduce((n, x) => n + Math.max(1, x.span), 0)));
      rows.forEach((rowRef, r) => {
        const tr = this.el('tr');
        tr.dataset.row = String(r);
        if (block.rows[r]?.header) tr.dataset.header = 'true';
        this.rendered.set(rowRef.tr, tr);
        const cells = block.rows[r]?.cells ?? [];
        let col = 0;
        rowRef.cells.forEach((tc, c) => {
          const cell = cells[c];
          const span = Math.max(1, cell?.span ?? 1);
          const o = origin[r]?.[c];
          if (o && (o[0] !== r || o[1] !== c)) {
            // Continuation of a vertical merge: the origin cell spans this row.
            const originEl = this.cells.get(`${blockIndex}:${o[0]}:${o[1]}`);
            if (originEl) {
              this.cells.set(`${blockIndex}:${r}:${c}`, originEl);
              this.rendered.set(tc, originEl);
            }
            col += span;
            return;
          }
          const td = this.cell(tc, t, { first: r === 0, last: r + (rowSpan.get(`${r}:${c}`) ?? 1) >= rows.length, firstCol: col === 0, lastCol: col + span >= columns }, walker, true);
          td.dataset.row = String(r);
          td.dataset.cell = String(c);
          if (span > 1) td.colSpan = span;
          const rs = rowSpan.get(`${r}:${c}`);
          if (rs && rs > 1) td.rowSpan = rs;
          this.cells.set(`${blockIndex}:${r}:${c}`, td);
          this.rendered.set(tc, td);
          tr.appendChild(td);
          col += span;
        });
        tbody.appendChild(tr);
      });
    } else {
      // Nested table: rendered from its XML, without snapshot coordinates. Its text in the
      // outer cell is rows joined by "\n" and cells by "\t" (Walker.tableText): whitespace
      // text nodes between rows and cells keep the outer cell's text content equal to it.
      const trs = this.rowElements(tbl);
      trs.forEach((trEl, r) => {
        if (r > 0) tbody.appendChild(this.doc.createTextNode('\n'));
        const tr = this.el('tr');
        const tcs = walker.rowCells(trEl);
        tcs.forEach((tc, c) => {
          if (c > 0) tr.appendChild(this.doc.createTextNode('\t'));
          const tcPr = w.child(tc, 'tcPr');
          const vm = w.child(tcPr, 'vMerge');
          if (vm && w.attr(vm, 'val') !== 'restart') return;
          const td = this.cell(tc, t, { first: r === 0, last: r === trs.length - 1, firstCol: c === 0, lastCol: c === tcs.length - 1 }, walker, false);
          const gs = w.num(w.child(tcPr, 'gridSpan'), 'val');
          if (gs && gs > 1) td.colSpan = gs;
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
    }
    return table;
  }

  private rowElements(container: Element): Element[] {
    const out: Element[] = [];
    for (const el of childElements(container)) {
      if (el.namespaceURI !== this.w.ns) continue;
      if (el.localName === 'tr') out.push(el);
      else if (el.localName === 'sdt') {
        const content = this.w.child(el, 'sdtContent');
        if (content) out.push(...this.rowElements(content));
      } else if (el.localName === 'customXml') out.push(...this.rowElements(el));
    }
    return out;
  }

  private cell(tc: Element, t: TableProps, edge: { first: boolean; last: boolean; firstCol: boolean; lastCol: boolean }, walker: Walker<Element>, offsets: boolean): HTMLTableCellElement {
    const td = this.el('td', 'docx-cell');
    const c: CellProps = this.styles.cell(this.w.child(tc, 'tcPr'));
    const b = t.borders;
    const s = td.style;
    s.borderTop = cssBorder(c.borders.top ?? (edge.first ? b.top : b.insideH));
    s.borderBottom = cssBorder(c.borders.bottom ?? (edge.last ? b.bottom : b.insideH));
    s.borderLeft = cssBorder(c.borders.left ?? (edge.firstCol ? b.left : b.insideV));
    s.borderRight = cssBorder(c.borders.right ?? (edge.lastCol ? b.right : b.insideV));
    s.paddingTop = twipsToPt(c.margin.top ?? t.cellMargin.top ?? 0);
    s.paddingBottom = twipsToPt(c.margin.bottom ?? t.cellMargin.bottom ?? 0);
    s.paddingLeft = twipsToPt(c.margin.left ?? t.cellMargin.left ?? 108);
    s.paddingRight = twipsToPt(c.margin.right ?? t.cellMargin.right ?? 108);
    s.verticalAlign = c.vAlign ?? 'top';
    if (c.shading) s.backgroundColor = c.shading;
    this.cellContent(tc, td, { pos: 0, first: true }, walker, offsets);
    return td;
  }

  /**
   * The blocks of a cell, flattened like the walker does (block controls, custom XML). The
   * cell's snapshot text is its blocks' texts joined by "\n": a "\n" text node between rendered
   * blocks keeps the cell's text content equal to it (whitespace between blocks is not drawn).
   */
  private cellContent(container: Element, target: HTMLElement, state: { pos: number; first: boolean }, walker: Walker<Element>, offsets: boolean): void {
    const w = this.w;
    for (const el of childElements(container)) {
      if (el.namespaceURI !== w.ns) continue;
      const name = el.localName;
      if (name === 'sdt') {
        const content = w.child(el, 'sdtContent');
        if (content) this.cellContent(content, target, state, walker, offsets);
        continue;
      }
      if (name === 'customXml') {
        this.cellContent(el, target, state, walker, offsets);
        continue;
      }
      if (name !== 'p' && name !== 'tbl') continue;
      if (!state.first) {
        target.appendChild(this.doc.createTextNode('\n'));
        state.pos += 1;
      }
      state.first = false;
      if (name === 'p') {
        const p = this.paragraph(el, state.pos, offsets);
        this.rendered.set(el, p);
        target.appendChild(p);
        const sink: InlineSink<Element> = { text: '', atoms: null, sdts: [] };
        this.view.walkInline(el, sink);
        state.pos += sink.text.length;
      } else {
        target.appendChild(this.table(el, undefined));
        state.pos += walker.tableText(el).length;
      }
    }
  }

  // --- controls ------------------------------------------------------------------------------

  private controlElements(index: number): HTMLElement[] {
    const inline = this.inlineControls.get(index);
    if (inline?.length) return inline;
    const ref = this.model.controls[index];
    if (!ref) return [];
    const out: HTMLElement[] = [];
    const seen = new Set<HTMLElement>();
    for (const [xml, html] of this.rendered) {
      if (seen.has(html) || !isDescendant(ref.sdt, xml)) continue;
      // Keep the outermost elements only (a row, not also its cells).
      seen.add(html);
      out.push(html);
    }
    return out.filter((e) => !out.some((o) => o !== e && o.contains(e)));
  }
}

function isDescendant(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node.parentNode; n; n = n.parentNode) if (n === ancestor) return true;
  return false;
}

/**
 * Renders .docx bytes into elements of `doc` (the page's document). Throws the engine's
 * DocumentError for files it refuses.
 */
export function renderDocx(bytes: Uint8Array, doc: Document): RenderedDocument {
  const pkg = DocxPackage.open(bytes);
  const part = pkg.mainDocument;
  const root = part.root;
  const ns = root.namespaceURI;
  if (root.localName !== 'document' || (ns !== W_NS && ns !== W_STRICT_NS)) {
    throw new DocumentError('unsupported', `Phần nội dung chính "${pkg.mainPartName}" không phải là tài liệu Word (WordprocessingML).`);
  }
  const body = childElements(root).find((c) => c.localName === 'body' && c.namespaceURI === ns);
  if (!body) throw new DocumentError('missing-part', 'Tài liệu Word không có phần thân (w:body).');
  const view = new WView(domOps, ns, body.prefix ?? root.lookupPrefix(ns) ?? 'w');
  const model = readBody(view, body);
  // The same snapshot as the engine's read, with baocao's custom XML part.
  const data = readDocumentData(pkg);
  if (data) model.snapshot.data = data;
  return new Renderer(doc, view, model, stylesRoot(pkg)).render(body);
}

/**
 * The DOM range of [start, end) in a rendered paragraph or cell (offsets of its snapshot text),
 * through the atoms' `data-start`/`data-end`. Undefined when the container has no such text.
 */
export function rangeIn(container: HTMLElement, start: number, end: number): Range | undefined {
  const atoms = Array.from(container.querySelectorAll<HTMLElement>('[data-start]'));
  if (!atoms.length) return undefined;
  const pos = (a: HTMLElement) => [Number(a.dataset.start), Number(a.dataset.end)] as const;
  const first = atoms.find((a) => pos(a)[1] > start) ?? atoms[atoms.length - 1]!;
  const last = [...atoms].reverse().find((a) => pos(a)[0] < end) ?? first;
  const range = container.ownerDocument.createRange();
  const at = (a: HTMLElement, offset: number, side: 'start' | 'end') => {
    const [s, e] = pos(a);
    const text = a.firstChild;
    const within = Math.min(Math.max(offset - s, 0), e - s);
    if (text && text.nodeType === 3) {
      if (side === 'start') range.setStart(text, within);
      else range.setEnd(text, within);
    } else if (side === 'start') range.setStartBefore(a);
    else range.setEndAfter(a);
  };
  at(first, start, 'start');
  at(last, Math.max(end, start), 'end');
  if (range.collapsed && end > start) range.selectNodeContents(first);
  return range;
}

/**
 * The user's text selection in a rendering, as a span of a paragraph of the snapshot (through
 * the atoms' `data-start`/`data-end` and the block's `data-block`): "Gắn số liệu" in the
 * workbench. Undefined when nothing is selected inside `root`; the text alone when the selection
 * is not inside one paragraph (a table cell, across paragraphs).
 */
export function selectionIn(root: HTMLElement, selection: Selection | null): { text: string; at?: { blockIndex: number; start: number; end: number } } | undefined {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return undefined;
  const text = range.toString();
  if (!text.trim()) return undefined;
  const atomOf = (node: Node): HTMLElement | null => (node.nodeType === 1 ? (node as HTMLElement) : node.parentElement)?.closest<HTMLElement>('[data-start]') ?? null;
  const offsetOf = (node: Node, offset: number, atom: HTMLElement): number => {
    const start = Number(atom.dataset.start);
    const end = Number(atom.dataset.end);
    return node.nodeType === 3 ? Math.min(start + offset, end) : offset > 0 ? end : start;
  };
  const first = atomOf(range.startContainer);
  const last = atomOf(range.endContainer);
  const block = first?.closest<HTMLElement>('[data-block]');
  if (!first || !last || !block || last.closest('[data-block]') !== block || block.dataset.row !== undefined || first.closest('[data-cell]')) return { text };
  return { text, at: { blockIndex: Number(block.dataset.block), start: offsetOf(range.startContainer, range.startOffset, first), end: offsetOf(range.endContainer, range.endOffset, last) } };
}
