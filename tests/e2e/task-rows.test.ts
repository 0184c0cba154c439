/**
 * Phụ lục III task rows in the workbench, in Chromium: "Thêm nhiệm vụ" adds a row to group III
 * (seen in the rendering, counted in the panel), "Hoàn tác" takes it back and "Làm lại" brings it
 * again, "Xóa" removes it after a dialog listing it; both dialogs are axe-clean.
 */
import type { Page } from 'playwright-core';
import { openPage, openPanel, seriousViolations, startWorkbench, waitIdle, type Workbench } from './helpers/workbench';

const TASK = 'Rà soát, đơn giản hóa quy trình nội bộ giải quyết TTHC';
const OUTPUT = 'Quyết định số 15/QĐ-VPUB ngày 20/5/2022';

let wb: Workbench;
let page: Page;
let errors: string[];

beforeAll(async () => {
  wb = await startWorkbench();
  ({ page, errors } = await openPage(wb, { axe: true }));
}, 240_000);

afterAll(async () => {
  await wb?.close();
});

const header = () => page.getByRole('button', { name: /^Phụ lục III – nhiệm vụ cụ thể/ });
/** The rendered document holds the new task's text (as many times as given). */
const rendered = (n: number) =>
  page.waitForFunction(
    ({ text, n }) => (document.querySelector('[data-testid="doc-view"]')?.textContent ?? '').split(text).length - 1 === n,
    { text: TASK, n },
    { timeout: 30_000 },
  );

describe('Phụ lục III task rows in the workbench', () => {
  test('add a task, undo, redo, then remove it: rendering and counts follow; dialogs axe-clean', async () => {
    await openPanel(page, 'Phụ lục', 'Bảng phụ lục');
    await page.getByRole('list', { name: 'Nhiệm vụ nhóm III' }).waitFor();
    expect(await header().innerText()).toMatch(/50 nhiệm vụ, có sản phẩm (\d+)\/50\)/);
    const withOutput = Number(/có sản phẩm (\d+)\/50/.exec(await header().innerText())![1]);

    await page.getByRole('button', { name: 'Thêm nhiệm vụ vào nhóm III' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm nhiệm vụ III.11 vào nhóm III?' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Nội dung công việc' }).fill(TASK);
    await dialog.getByRole('textbox', { name: /^Sản phẩm đầu ra/ }).fill(OUTPUT);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await page.getByText(/^Đã thêm nhiệm vụ III\.11 vào nhóm III\./).waitFor({ timeout: 30_000 });
    await rendered(1);
    await waitIdle(page);
    expect(await header().innerText()).toContain(`51 nhiệm vụ, có sản phẩm ${withOutput + 1}/51)`);
    expect(await page.locator('header').innerText()).toContain('có thay đổi chưa lưu');

    // The workbench's undo takes the row back, redo brings it again.
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await rendered(0);
    await waitIdle(page);
    await page.getByRole('list', { name: 'Nhiệm vụ nhóm III' }).waitFor();
    expect(await header().innerText()).toContain('50 nhiệm vụ');
    await page.getByRole('button', { name: 'Làm lại' }).click();
    await rendered(1);
    await waitIdle(page);

    await page.getByRole('button', { name: 'Xóa nhiệm vụ III.11' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xóa nhiệm vụ III.11?' });
    await confirm.waitFor();
    const listed = await confirm.getByRole('list', { name: 'Nội dung sẽ bị xóa' }).innerText();
    expect(listed).toContain(`Nội dung công việc: ${TASK}`);
    expect(listed).toContain(`Sản phẩm đầu ra: ${OUTPUT}`);
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.getByText(/^Đã xóa nhiệm vụ III\.11\./).waitFor({ timeout: 30_000 });
    await rendered(0);
    await waitIdle(page);
    expect(await header().innerText()).toContain(`50 nhiệm vụ, có sản phẩm ${withOutput}/50)`);
    expect(await seriousViolations(page)).toEqual([]);
  }, 180_000);

  test('no page error or console error', () => {
    expect(errors).toEqual([]);
  });
});
