/**
 * "Gắn số liệu" in the workbench, in Chromium: the drafter selects "1.234 hồ sơ" in the rendered
 * document, opens the form from Số liệu (the selection is read before focus moves), names the
 * field, and the rendering shows the figure inside a control tagged with the new id; the field
 * is then in Số liệu with its figure. No page error, no request outside the workbench.
 */
import type { Page } from 'playwright-core';
import { sampleWithFigure } from '../helpers/bind';
import { openPage, openPanel, startWorkbench, waitIdle, type Workbench } from './helpers/workbench';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
let wb: Workbench;
let page: Page;
let errors: string[];

beforeAll(async () => {
  wb = await startWorkbench();
  ({ page, errors } = await openPage(wb));
}, 240_000);

afterAll(async () => {
  await wb?.close();
});

test('select a figure in the rendering → Gắn số liệu → a control with the new id, the field in Số liệu', async () => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp…' }).click()]);
  await chooser.setFiles({ name: 'bao-cao-buu-chinh.docx', mimeType: DOCX_MIME, buffer: Buffer.from(sampleWithFigure()) });
  await page.locator('[data-testid="doc-view"]', { hasText: '1.234 hồ sơ' }).waitFor({ timeout: 30_000 });
  await waitIdle(page);
  await openPanel(page, 'Số liệu', 'Số liệu báo cáo');
  // The user's selection: "1.234 hồ sơ" in the rendered paragraph.
  const selected = await page.evaluate(() => {
    const view = document.querySelector('[data-testid="doc-view"]')!;
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf('1.234 hồ sơ');
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + '1.234 hồ sơ'.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    }
    return '';
  });
  expect(selected).toBe('1.234 hồ sơ');
  await page.getByRole('button', { name: 'Gắn số liệu…' }).click();
  const form = page.getByRole('form', { name: 'Gắn số liệu' });
  await expect(form.getByRole('textbox', { name: /^Đoạn có số liệu/ }).inputValue()).resolves.toBe('1.234 hồ sơ');
  await form.getByText('Lấy từ vùng chọn trong tài liệu.').waitFor();
  await form.getByRole('textbox', { name: /^Mã số liệu/ }).fill('b22.buuChinh');
  await form.getByRole('textbox', { name: /^Nhãn/ }).fill('Hồ sơ qua bưu chính công ích');
  await form.getByRole('button', { name: 'Gắn', exact: true }).click();
  await page.getByText(/Đã gắn Hồ sơ qua bưu chính công ích \(b22\.buuChinh\) vào mục B\.I\.2\.4/).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="doc-view"] [data-tag="b22.buuChinh"]').first().waitFor({ timeout: 30_000 });
  expect(await page.locator('[data-testid="doc-view"] [data-tag="b22.buuChinh"]').allTextContents()).toEqual(['1.234']);
  await page.getByRole('searchbox', { name: 'Tìm số liệu theo tên' }).fill('bưu chính công ích');
  expect(await page.getByRole('textbox', { name: 'Hồ sơ qua bưu chính công ích', exact: true }).inputValue()).toBe('1.234');
  expect(errors).toEqual([]);
}, 120_000);
