/**
 * The second report, added as data only (src/templates/kiem-soat-tthc-quy: template.json,
 * layout.txt, the built .docx files, one registry line): a district's quarterly report on the
 * control of administrative procedures. The same code as for every template detects it, checks
 * it (each mistake listed in the folder's README is found; the corrected copy is clean),
 * extracts and fills every field, and rolls it over to the next period.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cmdRollover } from '../../src/cli/rollover-command';
import { main } from '../../src/cli/main';
import { checkReport } from '../../src/core/check';
import type { Finding } from '../../src/core/check/findings';
import { extractReport } from '../../src/core/model/extract';
import { fieldPlace } from '../../src/core/model/summary';
import { planFill } from '../../src/core/model/fill';
import { planRollover } from '../../src/core/rollover';
import { detectDocumentTemplate } from '../../src/core/template/detect';
import { TemplateDefinitionSchema } from '../../src/core/template/schema';
import type { DocumentSnapshot } from '../../src/document/types';
import { buildTemplateDocx } from '../../src/document/generate/build-template';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATES } from '../../src/templates';
import { REPO_DIR } from '../helpers/paths';
import { sofficeConvert, sofficeText } from '../helpers/libreoffice';

const ID = 'kiem-soat-tthc-quy';
const DIR = path.join(REPO_DIR, 'src', 'templates', ID);
const definition = TEMPLATES.get(ID);
const layout = fs.readFileSync(path.join(DIR, 'layout.txt'), 'utf8');

/** The README's mistakes, each as [wrong wording in layout.txt, corrected wording]. */
const FIXES: [string, string][] = [
  ['Đã giải quyết 4.690 hồ sơ', 'Đã giải quyết 4.960 hồ sơ'],
  ['1\tCấp huyện\t1.382\t95\t820\t445\t', '1\tCấp huyện\t1.382\t95\t820\t455\t'],
  ['\t3.745\t2.240\t1.465\t40\t130\t', '\t3.745\t2.240\t1.465\t40\t103\t'],
  ['đạt tỷ lệ 99,8%', 'đạt tỷ lệ 98,9%'],
  ['Kèm theo Báo cáo tháng 12 năm 2022', 'Kèm theo Báo cáo tháng 3 năm 2023'],
];
const cleanLayout = FIXES.reduce((text, [wrong, right]) => {
  expect(text.split(wrong)).toHaveLength(2); // each mistake is written exactly once
  return text.replace(wrong, right);
}, layout);

const open = (file: string) => OoxmlDocument.open(new Uint8Array(fs.readFileSync(path.join(DIR, file))));
const check = (snapshot: DocumentSnapshot) => checkReport({ definition, snapshot, fileName: `${ID}.docx` });
const bySeverity = (findings: Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity);
/** The same text without content controls (a copy from another word processor). */
const plainCopy = (snapshot: DocumentSnapshot): DocumentSnapshot => ({
  controls: [],
  blocks: snapshot.blocks.map((b) => (b.type === 'paragraph' ? { ...b, spans: [] } : b)),
});

