/**
 * The check's findings as review comments (pure core): what `baocao annotate` writes into the
 * .docx and the Kiểm tra panel writes through Word. One comment per error or warning, anchored
 * on the finding's first place (the others are named in the text), and one summary comment on
 * the report's title. Infos are not commented: they are notes for the reviewer, not for the office.
 */
import type { DocumentSnapshot } from '../document';
import { RULE_LABEL, SEVERITY_LABEL, type CheckReport, type Finding, type Location } from './findings';
import { sectionTitle } from './format-text';

/** A place in the snapshot (the same shape as a location's anchor). */
export interface CommentPlace {
  block: number;
  row?: number;
  cell?: number;
  start: number;
  end: number;
}

export interface ReviewComment {
  /** The finding's index in `report.findings`; undefined for the summary comment. */
  findingIndex?: number;
  anchor: CommentPlace;
  paragraphs: string[];
}

/** Nouns for the relations the check counts ("đã kiểm tra 37 tỷ lệ, 21 tổng"). */
const CHECKED_NOUN: Record<string, string> = {
  ratio: 'tỷ lệ',
  sum: 'tổng',
  'cross-section': 'đối chiếu giữa các phần',
  'list-count': 'danh sách liệt kê',
  completeness: 'ô bắt buộc',
  'number-format': 'cách viết số',
  reference: 'trích dẫn văn bản',
  period: 'kỳ báo cáo',
  pair: 'cặp số liệu',
  derived: 'dòng tính toán',
};

/**
 * How baocao's comments are recognised where the author and initials are the user's (Word's
 * API writes the signed-in user): their text starts with "baocao:" (summary) or "baocao · ".
 */
export function isBaocaoCommentText(text: string): boolean {
  return /^baocao(?::| ·) /.test(text);
}

/** Findings that become comments: errors and warnings. */
export function isCommented(f: Pick<Finding, 'severity'>): boolean {
  return f.severity === 'error' || f.severity === 'warning';
}

/** "Phụ lục II / Biểu mẫu 2, dòng 3.4, cột Số liệu" or "Mục A.2.2". */
export function placeLabel(l: Location): string {
  if (l.table) return `${l.table}${l.row ? `, dòng ${l.row}` : ''}${l.column ? `, cột ${l.column}` : ''}`;
  return sectionTitle(l.section);
}

/**
 * What was checked, in one phrase: the report's `checked` counts when the check gives them
 * ("37 tỷ lệ, 21 tổng, …") with the template coverage, else the coverage alone.
 */
export function checkedPhrase(report: CheckReport): string {
  const parts: string[] = [];
  const checked = report.checked;
  if (checked) {
    for (const [k, n] of Object.entries(checked).sort((x, y) => y[1] - x[1])) {
      if (k !== 'unverified' && n > 0) parts.push(`${n} ${CHECKED_NOUN[k] ?? k}`);
    }
  }
  const c = report.coverage;
  const coverage = c ? `${c.fields.found}/${c.fields.expected} chỉ tiêu của mẫu` : '';
  const unverified = checked?.unverified ? `; ${checked.unverified} nhận định chưa kiểm chứng được` : '';
  if (parts.length) return `đã kiểm tra ${parts.join(', ')}${coverage ? ` (nhận ra ${coverage})` : ''}${unverified}`;
  if (coverage) return `đã kiểm tra ${coverage} (${c!.places.found}/${c!.places.expected} vị trí)${unverified}`;
  return `đã kiểm tra các quy tắc không cần mẫu${unverified}`;
}

/** The title paragraph ("BÁO CÁO"), or the first paragraph with text. */
export function titleBlock(snapshot: DocumentSnapshot): number {
  const paras = snapshot.blocks.filter((b) => b.type === 'paragraph');
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
  const exact = paras.find((b) => norm(b.text) === 'BÁO CÁO');
  if (exact) return exact.index;
  const starts = paras.find((b) => norm(b.text).startsWith('BÁO CÁO'));
  if (starts) return starts.index;
  return (paras.find((b) => b.text.trim() !== '') ?? paras[0])?.index ?? 0;
}

function titlePlace(snapshot: DocumentSnapshot): CommentPlace {
  const index = titleBlock(snapshot);
  const b = snapshot.blocks[index];
  const text = b?.type === 'paragraph' ? b.text : '';
  const start = text.length - text.trimStart().length;
  return { block: index, start, end: text.trimEnd().length };
}

/** The text of one finding's comment. */
export function findingCommentText(f: Finding): string[] {
  const out = [`baocao · ${SEVERITY_LABEL[f.severity]} (${RULE_LABEL[f.rule]}): ${f.message}`];
  if (f.evidence.length) out.push(`Số liệu trong báo cáo: ${f.evidence.map((e) => `"${e}"`).join(', ')}.`);
  if (f.expected !== undefined) out.push(`Để nhất quán: ${f.expected}.`.replace(/\.\.$/, '.'));
  const others = f.locations.slice(1);
  if (others.length) {
    out.push(`Cũng liên quan: ${others.map((l) => `${placeLabel(l)}${l.excerpt ? ` («${cut(l.excerpt, 80)}»)` : ''}`).join('; ')}.`);
  }
  return out;
}

function cut(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** The summary comment's text ("baocao: 10 lỗi, 4 cảnh báo; đã kiểm tra …"). */
export function summaryCommentText(report: CheckReport): string[] {
  const s = report.summary;
  const head = `baocao: ${s.error} lỗi, ${s.warning} cảnh báo; ${checkedPhrase(report)}.`;
  const out = [head];
  if (s.error + s.warning > 0) out.push('Mỗi lỗi và cảnh báo có một nhận xét tại số liệu liên quan.');
  else out.push('Không phát hiện lỗi hay cảnh báo nào.');
  if (s.info > 0) out.push(`${s.info} lưu ý không ghi thành nhận xét (xem báo cáo kiểm tra).`);
  return out;
}

type Anchor = NonNullable<CheckReport['findings'][number]['locations'][number]['anchor']>;

function compareAnchors(a: Anchor | undefined, b: Anchor | undefined): number {
  if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
  return a.block - b.block || (a.row ?? -1) - (b.row ?? -1) || (a.cell ?? -1) - (b.cell ?? -1) || a.start - b.start;
}

/**
 * The comments for a report: the summary first (on the title), then one per error or warning in
 * document order. A finding without a place in the document goes on the title too.
 */
export function reviewComments(report: CheckReport, snapshot: DocumentSnapshot): ReviewComment[] {
  const title = titlePlace(snapshot);
  const out: ReviewComment[] = [{ anchor: title, paragraphs: summaryCommentText(report) }];
  // The report lists errors first; comments follow the document (a finding without a place last).
  const placed = report.findings
    .map((f, i) => ({ f, i, at: f.locations.find((l) => l.anchor)?.anchor }))
    .filter(({ f }) => isCommented(f))
    .sort((a, b) => compareAnchors(a.at, b.at) || a.i - b.i);
  for (const { f, i, at } of placed) out.push({ findingIndex: i, anchor: at ?? title, paragraphs: findingCommentText(f) });
  return out;
}
