/**
 * `baocao rollover FILE --to <kỳ> -o OUT [--date DD/MM/YYYY] [--force]`: writes a new file,
 * never the source, and prints the summary (counts, the fields left "chưa nhập").
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cmdRollover, rolloverCommand } from '../../src/cli/rollover-command';
import { parseArgs } from '../../src/cli/main';
import { extractReport } from '../../src/core/model/extract';
import { planRollover } from '../../src/core/rollover';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { BOUND_SAMPLE, RECEIVED_SAMPLE, readBytes } from './helpers';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-rollover-'));
const tmp = (name: string) => path.join(dir, name);

async function run(files: string[], options: Parameters<typeof cmdRollover>[1]) {
  let out = '';
  let err = '';
  const code = await cmdRollover(files, options, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('baocao rollover', () => {
  const source = tmp('bao-cao-6-thang-2022.docx');
  writeFileSync(source, readFileSync(BOUND_SAMPLE));
  const sourceBytes = readFileSync(source);

  test('writes the rolled report to -o, prints counts and the fields cleared; the source is untouched', async () => {
    const out = tmp('bao-cao-nam-2022.docx');
    const { code, out: stdout, err } = await run([source], { to: 'nam-2022', output: out });
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(readFileSync(source).equals(sourceBytes)).toBe(true);
    // The same plan as the core computes on the source.
    const plan = planRollover(CCHC_6_THANG, await OoxmlDocument.open(readBytes(source)).read(), { to: { kind: 'nam', year: 2022 } });
    const { cleared, kept, changed } = plan.summary;
    expect(stdout).toContain('Báo cáo nguồn: 6 tháng đầu năm 2022 → kỳ mới: năm 2022');
    expect(stdout).toContain(`Cập nhật theo kỳ mới: ${changed.length} chỉ tiêu; giữ nguyên: ${kept.length}; xóa để nhập kỳ mới (chưa nhập): ${cleared.length}.`);
    expect(stdout).toContain('~ Ngày ký báo cáo: ngày 09 tháng 6 năm 2022 → ngày 14 tháng 12 năm 2022');
    expect(stdout).toContain(`Chưa nhập (${cleared.length} chỉ tiêu):`);
    expect(stdout).toContain('- Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh (a22.received) — kỳ trước: 30.407');
    for (const c of cleared) expect(stdout).toContain(`(${c.id})`);
    expect(stdout).toContain('trong tên văn bản được trích dẫn');
    expect(stdout).toContain('(tệp nguồn giữ nguyên)');
    const data = extractReport(CCHC_6_THANG, await OoxmlDocument.open(readBytes(out)).read());
    expect(data.fields['meta.reportDate']?.text).toBe('ngày 14 tháng 12 năm 2022');
    expect(data.fields['a22.received']?.text).toBeNull();
  });

  test('--date sets the report date and the data end; a plain document is adopted in the output only', async () => {
    const received = tmp('nhan-duoc.docx');
    writeFileSync(received, readFileSync(RECEIVED_SAMPLE));
    const before = readFileSync(received);
    const out = tmp('quy-i-2023.docx');
    const { code, out: stdout } = await run([received], { to: 'quy-i-2023', output: out, date: '10/3/2023' });
    expect(code).toBe(0);
    expect(readFileSync(received).equals(before)).toBe(true);
    expect(stdout).toContain('Tài liệu chưa có ô nhập: đã gắn');
    expect(stdout).toContain('ngày báo cáo 10/3/2023');
    const data = extractReport(CCHC_6_THANG, await OoxmlDocument.open(readBytes(out)).read());
    expect(data.mode).toBe('bound');
    expect(data.fields['meta.reportDate']?.text).toBe('ngày 10 tháng 3 năm 2023');
    expect(data.fields['meta.dataTo']?.text).toBe('10/3/2023');
    expect(data.fields['meta.periodLabel']?.text).toBe('quý I');
  });

  test('refuses to write over the source (also through a link), an existing output without --force, and bad input', async () => {
    const same = await run([source], { to: 'nam-2022', output: source });
    expect(same.code).toBe(2);
    expect(same.err).toContain('không ghi đè lên tệp nguồn');
    const link = tmp('lien-ket.docx');
    symlinkSync(source, link);
    const viaLink = await run([source], { to: 'nam-2022', output: link });
    expect(viaLink.code).toBe(2);
    expect(viaLink.err).toContain('không ghi đè lên tệp nguồn');
    expect(readFileSync(source).equals(sourceBytes)).toBe(true);

    const existing = tmp('da-co.docx');
    writeFileSync(existing, 'x');
    const noForce = await run([source], { to: 'nam-2022', output: existing });
    expect(noForce.code).toBe(2);
    expect(noForce.err).toContain('--force');
    expect(readFileSync(existing, 'utf8')).toBe('x');
    expect((await run([source], { to: 'nam-2022', output: existing, force: true })).code).toBe(0);

    const noTo = await run([source], { output: tmp('a.docx') });
    expect([noTo.code, noTo.err.includes('--to')]).toEqual([2, true]);
    const badTo = await run([source], { to: 'quy-v-2023', output: tmp('b.docx') });
    expect([badTo.code, badTo.err.includes('không đọc được kỳ')]).toEqual([2, true]);
    const badDate = await run([source], { to: 'nam-2022', output: tmp('c.docx'), date: '31/02/2022' });
    expect([badDate.code, badDate.err.includes('không hợp lệ')]).toEqual([2, true]);
    const noOut = await run([source], { to: 'nam-2022' });
    expect([noOut.code, noOut.err.includes('-o')]).toEqual([2, true]);
    const missing = await run([tmp('khong-co.docx')], { to: 'nam-2022', output: tmp('d.docx') });
    expect([missing.code, missing.err.includes('không tìm thấy')]).toEqual([2, true]);
    const notDocx = tmp('khong-phai.docx');
    writeFileSync(notDocx, 'không phải docx');
    const bad = await run([notDocx], { to: 'nam-2022', output: tmp('e.docx') });
    expect(bad.code).toBe(2);
    for (const f of ['a.docx', 'b.docx', 'c.docx', 'd.docx', 'e.docx']) expect(existsSync(tmp(f))).toBe(false);
  });

  test('the command for main.ts reads --to, -o, --force and --date (as a value option, or as a flag before it is one)', async () => {
    const io = () => {
      const r = { out: '', err: '' };
      return { r, io: { out: (s: string) => (r.out += s), err: (s: string) => (r.err += s) } };
    };
    // As main.ts parses today ("--date" not yet a value option: the date arrives as a file).
    const a = io();
    const parsedNow = parseArgs(['rollover', source, '--to', 'nam-2022', '-o', tmp('f.docx'), '--date', '12/12/2022']);
    expect(await rolloverCommand(parsedNow, a.io)).toBe(0);
    expect(a.r.out).toContain('ngày báo cáo 12/12/2022');
    // Once "--date" is a value option.
    const b = io();
    const parsedWired = { files: [source], options: new Map<string, string | true>([['--to', 'nam-2022'], ['-o', tmp('f.docx')], ['--date', '13/12/2022'], ['--force', true]]) };
    expect(await rolloverCommand(parsedWired, b.io)).toBe(0);
    expect(b.r.out).toContain('ngày báo cáo 13/12/2022');
  });

  test('refuses a target period not later than the source (exit 2, one line, nothing written); the core warns without laterOnly', async () => {
    for (const to of ['nam-2021', '6-thang-2022', 'quy-i-2022']) {
      const out = tmp(`lui-${to}.docx`);
      const r = await run([source], { to, output: out });
      expect([to, r.code]).toEqual([to, 2]);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain('không sau kỳ của báo cáo nguồn (6 tháng đầu năm 2022)');
      expect(r.err).toContain('ví dụ 9 tháng đầu năm 2022');
      expect(r.err).toContain("(the target period must be later than the source's)");
      expect(existsSync(out)).toBe(false);
    }
    const snapshot = await OoxmlDocument.open(readBytes(source)).read();
    expect(() => planRollover(CCHC_6_THANG, snapshot, { to: { kind: 'nam', year: 2021 }, laterOnly: true })).toThrow(/không sau kỳ/);
    expect(planRollover(CCHC_6_THANG, snapshot, { to: { kind: 'nam', year: 2021 } }).warnings[0]).toContain('không sau kỳ');
    expect((await run([source], { to: '9-thang-2022', output: tmp('tien.docx') })).code).toBe(0);
  });

  test('refuses a period the template does not serve (exit 2, one line naming the served periods, nothing written)', async () => {
    // The office's CCHC template files quý I, 6 tháng, 9 tháng and năm: quý III is the quarter 15/6–14/9, not a period it serves.
    for (const to of ['quy-iii-2022', 'quý IV năm 2022']) {
      const out = tmp(`ngoai-${to}.docx`);
      const r = await run([source], { to, output: out });
      expect([to, r.code]).toEqual([to, 2]);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain('các kỳ của mẫu: quý I, 6 tháng đầu năm, 9 tháng đầu năm, năm (kỳ tiếp theo: 9 tháng đầu năm 2022)');
      expect(r.err).toContain('(the template does not serve this period)');
      expect(existsSync(out)).toBe(false);
    }
    const unknown = await run([source], { to: 'quy-v-2022', output: tmp('v.docx') });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('quy-ii-2023');
  });
});
