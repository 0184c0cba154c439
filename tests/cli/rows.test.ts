/**
 * `baocao rows`: list, add and remove Phụ lục III task rows. The output is written atomically
 * beside an untouched input; bad row ids are exit 2 with one Vietnamese line; LibreOffice shows
 * the new row in Phụ lục III with its STT and texts and nothing else changed.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ASSET_PATHS } from '../../src/cli/assets';
import { EXIT } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';
import { readTaskTable } from '../../src/core/model/task-rows';
import { locateFields } from '../../src/core/recognize/locate';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { sofficeText } from '../helpers/libreoffice';
import { CCHC_6_THANG } from '../helpers/templates';

const dir = mkdtempSync(path.join(tmpdir(), 'baocao-rows-'));
const tmp = (name: string) => path.join(dir, name);
const source = tmp('bao-cao.docx');
writeFileSync(source, readFileSync(ASSET_PATHS.sample));
const sourceBytes = readFileSync(source);

function taskTable(file: string) {
  const snapshot = OoxmlDocument.open(new Uint8Array(readFileSync(file))).readSync();
  return readTaskTable(CCHC_6_THANG, snapshot, locateFields(CCHC_6_THANG, snapshot))!;
}

const TASK = 'Rà soát, đơn giản hóa quy trình nội bộ giải quyết TTHC';
const OUTPUT = 'Quyết định số 15/QĐ-VPUB ngày 20/5/2022';

describe('baocao rows', () => {
  test('without --them/--xoa it lists the task rows with the count of outputs', async () => {
    const { code, out, err } = await run('rows', source);
    expect(err).toBe('');
    expect(code).toBe(EXIT.ok);
    const t = taskTable(source);
    expect(out.split('\n')[0]).toBe(`Phụ lục III. Kết quả thực hiện nhiệm vụ cụ thể: 50 nhiệm vụ, có sản phẩm ${t.withOutput}/50`);
    expect(out).toContain('III. CẢI CÁCH THỦ TỤC HÀNH CHÍNH\n');
    expect(out).toMatch(/\n {2}\* III\.3\tKiểm soát chất lượng Quyết định công bố/);
    expect(out).toContain('* dòng là chỗ ghi số liệu của mẫu');
  });

  test('--them adds a task at the end of the group; --xoa removes it again; LibreOffice shows both', async () => {
    const added = tmp('them.docx');
    const r1 = await run('rows', source, '--them', 'III', '--noi-dung', TASK, '--san-pham', OUTPUT, '-o', added);
    expect(r1.err).toBe('');
    expect(r1.code).toBe(EXIT.ok);
    expect(r1.out).toBe(`Thêm nhiệm vụ III.11 vào nhóm III: ${TASK}.\nĐã ghi ${added}\n`);
    expect(readFileSync(source).equals(sourceBytes)).toBe(true);
    const t = taskTable(added);
    expect(t.total).toBe(51);
    expect(t.groups[2]!.rows[10]).toMatchObject({ key: 'III.11', code: '11', task: TASK, output: OUTPUT, fields: [] });
    expect((await run('rows', added)).out).toContain(`    III.11\t${TASK} — ${OUTPUT}\n`);

    const removed = tmp('xoa.docx');
    const r2 = await run('rows', added, '--xoa', 'iii.11.', '-o', removed);
    expect(r2.code).toBe(EXIT.ok);
    expect(r2.out).toContain(`Xóa nhiệm vụ III.11: ${TASK}.`);
    expect(taskTable(removed).total).toBe(50);

    const [before, withRow, without] = await Promise.all([sofficeText(source), sofficeText(added), sofficeText(removed)]);
    const lines = (s: string) => s.split(/\r?\n/);
    const b = lines(before);
    const a = lines(withRow);
    // Exactly three new lines (STT, task, output) right after task III.10, before group IV.
    const at = b.findIndex((l, i) => l === 'IV' && b[i + 1]?.startsWith('CẢI CÁCH TỔ CHỨC BỘ MÁY'));
    expect(at).toBeGreaterThan(0);
    expect(b[at - 3]).toBe('10');
    expect(a.slice(at, at + 3)).toEqual(['11', TASK, OUTPUT]);
    expect([...a.slice(0, at), ...a.slice(at + 3)]).toEqual(b);
    expect(without).toBe(before);
  }, 180_000);

  test('an added row rolls over like the template outputs: kept within the year, output emptied in a new year (LibreOffice)', async () => {
    const added = tmp('them-de-chuyen-ky.docx');
    expect((await run('rows', source, '--them', 'III', '--noi-dung', TASK, '--san-pham', OUTPUT, '-o', added)).code).toBe(EXIT.ok);
    const q1 = tmp('quy-i-2023.docx');
    const r1 = await run('rollover', added, '--to', 'quy-i-2023', '-o', q1);
    expect(r1.err).toBe('');
    expect(r1.code).toBe(EXIT.ok);
    expect(r1.out).toContain(`  - Phụ lục III, dòng III.11: ${TASK} (III:III.11) — kỳ trước: ${OUTPUT} [dòng do người soạn thêm; giữ nội dung nhiệm vụ]\n`);
    const nine = tmp('9-thang-2022.docx');
    const r2 = await run('rollover', added, '--to', '9-thang-2022', '-o', nine);
    expect(r2.code).toBe(EXIT.ok);
    expect(r2.out).toContain(`Giữ nguyên (1 dòng nhiệm vụ do người soạn thêm):\n  = Phụ lục III, dòng III.11: ${TASK} — sản phẩm: ${OUTPUT}\n`);

    const [newYear, sameYear] = (await Promise.all([sofficeText(q1), sofficeText(nine)])).map((t) => t.split(/\r?\n/));
    const at = (lines: string[]) => lines.findIndex((l, i) => l === TASK && lines[i - 1] === '11');
    expect(at(sameYear!)).toBeGreaterThan(0);
    expect(sameYear![at(sameYear!) + 1]).toBe(OUTPUT);
    // New year: STT and task stay, the output is gone from the document.
    expect(at(newYear!)).toBeGreaterThan(0);
    expect(newYear!.join('\n')).not.toContain(OUTPUT);
    expect(taskTable(q1).groups[2]!.rows[10]).toMatchObject({ key: 'III.11', task: TASK, output: '' });
  }, 180_000);

  test('bad row ids and bound rows: exit 2, one Vietnamese line, nothing written', async () => {
    const out = tmp('khong-ghi.docx');
    const cases: [string[], string][] = [
      [['--xoa', 'III.99'], 'Phụ lục III không có dòng nhiệm vụ "III.99" (nhóm III có các dòng III.1–III.10) (no such row).'],
      [['--xoa', 'XI.1'], 'Phụ lục III không có dòng nhiệm vụ "XI.1" (địa chỉ dạng <nhóm>.<số>, ví dụ I.1) (no such row).'],
      [['--them', 'IX'], 'Phụ lục III không có nhóm "IX" (các nhóm: I, II, III, IV, V, VI, VII) (no such group).'],
      [['--them', 'III', '--sau', 'III.2'], 'Không thể thêm nhiệm vụ vào giữa nhóm III: dòng III.3 sẽ thành III.4'],
      [['--xoa', 'III.3'], 'Không xóa được dòng III.3: đây là chỗ ghi số liệu của mẫu báo cáo'],
      // This office's table has no Ghi chú column: the note is refused, not dropped.
      [['--them', 'III', '--ghi-chu', 'Quý III'], 'Bảng Phụ lục III trong tài liệu không có cột "Ghi chú" để ghi "Quý III" (no such column).'],
    ];
    for (const [args, message] of cases) {
      const r = await run('rows', source, ...args, '-o', out);
      expect(r.code).toBe(EXIT.badInput);
      expect(r.out).toBe('');
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
      expect(r.err).toContain(`baocao rows: ${source}: ${message}`);
      expect(existsSync(out)).toBe(false);
    }
  });

  test('usage: -o needed, never the input, --them and --xoa not together', async () => {
    const noOut = await run('rows', source, '--xoa', 'III.11');
    expect(noOut.code).toBe(EXIT.badInput);
    expect(noOut.err).toContain('-o TỆP');
    const same = await run('rows', source, '--them', 'III', '-o', source);
    expect(same.code).toBe(EXIT.badInput);
    expect(readFileSync(source).equals(sourceBytes)).toBe(true);
    const both = await run('rows', source, '--them', 'III', '--xoa', 'III.1', '-o', tmp('x.docx'));
    expect(both.code).toBe(EXIT.badInput);
    expect(both.err).toContain('chỉ dùng một trong --them và --xoa');
    const stray = await run('rows', source, '--noi-dung', 'x');
    expect(stray.code).toBe(EXIT.badInput);
    expect(stray.err).toContain('--noi-dung chỉ dùng cùng --them');
    expect((await run('help', 'rows')).out).toContain('baocao rows TỆP.docx');
  });
});
