/**
 * Paragraph, run, table and cell formatting of a .docx, resolved the way Word does for what the
 * workbench shows: document defaults → style chain (basedOn) → direct formatting. Only the
 * properties that change how a report reads are kept (alignment, spacing, indents, bold, italic,
 * underline, size, colour, fonts, borders, shading, widths). Pure: works on any DOM the engine
 * parsed (xmldom in the browser and in Node).
 */
import { childElements } from '../../document/ooxml/walker';

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  caps?: boolean;
  smallCaps?: boolean;
  hidden?: boolean;
  /** Half-points (w:sz). */
  size?: number;
  /** #rrggbb, or undefined for automatic. */
  color?: string;
  highlight?: string;
  shading?: string;
  font?: string;
  vertAlign?: 'superscript' | 'subscript';
}

export interface ParaProps {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Twips. */
  before?: number;
  after?: number;
  /** w:spacing/@w:line with its rule: auto = 240ths of a line, exact/atLeast = twips. */
  line?: number;
  lineRule?: 'auto' | 'exact' | 'atLeast';
  left?: number;
  right?: number;
  firstLine?: number;
  hanging?: number;
  pageBreakBefore?: boolean;
  shading?: string;
}

export interface BorderProps {
  style: 'none' | 'solid' | 'double' | 'dotted' | 'dashed';
  /** Points. */
  width: number;
  color: string;
}

export interface BorderSet {
  top?: BorderProps;
  left?: BorderProps;
  bottom?: BorderProps;
  right?: BorderProps;
  insideH?: BorderProps;
  insideV?: BorderProps;
}

export interface TableProps {
  /** Twips, when given in dxa; `widthPct` for percentages. */
  width?: number;
  widthPct?: number;
  align?: 'left' | 'center' | 'right';
  indent?: number;
  borders: BorderSet;
  /** Default cell margins, twips. */
  cellMargin: { top?: number; left?: number; bottom?: number; right?: number };
  fixed?: boolean;
}

export interface CellProps {
  width?: number;
  borders: BorderSet;
  shading?: string;
  vAlign?: 'top' | 'middle' | 'bottom';
  margin: { top?: number; left?: number; bottom?: number; right?: number };
}

interface StyleDef {
  type: string;
  basedOn?: string;
  pPr?: Element;
  rPr?: Element;
  tblPr?: Element;
}

/** Reads w:* attributes and children in the body's WordprocessingML namespace. */
export class WReader {
  constructor(readonly ns: string) {}

  child(el: Element | undefined, local: string): Element | undefined {
    if (!el) return undefined;
    for (const c of childElements(el)) if (c.localName === local && c.namespaceURI === this.ns) return c;
    return undefined;
  }

  attr(el: Element | undefined, name: string): string | undefined {
    if (!el) return undefined;
    const v = el.getAttributeNS(this.ns, name);
    return v === null || v === '' ? undefined : v;
  }

  num(el: Element | undefined, name: string): number | undefined {
    const v = this.attr(el, name);
    if (v === undefined) return undefined;
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }

  /** On/off property: present without val, or val true/1/on. */
  flag(el: Element | undefined): boolean | undefined {
    if (!el) return undefined;
    const v = this.attr(el, 'val');
    return v === undefined || !/^(false|0|off|none)$/i.test(v);
  }
}

const HEX = /^[0-9a-f]{6}$/i;
const HIGHLIGHT: Record<string, string> = {
  yellow: '#ffff00',
  green: '#00ff00',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  blue: '#0000ff',
  red: '#ff0000',
  darkBlue: '#000080',
  darkCyan: '#008080',
  darkGreen: '#008000',
  darkMagenta: '#800080',
  darkRed: '#800000',
  darkYellow: '#808000',
  darkGray: '#808080',
  lightGray: '#c0c0c0',
  black: '#000000',
  white: '#ffffff',
};

function color(v: string | undefined): string | undefined {
  return v && HEX.test(v) ? `#${v.toLowerCase()}` : undefined;
}

export class DocxStyles {
  private readonly styles = new Map<string, StyleDef>();
  private defaultParagraph?: string;
  private defaultTable?: string;
  private readonly defaultsRun: RunProps = {};
  private readonly defaultsPara: ParaProps = {};
  private readonly paraCache = new Map<string, { p: ParaProps; r: RunProps }>();

  constructor(
    readonly w: WReader,
    stylesRoot: Element | undefined,
  ) {
    if (!stylesRoot) return;
    const defaults = w.child(stylesRoot, 'docDefaults');
    this.applyRun(this.defaultsRun, w.child(w.child(defaults, 'rPrDefault'), 'rPr'));
    this.applyPara(this.defaultsPara, w.child(w.child(defaults, 'pPrDefault'), 'pPr'));
    for (const s of childElements(stylesRoot)) {
      if (s.localName !== 'style' || s.namespaceURI !== w.ns) continue;
      const id = w.attr(s, 'styleId');
      if (!id) continue;
      const type = w.attr(s, 'type') ?? 'paragraph';
      this.styles.set(id, {
        type,
        basedOn: w.attr(w.child(s, 'basedOn'), 'val'),
        pPr: w.child(s, 'pPr'),
        rPr: w.child(s, 'rPr'),
        tblPr: w.child(s, 'tblPr'),
      });
      if (/^(1|true|on)$/i.test(w.attr(s, 'default') ?? '')) {
        if (type === 'paragraph') this.defaultParagraph = id;
        if (type === 'table') this.defaultTable = id;
      }
    }
  }

