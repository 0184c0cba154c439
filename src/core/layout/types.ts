/**
 * The layout of the official report: the report's text as structured blocks (paragraphs with
 * a role and inline formatting, the header and closing blocks, appendix tables). The template
 * builder writes it as a .docx; `layoutToSnapshot` turns it into the same shape an adapter
 * reads from a document, so recognition runs identically on the layout and on real files.
 */

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type ParagraphRole =
  | 'title' // BÁO CÁO
  | 'subtitle' // the report's subject line
  | 'heading' // A., I., 1., 2.1. …
  | 'body'
  | 'list' // "- …", "+ …"
  | 'appendix-title' // Phụ lục I
  | 'appendix-subtitle' // THỐNG KÊ SỐ LIỆU …
  | 'appendix-caption' // (kèm theo Báo cáo …)
  | 'form-title' // Biểu mẫu 1
  | 'form-subtitle'; // Công tác chỉ đạo điều hành CCHC

export interface LayoutParagraph {
  type: 'paragraph';
  role: ParagraphRole;
  runs: Inline[];
  /** Plain text (runs joined), as it reads in the document. */
  text: string;
  /** Starts a new page (the first paragraph of each appendix). */
  pageBreakBefore?: boolean;
}

/** Nghị định 30/2020 header: issuing body and number on the left, motto and date on the right. */
export interface LayoutHeader {
  type: 'header';
  left: LayoutParagraph[];
  right: LayoutParagraph[];
}

/** Recipients on the left, signature block on the right. */
export interface LayoutClosing {
  type: 'closing';
  left: LayoutParagraph[];
  right: LayoutParagraph[];
}

export interface LayoutCell {
  /** One entry per paragraph of the cell. */
  paragraphs: Inline[][];
  text: string;
  /** Grid columns spanned (the "Kết quả thống kê" header spans two). */
  span?: number;
  /** 'restart' starts a vertical merge, 'continue' continues it. */
  vMerge?: 'restart' | 'continue';
}

export interface LayoutTable {
  type: 'table';
  /**
   * form: the five-column statistics form (TT | Chỉ tiêu | Đơn vị tính | Số liệu | Ghi chú);
   * tasks: the three-column task list; grid: any other table with its merged header written in
   * the layout ("<" joins the cell on its left, "^" the cell above).
   */
  kind: 'form' | 'tasks' | 'grid';
  /** Set on a table too wide for a portrait page: its appendix is laid out on landscape pages. */
  landscape?: boolean;
  /** Column widths in twentieths of a point (twips). */
  widths: number[];
  headerRows: LayoutCell[][];
  rows: LayoutCell[][];
}

export type LayoutBlock = LayoutParagraph | LayoutHeader | LayoutClosing | LayoutTable;
