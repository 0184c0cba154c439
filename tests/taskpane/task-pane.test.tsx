/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkReport } from '../../src/core/check';
import { planRollover } from '../../src/core/rollover';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { DocumentError, type DocumentSnapshot, type ReportDocument } from '../../src/document/types';
import { panelFromSearch } from '../../src/taskpane/TaskPane';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RECEIVED_SAMPLE, REPO_DIR } from '../helpers/paths';
import { SAMPLE_BYTES, placesText, readBack, renderPane, testHost } from './helpers';

const LOAD = { timeout: 15_000 };

/** The sample as the core sees it, read once for expectations. */
let sample: Awaited<ReturnType<typeof readBack>>;
beforeAll(async () => {
  sample = await readBack(OoxmlDocument.open(SAMPLE_BYTES));
});

const controlOf = (tag: string) => sample.snapshot.controls.find((c) => c.tag === tag)!.index;

async function openGroup(name: RegExp): Promise<HTMLElement> {
  const header = await screen.findByRole('button', { name }, LOAD);
  if (header.getAttribute('aria-expanded') !== 'true') fireEvent.click(header);
  return header;
}

/**
 * The open dialog. Under jsdom, tabster's modalizer marks a dialog opened after another one
 * aria-hidden a moment later (a timing artefact of jsdom: Chromium leaves it accessible), so the
 * dialog's contents are queried with `hidden: true`.
 */
async function openDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog', { hidden: true });
}

/** Closed, and its exit transition over (a closing dialog stays in the DOM, hidden, for a moment). */
async function dialogGone(): Promise<void> {
  await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
}

function fieldInput(label: string): HTMLInputElement {
  return screen.getByRole('textbox', { name: label }) as HTMLInputElement;
}

