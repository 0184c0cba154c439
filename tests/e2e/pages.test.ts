/**
 * The workbench's pages as a person sees them, in Chromium: every panel over the sample passes
 * axe-core with no serious or critical violation and is saved as a screenshot for the README
 * (docs/screenshots/); other files open by the file picker and by drag and drop; a file the
 * engine refuses says what the file is and loses nothing; "Tạo báo cáo từ mẫu"
 * replaces a document that is not a report with the empty template after one confirmation.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { DocumentError } from '../../src/document/types';
import { RECEIVED_SAMPLE, REPO_DIR } from '../helpers/paths';
import { templateFile } from '../../src/cli/assets';
import { TEMPLATES } from '../../src/templates';

/** What "Tạo báo cáo từ mẫu" gives: the registry's starter, the official outline any office drafts from. */
const STARTER_NAME = `mau-bao-cao-${TEMPLATES.starter.id}.docx`;
import { openPage, openPanel, seriousViolations, startWorkbench, waitIdle, writeIfChanged, type Workbench } from './helpers/workbench';

const SHOTS = path.join(REPO_DIR, 'docs', 'screenshots');
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let wb: Workbench;

beforeAll(async () => {
  wb = await startWorkbench();
}, 240_000);

afterAll(async () => {
  await wb?.close();
});