describe('second report as data: kiểm soát TTHC hằng quý', () => {
  test('the committed template.docx and sample.docx are built from the folder (npm run build:template)', () => {
    for (const mode of ['template', 'sample'] as const) {
      expect(Buffer.from(buildTemplateDocx(definition, layout, mode)).equals(fs.readFileSync(path.join(DIR, `${mode}.docx`)))).toBe(true);
    }
  });

  test('LibreOffice shows Phụ lục I as the official wide table, on a landscape page after the portrait report', async () => {
    const pdf = (await sofficeConvert(path.join(DIR, 'sample.docx'), 'pdf')).toString('latin1');
    // Page sizes in order (the page tree's own box, square, left out): A4 portrait, then A4 landscape.
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]).filter(([w, h]) => w !== h);
    expect(boxes[0]).toEqual([595, 842]);
    expect(boxes[boxes.length - 1]).toEqual([842, 595]);
    // The text export lists the cells row by row: the three header rows, then each row across its 14 columns.
    const lines = (await sofficeText(path.join(DIR, 'sample.docx'))).split('\n').map((l) => l.trim()).filter(Boolean);
    const from = lines.indexOf('STT');
    expect(lines.slice(from, from + 17)).toEqual([
      'STT', 'Lĩnh vực, cấp giải quyết', 'Số hồ sơ nhận giải quyết', 'Số hồ sơ đã giải quyết', 'Số hồ sơ đang giải quyết',
      'Tổng số', 'Kỳ trước chuyển qua', 'Mới tiếp nhận', 'Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Trong hạn', 'Quá hạn',
      'Trực tuyến', 'Trực tiếp',
    ]);
    const total = lines.indexOf('TỔNG CỘNG');
    expect(lines.slice(total, total + 13)).toEqual(['TỔNG CỘNG', '5.230', '312', '2.950', '1.890', '78', '4.960', '3.100', '1.795', '65', '270', '258', '12']);
    expect(lines.slice(lines.indexOf('Cấp huyện') - 1, lines.indexOf('Cấp huyện') + 13)).toEqual(['1', 'Cấp huyện', '1.382', '95', '820', '445', '12', '1.215', '860', '330', '25', '167', '160', '7']);
  });

  test('the sample is recognised as this template: by its stored id, and by its fields in a plain copy', async () => {
    const snapshot = await open('sample.docx').read();
    expect(detectDocumentTemplate(TEMPLATES, snapshot)).toMatchObject({ how: 'stored', definition: { id: ID } });
    expect(detectDocumentTemplate(TEMPLATES, plainCopy(snapshot))).toMatchObject({ how: 'score', definition: { id: ID } });
  });

  test('check finds each mistake of the sample', async () => {
    const { findings } = check(await open('sample.docx').read());
    const errors = bySeverity(findings, 'error').map((f) => [f.rule, f.evidence[0], f.expected]);
    expect(errors).toEqual(
      expect.arrayContaining([
        // 1. narrative "Đã giải quyết 4.690" (digits swapped): 3.100 + 1.795 + 65 and 1.215 + 3.745 give 4.960.
        ['sum', '4.690', '4.960'],
        // 2. Phụ lục I, row "Cấp huyện", column "Trực tiếp" 445: 95 + 820 + 445 + 12 ≠ 1.382, and
        //    445 + 1.435 ≠ 1.890 (row TỔNG CỘNG).
        ['sum', '1.382', '1.372'],
        ['sum', '1.890', '1.880'],
        // 3. Phụ lục I, row "Cấp xã", column "Số hồ sơ đang giải quyết / Tổng số" 130: 98 + 5 = 103.
        ['sum', '130', '103'],
        // 4. I.3 "đạt tỷ lệ 99,8%": 3.705 / 3.745 = 98,9% (a rate the form computes: rule "derived").
        ['derived', '99,8%', '98,9%'],
        // 5. Phụ lục I caption left from last quarter's report.
        ['period', 'tháng 12 năm 2022', 'tháng 3 năm 2023'],
      ]),
    );
    // Mistake 1 also makes the total rate read 4.895 / 4.690 and leaves 5.230 − 4.690 − 270 unaccounted.
    expect(errors).toContainEqual(['derived', '98,7%', '104,4%']);
    expect(bySeverity(findings, 'warning').map((f) => [f.rule, f.evidence[0]])).toEqual([['sum', '5.230']]);
    expect(errors).toHaveLength(8);
    // The wide form's cells are named by row (code, or label for TỔNG CỘNG) and header path.
    const direct = findings.find((f) => f.rule === 'sum' && f.evidence[0] === '1.890')!;
    expect(direct.locations.map((l) => [l.table, l.row, l.column, l.excerpt])).toEqual(
      expect.arrayContaining([
        ['Phụ lục I', 'Tổng cộng', 'Số hồ sơ nhận giải quyết / Mới tiếp nhận / Trực tiếp', 'TỔNG CỘNG, Trực tiếp: 1.890'],
        ['Phụ lục I', '1', 'Số hồ sơ nhận giải quyết / Mới tiếp nhận / Trực tiếp', 'Cấp huyện, Trực tiếp: 445'],
      ]),
    );
  });

  test("another office's wording of the form's headers is read the same (a step of a column's path lists it)", async () => {
    const own = await OoxmlDocument.open(buildTemplateDocx(definition, cleanLayout, 'sample')).read();
    const reworded = cleanLayout
      .replace('\tSố hồ sơ nhận giải quyết\t', '\tSố hồ sơ tiếp nhận\t')
      .replace('\tKỳ trước chuyển qua\t', '\tSố kỳ trước chuyển qua\t')
      .replace('\tQua dịch vụ bưu chính công ích\t', '\tBưu chính công ích\t')
      .replace('\tTrong hạn\t', '\tChưa đến hạn\t');
    expect(reworded).not.toBe(cleanLayout);
    const other = await OoxmlDocument.open(buildTemplateDocx(definition, reworded, 'sample')).read();
    const texts = (snap: DocumentSnapshot) => Object.fromEntries(Object.entries(extractReport(definition, snap).fields).map(([id, f]) => [id, f.places.map((p) => p.text)]));
    expect(texts(other)).toEqual(texts(own));
    expect(check(other).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('the corrected copy gives 0 errors and 0 warnings', async () => {
    const { findings } = check(await OoxmlDocument.open(buildTemplateDocx(definition, cleanLayout, 'sample')).read());
    expect(bySeverity(findings, 'error')).toEqual([]);
    expect(bySeverity(findings, 'warning')).toEqual([]);
  });

  test('extract finds every field in the sample and the empty template; fill writes them all', async () => {
    const sample = extractReport(definition, await open('sample.docx').read());
    expect(sample.template).toBe(ID);
    for (const field of definition.fields) {
      const data = sample.fields[field.id];
      expect([field.id, data?.places.length, data?.places.every((p) => p.found)]).toEqual([field.id, field.occurrences.length, true]);
    }
    expect(sample.fields['tong.received']!.text).toBe('5.230');
    expect(sample.fields['xa.pending']!.places.map((p) => p.text)).toEqual(['103', '130']);
    // The summary of several offices names a wide form's cell by row and column.
    const field = (id: string) => definition.fields.find((f) => f.id === id)!;
    expect(fieldPlace(field('xa.late'), definition)).toBe('Phụ lục I, dòng 2, cột Số hồ sơ đã giải quyết / Quá hạn');
    expect(fieldPlace(field('tong.late'), definition)).toBe('Phụ lục I, dòng Tổng cộng, cột Số hồ sơ đã giải quyết / Quá hạn');

    // The empty template, filled with the corrected figures, is the corrected report.
    const clean = extractReport(definition, await OoxmlDocument.open(buildTemplateDocx(definition, cleanLayout, 'sample')).read());
    const values = Object.fromEntries(definition.fields.map((f) => [f.id, clean.fields[f.id]!.text]));
    const doc = open('template.docx');
    const empty = await doc.read();
    const plan = planFill(definition, empty, { fields: values });
    expect(plan.unplaced).toEqual([]);
    await doc.apply(plan.edits);
    const filled = await OoxmlDocument.open(doc.save()).read();
    const written = extractReport(definition, filled);
    for (const field of definition.fields) {
      expect([field.id, written.fields[field.id]!.places.map((p) => p.text)]).toEqual([field.id, field.occurrences.map(() => values[field.id])]);
    }
    expect(bySeverity(check(filled).findings, 'error')).toEqual([]);
  });

  test('roll-over to the next quarter clears the figures and moves the period wording', async () => {
    const snapshot = await OoxmlDocument.open(buildTemplateDocx(definition, cleanLayout, 'sample')).read();
    const plan = planRollover(definition, snapshot, { to: { kind: 'quy-ii', year: 2023 } });
    expect(plan.from).toEqual({ kind: 'quy-i', year: 2023 });
    const counts = definition.fields.filter((f) => f.rollover === 'period').map((f) => f.id);
    expect(plan.summary.cleared.map((e) => e.id).sort()).toEqual([...counts].sort());
    const changed = Object.fromEntries(plan.summary.changed.map((e) => [e.id, e.after]));
    expect(changed['meta.periodLabel']).toBe('quý II năm 2023');
    expect(changed['meta.nextPeriodLabel']).toBe('quý III năm 2023');
    expect(changed['meta.pl1Caption']).toMatch(/tháng 6 năm 2023/);
    // The files still pending at the end of quý I open quý II as "kỳ trước chuyển qua", in the
    // narrative and in its column of Phụ lục I (policy `carried`), at every level.
    const carried = definition.fields.filter((f) => f.rollover === 'carried');
    expect(carried.map((f) => f.id).sort()).toEqual(['huyen.carried', 'tong.carried', 'xa.carried']);
    const source = extractReport(definition, snapshot);
    for (const f of carried) expect([f.id, changed[f.id]]).toEqual([f.id, source.fields[f.carryFrom!]!.text]);
    const after = await OoxmlDocument.open(buildTemplateDocx(definition, cleanLayout, 'sample'));
    await after.apply(plan.edits);
    const rolled = extractReport(definition, await OoxmlDocument.open(after.save()).read());
    for (const f of carried) {
      const places = rolled.fields[f.id]!.places;
      expect(places.length).toBe(f.occurrences.length);
      expect([f.id, places.map((p) => p.text)]).toEqual([f.id, places.map(() => source.fields[f.carryFrom!]!.text)]);
    }
    // Across a gap (quý I → quý III) nobody reported the files pending in between: cleared, with a warning.
    const gap = planRollover(definition, snapshot, { to: { kind: 'quy-iii', year: 2023 } });
    expect(gap.summary.cleared.map((e) => e.id)).toEqual(expect.arrayContaining(carried.map((f) => f.id)));
    expect(gap.warnings.filter((w) => w.includes('không liền sau kỳ quý I năm 2023'))).toHaveLength(carried.length);
    // A 6-month report is not a period this template serves.
    expect(() => planRollover(definition, snapshot, { to: { kind: '6-thang', year: 2023 } })).toThrow(/không dùng cho kỳ 6 tháng đầu năm; các kỳ của mẫu: quý I, quý II, quý III, quý IV, năm/);
  });

  test('baocao rollover on the sample: quý I 2023 → quý II 2023 (15/3/2023 – 14/6/2023), quý IV → quý I of the next year', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-tthc-'));
    const rollover = async (file: string, to: string, out: string) => {
      let stdout = '';
      let stderr = '';
      const code = await cmdRollover([file], { to, output: path.join(dir, out) }, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
      return { code, stdout, stderr };
    };
    const textOf = async (file: string) => {
      const snapshot = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(path.join(dir, file)))).read();
      return { snapshot, text: snapshot.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join('\t')).join('\n'))).join('\n') };
    };
    try {
      const q2 = await rollover(path.join(DIR, 'sample.docx'), 'quy-ii-2023', 'q2.docx');
      expect([q2.code, q2.stderr]).toEqual([0, '']);
      expect(q2.stdout).toContain('Báo cáo nguồn: quý I năm 2023 → kỳ mới: quý II năm 2023 (số liệu từ 15/3/2023, chốt 14/6/2023; ngày báo cáo 14/6/2023).');
      const { snapshot, text } = await textOf('q2.docx');
      expect(text).toContain('Sông Lam, ngày 14 tháng 6 năm 2023');
      expect(text).toContain('Tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính quý II năm 2023');
      expect(text).toContain('kiểm soát thủ tục hành chính quý II năm 2023 như sau (số liệu tính từ ngày 15/3/2023 đến ngày 14/6/2023):');
      expect(text).toContain('Trong quý III năm 2023, Ủy ban nhân dân huyện tập trung');
      expect(text).toContain('(Kèm theo Báo cáo tháng 6 năm 2023 của Ủy ban nhân dân huyện Sông Lam)');
      expect(text).not.toMatch(/quý I năm 2023|15\/12\/2022|14\/3\/2023|tháng 12 năm 2022/);
      // The check reads it as a quý II report: no period finding.
      expect(check(snapshot).findings.filter((f) => f.rule === 'period')).toEqual([]);

      // On to quý III and quý IV, then quý I of 2024; a 6-month target is refused (exit 2, one line).
      expect((await rollover(path.join(dir, 'q2.docx'), 'quý III năm 2023', 'q3.docx')).code).toBe(0);
      const q4 = await rollover(path.join(dir, 'q3.docx'), 'quy-iv-2023', 'q4.docx');
      expect(q4.stdout).toContain('kỳ mới: quý IV năm 2023 (số liệu từ 15/9/2023, chốt 14/12/2023');
      expect((await textOf('q4.docx')).text).toContain('Trong quý I năm 2024, Ủy ban nhân dân huyện tập trung');
      const q1 = await rollover(path.join(dir, 'q4.docx'), 'quy-i-2024', 'q1.docx');
      expect(q1.stdout).toContain('kỳ mới: quý I năm 2024 (số liệu từ 15/12/2023, chốt 14/3/2024');
      const six = await rollover(path.join(dir, 'q2.docx'), '6-thang-2023', 'six.docx');
      expect(six.code).toBe(2);
      expect(six.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(six.stderr).toContain('không dùng cho kỳ 6 tháng đầu năm');
      expect(six.stderr).toContain('(the template does not serve this period)');
      expect(fs.existsSync(path.join(dir, 'six.docx'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the carried policy is checked when a definition loads', () => {
  const withField = (patch: Record<string, unknown>) => ({
    ...definition,
    fields: definition.fields.map((f) => (f.id === 'tong.carried' ? { ...f, ...patch } : f)),
  });
  test('a carried field must name an existing other field', () => {
    const messages = (patch: Record<string, unknown>) => {
      const r = TemplateDefinitionSchema.safeParse(withField(patch));
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages({})).toEqual([]);
    expect(messages({ carryFrom: undefined })).toEqual(['field tong.carried is carried but names no carryFrom field']);
    expect(messages({ carryFrom: 'tong.nowhere' })).toEqual(['field tong.carried is carried from an unknown field tong.nowhere']);
    expect(messages({ carryFrom: 'tong.carried' })).toEqual(['field tong.carried is carried from an unknown field tong.carried']);
  });
});

describe('the quarterly TTHC template for any district', () => {
  const textOf = (snapshot: DocumentSnapshot) => snapshot.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join('\t')).join('\n'))).join('\n');

  test('the empty template names no district: the header, the opening sentence and the caption are fields', async () => {
    const text = textOf(await open('template.docx').read());
    expect(text).not.toContain('Sông Lam');
    expect(text).toContain('[HUYỆN …]');
    expect(text).toContain('[Địa danh], [ngày tháng năm]');
    expect(text).toContain('kiểm soát thủ tục hành chính [kỳ báo cáo]');
    expect(text).toContain('(Kèm theo Báo cáo [tháng, năm] của Ủy ban nhân dân [huyện …])');
    expect(text).toContain('Ủy ban nhân dân [huyện …] báo cáo tình hình');
  });

  test('baocao template --co-quan --dia-danh --ky writes the district and the quarter, checked clean', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baocao-tthc-template-'));
    try {
      const out = path.join(dir, 'bac-yen.docx');
      let stderr = '';
      const code = await main(['template', '--template', ID, '--co-quan', 'huyện Bắc Yên', '--dia-danh', 'Bắc Yên', '--ky', 'quý II 2023', '-o', out], { out: () => undefined, err: (t) => (stderr += t) });
      expect([code, stderr]).toEqual([0, '']);
      const snapshot = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(out))).read();
      const text = textOf(snapshot);
      expect(text).toContain('HUYỆN BẮC YÊN');
      expect(text).toContain('Bắc Yên, ngày 14 tháng 6 năm 2023');
      expect(text).toContain('Ủy ban nhân dân huyện Bắc Yên báo cáo tình hình, kết quả thực hiện công tác kiểm soát thủ tục hành chính quý II năm 2023');
      expect(text).toContain('(Kèm theo Báo cáo tháng 6 năm 2023 của Ủy ban nhân dân huyện Bắc Yên)');
      expect(text).not.toContain('Sông Lam');
      const findings = check(snapshot).findings;
      expect([bySeverity(findings, 'error'), bySeverity(findings, 'warning')]).toEqual([[], []]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
