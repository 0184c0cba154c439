/**
 * `baocao check` (cmdCheck): many files per run, exit codes 0/1/2, the JSON contract, text and
 * HTML output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cmdCheck } from '../../src/cli/check-command';
import { CheckOutputSchema, type CheckReport } from '../../src/core/check';
import { escapeHtml, formatHtml, highlight } from '../../src/core/check/format-html';
import { formatText, sectionTitle } from '../../src/core/check/format-text';
import { BOUND_SAMPLE, RECEIVED_SAMPLE, corrections, fill, open, readBytes } from './helpers';

let dir: string;
let corrupt: string;
let notZipButDocx: string;
let fixed: string;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'baocao-check-'));
  corrupt = path.join(dir, 'hỏng.docx');
  writeFileSync(corrupt, 'đây không phải tệp docx');
  notZipButDocx = path.join(dir, 'truncated.docx');
  writeFileSync(notZipButDocx, readFileSync(RECEIVED_SAMPLE).subarray(0, 2000));
  const bytes = readBytes(RECEIVED_SAMPLE);
  const { located } = await open(bytes);
  fixed = path.join(dir, 'đã-sửa.docx');
  writeFileSync(fixed, await fill(bytes, corrections(located)));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes', () => {
  it('0 when no file has an error finding', async () => {
    const t = io();
    expect(await cmdCheck([fixed], { color: false }, t.io)).toBe(0);
    expect(t.err.join('')).toBe('');
  });

  it('1 when some file has an error finding', async () => {
    const t = io();
    expect(await cmdCheck([fixed, RECEIVED_SAMPLE], { color: false }, t.io)).toBe(1);
  });

  it('2 when an input cannot be read: one line naming the file on stderr, the other files still checked', async () => {
    const t = io();
    const code = await cmdCheck([RECEIVED_SAMPLE, corrupt, fixed, notZipButDocx, path.join(dir, 'không-có.docx')], { format: 'json', color: false }, t.io);
    expect(code).toBe(2);
    const lines = t.err.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(corrupt);
    expect(lines[1]).toContain(notZipButDocx);
    expect(lines[2]).toContain('không-có.docx');
    for (const l of lines) expect(l).toMatch(/^baocao check: không đọc được ".+": .+/);
    const reports = CheckOutputSchema.parse(JSON.parse(t.out.join('')));
    expect(reports.map((r) => r.file)).toEqual([RECEIVED_SAMPLE, fixed]);
    expect(reports[0]!.summary.error).toBeGreaterThan(0);
    expect(reports[1]!.summary.error).toBe(0);
  });

  it('2 for an unknown format or no input', async () => {
    expect(await cmdCheck([fixed], { format: 'xml', color: false }, io().io)).toBe(2);
    expect(await cmdCheck([], { color: false }, io().io)).toBe(2);
  });
});

describe('JSON output', () => {
  it('is an array of reports that validates against the contract schema', async () => {
    const t = io();
    expect(await cmdCheck([RECEIVED_SAMPLE, BOUND_SAMPLE], { format: 'json', color: false }, t.io)).toBe(1);
    const raw = JSON.parse(t.out.join('')) as unknown;
    const reports = CheckOutputSchema.parse(raw);
    expect(reports.map((r) => r.mode)).toEqual(['recognized', 'bound']);
    for (const r of reports) {
      expect(r.template).toBe('cchc-6-thang');
      const counted = { error: 0, warning: 0, info: 0 };
      for (const f of r.findings) counted[f.severity]++;
      expect(r.summary).toEqual(counted);
      // Only the documented keys (`checked` of the contract, plus the optional `coverage` and `match` extensions).
      expect(Object.keys(r).sort()).toEqual(['checked', 'coverage', 'file', 'findings', 'match', 'mode', 'summary', 'template']);
      expect(r.checked).toMatchObject({ ratio: expect.any(Number), sum: expect.any(Number), unverified: expect.any(Number) });
      for (const f of r.findings) {
        for (const k of Object.keys(f)) expect(['rule', 'severity', 'message', 'evidence', 'expected', 'locations']).toContain(k);
        for (const l of f.locations) for (const k of Object.keys(l)) expect(['excerpt', 'section', 'table', 'row', 'column', 'tag']).toContain(k);
      }
    }
    // The same report without the extension is still valid.
    const { coverage: _c, ...bare } = reports[0]!;
    expect(CheckOutputSchema.safeParse([bare]).success).toBe(true);
    // A report that breaks the contract is rejected.
    expect(CheckOutputSchema.safeParse([{ ...bare, mode: 'plain' }]).success).toBe(false);
  });

  it('-o writes the file, refuses to overwrite an input or an existing file without force', async () => {
    const out = path.join(dir, 'ket-qua.json');
    const t = io();
    expect(await cmdCheck([fixed], { format: 'json', output: out, color: false }, t.io)).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(CheckOutputSchema.parse(JSON.parse(readFileSync(out, 'utf8')))).toHaveLength(1);
    expect(t.out.join('')).toBe('');
    expect(await cmdCheck([fixed], { format: 'json', output: out, color: false }, io().io)).toBe(2);
    expect(await cmdCheck([fixed], { format: 'json', output: out, color: false, force: true }, io().io)).toBe(0);
    expect(await cmdCheck([fixed], { format: 'json', output: fixed, color: false, force: true }, io().io)).toBe(2);
  });
});

describe('text output', () => {
  it('groups findings by section, ends with a summary of every file, and colours only when asked', async () => {
    const plain = io();
    await cmdCheck([RECEIVED_SAMPLE, corrupt], { color: false }, plain.io);
    const text = plain.out.join('');
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toContain('Mục A.2.2');
    expect(text).toContain('Phụ lục II');
    expect(text).toContain('Tỷ lệ hồ sơ trả đúng hạn ghi 3,24% nhưng 921/28.375 = 3,25%');
    expect(text.indexOf('Mục A.2.2')).toBeLessThan(text.indexOf('Phụ lục II'));
    expect(text).toMatch(/Tổng hợp\n[\s\S]*hỏng\.docx: không đọc được[\s\S]*Cộng 1 tệp đã kiểm tra, 1 tệp không đọc được: 10 lỗi/);
    const coloured = io();
    await cmdCheck([RECEIVED_SAMPLE], { color: true }, coloured.io);
    expect(coloured.out.join('')).toMatch(/\u001b\[31m/);
  });

  it('section titles', () => {
    expect(sectionTitle('A.2.2')).toBe('Mục A.2.2');
    expect(sectionTitle('PL-III')).toBe('Phụ lục III');
    expect(sectionTitle('header')).toBe('Phần đầu báo cáo');
  });
});

describe('HTML output', () => {
  let html: string;
  beforeAll(async () => {
    const t = io();
    await cmdCheck([RECEIVED_SAMPLE, corrupt], { format: 'html', color: false }, t.io);
    html = t.out.join('');
  });

  it('is one self-contained Vietnamese page: inline CSS, no script, no external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)=/i);
  });

  it('shows the summary, severity badges, evidence, expected and excerpts with the figure highlighted', () => {
    expect(html).toContain("10 lỗi");
    expect(html).toContain('<span class="badge error">Lỗi</span>');
    expect(html).toContain('<span class="expected">3,25%</span>');
    expect(html).toContain('chiếm <mark>3,24%</mark>');
    expect(html).toContain('Không đọc được tệp');
  });

  it('escapes every text taken from the document', () => {
    const report: CheckReport = {
      file: '<script>alert(1)</script>.docx',
      template: 'cchc-6-thang',
      mode: 'recognized',
      findings: [
        {
          rule: 'ratio',
          severity: 'error',
          message: 'Tỷ lệ "a" & <b>',
          evidence: ['5%'],
          expected: '<i>6%</i>',
          locations: [{ excerpt: 'x <img src=x onerror=alert(1)> chiếm 5%', section: 'A.1' }],
        },
      ],
      summary: { error: 1, warning: 0, info: 0 },
    };
    const page = formatHtml([report]);
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;.docx');
    expect(page).toContain('Tỷ lệ &quot;a&quot; &amp; &lt;b&gt;');
    expect(page).toContain('&lt;i&gt;6%&lt;/i&gt;');
    expect(page).toContain('chiếm <mark>5%</mark>');
    expect(escapeHtml(`'`)).toBe('&#39;');
  });

  it('highlights whole figures only', () => {
    expect(highlight('năm 2016 có 6 hồ sơ', ['6'])).toBe('năm 2016 có <mark>6</mark> hồ sơ');
  });
});

describe('formatText on a report without findings', () => {
  it('says so', () => {
    const text = formatText([{ file: 'a.docx', template: 't', mode: 'bound', findings: [], summary: { error: 0, warning: 0, info: 0 } }], { color: false });
    expect(text).toContain('Không phát hiện vấn đề nào.');
    expect(text).toContain('Cộng 1 tệp đã kiểm tra: 0 lỗi, 0 cảnh báo, 0 lưu ý');
  });
});
