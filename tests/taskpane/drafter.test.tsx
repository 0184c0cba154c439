/**
 * @jest-environment jsdom
 *
 * The drafter's day in the task pane (issue 11): an edit in Số liệu says beside the figure and
 * in the section list which relations it broke or fixed, with a link to the finding in Kiểm tra;
 * F8 / Shift+F8 walk the findings and select their places; a finding with many places groups
 * them ("12 chỗ trong mục A.2.2"); a document that is not a report keeps Kiểm tra.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkReport } from '../../src/core/check';
import type { Finding } from '../../src/core/check/findings';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot, ReportDocument } from '../../src/document/types';
import { brokenLine, diffFindings, findingKey, fixedLine } from '../../src/taskpane/consequences';
import { groupLocations, orderFindings } from '../../src/taskpane/panels/CheckPanel';
import { SAMPLE_BYTES, readBack, renderPane, testHost } from './helpers';

const LOAD = { timeout: 15_000 };

const ratio = (shown: string, part: string, base: string, expected: string, block = 24): Finding => ({
  rule: 'ratio',
  severity: 'error',
  message: `Tỷ lệ ghi ${shown} nhưng ${part}/${base} = ${expected}`,
  evidence: [shown, part, base],
  expected,
  locations: [{ excerpt: '…', section: 'A.2.2', anchor: { block, start: 10, end: 15 }, tag: 'a22.resolvedPct' }],
});

describe('consequences (pure)', () => {
  test('a finding keeps its identity when its figures and offsets change', () => {
    const a = ratio('93,3%', '28.375', '30.407', '93,3%');
    const b = { ...ratio('93,3%', '28.375', '30.000', '94,6%'), locations: [{ ...a.locations[0]!, anchor: { block: 24, start: 11, end: 16 } }] };
    expect(findingKey(a)).toBe(findingKey(b));
    expect(findingKey(a)).not.toBe(findingKey(ratio('93,3%', '1', '2', '3', 25)));
  });

  test('broken = new errors and warnings, fixed = gone ones; info and unchanged ones are neither', () => {
    const kept = ratio('3,24%', '921', '28.375', '3,25%', 30);
    const fixed = ratio('4,7%', '1.437', '30.407', '4,8%', 31);
    const info: Finding = { rule: 'completeness', severity: 'info', message: 'Chưa nhập 60 chỉ tiêu', evidence: [], locations: [] };
    const broken = ratio('93,3%', '28.375', '30.000', '94,6%');
    const diff = diffFindings([kept, fixed, info], [{ ...kept, message: 'khác' }, broken, { ...info, message: 'Chưa nhập 59 chỉ tiêu' }]);
    expect(diff.broken).toEqual([broken]);
    expect(diff.fixed).toEqual([fixed]);
  });

  test('two findings with one identity count as two', () => {
    const f = ratio('1%', '1', '100', '1,0%');
    expect(diffFindings([f], [f, f]).broken).toHaveLength(1);
  });

  test('the lines read as the issue asks', () => {
    expect(brokenLine(ratio('93,3%', '28.375', '29.812', '95,2%'))).toBe('93,3% không còn khớp: 28.375/29.812 = 95,2%');
    expect(fixedLine(ratio('93,3%', '28.375', '29.812', '95,2%'))).toBe('93,3% đã khớp lại (tỷ lệ)');
  });
});

describe('grouping (pure)', () => {
  test('locations sharing a name are one group, in order of first appearance', () => {
    const loc = (section: string) => ({ excerpt: section, section });
    const row = (r: string) => ({ excerpt: r, section: 'PL-I', table: 'Phụ lục I / Biểu mẫu 1', row: r });
    const groups = groupLocations([loc('A.2.2'), loc('A.1'), loc('A.2.2'), row('1'), loc('A.2.2'), row('3.2')]);
    expect(groups.map((g) => [g.name, g.locations.map((l) => l.label)])).toEqual([
      ['Mục A.2.2', ['chỗ 1', 'chỗ 2', 'chỗ 3']],
      ['Mục A.1', ['Mục A.1']],
      ['Phụ lục I / Biểu mẫu 1', ['dòng 1', 'dòng 3.2']],
    ]);
  });

  test('findings: errors first, then warnings, then info; sections within in document order', () => {
    const f = (severity: Finding['severity'], section: string): Finding => ({ rule: 'ratio', severity, message: section, evidence: [], locations: [{ excerpt: '', section }] });
    const groups = orderFindings([f('info', 'A'), f('warning', 'B'), f('error', 'C'), f('error', 'A'), f('error', 'C')], (x) => x.locations[0]!.section!);
    expect(groups.map((g) => [g.severity, g.sections.map((s) => `${s.key}×${s.findings.length}`)])).toEqual([
      ['error', ['C×2', 'A×1']],
      ['warning', ['B×1']],
      ['info', ['A×1']],
    ]);
  });
});

async function openGroup(name: RegExp): Promise<HTMLElement> {
  const header = await screen.findByRole('button', { name }, LOAD);
  if (header.getAttribute('aria-expanded') !== 'true') fireEvent.click(header);
  return header;
}

describe('live consequences in Số liệu', () => {
  test('an edit says which relations it broke, beside the figure and in its section; the link opens the finding', async () => {
    const host = testHost();
    renderPane(host);
    const header = await openGroup(/^A\. Nhiệm vụ/);
    const input = screen.getByRole('textbox', { name: 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' }) as HTMLInputElement;
    expect(input.value).toBe('30.407');
    fireEvent.change(input, { target: { value: '30.000' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    let list = await screen.findByRole('list', { name: 'Ảnh hưởng của thay đổi vừa ghi' }, LOAD);
    // The same as the core's check of the edited document says (once written and checked whole).
    await waitFor(() => expect(screen.getByRole('list', { name: 'Ảnh hưởng của thay đổi vừa ghi' }).getAttribute('data-source')).toBe('check'), LOAD);
    list = screen.getByRole('list', { name: 'Ảnh hưởng của thay đổi vừa ghi' });
    const after = await readBack(host.document.inner);
    const report = checkReport({ definition: CCHC_6_THANG, snapshot: after.snapshot, fileName: 'x', located: after.located });
    const resolved = report.findings.find((f) => f.rule === 'ratio' && f.evidence[0] === '93,3%')!;
    expect(resolved).toBeDefined();
    expect(list.textContent).toContain('93,3% không còn khớp: 28,375/30.000 = 94,6%');
    expect(list.textContent).toContain('4,7% không còn khớp: 1.437/30.000 = 4,8%');
    expect(header.textContent).toContain('2 quan hệ không còn khớp');

    const item = within(list).getByText(/^93,3% không còn khớp/).closest('li') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Xem trong tài liệu' }));
    await waitFor(() => expect(host.reveal).toHaveBeenCalledWith(expect.objectContaining({ kind: 'control' })));
    fireEvent.click(within(item).getByRole('button', { name: 'Xem trong Kiểm tra' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true'));
    await waitFor(() => expect((document.activeElement as HTMLElement | null)?.textContent).toContain('Tỷ lệ hồ sơ đã giải quyết ghi 93,3% nhưng 28.375/30.000 = 94,6%'), LOAD);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-current')).toBe('true'));
  });

  test('the marks come before the write (from the relations the edit touches); the whole check then says the same', async () => {
    const inner = OoxmlDocument.open(SAMPLE_BYTES);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: ReportDocument = {
      read: () => inner.read(),
      apply: async (edits) => {
        await held;
        return inner.apply(edits);
      },
    };
    const host = testHost(slow);
    renderPane(host);
    await openGroup(/^A\. Nhiệm vụ/);
    const input = screen.getByRole('textbox', { name: 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' });
    fireEvent.change(input, { target: { value: '30.000' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const name = 'Ảnh hưởng của thay đổi vừa ghi';
    const quick = await screen.findByRole('list', { name }, LOAD);
    // Not written yet: the document still holds 30.407 everywhere.
    const places = (await readBack(inner)).data.fields['a22.received']?.places.map((p) => p.text) ?? [];
    expect(places.length).toBeGreaterThan(0);
    expect(places.every((t) => t === '30.407')).toBe(true);
    expect(quick.getAttribute('data-source')).toBe('quick');
    expect(quick.textContent).toContain('93,3% không còn khớp: 28,375/30.000 = 94,6%');
    release();
    await waitFor(() => expect(screen.getByRole('list', { name }).getAttribute('data-source')).toBe('check'), LOAD);
    const full = screen.getByRole('list', { name });
    expect(full.textContent).toContain('93,3% không còn khớp: 28,375/30.000 = 94,6%');
    expect(full.textContent).toContain('4,7% không còn khớp: 1.437/30.000 = 4,8%');
  });

  test('undoing the edit in the document (a change the pane hears about) hides the consequences of the old state', async () => {
    const host = testHost();
    renderPane(host);
    await openGroup(/^A\. Nhiệm vụ/);
    const input = screen.getByRole('textbox', { name: 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' });
    fireEvent.change(input, { target: { value: '30.000' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByRole('list', { name: 'Ảnh hưởng của thay đổi vừa ghi' }, LOAD);
    // The marks show before the write: undo once the edit is written (and checked whole).
    await waitFor(() => expect(screen.getByRole('list', { name: 'Ảnh hưởng của thay đổi vừa ghi' }).getAttribute('data-source')).toBe('check'), LOAD);
    host.document.inner = OoxmlDocument.open(SAMPLE_BYTES);
    host.change();
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Ảnh hưởng của thay đổi vừa ghi' })).toBeNull(), LOAD);
    // Generous: the whole check of the edit may be running in the background meanwhile.
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' }) as HTMLInputElement).value).toBe('30.407'), LOAD);
  });
});

describe('Kiểm tra: F8 and grouped places', () => {
  test('F8 moves to the first error and selects its place; Shift+F8 goes back round to the last finding', async () => {
    const host = testHost();
    renderPane(host);
    await screen.findByRole('tablist', {}, LOAD);
    fireEvent.keyDown(window, { key: 'F8' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-finding-index')).toBe('0'), LOAD);
    expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement?.textContent).toMatch(/^Lỗi/);
    await waitFor(() => expect(host.reveal).toHaveBeenCalledTimes(1));
    fireEvent.keyDown(window, { key: 'F8' });
    await waitFor(() => expect(document.activeElement?.getAttribute('data-finding-index')).toBe('1'));
    fireEvent.keyDown(window, { key: 'F8', shiftKey: true });
    fireEvent.keyDown(window, { key: 'F8', shiftKey: true });
    const sample = await readBack(OoxmlDocument.open(SAMPLE_BYTES));
    const n = checkReport({ definition: CCHC_6_THANG, snapshot: sample.snapshot, fileName: 'x', located: sample.located }).findings.length;
    await waitFor(() => expect(document.activeElement?.getAttribute('data-finding-index')).toBe(String(n - 1)));
  });

  test('"Chưa nhập N chỉ tiêu" groups its places by section and expands on demand', async () => {
    const host = testHost();
    renderPane(host, 'kiem-tra');
    const item = (await screen.findByText(/^Chưa nhập số liệu \d+ chỉ tiêu/, {}, LOAD)).closest('li') as HTMLElement;
    const groups = within(item).getAllByRole('button', { name: /^▸ \d+ chỗ trong / });
    expect(groups.length).toBeGreaterThan(0);
    const first = groups[0]!;
    const count = Number(/(\d+) chỗ/.exec(first.textContent!)![1]);
    const inside = () => within(item).queryAllByRole('button', { name: /^(chỗ|dòng) / });
    expect(inside()).toHaveLength(0);
    fireEvent.click(first);
    expect(first.getAttribute('aria-expanded')).toBe('true');
    expect(inside()).toHaveLength(count);
    // Far fewer buttons than places.
    const places = Number(/Chưa nhập số liệu (\d+) chỉ tiêu/.exec(item.textContent!)![1]);
    expect(groups.length).toBeLessThan(places);
  });
});

describe('a document that is not a report', () => {
  test('keeps Kiểm tra with the template-free checks beside the template offer', async () => {
    const other: ReportDocument = {
      read: async (): Promise<DocumentSnapshot> => ({
        blocks: [{ type: 'paragraph', index: 0, text: 'Lớp tập huấn có 40 học viên, trong đó 30 học viên đạt yêu cầu, chiếm 80%.', spans: [] }],
        controls: [],
      }),
      apply: async () => {},
    };
    renderPane(testHost(other));
    await screen.findByRole('button', { name: 'Tạo báo cáo từ mẫu' }, LOAD);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Kiểm tra']);
    await screen.findByText(/chỉ kiểm tra các quy tắc không cần mẫu/, {}, LOAD);
    // 30/40 = 75%, not 80%: a template-free finding; no "Chưa nhập" of the template's fields.
    await screen.findByText(/^Tỷ lệ ghi 80% .* nhưng 30\/40 = 75%/, {}, LOAD);
    expect(screen.queryByText(/chỉ tiêu của mẫu/)).toBeNull();
    expect(screen.getByText('1 lỗi · 0 cảnh báo · 0 lưu ý')).toBeTruthy();
  });
});

describe('Kỳ báo cáo mới after a roll-over', () => {
  test('the preview is grouped by section with links to the places; the dialog speaks of the browser', async () => {
    const host = testHost();
    renderPane(host, 'ky-moi');
    const cleared = await screen.findByRole('button', { name: /^Xóa để nhập lại \(\d+\)$/ }, LOAD);
    fireEvent.click(cleared);
    const panel = document.getElementById(cleared.getAttribute('aria-controls') ?? '') ?? cleared.closest('.fui-AccordionItem')!;
    const headings = within(panel as HTMLElement).getAllByRole('heading', { level: 4 });
    expect(headings.length).toBeGreaterThan(3);
    expect(headings[0]!.textContent).toMatch(/^A\. Nhiệm vụ.*\(\d+\)$/);
    fireEvent.click(within(panel as HTMLElement).getByRole('button', { name: 'Xem trong tài liệu: Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' }));
    await waitFor(() => expect(host.reveal).toHaveBeenCalledWith(expect.objectContaining({ kind: 'control' })));
    fireEvent.click(screen.getByRole('button', { name: 'Chuyển sang kỳ mới…' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(dialog.textContent).toContain('Tệp gốc trên máy không bị thay đổi');
    expect(dialog.textContent).not.toContain('trong Word');
  });

  test('right after a roll-over the panel does not invite the next one', async () => {
    const sample = await readBack(OoxmlDocument.open(SAMPLE_BYTES));
    const doc = OoxmlDocument.open(SAMPLE_BYTES);
    await doc.read();
    const { planRollover } = await import('../../src/core/rollover');
    await doc.apply(planRollover(CCHC_6_THANG, sample.snapshot, { to: { kind: 'nam', year: 2022 } }, sample.located).edits);
    renderPane(testHost(doc), 'ky-moi');
    await screen.findByText('Chưa cần chuyển kỳ', {}, LOAD);
    expect(screen.queryByRole('button', { name: 'Chuyển sang kỳ mới…' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Vẫn xem trước kỳ mới…' }));
    await screen.findByRole('button', { name: 'Chuyển sang kỳ mới…' }, LOAD);
  });
});
