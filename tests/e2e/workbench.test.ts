/**
 * The workbench end to end, in Chromium, over the production build and the `npm start` server:
 * a person opens the sample, changes a figure in Số liệu, sees it change in the rendering, sees
 * the check react and clear, fills the derived appendix row, saves — and the saved .docx, read
 * by the engine and by LibreOffice, holds the new values and nothing else changed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { extractReport } from '../../src/core/model/extract';
import type { ReportData } from '../../src/core/model/report-data';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { sofficeText } from '../helpers/libreoffice';
import { REPO_DIR } from '../helpers/paths';
import { docText, openPage, openPanel, startWorkbench, waitIdle, type Workbench } from './helpers/workbench';

const SAMPLE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx');
const RECEIVED_LABEL = 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh';
const DERIVED_LABEL = 'Tỷ lệ hoàn thành kế hoạch CCHC năm (lũy kế đến thời điểm báo cáo)';

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

async function extract(bytes: Uint8Array): Promise<ReportData> {
  return extractReport(CCHC_6_THANG, await OoxmlDocument.open(bytes).read());
}

/** Types a figure into the data panel's input for `label` and commits it with Enter. */
async function setFigure(label: string, value: string): Promise<void> {
  await openPanel(page, 'Số liệu', 'Số liệu báo cáo');
  await page.getByRole('searchbox', { name: 'Tìm số liệu theo tên' }).fill('hồ sơ TTHC tiếp nhận');
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
  await page.waitForFunction(
    ({ tag, v }) => {
      const spans = [...document.querySelectorAll<HTMLElement>(`[data-testid="doc-view"] [data-tag="${tag}"]`)];
      return spans.length > 0 && spans.every((s) => s.textContent === v);
    },
    { tag: 'a22.received', v: value },
  );
  await waitIdle(page);
}

/** The texts of the rendered places of a field (content controls tagged with its id). */
function placeTexts(tag: string): Promise<string[]> {
  return page.locator(`[data-testid="doc-view"] [data-tag="${tag}"]`).allTextContents();
}

/** The finding list items of the check panel that contain `text`. */
function findings(text: string) {
  return page.getByRole('listitem').filter({ hasText: text });
}

async function checkPanel(): Promise<void> {
  await openPanel(page, 'Kiểm tra', 'Kiểm tra tính thống nhất');
  // The summary line ("10 lỗi · 4 cảnh báo · 10 lưu ý") appears once the check has run.
  await page.getByText(/\d+ lỗi · \d+ cảnh báo/).waitFor({ timeout: 30_000 });
}

