/** @jest-environment jsdom */
/**
 * "Ghi nhận xét vào tài liệu" in Word: the findings written through Word's comments API (the fake
 * Word object model), replaced on a second run, removed by "Xóa nhận xét của baocao", people's
 * comments untouched; and the Kiểm tra panel's two buttons over the Word host.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { createWordCommentWriter } from '../../src/app/word-comments';
import { createWordHost } from '../../src/app/word-host';
import { checkReport, type CheckReport } from '../../src/core/check';
import { reviewComments } from '../../src/core/check/annotations';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import { FakeWord } from '../fakes/fake-word';
import { SAMPLE_BYTES, renderPane } from '../taskpane/helpers';
import { RECEIVED_SAMPLE, readBytes } from '../check/helpers';

let received: DocumentSnapshot;
let receivedReport: CheckReport;
let bound: DocumentSnapshot;

beforeAll(() => {
  received = OoxmlDocument.open(readBytes(RECEIVED_SAMPLE)).readSync();
  receivedReport = checkReport({ definition: CCHC_6_THANG, snapshot: received, fileName: 'bao-cao.docx' });
  bound = OoxmlDocument.open(SAMPLE_BYTES).readSync();
});

describe('Word comments writer (WordApi 1.4)', () => {
  test('one comment per error and warning and a summary on the title, in two syncs; the text is unchanged', async () => {
    const fake = FakeWord.fromSnapshot(received, { userName: 'Trần Thị Bình' });
    const writer = createWordCommentWriter(fake.run, fake.isSetSupported);
    expect(writer.authorSettable).toBe(false);
    const before = fake.paragraphTexts();
    const comments = reviewComments(receivedReport, received);
    const { summary } = receivedReport;
    expect(comments).toHaveLength(summary.error + summary.warning + 1);
    const syncs = fake.syncCount;
    const result = await writer.write(comments, received);
    expect(fake.syncCount - syncs).toBe(2);
    expect(result).toEqual({ written: comments.length, replaced: 0 });
    const inWord = fake.commentsInOrder();
    expect(inWord).toHaveLength(summary.error + summary.warning + 1);
    expect(inWord.every((c) => c.authorName === 'Trần Thị Bình')).toBe(true);
    expect(inWord[0]!.anchored).toBe('BÁO CÁO');
    expect(inWord[0]!.content).toMatch(new RegExp(`^baocao: ${summary.error} lỗi, ${summary.warning} cảnh báo`));
    const ratio = inWord.find((c) => c.content.includes('(tỷ lệ)') && c.content.includes('3,24%'));
    expect(ratio?.anchored).toBe('3,24%');
    for (const f of receivedReport.findings.filter((x) => x.severity !== 'info')) {
      expect(inWord.filter((c) => c.content.includes(f.message))).toHaveLength(1);
    }
    expect(fake.paragraphTexts()).toEqual(before);
  });

  test('a second run replaces baocao comments; removal keeps people’s comments', async () => {
    const fake = FakeWord.fromSnapshot(received);
    fake.addComment({ paragraph: 0, start: 0, end: 3 }, 'Anh kiểm tra lại giúp số liệu này.', 'Nguyễn Văn An');
    const writer = createWordCommentWriter(fake.run, fake.isSetSupported);
    const comments = reviewComments(receivedReport, received);
    await writer.write(comments, received);
    const again = await writer.write(comments, received);
    expect(again.replaced).toBe(comments.length);
    expect(fake.comments).toHaveLength(comments.length + 1);
    expect(await writer.removeOurs()).toBe(comments.length);
    expect(fake.comments.map((c) => [c.authorName, c.content])).toEqual([['Nguyễn Văn An', 'Anh kiểm tra lại giúp số liệu này.']]);
    expect(await writer.removeOurs()).toBe(0);
  });

  test('appendix findings are anchored in their cell; without WordApi 1.4 the writer says so', async () => {
    const report = checkReport({ definition: CCHC_6_THANG, snapshot: bound, fileName: 'mau.docx' });
    const comments = reviewComments(report, bound);
    const inCell = comments.filter((c) => c.anchor.row !== undefined);
    expect(inCell.length).toBeGreaterThan(0);
    const fake = FakeWord.fromSnapshot(bound);
    await createWordCommentWriter(fake.run, fake.isSetSupported).write(comments, bound);
    expect(fake.comments).toHaveLength(comments.length);
    for (const c of inCell) {
      const block = bound.blocks[c.anchor.block];
      const cellText = block?.type === 'table' ? block.rows[c.anchor.row!]!.cells[c.anchor.cell!]!.text : '';
      const written = fake.comments.find((x) => x.content === c.paragraphs.join('\n'))!;
      expect(written.range.text).toBe(c.anchor.end > c.anchor.start ? cellText.slice(c.anchor.start, c.anchor.end) : cellText);
    }
    const old = FakeWord.fromSnapshot(bound, { wordApi: '1.3' });
    await expect(createWordCommentWriter(old.run, old.isSetSupported).write(comments, bound)).rejects.toThrow('WordApi 1.4');
  });
});

describe('Kiểm tra panel in Word', () => {
  test('"Ghi nhận xét vào tài liệu" writes the comments, "Xóa nhận xét của baocao" removes them', async () => {
    const fake = FakeWord.fromSnapshot(bound);
    const host = createWordHost({ loadTemplate: async () => '', run: fake.run, runWith: fake.runWith, isSetSupported: fake.isSetSupported, documentName: 'bao-cao.docx' });
    renderPane(host, 'kiem-tra');
    const write = await screen.findByRole('button', { name: 'Ghi nhận xét vào tài liệu' }, { timeout: 15_000 });
    expect(screen.getByText(/Word ghi tên người dùng đang đăng nhập/)).toBeTruthy();
    const report = checkReport({ definition: CCHC_6_THANG, snapshot: bound, fileName: 'bao-cao.docx' });
    const n = report.summary.error + report.summary.warning;
    fireEvent.click(write);
    await screen.findByText(new RegExp(`^Đã ghi ${n + 1} nhận xét \\(${n} lỗi và cảnh báo`), undefined, { timeout: 10_000 });
    expect(fake.comments).toHaveLength(n + 1);
    fireEvent.click(screen.getByRole('button', { name: 'Xóa nhận xét của baocao' }));
    await screen.findByText(`Đã xóa ${n + 1} nhận xét của baocao; nhận xét của người khác giữ nguyên.`, undefined, { timeout: 10_000 });
    await waitFor(() => expect(fake.comments).toHaveLength(0));
  }, 60_000);
});