  /** The style chain, base first (cycles cut). */
  private chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    for (let cur = id; cur && !seen.has(cur); ) {
      seen.add(cur);
      const s = this.styles.get(cur);
      if (!s) break;
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  }

  /** Paragraph properties and the run properties its style gives every run. */
  paragraph(pPr: Element | undefined): { p: ParaProps; r: RunProps } {
    const styleId = this.w.attr(this.w.child(pPr, 'pStyle'), 'val') ?? this.defaultParagraph;
    const key = styleId ?? '';
    let base = this.paraCache.get(key);
    if (!base) {
      const p: ParaProps = { ...this.defaultsPara };
      const r: RunProps = { ...this.defaultsRun };
      for (const s of this.chain(styleId)) {
        this.applyPara(p, s.pPr);
        this.applyRun(r, s.rPr);
      }
      base = { p, r };
      this.paraCache.set(key, base);
    }
    const p = { ...base.p };
    this.applyPara(p, pPr);
    return { p, r: base.r };
  }

  /** Run properties: the paragraph's, then the character style's, then direct formatting. */
  run(paraRun: RunProps, rPr: Element | undefined): RunProps {
    const r: RunProps = { ...paraRun };
    const charStyle = this.w.attr(this.w.child(rPr, 'rStyle'), 'val');
    for (const s of this.chain(charStyle)) this.applyRun(r, s.rPr);
    this.applyRun(r, rPr);
    return r;
  }

  table(tblPr: Element | undefined): TableProps {
    const t: TableProps = { borders: {}, cellMargin: {} };
    const styleId = this.w.attr(this.w.child(tblPr, 'tblStyle'), 'val') ?? this.defaultTable;
    for (const s of this.chain(styleId)) this.applyTable(t, s.tblPr);
    this.applyTable(t, tblPr);
    return t;
  }

  cell(tcPr: Element | undefined): CellProps {
    const w = this.w;
    const c: CellProps = { borders: {}, margin: {} };
    const tcW = w.child(tcPr, 'tcW');
    if ((w.attr(tcW, 'type') ?? 'dxa') === 'dxa') c.width = w.num(tcW, 'w');
    this.applyBorders(c.borders, w.child(tcPr, 'tcBorders'));
    c.shading = this.shading(w.child(tcPr, 'shd'));
    const v = w.attr(w.child(tcPr, 'vAlign'), 'val');
    if (v === 'center') c.vAlign = 'middle';
    else if (v === 'bottom') c.vAlign = 'bottom';
    else if (v === 'top') c.vAlign = 'top';
    this.applyMargins(c.margin, w.child(tcPr, 'tcMar'));
    return c;
  }

  private shading(shd: Element | undefined): string | undefined {
    const fill = this.w.attr(shd, 'fill');
    return fill && fill !== 'auto' ? color(fill) : undefined;
  }

  private applyPara(p: ParaProps, pPr: Element | undefined): void {
    if (!pPr) return;
    const w = this.w;
    const jc = w.attr(w.child(pPr, 'jc'), 'val');
    if (jc) {
      if (jc === 'center') p.align = 'center';
      else if (jc === 'right' || jc === 'end') p.align = 'right';
      else if (jc === 'both' || jc === 'distribute' || jc === 'thaiDistribute') p.align = 'justify';
      else p.align = 'left';
    }
    const spacing = w.child(pPr, 'spacing');
    if (spacing) {
      const before = w.num(spacing, 'before');
      const after = w.num(spacing, 'after');
      const line = w.num(spacing, 'line');
      if (before !== undefined) p.before = before;
      if (after !== undefined) p.after = after;
      if (line !== undefined) {
        p.line = line;
        const rule = w.attr(spacing, 'lineRule');
        p.lineRule = rule === 'exact' || rule === 'atLeast' ? rule : 'auto';
      }
    }
    const ind = w.child(pPr, 'ind');
    if (ind) {
      const left = w.num(ind, 'left') ?? w.num(ind, 'start');
      const right = w.num(ind, 'right') ?? w.num(ind, 'end');
      const firstLine = w.num(ind, 'firstLine');
      const hanging = w.num(ind, 'hanging');
      if (left !== undefined) p.left = left;
      if (right !== undefined) p.right = right;
      if (firstLine !== undefined) {
        p.firstLine = firstLine;
        p.hanging = undefined;
      }
      if (hanging !== undefined) {
        p.hanging = hanging;
        p.firstLine = undefined;
      }
    }
    const pbb = w.child(pPr, 'pageBreakBefore');
    if (pbb) p.pageBreakBefore = w.flag(pbb);
    const shd = this.shading(w.child(pPr, 'shd'));
    if (shd) p.shading = shd;
  }