describe('Số liệu', () => {
  test('lists the sections with counts and the fields with their figures', async () => {
    renderPane(testHost());
    const a = await openGroup(/^A\. Nhiệm vụ của thành viên Ban Chỉ đạo/);
    expect(a.textContent).toMatch(/đã nhập \d+\/30/);
    for (const name of [/^Thông tin chung/, /^B\.I\. Công tác chỉ đạo/, /^B\.II\.1\. Cải cách thể chế/, /^B\.II\.4\. Cải cách công vụ/, /^B\.II\.6\./, /^Phụ lục I\./, /^Phụ lục II\./, /^Phụ lục III\./]) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
    expect(screen.getByRole('heading', { name: /^A\. Nhiệm vụ/ })).toBeTruthy();
    expect(fieldInput('Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh').value).toBe('30.407');
    expect(fieldInput('Số hồ sơ đã giải quyết, trả kết quả').value).toBe('28,375');
    // A figure written in three places is shown once, with its places.
    const decisions = screen.getByRole('group', { name: 'Số quyết định công bố TTHC/danh mục TTHC đã trình ban hành' });
    expect(within(decisions).getAllByRole('textbox')).toHaveLength(1);
    expect(decisions.textContent).toContain('3 vị trí:');
    expect(within(decisions).getByRole('button', { name: 'Phụ lục III, dòng III.3' })).toBeTruthy();
    expect(within(decisions).getAllByRole('button', { name: 'Mục A.2.1' })).toHaveLength(2);
  });

  test('flags places that disagree, and empty fields read "chưa nhập"', async () => {
    renderPane(testHost());
    await openGroup(/^B\.II\.1\. Cải cách thể chế/);
    const legal = screen.getByRole('group', { name: 'Số văn bản QPPL đã tham mưu ban hành' });
    expect(legal.textContent).toContain('Các vị trí ghi khác nhau: 19 (Mục B.II.1.1) · 0 (Phụ lục I / Biểu mẫu 2, dòng 1)');
    await openGroup(/^Phụ lục I\./);
    const rate = screen.getByRole('group', { name: 'Tỷ lệ hoàn thành kế hoạch CCHC năm (lũy kế đến thời điểm báo cáo)' });
    const input = within(rate).getByRole('textbox') as HTMLInputElement;
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('chưa nhập');
    expect(rate.textContent).toContain('chưa nhập');
  });

  test('the filter finds a field by its label, without diacritics too', async () => {
    renderPane(testHost());
    const filter = await screen.findByRole('searchbox', { name: 'Tìm số liệu theo tên' }, LOAD);
    fireEvent.change(filter, { target: { value: 'ho so tiep nhan tai trung tam' } });
    expect(fieldInput('Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh').value).toBe('30.407');
    expect(screen.getByText(/^1 số liệu khớp/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Phụ lục III\./ })).toBeNull();
    fireEvent.change(filter, { target: { value: 'không có chỉ tiêu này' } });
    expect(screen.getByText(/Không tìm thấy số liệu nào/)).toBeTruthy();
  });

  test('a malformed entry shows the inline error and writes nothing; Escape reverts', async () => {
    const host = testHost();
    renderPane(host);
    await openGroup(/^A\. Nhiệm vụ/);
    const input = fieldInput('Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh');
    const group = screen.getByRole('group', { name: 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' });
    fireEvent.change(input, { target: { value: '28,375' } });
    expect(within(group).getByText(/Số "28,375" dùng dấu phẩy làm dấu phân cách hàng nghìn; viết đúng là "28\.375"/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    await act(async () => {});
    expect(host.document.applied).toEqual([]);
    expect(await placesText(host.document.inner, 'a22.received')).toEqual(['30.407']);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('30.407');
    expect(input.getAttribute('aria-invalid')).not.toBe('true');
    expect(within(group).queryByText(/dùng dấu phẩy/)).toBeNull();
  });

  test('a valid edit writes every place in one batch and the pane re-reads', async () => {
    const host = testHost();
    renderPane(host);
    await openGroup(/^A\. Nhiệm vụ/);
    const label = 'Số quyết định công bố TTHC/danh mục TTHC đã trình ban hành';
    const input = fieldInput(label);
    expect(input.value).toBe('15');
    const reads = host.document.reads;
    fireEvent.change(input, { target: { value: '16' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(host.document.applied).toHaveLength(1));
    await waitFor(() => expect(host.document.reads).toBe(reads + 1));
    expect(host.document.applied[0]).toHaveLength(3);
    expect(await placesText(host.document.inner, 'a21.publishDecisions')).toEqual(['16', '16', '16']);
    // Only this figure: the empty derived row elsewhere is left for the Phụ lục panel.
    expect(await placesText(host.document.inner, 'pl1.bm1.r2')).toEqual(['']);
    await waitFor(() => expect(fieldInput(label).value).toBe('16'));
    // Leaving the input after a commit writes nothing more.
    fireEvent.blur(fieldInput(label));
    await act(async () => {});
    expect(host.document.applied).toHaveLength(1);
  });

  test('a place button selects that place in the document', async () => {
    const host = testHost();
    renderPane(host);
    await openGroup(/^A\. Nhiệm vụ/);
    const decisions = screen.getByRole('group', { name: 'Số quyết định công bố TTHC/danh mục TTHC đã trình ban hành' });
    fireEvent.click(within(decisions).getByRole('button', { name: 'Phụ lục III, dòng III.3' }));
    const pl3 = sample.located.appendix.forms.find((f) => f.appendix === 'III')!;
    await waitFor(() => expect(host.reveal).toHaveBeenCalledWith({ kind: 'cell', block: pl3.tables[0], row: 23, cell: 2, start: 37, end: 39 }));
  });
});

describe('Kiểm tra', () => {
  const findingItem = async (text: RegExp) => (await screen.findByText(text, {}, LOAD)).closest('li') as HTMLElement;

  test('lists the real mistakes by severity and section; a location reveals its place', async () => {
    const host = testHost();
    renderPane(host, 'kiem-tra');
    const expected = checkReport({ definition: CCHC_6_THANG, snapshot: sample.snapshot, fileName: 'x', located: sample.located }).summary;
    expect(expected.error).toBeGreaterThan(0);
    await screen.findByRole('button', { name: `Lỗi (${expected.error})` }, LOAD);
    expect(screen.getByRole('button', { name: `Cảnh báo (${expected.warning})` })).toBeTruthy();
    expect(screen.getByRole('button', { name: `Lưu ý (${expected.info})` })).toBeTruthy();

    const ratio = await findingItem(/Tỷ lệ hồ sơ trả đúng hạn ghi 3,24% nhưng 921\/28\.375 = 3,25%/);
    expect(ratio.textContent).toContain('Số liệu trong báo cáo: 3,24% · 921 · 28,375');
    expect(ratio.textContent).toContain('Giá trị thống nhất: 3,25%');
    // Grouped under its section heading.
    const section = ratio.closest('ul')!.previousElementSibling!;
    expect(section.textContent).toBe('A. Nhiệm vụ của thành viên Ban Chỉ đạo tỉnh về CCHC');
    fireEvent.click(within(ratio).getByRole('button', { name: 'Mục A.2.2' }));
    await waitFor(() => expect(host.reveal).toHaveBeenCalledWith({ kind: 'control', controlIndex: controlOf('a22.onTimePct') }));

    // An appendix cell of a cross-section finding reveals the cell.
    const cross = await findingItem(/Số văn bản QPPL đã tham mưu ban hành: mục B\.II\.1\.1 ghi 19/);
    fireEvent.click(within(cross).getByRole('button', { name: 'Phụ lục I / Biểu mẫu 2, dòng 1' }));
    const bm2 = sample.located.appendix.forms.find((f) => f.appendix === 'I' && f.form === 2)!;
    await waitFor(() => expect(host.reveal).toHaveBeenLastCalledWith({ kind: 'cell', block: bm2.tables[0], row: 2, cell: 3, start: 0, end: 1 }));
    // A sum does not say which figure is wrong: no quick fix.
    expect(within(cross).queryByRole('button', { name: /^Sửa thành/ })).toBeNull();
  });

  test('a quick fix after confirmation changes the figure and the finding disappears', async () => {
    const host = testHost();
    renderPane(host, 'kiem-tra');
    const ratio = await findingItem(/Tỷ lệ hồ sơ trả đúng hạn ghi 3,24%/);

    // Cancelling writes nothing.
    fireEvent.click(within(ratio).getByRole('button', { name: 'Sửa thành 3,25%' }));
    let dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy', hidden: true }));
    await dialogGone();
    expect(host.document.applied).toEqual([]);

    fireEvent.click(within(ratio).getByRole('button', { name: 'Sửa thành 3,25%' }));
    dialog = await openDialog();
    const changes = within(dialog).getByRole('list', { name: 'Các thay đổi sẽ ghi vào tài liệu', hidden: true });
    expect(within(changes).getAllByRole('listitem', { hidden: true })).toHaveLength(1);
    expect(changes.textContent).toContain('Mục A.2.2');
    expect(changes.textContent).toContain('3,24% → 3,25%');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Áp dụng', hidden: true }));

    await screen.findByText(/Đã sửa 1 vị trí/, {}, LOAD);
    await waitFor(() => expect(screen.queryByText(/Tỷ lệ hồ sơ trả đúng hạn ghi 3,24%/)).toBeNull());
    expect(await placesText(host.document.inner, 'a22.onTimePct')).toEqual(['3,25%']);
    expect(await placesText(host.document.inner, 'pl1.bm1.r2')).toEqual(['']);
    expect(host.document.applied).toHaveLength(1);
  });

  test('"Điền giá trị tính được" fills an empty derived row', async () => {
    const host = testHost();
    renderPane(host, 'kiem-tra');
    const derived = await findingItem(/Tỷ lệ hoàn thành kế hoạch CCHC năm để trống; có thể tính: 30\/50 = 60%/);
    fireEvent.click(within(derived).getByRole('button', { name: 'Điền giá trị tính được' }));
    const dialog = await openDialog();
    expect(dialog.textContent).toContain('Phụ lục I / Biểu mẫu 1, dòng 2');
    expect(dialog.textContent).toContain('chưa nhập → 60%');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Áp dụng', hidden: true }));
    await waitFor(() => expect(screen.queryByText(/Tỷ lệ hoàn thành kế hoạch CCHC năm để trống/)).toBeNull(), LOAD);
    expect(await placesText(host.document.inner, 'pl1.bm1.r2')).toEqual(['60%']);
  });
});

describe('Phụ lục', () => {
  test('previews the derived row 30/50 = 60%, applies it, then has nothing left to fill', async () => {
    const host = testHost();
    renderPane(host, 'phu-luc');
    const list = await screen.findByRole('list', { name: 'Các ô phụ lục sẽ được điền' }, LOAD);
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('Tỷ lệ hoàn thành kế hoạch CCHC năm');
    expect(items[0]!.textContent).toContain('Phụ lục I / Biểu mẫu 1, dòng 2');
    expect(items[0]!.textContent).toContain('chưa nhập → 60%');
    expect(items[0]!.textContent).toContain('30/50 = 60%');

    // Phụ lục III task rows with their outputs; empty ones marked.
    // One count with Số liệu's Phụ lục III section.
    const pl3 = screen.getByRole('button', { name: /^Phụ lục III – nhiệm vụ cụ thể \(đã nhập \d+\/\d+, 50 nhiệm vụ, có sản phẩm \d+\/50\)/ });
    expect(pl3.getAttribute('aria-expanded')).toBe('true');
    const i1 = screen.getByText(/^I\.1 – Kế hoạch của UBND tỉnh/).closest('li')!;
    expect(i1.textContent).toContain('Sản phẩm đầu ra: Kế hoạch số 33/KH-UBND');
    const i8 = screen.getByText(/^I\.8 – /).closest('li')!;
    expect(within(i8).getByText('chưa nhập')).toBeTruthy();

    // "Áp dụng…" asks first, listing the changes; Hủy writes nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Áp dụng…' }));
    let dialog = await openDialog();
    expect(within(dialog).getByRole('list', { name: 'Các ô phụ lục sẽ được ghi', hidden: true }).textContent).toContain('chưa nhập → 60%');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy', hidden: true }));
    await dialogGone();
    expect(host.document.applied).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Áp dụng…' }));
    dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Điền 1 ô', hidden: true }));
    await screen.findByText('Không có ô nào cần điền.', {}, LOAD);
    expect(screen.getByText('Đã điền 1 ô vào phụ lục.')).toBeTruthy();
    // The written cell is shown at once and listed to be shown again.
    const bm1 = sample.located.appendix.forms.find((f) => f.appendix === 'I' && f.form === 1)!;
    const cell = expect.objectContaining({ kind: 'cell', block: bm1.tables[0] });
    await waitFor(() => expect(host.reveal).toHaveBeenCalledWith(cell));
    fireEvent.click(within(screen.getByRole('list', { name: 'Các ô vừa điền' })).getByRole('button', { name: /dòng 2: 60%$/ }));
    await waitFor(() => expect(host.reveal).toHaveBeenCalledTimes(2));
    expect(host.document.applied).toHaveLength(1);
    expect(await placesText(host.document.inner, 'pl1.bm1.r2')).toEqual(['60%']);
  });
});

describe('Kỳ báo cáo mới', () => {
  test('a quarterly report proposes the next quarter and offers only the periods of its template', async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', 'kiem-soat-tthc-quy', 'sample.docx')));
    renderPane(testHost(OoxmlDocument.open(bytes)), 'ky-moi');
    await screen.findByText('Báo cáo đang mở: quý I năm 2023.', {}, LOAD);
    const kind = screen.getByRole('combobox', { name: 'Kỳ báo cáo mới' }) as HTMLSelectElement;
    const year = screen.getByRole('combobox', { name: 'Năm' }) as HTMLSelectElement;
    expect([kind.value, year.value]).toEqual(['quy-ii', '2023']);
    expect(Array.from(kind.options).map((o) => o.text)).toEqual(['Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Năm']);
    expect(screen.getByText('Kỳ mới: quý II năm 2023.')).toBeTruthy();
  });

  test('previews cleared / kept / changed and applies only after the copy confirmation', async () => {
    const host = testHost();
    renderPane(host, 'ky-moi');
    await screen.findByText('Báo cáo đang mở: 6 tháng đầu năm 2022.', {}, LOAD);
    const kind = screen.getByRole('combobox', { name: 'Kỳ báo cáo mới' }) as HTMLSelectElement;
    const year = screen.getByRole('combobox', { name: 'Năm' }) as HTMLSelectElement;
    expect([kind.value, year.value]).toEqual(['9-thang', '2022']); // the next period by default
    // Only the periods the template serves are offered, in its order.
    expect(Array.from(kind.options).map((o) => [o.value, o.text])).toEqual([
      ['quy-i', 'Quý I'],
      ['6-thang', '6 tháng'],
      ['9-thang', '9 tháng'],
      ['nam', 'Năm'],
    ]);
    fireEvent.change(kind, { target: { value: '6-thang' } });
    fireEvent.change(year, { target: { value: '2023' } });
    expect(screen.getByText('Kỳ mới: 6 tháng đầu năm 2023.')).toBeTruthy();

    const plan = planRollover(CCHC_6_THANG, sample.snapshot, { to: { kind: '6-thang', year: 2023 } }, sample.located);
    await screen.findByText(`Xóa để nhập lại: ${plan.summary.cleared.length}`, {}, LOAD);
    expect(screen.getByText(`Giữ nguyên: ${plan.summary.kept.length}`)).toBeTruthy();
    expect(screen.getByText(`Thay đổi: ${plan.summary.changed.length}`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: `Thay đổi (${plan.summary.changed.length})` }));
    expect(screen.getByText('ngày 09 tháng 6 năm 2022')).toBeTruthy();
    expect(screen.getByText('ngày 14 tháng 6 năm 2023')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Chuyển sang kỳ mới…' }));
    let dialog = await openDialog();
    const go = within(dialog).getByRole('button', { name: 'Chuyển kỳ', hidden: true }) as HTMLButtonElement;
    expect(go.disabled).toBe(true);
    fireEvent.click(go);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy', hidden: true }));
    await dialogGone();
    expect(host.document.applied).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Chuyển sang kỳ mới…' }));
    dialog = await openDialog();
    const confirm = within(dialog).getByRole('checkbox', { name: 'Tôi đang làm việc trên bản sao của báo cáo kỳ trước', hidden: true }) as HTMLInputElement;
    expect(confirm.checked).toBe(false);
    fireEvent.click(confirm);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chuyển kỳ', hidden: true }));
    await screen.findByText(/^Đã chuyển báo cáo sang 6 tháng đầu năm 2023/, {}, LOAD);
    expect(host.document.applied).toHaveLength(1);
    const after = await readBack(host.document.inner);
    expect(after.data.fields['meta.reportDate']?.text).toBe('ngày 14 tháng 6 năm 2023');
    expect(after.data.fields['a22.received']?.text ?? null).toBeNull();
  });
});

describe('a report received without content controls', () => {
  test('is read by recognition; the roll-over first wraps its figures in controls, then previews', async () => {
    const host = testHost(OoxmlDocument.open(new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE))));
    renderPane(host, 'ky-moi');
    await screen.findByText(/Báo cáo nhận diện từ văn bản · nhận diện 283\/283 số liệu/, {}, LOAD);
    await screen.findByText('Báo cáo chưa có ô nhập liệu');
    expect(screen.queryByRole('button', { name: 'Chuyển sang kỳ mới…' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Gắn ô nhập liệu cho báo cáo này' }));
    await screen.findByText(/^Đã gắn \d+ ô nhập liệu/, {}, LOAD);
    expect(host.document.applied).toHaveLength(1);
    expect(host.document.applied[0]!.every((e) => e.kind === 'wrap')).toBe(true);
    await screen.findByText(/^Xóa để nhập lại: \d+/, {}, LOAD);
    expect(screen.getByText(/Báo cáo có ô nhập liệu/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Chuyển sang kỳ mới…' })).toBeTruthy();
    // Nothing of the roll-over itself was written.
    expect(host.document.applied).toHaveLength(1);
  });
});

describe('shell', () => {
  test('opens on the panel named by ?panel=, tabs labelled and keyboard reachable', async () => {
    expect(panelFromSearch('?panel=kiem-tra')).toBe('kiem-tra');
    expect(panelFromSearch('?panel=ky-moi')).toBe('ky-moi');
    expect(panelFromSearch('?panel=unknown')).toBe('so-lieu');
    renderPane(testHost(), panelFromSearch('?panel=kiem-tra'));
    await screen.findByRole('tablist', { name: 'Chọn ngăn' }, LOAD);
    expect(screen.getAllByRole('tab')).toEqual(['Số liệu', 'Kiểm tra', 'Phụ lục', 'Kỳ báo cáo mới'].map((name) => screen.getByRole('tab', { name })));
    expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('main', { name: 'baocao – Báo cáo định kỳ' })).toBeTruthy();
    for (const tab of screen.getAllByRole('tab')) {
      expect(tab.tagName).toBe('BUTTON');
      act(() => tab.focus());
      expect(document.activeElement).toBe(tab);
    }
    fireEvent.click(screen.getByRole('tab', { name: 'Phụ lục' }));
    expect(await screen.findByRole('heading', { name: 'Bảng phụ lục' }, LOAD)).toBeTruthy();
    expect(screen.getByRole('tabpanel', { name: 'Phụ lục' })).toBeTruthy();
  });

  test('shows a spinner while reading, then re-reads on "Làm mới" and on document changes', async () => {
    const host = testHost();
    renderPane(host);
    expect(screen.getByText('Đang đọc báo cáo…')).toBeTruthy();
    await screen.findByRole('tablist', {}, LOAD);
    const reads = host.document.reads;
    fireEvent.click(screen.getByRole('button', { name: 'Làm mới' }));
    await waitFor(() => expect(host.document.reads).toBe(reads + 1));

    // The user edits the document: the pane follows once they pause.
    await openGroup(/^A\. Nhiệm vụ/);
    await host.document.inner.read();
    await host.document.inner.apply([{ kind: 'control', controlIndex: controlOf('a22.received'), text: '30.500' }]);
    act(() => host.change());
    await waitFor(() => expect(fieldInput('Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh').value).toBe('30.500'), { timeout: 20_000 });
    expect(host.document.reads).toBe(reads + 2);
  });

  test('a write the document refuses shows the reason; the figure typed stays in the input', async () => {
    const host = testHost();
    const inner = host.document.inner;
    host.document.inner = {
      read: () => inner.read(),
      apply: async () => {
        throw new DocumentError('control-locked', 'Ô nhập liệu đã bị khóa, không thể sửa: Số hồ sơ TTHC tiếp nhận.');
      },
    };
    renderPane(host);
    await openGroup(/^A\. Nhiệm vụ/);
    const input = fieldInput('Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh');
    fireEvent.change(input, { target: { value: '30.408' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const alert = await screen.findByRole('alert', {}, LOAD);
    expect(alert.textContent).toContain('Không thực hiện được');
    expect(alert.textContent).toContain('Ô nhập liệu đã bị khóa, không thể sửa');
    expect(fieldInput('Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh').value).toBe('30.408');
    expect(await placesText(inner, 'a22.received')).toEqual(['30.407']);
    fireEvent.click(within(alert).getByRole('button', { name: 'Đóng' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a document that cannot be read shows the reason and "Thử lại"', async () => {
    const host = testHost();
    host.document.failRead = new DocumentError('not-zip', 'Tệp không phải là tài liệu Word (.docx).');
    jest.spyOn(console, 'error').mockImplementation(() => {});
    renderPane(host);
    const alert = await screen.findByRole('alert', {}, LOAD);
    expect(alert.textContent).toContain('Tệp không phải là tài liệu Word (.docx).');
    host.document.failRead = undefined;
    fireEvent.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    await screen.findByRole('tablist', {}, LOAD);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('an empty document offers "Tạo báo cáo từ mẫu", which inserts the template and reads it', async () => {
    const empty: ReportDocument = { read: async (): Promise<DocumentSnapshot> => ({ blocks: [], controls: [] }), apply: async () => {} };
    const host = testHost(empty);
    renderPane(host);
    const create = await screen.findByRole('button', { name: 'Tạo báo cáo từ mẫu' }, LOAD);
    // Not a report: only Kiểm tra (the template-free checks) beside the offer.
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual(['Kiểm tra']);
    fireEvent.click(create);
    await screen.findByRole('tab', { name: 'Số liệu' }, LOAD);
    expect(screen.getAllByRole('tab')).toHaveLength(4);
    expect(host.insertTemplate).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Báo cáo có ô nhập liệu · nhận diện \d+\/283 số liệu/)).toBeTruthy();
  });

  test('a document with other content asks before replacing it with the template', async () => {
    const other: ReportDocument = {
      read: async (): Promise<DocumentSnapshot> => ({ blocks: [{ type: 'paragraph', index: 0, text: 'Biên bản họp giao ban tháng 5', spans: [] }], controls: [] }),
      apply: async () => {},
    };
    const host = testHost(other);
    renderPane(host);
    fireEvent.click(await screen.findByRole('button', { name: 'Tạo báo cáo từ mẫu' }, LOAD));
    const dialog = await openDialog();
    expect(dialog.textContent).toContain('thay toàn bộ nội dung hiện có');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy', hidden: true }));
    await dialogGone();
    expect(host.insertTemplate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Tạo báo cáo từ mẫu' }));
    fireEvent.click(within(await openDialog()).getByRole('button', { name: 'Thay bằng mẫu', hidden: true }));
    await screen.findByRole('tab', { name: 'Số liệu' }, LOAD);
    expect(host.insertTemplate).toHaveBeenCalledTimes(1);
  });
});
