/**
 * One self-contained HTML page (inline CSS, no scripts, no external resources) for reviewers:
 * per file (its path said once) a summary and what was checked, then errors, warnings and notes
 * in that order, each grouped by section, with the figures as written, what would be
 * consistent, and the location excerpts with the figures highlighted; many places in one
 * section fold into "12 chỗ trong mục A.2.2" that opens on demand (<details>, no script).
 * Every text from the document is escaped.
 */
import { RULE_LABEL, SEVERITY_LABEL, checkedText, type CheckReport, type Finding, type Location } from './findings';
import { countSame, groupBySeverity, PLACES_SHOWN, summaryText } from './format-text';
import { groupPlaces, placeName, placesCount, sectionTitle } from './place';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The excerpt, escaped, with every evidence figure found in it wrapped in <mark>. */
export function highlight(excerpt: string, evidence: readonly string[]): string {
  const needles = [...new Set(evidence.filter((e) => e.trim().length > 0))].sort((a, b) => b.length - a.length);
  const marks: [number, number][] = [];
  for (const n of needles) {
    let i = excerpt.indexOf(n);
    while (i >= 0) {
      const end = i + n.length;
      // Whole figures only: "6" must not light up inside "2016".
      const before = excerpt.charAt(i - 1);
      const after = excerpt.charAt(end);
      const boundary = !/[\p{L}\p{N}]/u.test(before) && !/[\p{N}]/u.test(after);
      if (boundary && !marks.some(([a, b]) => i < b && a < end)) marks.push([i, end]);
      i = excerpt.indexOf(n, i + 1);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of marks) {
    out += `${escapeHtml(excerpt.slice(at, a))}<mark>${escapeHtml(excerpt.slice(a, b))}</mark>`;
    at = b;
  }
  return out + escapeHtml(excerpt.slice(at));
}

const CSS = `
body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:0;background:#f5f6f8;color:#1f2328;line-height:1.5}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:1.5rem;margin:0 0 16px}
h2{font-size:1.2rem;margin:32px 0 4px;word-break:break-all}
h3{font-size:1.1rem;margin:24px 0 8px}
h3.severity.error{color:#cf222e}h3.severity.warning{color:#9a6700}h3.severity.info{color:#0969da}
h4{font-size:1rem;margin:16px 0 8px;color:#444;border-bottom:1px solid #d0d7de;padding-bottom:4px}
summary{cursor:pointer}
.meta{color:#57606a;margin:0 0 8px}
.summary{display:flex;gap:8px;flex-wrap:wrap;margin:8px 0 16px}
.pill{border-radius:999px;padding:2px 12px;font-weight:600;font-size:.9rem}
.finding{background:#fff;border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;padding:10px 14px;margin:10px 0}
.finding.error{border-left-color:#cf222e}.finding.warning{border-left-color:#bf8700}.finding.info{border-left-color:#0969da}
.badge{display:inline-block;border-radius:4px;padding:0 8px;font-size:.8rem;font-weight:700;color:#fff;margin-right:6px}
.badge.error,.pill.error{background:#cf222e;color:#fff}.badge.warning,.pill.warning{background:#bf8700;color:#fff}.badge.info,.pill.info{background:#0969da;color:#fff}
.rule{font-size:.8rem;color:#57606a;border:1px solid #d0d7de;border-radius:4px;padding:0 6px}
.msg{margin:6px 0}
.facts{font-size:.9rem;color:#333;margin:4px 0}
.facts code{background:#eef1f4;border-radius:3px;padding:0 4px}
.expected{color:#1a7f37;font-weight:600}
ul.loc{margin:6px 0 0;padding-left:18px;font-size:.9rem;color:#444}
.where{color:#57606a}
mark{background:#fff3b0;padding:0 1px;border-radius:2px}
.ok{color:#1a7f37;font-weight:600}
.unreadable{background:#fff;border:1px solid #cf222e;border-radius:6px;padding:10px 14px;margin:10px 0}
footer{color:#57606a;font-size:.85rem;margin-top:32px}
`;

function locationHtml(l: Location, evidence: readonly string[]): string {
  const where = [placeName(l)];
  if (l.tag) where.push(`ô nhập ${l.tag}`);
  return `<li><span class="where">${escapeHtml(where.join(' · '))}:</span> ${highlight(l.excerpt, evidence)}</li>`;
}

/** Optional links from findings to the Word comments `baocao annotate` wrote for them. */
export interface HtmlCommentLinks {
  /** Comment id (w:id in word/comments.xml) of each commented finding. */
  comments: ReadonlyMap<Finding, string>;
  /** The annotated copy holding the comments (shown, not linked: a browser cannot open a comment). */
  annotated: string;
}

/** A finding's places: listed while a section has few, folded into "N chỗ trong …" beyond. */
function placesHtml(locations: readonly Location[], evidence: readonly string[]): string {
  const items: string[] = [];
  for (const g of groupPlaces(locations)) {
    if (g.locations.length <= PLACES_SHOWN) {
      for (const item of countSame(g.locations.map((l) => locationHtml(l, evidence))).keys()) items.push(item);
      continue;
    }
    items.push(
      `<li><details><summary><span class="where">${escapeHtml(placesCount(g.locations.length, g.name))}</span></summary><ul class="loc">${g.locations
        .map((l) => locationHtml(l, evidence))
        .join('')}</ul></details></li>`,
    );
  }
  return `<ul class="loc">${items.join('')}</ul>`;
}

function findingHtml(f: Finding, links?: HtmlCommentLinks): string {
  const facts: string[] = [];
  if (f.evidence.length) facts.push(`Số liệu như đã ghi: ${f.evidence.map((e) => `<code>${escapeHtml(e)}</code>`).join(', ')}`);
  if (f.expected !== undefined) facts.push(`Nhất quán: <span class="expected">${escapeHtml(f.expected)}</span>`);
  const commentId = links?.comments.get(f);
  return [
    commentId !== undefined ? `<article class="finding ${f.severity}" id="nhan-xet-${escapeHtml(commentId)}">` : `<article class="finding ${f.severity}">`,
    `<div><span class="badge ${f.severity}">${escapeHtml(SEVERITY_LABEL[f.severity])}</span><span class="rule">${escapeHtml(RULE_LABEL[f.rule])}</span></div>`,
    `<p class="msg">${escapeHtml(f.message)}</p>`,
    facts.length ? `<p class="facts">${facts.join(' · ')}</p>` : '',
    f.locations.length ? placesHtml(f.locations, f.evidence) : '',
    commentId !== undefined
      ? `<p class="comment"><a href="#nhan-xet-${escapeHtml(commentId)}">Nhận xét số ${escapeHtml(commentId)}</a> trong ${escapeHtml(links!.annotated)}</p>`
      : '',
    `</article>`,
  ].join('');
}

function reportHtml(r: CheckReport, links?: HtmlCommentLinks): string {
  const mode = r.mode === 'bound' ? 'tài liệu gắn ô nhập' : 'nhận dạng theo câu chữ';
  const cov = r.coverage ? ` · nhận ra ${r.coverage.fields.found}/${r.coverage.fields.expected} chỉ tiêu` : '';
  const parts = [
    `<section>`,
    `<h2>${escapeHtml(r.file)}</h2>`,
    r.template === null
      ? '<p class="meta">Không nhận ra mẫu báo cáo đã biết: chỉ kiểm tra các quy tắc không cần mẫu (generic).</p>'
      : `<p class="meta">Mẫu ${escapeHtml(r.template)} · ${mode}${cov}</p>`,
    `<div class="summary"><span class="pill error">${r.summary.error} lỗi</span><span class="pill warning">${r.summary.warning} cảnh báo</span><span class="pill info">${r.summary.info} lưu ý</span></div>`,
  ];
  if (r.checked) parts.push(`<p class="meta checked">${escapeHtml(checkedText(r.checked))}</p>`);
  if (r.findings.length === 0) parts.push('<p class="ok">Không phát hiện vấn đề nào.</p>');
  for (const g of groupBySeverity(r.findings)) {
    parts.push(`<h3 class="severity ${g.severity}">${escapeHtml(SEVERITY_LABEL[g.severity])} (${r.summary[g.severity]})</h3>`);
    for (const sec of g.sections) {
      parts.push(`<h4>${escapeHtml(sectionTitle(sec.section))}</h4>`);
      for (const f of sec.findings) parts.push(findingHtml(f, links));
    }
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The last part of a path ("a/b/c.docx" → "c.docx"). */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/** The whole page for one or more reports (and files that could not be read). */
export function formatHtml(reports: readonly CheckReport[], unreadable: readonly { file: string; reason: string }[] = [], links?: HtmlCommentLinks): string {
  // The file's path is shown once, as its section's heading; the page title names the file only.
  const single = reports.length === 1 && unreadable.length === 0;
  const title = single ? 'Kết quả kiểm tra báo cáo' : `Kết quả kiểm tra ${reports.length + unreadable.length} tệp báo cáo`;
  const docTitle = single ? `Kết quả kiểm tra: ${baseName(reports[0]!.file)}` : title;
  const total = { error: 0, warning: 0, info: 0 };
  for (const r of reports) for (const k of ['error', 'warning', 'info'] as const) total[k] += r.summary[k];
  return [
    '<!DOCTYPE html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(docTitle)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...reports.map((r) => reportHtml(r, links)),
    ...unreadable.map((u) => `<section><h2>${escapeHtml(u.file)}</h2><p class="unreadable">Không đọc được tệp: ${escapeHtml(u.reason)}</p></section>`),
    `<footer>baocao check · ${single ? summaryText(total) : `cộng ${reports.length} tệp đã kiểm tra${unreadable.length ? `, ${unreadable.length} tệp không đọc được` : ''}: ${summaryText(total)}`}</footer>`,
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