  private applyRun(r: RunProps, rPr: Element | undefined): void {
    if (!rPr) return;
    const w = this.w;
    const flag = (local: string): boolean | undefined => w.flag(w.child(rPr, local));
    const b = flag('b');
    if (b !== undefined) r.bold = b;
    const i = flag('i');
    if (i !== undefined) r.italic = i;
    const strike = flag('strike') ?? flag('dstrike');
    if (strike !== undefined) r.strike = strike;
    const caps = flag('caps');
    if (caps !== undefined) r.caps = caps;
    const smallCaps = flag('smallCaps');
    if (smallCaps !== undefined) r.smallCaps = smallCaps;
    const vanish = flag('vanish');
    if (vanish !== undefined) r.hidden = vanish;
    const u = w.child(rPr, 'u');
    if (u) r.underline = (w.attr(u, 'val') ?? 'single') !== 'none';
    const sz = w.num(w.child(rPr, 'sz'), 'val');
    if (sz !== undefined && sz > 0) r.size = sz;
    const c = w.child(rPr, 'color');
    if (c) r.color = color(w.attr(c, 'val'));
    const hl = w.attr(w.child(rPr, 'highlight'), 'val');
    if (hl) r.highlight = HIGHLIGHT[hl];
    const shd = this.shading(w.child(rPr, 'shd'));
    if (shd) r.shading = shd;
    const fonts = w.child(rPr, 'rFonts');
    const font = w.attr(fonts, 'ascii') ?? w.attr(fonts, 'hAnsi') ?? w.attr(fonts, 'cs');
    if (font) r.font = font;
    const va = w.attr(w.child(rPr, 'vertAlign'), 'val');
    if (va === 'superscript' || va === 'subscript') r.vertAlign = va;
    else if (va === 'baseline') r.vertAlign = undefined;
  }

  private applyTable(t: TableProps, tblPr: Element | undefined): void {
    if (!tblPr) return;
    const w = this.w;
    const tblW = w.child(tblPr, 'tblW');
    const type = w.attr(tblW, 'type');
    const width = w.num(tblW, 'w');
    if (width !== undefined && width > 0) {
      if (type === 'pct') t.widthPct = width / 50;
      else if (type !== 'auto' && type !== 'nil') t.width = width;
    }
    const jc = w.attr(w.child(tblPr, 'jc'), 'val');
    if (jc === 'center') t.align = 'center';
    else if (jc === 'right' || jc === 'end') t.align = 'right';
    else if (jc) t.align = 'left';
    const ind = w.num(w.child(tblPr, 'tblInd'), 'w');
    if (ind !== undefined) t.indent = ind;
    this.applyBorders(t.borders, w.child(tblPr, 'tblBorders'));
    this.applyMargins(t.cellMargin, w.child(tblPr, 'tblCellMar'));
    const layout = w.attr(w.child(tblPr, 'tblLayout'), 'type');
    if (layout) t.fixed = layout === 'fixed';
  }

  private applyMargins(m: { top?: number; left?: number; bottom?: number; right?: number }, mar: Element | undefined): void {
    if (!mar) return;
    for (const [side, alias] of [
      ['top', 'top'],
      ['bottom', 'bottom'],
      ['left', 'start'],
      ['right', 'end'],
    ] as const) {
      const el = this.w.child(mar, side) ?? this.w.child(mar, alias);
      const v = this.w.num(el, 'w');
      if (v !== undefined) m[side] = v;
    }
  }

  private applyBorders(set: BorderSet, el: Element | undefined): void {
    if (!el) return;
    const sides: Array<[keyof BorderSet, string, string]> = [
      ['top', 'top', 'top'],
      ['left', 'left', 'start'],
      ['bottom', 'bottom', 'bottom'],
      ['right', 'right', 'end'],
      ['insideH', 'insideH', 'insideH'],
      ['insideV', 'insideV', 'insideV'],
    ];
    for (const [key, local, alias] of sides) {
      const b = this.w.child(el, local) ?? this.w.child(el, alias);
      if (b) set[key] = this.border(b);
    }
  }

  private border(b: Element): BorderProps {
    const val = this.w.attr(b, 'val') ?? 'single';
    if (val === 'nil' || val === 'none') return { style: 'none', width: 0, color: '#000000' };
    const sz = this.w.num(b, 'sz') ?? 4;
    const style: BorderProps['style'] = /double/i.test(val) ? 'double' : /dot/i.test(val) ? 'dotted' : /dash/i.test(val) ? 'dashed' : 'solid';
    return { style, width: Math.max(0.5, sz / 8), color: color(this.w.attr(b, 'color')) ?? '#000000' };
  }
}

export { color as hexColor };
