/**
 * The `checked` summary (spec contract; issue 13 item 3): relations verified per rule class and
 * statements read but not checkable, so that a reviewer can tell "clean" from "not understood".
 */
import { CheckReportSchema, checkReport, checkedText, formatJson, type CheckReport } from '../../src/core/check';
import { formatHtml } from '../../src/core/check/format-html';
import { formatText } from '../../src/core/check/format-text';
import { CCHC_6_THANG } from '../helpers/templates';
import type { DocumentSnapshot } from '../../src/document/types';
import { RECEIVED_SAMPLE, check, readBytes } from './helpers';

function prose(...paragraphs: string[]): CheckReport {
  const snapshot: DocumentSnapshot = { blocks: paragraphs.map((text, index) => ({ type: 'paragraph' as const, index, text, spans: [] })), controls: [] };
  return checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'prose.docx' });
}

describe('the checked summary', () => {
  let report: CheckReport;
  beforeAll(async () => {
    report = await check(readBytes(RECEIVED_SAMPLE), 'received.docx');
  });

  it('counts the relations verified on the received sample, per class, in the JSON contract', () => {
    const c = report.checked!;
    // The template declares ratios, sums and list counts; every citation is compared with the others.
    expect(c.ratio).toBeGreaterThanOrEqual(5);
    expect(c.sum).toBeGreaterThanOrEqual(5);
    expect(c['list-count']).toBeGreaterThanOrEqual(1);
    expect(c['cross-section']).toBeGreaterThanOrEqual(1);
    // At least one citation per reference finding (05/QĐ-VPUB cited twice with two dates…).
    expect(c.reference).toBeGreaterThanOrEqual(report.findings.filter((f) => f.rule === 'reference').length);
    // The statement reader reads some statements it cannot verify: they are counted, not hidden.
    expect(c.unverified).toBeGreaterThanOrEqual(0);
    const json = JSON.parse(formatJson([report])) as unknown[];
    expect(CheckReportSchema.parse(json[0]).checked).toEqual(c);
    expect(Object.keys(c).slice(0, 5)).toEqual(['ratio', 'sum', 'list-count', 'reference', 'cross-section']);
  });

  it('text and HTML say it in one line', () => {
    const line = checkedText(report.checked!);
    expect(line).toMatch(/^Đã kiểm tra \d+ tỷ lệ, \d+ tổng, \d+ danh sách đếm, \d+ trích dẫn văn bản, \d+ số liệu đối chiếu giữa các phần.*; \d+ chỗ có số liệu chưa kiểm tra được\.$/u);
    expect(formatText([report], { color: false }).split('\n')).toContain(line);
    expect(formatHtml([report])).toContain(`<p class="meta checked">${line}</p>`);
  });

  it('a share whose base is stated is verified; one without a base is counted as unverified', () => {
    const clear = prose('Tiếp nhận 400 hồ sơ; đã giải quyết 300 hồ sơ, chiếm 75%.');
    expect(clear.checked).toMatchObject({ ratio: 1, unverified: 0 });
    // No count the percentage could be of: read, but not checkable.
    const unclear = prose('Đã giải quyết 300 hồ sơ, chiếm 75%.');
    expect(unclear.checked).toMatchObject({ ratio: 0, unverified: 1 });
    expect(checkedText(unclear.checked!)).toContain('; 1 chỗ có số liệu chưa kiểm tra được.');
  });

  it('a document with no relation at all says so', () => {
    const empty = prose('Không có số liệu.');
    expect(checkedText(empty.checked!)).toBe('Đã kiểm tra 0 tỷ lệ, 0 tổng, 0 danh sách đếm, 0 trích dẫn văn bản, 0 số liệu đối chiếu giữa các phần; 0 chỗ có số liệu chưa kiểm tra được.');
  });
});
