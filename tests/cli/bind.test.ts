/**
 * `baocao bind`: binds a narrative figure to a new field saved in the document; exit 2 with one
 * Vietnamese line when the text occurs several times (unless --lan N), the id is taken, or the
 * options are wrong; the input is never written.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { sampleWithFigure } from '../helpers/bind';
import { normalizeSpace, sofficeText } from '../helpers/libreoffice';
import { CCHC_6_THANG } from '../helpers/templates';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-cli-bind-'));
const tmp = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const once = tmp('mot-lan.docx');
const twice = tmp('hai-lan.docx');
beforeAll(() => {
  writeFileSync(once, sampleWithFigure(1));
  writeFileSync(twice, sampleWithFigure(2));
});
const args = ['--id', 'b22.buuChinh', '--nhan', 'Hồ sơ qua bưu chính công ích', '--van-ban', '1.234 hồ sơ'];

describe('baocao bind', () => {
  test('binds the figure; extract and check then know the field; the input is unchanged', async () => {
    const before = readFileSync(once);
    const r = await run('bind', once, ...args, '--sang-ky', 'co-dinh', '-o', tmp('ra.docx'));
    expect([r.code, r.err]).toEqual([EXIT.ok, '']);
    expect(r.out).toContain('Đã gắn "1.234" vào số liệu mới b22.buuChinh (Hồ sơ qua bưu chính công ích, hồ sơ), mục B.I.2.4.');
    expect(readFileSync(once).equals(before)).toBe(true);
    const snapshot = await OoxmlDocument.open(new Uint8Array(readFileSync(tmp('ra.docx')))).read();
    expect(snapshot.data).toMatchObject({ template: CCHC_6_THANG.id, fields: [{ id: 'b22.buuChinh', rollover: 'standing', unit: 'hồ sơ' }] });
    const extracted = JSON.parse((await run('extract', tmp('ra.docx'))).out);
    expect(extracted.fields['b22.buuChinh']).toMatchObject({ label: 'Hồ sơ qua bưu chính công ích', text: '1.234', unit: 'hồ sơ' });
    // LibreOffice opens the written document and shows the same text as the input's.
    const [written, input] = await Promise.all([sofficeText(readFileSync(tmp('ra.docx'))), sofficeText(before)]);
    expect(normalizeSpace(written)).toBe(normalizeSpace(input));
    expect(written).toContain('Văn phòng tiếp nhận 1.234 hồ sơ');
    // Rolled over: a standing figure stays, with its control and definition.
    expect((await run('rollover', tmp('ra.docx'), '--to', 'nam-2022', '-o', tmp('nam.docx'))).code).toBe(EXIT.ok);
    expect(JSON.parse((await run('extract', tmp('nam.docx'))).out).fields['b22.buuChinh']).toMatchObject({ text: '1.234' });
  });

  test('ambiguous text: exit 2 naming how often it occurs; --lan N picks one', async () => {
    const r = await run('bind', twice, ...args, '-o', tmp('x.docx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/xuất hiện 2 lần .*\(the text occurs several times: use --lan N or --muc\)/u);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(existsSync(tmp('x.docx'))).toBe(false);
    const ok = await run('bind', twice, ...args, '--lan', '2', '-o', tmp('lan-2.docx'));
    expect(ok.code).toBe(EXIT.ok);
    const snapshot = await OoxmlDocument.open(new Uint8Array(readFileSync(tmp('lan-2.docx')))).read();
    const bound = snapshot.controls.filter((c) => c.tag === 'b22.buuChinh');
    expect(bound).toHaveLength(1);
    const first = snapshot.blocks.find((b) => b.type === 'paragraph' && b.text.includes('1.234 hồ sơ'))!;
    expect(bound[0]!.blockIndex).toBeGreaterThan(first.index);
  });

  test('a clash with a template field, a bad id, a bad choice: exit 2, one Vietnamese line', async () => {
    const clash = await run('bind', once, ...args.slice(2), '--id', CCHC_6_THANG.fields[0]!.id, '-o', tmp('c.docx'));
    expect([clash.code, clash.err]).toEqual([EXIT.badInput, expect.stringContaining('đã có')]);
    const bad = await run('bind', once, ...args.slice(2), '--id', 'Mã sai', '-o', tmp('c.docx'));
    expect([bad.code, bad.err]).toEqual([EXIT.badInput, expect.stringContaining('Mã số liệu bắt đầu bằng chữ thường')]);
    const kind = await run('bind', once, ...args, '--loai', 'ngay', '-o', tmp('c.docx'));
    expect([kind.code, kind.err]).toEqual([EXIT.badInput, expect.stringContaining('--loai nhận so, ty-le, thap-phan')]);
    const missing = await run('bind', once, '--id', 'a.b', '-o', tmp('c.docx'));
    expect([missing.code, missing.err]).toEqual([EXIT.badInput, expect.stringContaining('bind cần --nhan')]);
    expect(existsSync(tmp('c.docx'))).toBe(false);
  });
});
