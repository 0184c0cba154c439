/** @jest-environment jsdom */
/**
 * Phụ lục III in the task pane: "Thêm nhiệm vụ" adds a task to a group after a dialog, the new
 * row is counted and can be removed ("Xóa", with a dialog listing what goes); the template's
 * own rows, which hold its figures, have no "Xóa".
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATE_BYTES, renderPane, testHost } from './helpers';

const LOAD = { timeout: 15_000 };

/** The open dialog (queried with hidden: true, see task-pane.test.tsx). */
const openDialog = () => screen.findByRole('dialog', { hidden: true });
const dialogGone = () => waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());

const header = () => screen.getByRole('button', { name: /^Phụ lục III – nhiệm vụ cụ thể/ });

describe('Phụ lục III task rows in the pane', () => {
  test('adds a task to group III, counts it, and removes it after confirmation', async () => {
    const inner = OoxmlDocument.open(TEMPLATE_BYTES);
    const original = await OoxmlDocument.open(TEMPLATE_BYTES).read();
    const host = testHost(inner);
    renderPane(host, 'phu-luc');
    await screen.findByRole('list', { name: 'Nhiệm vụ nhóm III' }, LOAD);
    expect(header().textContent).toMatch(/, 50 nhiệm vụ, có sản phẩm 0\/50\)$/);
    // The template's rows hold its figures: none can be removed.
    expect(screen.queryAllByRole('button', { name: /^Xóa nhiệm vụ/ })).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Thêm nhiệm vụ vào nhóm III' }));
    let dialog = await openDialog();
    expect(within(dialog).getByText('Thêm nhiệm vụ III.11 vào nhóm III?')).toBeTruthy();
    // Hủy writes nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy', hidden: true }));
    await dialogGone();
    expect(host.document.applied).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Thêm nhiệm vụ vào nhóm III' }));
    dialog = await openDialog();
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Nội dung công việc', hidden: true }), { target: { value: 'Rà soát quy trình nội bộ' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Sản phẩm đầu ra/, hidden: true }), { target: { value: 'Báo cáo số 12/BC-VP' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm', hidden: true }));
    await screen.findByText(/^Đã thêm nhiệm vụ III\.11 vào nhóm III\. Nút “Hoàn tác” \(Ctrl\+Z\) lấy lại được\./, {}, LOAD);
    expect(host.document.applied).toHaveLength(1);
    expect(host.document.applied[0]!.map((e) => e.kind)).toEqual(['insert-row']);
    expect(header().textContent).toMatch(/, 51 nhiệm vụ, có sản phẩm 1\/51\)$/);
    const list = screen.getByRole('list', { name: 'Nhiệm vụ nhóm III' });
    const item = within(list).getAllByRole('listitem')[10]!;
    expect(item.textContent).toContain('III.11 – Rà soát quy trình nội bộ');
    expect(item.textContent).toContain('Sản phẩm đầu ra: Báo cáo số 12/BC-VP');
    // The new row is shown at once.
    await waitFor(() => expect(host.reveal).toHaveBeenCalledWith(expect.objectContaining({ kind: 'cell' })));

    // Xóa asks first, listing the row; Hủy keeps it.
    fireEvent.click(within(item).getByRole('button', { name: 'Xóa nhiệm vụ III.11' }));
    dialog = await openDialog();
    expect(within(dialog).getByText('Xóa nhiệm vụ III.11?')).toBeTruthy();
    const listed = within(dialog).getByRole('list', { name: 'Nội dung sẽ bị xóa', hidden: true }).textContent;
    expect(listed).toContain('Nội dung công việc: Rà soát quy trình nội bộ');
    expect(listed).toContain('Sản phẩm đầu ra: Báo cáo số 12/BC-VP');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hủy', hidden: true }));
    await dialogGone();
    expect(host.document.applied).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Xóa nhiệm vụ III.11' }));
    dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xóa', hidden: true }));
    await screen.findByText(/^Đã xóa nhiệm vụ III\.11\./, {}, LOAD);
    expect(host.document.applied[1]!.map((e) => e.kind)).toEqual(['delete-row']);
    expect(header().textContent).toMatch(/, 50 nhiệm vụ, có sản phẩm 0\/50\)$/);
    expect(screen.queryAllByRole('button', { name: /^Xóa nhiệm vụ/ })).toHaveLength(0);
    expect(await inner.read()).toEqual(original);
  }, 60_000);
});
