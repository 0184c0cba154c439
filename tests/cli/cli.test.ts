import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { ASSET_PATHS, templateFile } from '../../src/cli/assets';
import { TEMPLATES } from '../../src/templates';
import { EXIT } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';
import { ReportDataSchema } from '../../src/core/model/report-data';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { REPO_DIR } from '../helpers/paths';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-cli-'));
const tmp = (name: string) => path.join(dir, name);

describe('baocao CLI', () => {
  test('help and unknown commands', async () => {
    expect((await run('help')).out).toContain('baocao extract');
    const bad = await run('frobnicate');
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toContain('lệnh không hợp lệ');
  });

  test('template -o writes the empty starter template and refuses to overwrite without --force', async () => {
    const out = tmp('mau.docx');
    expect((await run('template', '-o', out)).code).toBe(EXIT.ok);
    expect(readFileSync(out).equals(readFileSync(templateFile(TEMPLATES.starter, 'template')))).toBe(true);
    const again = await run('template', '-o', out);
    expect(again.code).toBe(EXIT.badInput);
    expect(again.err).toContain('--force');
    expect((await run('template', '-o', out, '--force')).code).toBe(EXIT.ok);
  });

  test('extract returns every field of the sample, validated by the schema', async () => {
    const { code, out } = await run('extract', ASSET_PATHS.sample);
    expect(code).toBe(EXIT.ok);
    const data = ReportDataSchema.parse(JSON.parse(out));
    expect(data.mode).toBe('bound');
    expect(Object.keys(data.fields).sort()).toEqual(CCHC_6_THANG.fields.map((f) => f.id).sort());
    expect(data.coverage.fields).toEqual({ found: CCHC_6_THANG.fields.length, expected: CCHC_6_THANG.fields.length });
    expect(data.fields['a22.received']?.text).toBe('30.407');
    expect(data.fields['a22.received']?.value).toEqual({ number: 30407, decimals: 0 });
    // The report's own mistake is kept as written and explained, not silently "fixed".
    expect(data.fields['a22.resolved']?.text).toBe('28,375');
    expect(data.fields['a22.resolved']?.error).toContain('28.375');
  });

  test('fill writes a figure in every place it appears and nothing else; the source is untouched', async () => {
    const source = tmp('nguon.docx');
    writeFileSync(source, readFileSync(ASSET_PATHS.sample));
    const before = readFileSync(source);
    const data = tmp('so-lieu.json');
    writeFileSync(data, JSON.stringify({ fields: { 'bi1.planTasks': '52', 'a22.received': '30.500' } }));
    const out = tmp('ra.docx');
    const result = await run('fill', source, '--data', data, '-o', out);
    expect(result.err).toBe('');
    expect(result.code).toBe(EXIT.ok);
    expect(readFileSync(source).equals(before)).toBe(true);

    const filled = await OoxmlDocument.open(new Uint8Array(readFileSync(out))).read();
    const { extractReport } = await import('../../src/core/model/extract');
    const extracted = extractReport(CCHC_6_THANG, filled);
    for (const id of ['bi1.planTasks', 'a22.received']) {
      const places = extracted.fields[id]!.places;
      expect(places.length).toBeGreaterThan(0);
      expect(places.every((p) => p.text === (id === 'bi1.planTasks' ? '52' : '30.500'))).toBe(true);
    }
    // The derived row "Tỷ lệ hoàn thành kế hoạch" was empty; the fill computes it: 30/52 = 57,7%.
    expect(result.out).toContain('= 57,7%');
    expect(extracted.fields['pl1.bm1.r2']!.text).toBe('57,7%');
    // Every other field reads as before (the fraction "đã triển khai/đề ra" holds the plan's count:
    // whether fill rewrites it is the fill's policy, tested in tests/model).
    const original = extractReport(CCHC_6_THANG, await OoxmlDocument.open(new Uint8Array(before)).read());
    for (const [id, field] of Object.entries(original.fields)) {
      if (['bi1.planTasks', 'a22.received', 'bi1.planProgress', 'pl1.bm1.r2'].includes(id)) continue;
      expect([id, extracted.fields[id]!.places.map((p) => p.text)]).toEqual([id, field.places.map((p) => p.text)]);
    }
    // Untouched parts of the package are byte-identical.
    const a = unzipSync(new Uint8Array(before));
    const b = unzipSync(new Uint8Array(readFileSync(out)));
    for (const name of Object.keys(a).filter((n) => n !== 'word/document.xml')) {
      expect(Buffer.from(b[name]!).equals(Buffer.from(a[name]!))).toBe(true);
    }
  });

  test('fill refuses malformed figures and unknown fields, writing nothing', async () => {
    const data = tmp('sai.json');
    writeFileSync(data, JSON.stringify({ fields: { 'a22.received': '30,4O7', 'khong.co': '1' } }));
    const out = tmp('khong-ghi.docx');
    const result = await run('fill', ASSET_PATHS.sample, '--data', data, '-o', out);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toContain('Số hồ sơ TTHC tiếp nhận');
    expect(result.err).toContain('khong.co');
    expect(existsSync(out)).toBe(false);
    const same = await run('fill', ASSET_PATHS.sample, '--data', data, '-o', ASSET_PATHS.sample);
    expect(same.err).toContain('Không ghi đè lên tệp nguồn');
  });

  test('a corrupt or hostile input is a clear error with exit code 2', async () => {
    const junk = tmp('hong.docx');
    writeFileSync(junk, 'đây không phải là tệp docx');
    const result = await run('extract', junk);
    expect(result.code).toBe(EXIT.badInput);
    expect(result.err).toMatch(/hong\.docx: .+\[not-zip\]/);
    expect((await run('extract', tmp('khong-ton-tai.docx'))).code).toBe(EXIT.badInput);
  });

  test('the installed bin runs (npm start shows the sample summary)', () => {
    const out = execFileSync(process.execPath, [path.join(REPO_DIR, 'bin', 'baocao.cjs'), 'demo'], { encoding: 'utf8' });
    expect(out).toContain('Chỉ tiêu tìm thấy');
    expect(out).toMatch(/Tỷ lệ hồ sơ trả đúng hạn ghi 3,24%[^\n]*3,25%/);
  });
});
