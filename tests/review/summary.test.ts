/**
 * `baocao summary`: one workbook for the reports received. Proved by opening it in LibreOffice
 * Calc (every sheet exported as CSV) and comparing the "Số liệu" sheet with `extract` of each
 * file: the signed report, the bound sample, a rolled copy and a corrupt file.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runCli as run } from '../helpers/cli';
import { checkReport } from '../../src/core/check';
import { figureFields, isAdditive } from '../../src/core/model/summary';
import { ReportDataSchema, type ReportData } from '../../src/core/model/report-data';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { BOUND_SAMPLE, RECEIVED_SAMPLE } from '../check/helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-summary-'));
const inbox = path.join(dir, 'bao-cao-nhan');

/** A small RFC 4180 reader (LibreOffice quotes fields with commas, quotes or newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Every sheet of a workbook as LibreOffice Calc reads it (raw values, not as displayed). */
async function calcSheets(xlsx: string): Promise<Map<string, string[][]>> {
  const work = mkdtempSync(path.join(tmpdir(), 'baocao-calc-'));
  try {
    copyFileSync(xlsx, path.join(work, 'book.xlsx'));
    // Token 12 = -1: one CSV per sheet ("book-<sheet>.csv"); token 9 false: values, not as shown.
    const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    await new Promise<void>((resolve, reject) =>
      execFile(
        'soffice',
        [`-env:UserInstallation=file://${path.join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', work, path.join(work, 'book.xlsx')],
        { timeout: 120_000 },
        (error, _o, stderr) => (error ? reject(new Error(`soffice failed: ${error.message}\n${stderr}`)) : resolve()),
      ),
    );
    const sheets = new Map<string, string[][]>();
    for (const name of readdirSync(work)) {
      const m = /^book-(.+)\.csv$/.exec(name);
      if (m) sheets.set(m[1]!, parseCsv(readFileSync(path.join(work, name), 'utf8')));
    }
    return sheets;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const files = {
  signed: path.join(inbox, '01-van-phong-ky.docx'),
  bound: path.join(inbox, '02-van-phong-gan-o-nhap.docx'),
  rolled: path.join(inbox, '03-nam-2022', 'van-phong-nam-2022.docx'),
  corrupt: path.join(inbox, '04-hong.docx'),
};

beforeAll(async () => {
  mkdirSync(path.join(inbox, '03-nam-2022'), { recursive: true });
  copyFileSync(RECEIVED_SAMPLE, files.signed);
  copyFileSync(BOUND_SAMPLE, files.bound);
  expect((await run('rollover', BOUND_SAMPLE, '--to', 'nam-2022', '-o', files.rolled)).code).toBe(0);
  writeFileSync(files.corrupt, 'PK\u0003\u0004 một tệp hỏng');
  writeFileSync(path.join(inbox, '~$01-van-phong-ky.docx'), 'Word lock file');
});

describe('baocao summary', () => {
  test('the workbook opens in LibreOffice Calc with the figures of `extract` of each file', async () => {
    const out = path.join(dir, 'tong-hop.xlsx');
    const r = await run('summary', inbox, '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tổng hợp 3 tệp');
    expect(r.out).toContain('04-hong.docx: không đọc được');
    const sheets = await calcSheets(out);
    expect([...sheets.keys()].sort()).toEqual(['Kết quả kiểm tra', 'Số liệu']);

    // Kết quả kiểm tra: one row per file (the lock file skipped), the corrupt one saying why.
    const results = sheets.get('Kết quả kiểm tra')!;
    expect(results[0]).toEqual(['Tệp', 'Cơ quan', 'Kỳ báo cáo', 'Mẫu', 'Cách đọc', 'Lỗi', 'Cảnh báo', 'Lưu ý', 'Đã kiểm tra', 'Ghi chú']);
    expect(results.slice(1).map((row) => row[0])).toEqual(['01-van-phong-ky.docx', '02-van-phong-gan-o-nhap.docx', 'van-phong-nam-2022.docx', '04-hong.docx']);
    for (const [i, file] of [files.signed, files.bound, files.rolled].entries()) {
      const snapshot = OoxmlDocument.open(new Uint8Array(readFileSync(file))).readSync();
      const report = checkReport({ definition: CCHC_6_THANG, snapshot, fileName: file });
      const row = results[i + 1]!;
      expect(row[1]).toBe('VĂN PHÒNG – UBND TỈNH SƠN LA');
      expect(row.slice(5, 8).map(Number)).toEqual([report.summary.error, report.summary.warning, report.summary.info]);
      expect(row[8]).toMatch(/^đã kiểm tra /);
    }
    expect(results[2]![2]).toBe('6 tháng đầu năm');
    expect(results[3]![2]).toBe('năm 2022');
    expect(results[4]![9]).toMatch(/^Không đọc được: .*zip/);

    // Số liệu: one row per figure of the template, one column per readable file.
    const figures = sheets.get('Số liệu')!;
    const fields = figureFields(CCHC_6_THANG);
    expect(figures).toHaveLength(fields.length + 1);
    expect(figures[0]!.slice(4)).toEqual([
      'VĂN PHÒNG – UBND TỈNH SƠN LA (01-van-phong-ky.docx)',
      'VĂN PHÒNG – UBND TỈNH SƠN LA (02-van-phong-gan-o-nhap.docx)',
      'VĂN PHÒNG – UBND TỈNH SƠN LA (van-phong-nam-2022.docx)',
      'Tổng',
    ]);
    const extracted: ReportData[] = [];
    for (const file of [files.signed, files.bound, files.rolled]) {
      const e = await run('extract', file);
      expect(e.code).toBe(0);
      extracted.push(ReportDataSchema.parse(JSON.parse(e.out)));
    }
    let compared = 0;
    let empty = 0;
    fields.forEach((field, k) => {
      const row = figures[k + 1]!;
      expect(row[0]).toBe(field.id);
      extracted.forEach((data, i) => {
        const d = data.fields[field.id]!;
        const cell = row[4 + i]!;
        if (d.text === null || d.text.trim() === '') {
          expect(cell).toBe('');
          empty++;
        } else if (d.value && 'number' in d.value) {
          expect(Number(cell)).toBeCloseTo(d.value.number, 9);
          compared++;
        } else {
          expect(cell).toBe(d.text);
        }
      });
      // The total: the sum over the offices where the figure adds up, empty otherwise.
      const numbers = extracted.map((d) => d.fields[field.id]!.value).filter((v): v is { number: number; decimals: number } => !!v && 'number' in v);
      if (isAdditive(field) && numbers.length) expect(Number(row[7])).toBeCloseTo(numbers.reduce((a, v) => a + v.number, 0), 6);
      else expect(row[7]).toBe('');
    });
    expect(compared).toBeGreaterThan(300);
    // The rolled copy has its period figures cleared: empty cells, not zeros.
    expect(empty).toBeGreaterThan(50);
    const received = figures.find((row) => row[0] === 'a22.received')!;
    expect(received.slice(4, 8)).toEqual(['30407', '30407', '', '60814']);

    // Frozen header rows and vi-VN-ready number formats in the file itself.
    const zip = unzipSync(new Uint8Array(readFileSync(out)));
    const sheetXml = Object.keys(zip).filter((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)).map((k) => strFromU8(zip[k]!));
    expect(sheetXml).toHaveLength(2);
    for (const x of sheetXml) expect(x).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    const styles = strFromU8(zip['xl/styles.xml']!);
    // #,##0 is Excel's built-in format 3 (thousands grouped; Vietnamese Excel shows 30.407).
    expect(styles).toMatch(/<xf numFmtId="3" [^>]*applyNumberFormat="1"/);
    expect(styles).toMatch(/formatCode="0\.0+&quot;%&quot;"/);
  }, 120_000);

  test('csv and html: the figures and results as text; the html page opens each file’s report', async () => {
    const csv = path.join(dir, 'tong-hop.csv');
    expect((await run('summary', files.signed, files.corrupt, '-o', csv)).code).toBe(0);
    const figures = parseCsv(readFileSync(csv, 'utf8'));
    expect(figures.find((r) => r[0] === 'a22.received')!.slice(4)).toEqual(['30.407', '30.407']);
    const results = parseCsv(readFileSync(path.join(dir, 'tong-hop-ket-qua-kiem-tra.csv'), 'utf8'));
    expect(results).toHaveLength(3);
    expect(results[2]![9]).toMatch(/^Không đọc được/);

    const html = path.join(dir, 'tong-hop.html');
    expect((await run('summary', inbox, '-o', html)).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    const links = [...page.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)];
    expect(links.map((m) => m[2])).toEqual(['01-van-phong-ky.docx', '02-van-phong-gan-o-nhap.docx', 'van-phong-nam-2022.docx']);
    for (const m of links) {
      const report = readFileSync(path.join(dir, decodeURIComponent(m[1]!)), 'utf8');
      expect(report).toMatch(/^<!doctype html>/i);
      expect(report).toContain(m[2]!.replace(/\.docx$/, ''));
    }
    expect(page).toContain('Không đọc được');
  }, 60_000);

  test('usage: -o required, never over an input, no overwrite without --force; progress for long runs', async () => {
    const out = path.join(dir, 'da-co.xlsx');
    writeFileSync(out, 'x');
    expect((await run('summary', inbox, '-o', out)).err).toContain('--force');
    expect(readFileSync(out, 'utf8')).toBe('x');
    expect((await run('summary', files.signed, '-o', files.signed)).err).toContain('ghi đè lên tệp nguồn');
    expect((await run('summary', inbox)).code).toBe(2);
    const empty = path.join(dir, 'trong');
    mkdirSync(empty);
    expect((await run('summary', empty, '-o', path.join(dir, 'x.xlsx'))).err).toContain('không có tệp .docx');
    expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);

    // Twelve copies of the corrupt file (fast to read) show progress lines on stderr.
    const many = path.join(dir, 'nhieu');
    mkdirSync(many);
    for (let i = 0; i < 12; i++) copyFileSync(files.corrupt, path.join(many, `${String(i).padStart(2, '0')}.docx`));
    const r = await run('summary', many, '-o', path.join(dir, 'nhieu.xlsx'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('Đã đọc 10/12 tệp');
    expect(r.err).toContain('Đã đọc 12/12 tệp');
  });
});