describe('workbench over the sample, in Chromium', () => {
  test('opens the sample: every snapshot block is rendered with exactly its text', async () => {
    const snapshot = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(SAMPLE))).read();
    const mismatches = await page.evaluate((blocks) => {
      const out: string[] = [];
      blocks.forEach((b, i) => {
        const el = document.querySelector<HTMLElement>(`[data-testid="doc-view"] [data-block="${i}"]`);
        if (!el) out.push(`block ${i} missing`);
        else if (b.type === 'paragraph' && el.textContent !== b.text) out.push(`block ${i}: ${el.textContent} ≠ ${b.text}`);
        else if (b.type === 'table') {
          b.rows.forEach((row, r) =>
            row.cells.forEach((cell, c) => {
              const td = el.querySelector<HTMLElement>(`[data-row="${r}"][data-cell="${c}"]`);
              if (!cell.mergedUp && td?.textContent !== cell.text) out.push(`block ${i} row ${r} cell ${c}`);
            }),
          );
        }
      });
      return out;
    }, snapshot.blocks);
    expect(mismatches).toEqual([]);
    expect(await page.getByRole('tab', { name: 'Số liệu' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('header').innerText()).toContain('bao-cao-cchc-6-thang.docx');
    expect(await placeTexts('a22.received')).toEqual(['30.407']);
  });

  test('Số liệu: a changed figure is rewritten in every place of the rendering, and revealed', async () => {
    const places = (await extract(new Uint8Array(fs.readFileSync(SAMPLE)))).fields['a22.received']!.places.filter((p) => p.found).length;
    await setFigure(RECEIVED_LABEL, '40.407');
    expect(await placeTexts('a22.received')).toEqual(Array(places).fill('40.407'));
    expect(await docText(page)).not.toContain('30.407');
    expect(await page.locator('header').innerText()).toContain('có thay đổi chưa lưu');

    // The place button of the field selects it in the rendering.
    await page.getByRole('group', { name: RECEIVED_LABEL }).getByRole('button', { name: 'Mục A.2.2' }).click();
    const revealed = page.locator('[data-testid="doc-view"] [data-revealed]');
    await revealed.first().waitFor();
    expect(await revealed.allTextContents()).toEqual(['40.407']);
    expect(await revealed.first().evaluate((el) => el.getBoundingClientRect().top > 0 && el.getBoundingClientRect().bottom < window.innerHeight)).toBe(true);
  });

  test('Kiểm tra: the ratio findings of the new figure appear, point at their place, and clear when it is corrected', async () => {
    await checkPanel();
    const resolved = findings('28.375/40.407 = 70,2%');
    const pending = findings('1.437/40.407 = 3,6%');
    await expect(resolved.count()).resolves.toBe(1);
    await expect(pending.count()).resolves.toBe(1);
    await expect(findings('ghi 40.407, các thành phần được nêu').count()).resolves.toBe(1);

    // Its location button scrolls to the stated percentage and highlights it.
    await resolved.getByRole('button', { name: 'Mục A.2.2' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="doc-view"] [data-revealed]')?.textContent === '93,3%');

    // Corrected: 28.375/30.412 = 93,30% and 1.437/30.412 = 4,73% agree with 93,3% and 4,7%.
    await setFigure(RECEIVED_LABEL, '30.412');
    await checkPanel();
    await expect(findings('/40.407').count()).resolves.toBe(0);
    await expect(findings('/30.412').count()).resolves.toBe(0);
    // The sum finding the signed report already had (received ≠ resolved + pending) follows the figure.
    await expect(findings('ghi 30.412, các thành phần được nêu 28.375 + 1.437 = 29.812').count()).resolves.toBe(1);
  });

  test('Phụ lục: the derived row is previewed, filled with 60% and shown in the rendering', async () => {
    await openPanel(page, 'Phụ lục', 'Bảng phụ lục');
    const list = page.getByRole('list', { name: 'Các ô phụ lục sẽ được điền' });
    await list.waitFor();
    const items = list.getByRole('listitem');
    await expect(items.count()).resolves.toBe(1);
    expect(await items.first().innerText()).toContain('60%');
    await page.getByRole('button', { name: 'Áp dụng…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Điền 1 ô' }).click();
    await page.getByText('Đã điền 1 ô vào phụ lục.').waitFor();
    const row = await page.evaluate((label) => {
      const tr = [...document.querySelectorAll('[data-testid="doc-view"] tr')].find((r) => r.textContent?.includes(label));
      return tr ? [...tr.querySelectorAll('td')].map((td) => td.textContent) : null;
    }, DERIVED_LABEL);
    expect(row).toEqual(['2', DERIVED_LABEL, '%', '60%', '']);
  });

  test('Lưu downloads the changed .docx: new values, nothing else changed (engine and LibreOffice)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-cchc-6-thang-baocao.docx');
    const saved = new Uint8Array(fs.readFileSync((await download.path())!));
    const original = new Uint8Array(fs.readFileSync(SAMPLE));

    // Every figure of the report: only the two that were written differ.
    const before = await extract(original);
    const after = await extract(saved);
    const changed = Object.fromEntries(
      Object.keys(before.fields)
        .filter((id) => JSON.stringify(before.fields[id]!.places) !== JSON.stringify(after.fields[id]!.places) || before.fields[id]!.text !== after.fields[id]!.text)
        .map((id) => [id, [before.fields[id]!.text, after.fields[id]!.text]]),
    );
    expect(changed).toEqual({ 'a22.received': ['30.407', '30.412'], 'pl1.bm1.r2': [null, '60%'] });
    expect(Object.keys(after.fields)).toEqual(Object.keys(before.fields));

    // LibreOffice reads the saved file; its text differs from the sample's in those two places only.
    const [textBefore, textAfter] = await Promise.all([sofficeText(original), sofficeText(saved)]);
    const a = textBefore.split('\n');
    const b = textAfter.split('\n');
    expect(b.length).toBe(a.length);
    const diff = a.map((line, i) => [line, b[i]!] as const).filter(([x, y]) => x !== y);
    expect(diff).toHaveLength(2);
    const [narrative, cell] = diff;
    expect(narrative![0]).toContain('đã tiếp nhận 30.407 hồ sơ');
    expect(narrative![1]).toBe(narrative![0].replace('30.407', '30.412'));
    expect(cell).toEqual(['', '60%']);
    const row = b.indexOf(DERIVED_LABEL);
    expect(b.slice(row, row + 3)).toEqual([DERIVED_LABEL, '%', '60%']);

    // The page says what it did, and the sample it opened stays as it was on the server.
    expect(await page.getByText(`Tệp "bao-cao-cchc-6-thang-baocao.docx" đã được tải xuống`).count()).toBe(1);
  });

  test('no page error, no console error, no request outside the workbench', () => {
    expect(errors).toEqual([]);
  });
});