/** A minimal .docx: one paragraph per text (none: an empty document). */
function plainDocx(...paragraphs: string[]): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('') || '<w:p/>';
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`),
  });
}

async function pick(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Mở tệp…' }).click()]);
  await chooser.setFiles({ name, mimeType: DOCX_MIME, buffer: Buffer.from(bytes) });
}

async function drop(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ b64, name, type }) => {
      const dt = new DataTransfer();
      const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([data], name, { type }));
      return dt;
    },
    { b64: Buffer.from(bytes).toString('base64'), name, type: DOCX_MIME },
  );
  await page.dispatchEvent('[data-testid="doc-view"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="doc-view"]', 'drop', { dataTransfer });
}

async function openFileName(page: Page): Promise<string> {
  return (await page.locator('header strong').innerText()).trim();
}

async function shot(page: Page, name: string): Promise<void> {
  // The caret and focus rings of the last click are not part of the picture; the pane is shown
  // from its top (tabs and heading), as a person sees it after choosing a panel.
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const pane = document.querySelector('[data-testid="task-pane"]');
    if (pane) pane.scrollTop = 0;
  });
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  writeIfChanged(path.join(SHOTS, `${name}.png`), png);
}

describe('each panel over the sample: accessible (axe-core) and pictured', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(wb, { axe: true }));
  }, 60_000);

  test('the workbench: document rendering beside the task pane', async () => {
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'workbench');
  });

  test('Số liệu', async () => {
    await page.getByRole('searchbox', { name: 'Tìm số liệu theo tên' }).fill('hồ sơ TTHC');
    await page.getByRole('group', { name: 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' }).getByRole('button', { name: 'Mục A.2.2' }).click();
    await page.locator('[data-testid="doc-view"] [data-revealed]').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'so-lieu');
  });

  test('Kiểm tra', async () => {
    await openPanel(page, 'Kiểm tra', 'Kiểm tra tính thống nhất');
    await page.getByText(/\d+ lỗi · \d+ cảnh báo/).waitFor({ timeout: 30_000 });
    const ratio = page.getByRole('listitem').filter({ hasText: '921/28.375 = 3,25%' });
    await ratio.getByRole('button', { name: 'Mục A.2.2' }).first().click();
    await page.waitForFunction(() => document.querySelector('[data-testid="doc-view"] [data-revealed]')?.textContent === '3,24%');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'kiem-tra');
  });

  test('Phụ lục', async () => {
    await openPanel(page, 'Phụ lục', 'Bảng phụ lục');
    await page.getByRole('list', { name: 'Các ô phụ lục sẽ được điền' }).waitFor();
    // Show the appendix row the preview is about.
    await page.evaluate(() => {
      const row = [...document.querySelectorAll('[data-testid="doc-view"] tr')].find((r) => r.textContent?.includes('Tỷ lệ hoàn thành kế hoạch CCHC năm'));
      row?.scrollIntoView({ block: 'center' });
    });
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'phu-luc');
  });

  test('Kỳ báo cáo mới', async () => {
    await openPanel(page, 'Kỳ báo cáo mới', 'Kỳ báo cáo mới');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('no page error or console error', () => {
    expect(errors).toEqual([]);
  });
});

describe('opening files', () => {
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors } = await openPage(wb, { axe: true }));
  }, 60_000);

  test('a file the engine refuses: what the file is, in Vietnamese, and the open document stays', async () => {
    const bad = strToU8('Đây không phải tệp Word');
    expect(() => OoxmlDocument.open(bad)).toThrow(DocumentError);
    const blocks = await page.locator('[data-testid="doc-view"] [data-block]').count();
    await pick(page, 'hong.docx', bad);
    const alert = page.getByText('Không mở được "hong.docx": Tệp văn bản thuần, không phải tài liệu Word');
    await alert.waitFor();
    expect(await openFileName(page)).toBe('bao-cao-cchc-6-thang.docx');
    expect(await page.locator('[data-testid="doc-view"] [data-block]').count()).toBe(blocks);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('drag and drop: the received report (another word processor) opens and is recognised', async () => {
    await drop(page, 'received.docx', new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE)));
    await page.waitForFunction(() => document.querySelector('header strong')?.textContent === 'received.docx');
    await waitIdle(page);
    expect(await page.getByText(/Báo cáo nhận diện từ văn bản/).count()).toBe(1);
    const snapshot = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE))).read();
    expect(await page.locator('[data-testid="doc-view"] [data-block]').count()).toBe(snapshot.blocks.length);
    // The earlier error is gone with the file that caused it.
    expect(await page.getByText(/Không mở được "hong\.docx"/).count()).toBe(0);

    // No content controls here: a finding's place is a text span, highlighted exactly.
    await openPanel(page, 'Kiểm tra', 'Kiểm tra tính thống nhất');
    await page.getByText(/\d+ lỗi · \d+ cảnh báo/).waitFor({ timeout: 30_000 });
    await page.getByRole('listitem').filter({ hasText: '921/28.375 = 3,25%' }).getByRole('button', { name: 'Mục A.2.2' }).first().click();
    await page.waitForFunction(() => CSS.highlights.get('baocao-reveal') !== undefined);
    const highlighted = await page.evaluate(() => [...CSS.highlights.get('baocao-reveal')!].map((r) => r.toString()));
    expect(highlighted).toEqual(['3,24%']);
    const paragraph = await page.locator('[data-testid="doc-view"] [data-revealed]').innerText();
    expect(paragraph).toContain('trả đúng hạn: 921 hồ sơ, chiếm 3,24%');
  });

  test('a document that is not a report: "Tạo báo cáo từ mẫu" replaces it with the template (the pane confirms)', async () => {
    await pick(page, 'thu-moi.docx', plainDocx('Thư mời họp giao ban tháng 7'));
    await page.getByRole('button', { name: 'Tạo báo cáo từ mẫu' }).waitFor();
    await page.getByRole('button', { name: 'Tạo báo cáo từ mẫu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Thay bằng mẫu' }).click();
    await page.waitForFunction((name) => document.querySelector('header strong')?.textContent === name, STARTER_NAME);
    await waitIdle(page);
    const template = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(templateFile(TEMPLATES.starter, 'template')))).read();
    expect(await page.locator('[data-testid="doc-view"] [data-block]').count()).toBe(template.blocks.length);
    // The pane re-reads the new document after the rendering: wait for its tabs.
    await page.getByRole('tab', { name: 'Số liệu' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: 'Số liệu' }).count()).toBe(1);
    expect(await page.locator('header').innerText()).toContain('có thay đổi chưa lưu');
  });

  test('an unsaved document is not dropped without asking; an empty document asks before the template', async () => {
    // The template replaced the open document and is not saved: opening another file asks.
    await pick(page, 'trong.docx', plainDocx());
    const ask = page.getByRole('alertdialog', { name: 'Mở tệp khác?' });
    await ask.getByRole('button', { name: 'Hủy' }).click();
    expect(await openFileName(page)).toBe(STARTER_NAME);
    await pick(page, 'trong.docx', plainDocx());
    await ask.getByRole('button', { name: 'Mở tệp khác' }).click();
    await page.waitForFunction(() => document.querySelector('header strong')?.textContent === 'trong.docx');
    await waitIdle(page);

    // An empty document: the pane does not ask, the workbench does (Hủy keeps it).
    await page.getByRole('button', { name: 'Tạo báo cáo từ mẫu' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Tạo báo cáo từ mẫu?' });
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await waitIdle(page);
    expect(await openFileName(page)).toBe('trong.docx');
    await page.getByRole('button', { name: 'Tạo báo cáo từ mẫu' }).click();
    await confirm.getByRole('button', { name: 'Thay bằng mẫu trống' }).click();
    await page.waitForFunction((name) => document.querySelector('header strong')?.textContent === name, STARTER_NAME);
  });

  test('no page error or console error', () => {
    expect(errors).toEqual([]);
  });
});
