/**
 * `baocao annotate REPORT.docx -o OUT.docx [--author "Sở Nội vụ"] [--report KQ.html] [--force]` — the reviewer's
 * copy: every error and warning of the check as a Word comment on its figure, and a summary
 * comment on the title (issue 14). The source is never written: OUT must be another file (an
 * existing OUT only with --force). Annotating an annotated copy replaces baocao's comments and
 * keeps people's. Exit status: 0 written, 2 bad input or usage (one line, the CLI's error path).
 */
import { checkReport, type CheckReport } from '../core/check';
import { isBaocaoCommentText, reviewComments } from '../core/check/annotations';
import { formatHtml } from '../core/check/format-html';
import { summaryText } from '../core/check/format-text';
import { chosenTemplate, documentTemplate } from './templates';
import { withUserFields } from '../core/template/user-fields';
import type { TemplateDefinition } from '../core/template/schema';
import { annotatePackage } from '../document/ooxml/comments';
import { OoxmlDocument } from '../document/ooxml/document';
import { DocxPackage } from '../document/ooxml/package';
import { CliError } from './errors';
import { prepareOutput, readInput, writeOutput } from './files';
import { EXIT, type Io, type Parsed } from './types';

export const DEFAULT_AUTHOR = 'baocao';

export interface AnnotateResult {
  bytes: Uint8Array;
  report: CheckReport;
  /** Comment ids by finding index (findings that got a comment). */
  commentIds: Map<number, string>;
  summaryCommentId: string;
  /** baocao comments of an earlier annotation that were replaced. */
  replaced: number;
}

/** Checks a .docx and returns the annotated copy (the input bytes are not modified). */
export function annotateDocx(
  bytes: Uint8Array,
  options: { fileName: string; author?: string; definition?: TemplateDefinition; date?: Date },
): AnnotateResult {
  const doc = OoxmlDocument.open(bytes);
  const snapshot = doc.readSync();
  const report = checkReport({ definition: options.definition ? withUserFields(options.definition, snapshot.data).definition : documentTemplate(snapshot), snapshot, fileName: options.fileName });
  const comments = reviewComments(report, snapshot);
  // A separate package over the same bytes: the check's document stays read-only.
  const pkg = DocxPackage.open(bytes);
  const result = annotatePackage(
    pkg,
    comments.map((c) => ({ anchor: c.anchor, paragraphs: c.paragraphs })),
    { author: options.author?.trim() || DEFAULT_AUTHOR, date: options.date, oursByText: isBaocaoCommentText },
  );
  const commentIds = new Map<number, string>();
  comments.forEach((c, i) => {
    if (c.findingIndex !== undefined) commentIds.set(c.findingIndex, result.ids[i]!);
  });
  return { bytes: pkg.save(), report, commentIds, summaryCommentId: result.ids[0]!, replaced: result.removed };
}

export async function annotateCommand(parsed: Parsed, io: Io): Promise<number> {
  const file = parsed.files[0]!;
  const out = parsed.options.get('-o');
  if (typeof out !== 'string') throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  const target = prepareOutput(out, [file], parsed.options.has('--force'));
  const reportOut = parsed.options.get('--report');
  const reportTarget = typeof reportOut === 'string' ? prepareOutput(reportOut, [file, out], parsed.options.has('--force')) : undefined;
  const author = parsed.options.get('--author');
  const definition = chosenTemplate(parsed);
  const result = annotateDocx(readInput(file), { fileName: file, author: typeof author === 'string' ? author : undefined, ...(definition ? { definition } : {}) });
  writeOutput(target, result.bytes);
  if (reportTarget) {
    // The check's HTML report, each commented finding naming (and anchored by) its comment id.
    const comments = new Map(result.report.findings.flatMap((f, i) => (result.commentIds.has(i) ? [[f, result.commentIds.get(i)!] as const] : [])));
    writeOutput(reportTarget, formatHtml([result.report], [], { comments, annotated: target.display }));
  }
  const n = result.commentIds.size;
  io.out(`Kiểm tra ${file}: ${summaryText(result.report.summary)}.\n`);
  io.out(
    `Đã ghi ${n} nhận xét (lỗi và cảnh báo) và 1 nhận xét tổng hợp ở tiêu đề vào ${target.display}${result.replaced ? `; thay ${result.replaced} nhận xét cũ của baocao` : ''} (tệp nguồn giữ nguyên).\n`,
  );
  if (reportTarget) io.out(`Báo cáo kiểm tra (HTML) ghi số nhận xét của từng lỗi, cảnh báo: ${reportTarget.display}\n`);
  return EXIT.ok;
}
