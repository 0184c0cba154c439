/**
 * The official CCHC template for any office (src/templates/cchc-mau-chung): the outline I–IV with
 * guidance placeholders, header fields, Phụ lục I/II bound to fields. It holds nothing of the Sơn
 * La office's report; a fresh copy and the `baocao template --co-quan … --ky …` output check clean;
 * every field is found and filled; the rendering is an official document (Nghị định 30/2020).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { EXIT } from '../../src/cli/main';
import { runCli as run } from '../helpers/cli';
import { checkReport } from '../../src/core/check';
import type { Finding } from '../../src/core/check/findings';
import { findReferences, scanNumericTokens } from '../../src/core/codec';
import { layoutToSnapshot, parseLayout } from '../../src/core/layout/parse';
import { extractReport } from '../../src/core/model/extract';
import { planFill } from '../../src/core/model/fill';
import { locateFields } from '../../src/core/recognize/locate';
import { planRollover } from '../../src/core/rollover';
import { detectDocumentTemplate } from '../../src/core/template/detect';
import { loadTemplate, TemplateError } from '../../src/core/template/registry';
import type { DocumentSnapshot } from '../../src/document/types';
import { buildTemplateDocx } from '../../src/document/generate/build-template';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATES } from '../../src/templates';
import { sofficeConvert } from '../helpers/libreoffice';
import { REPO_DIR } from '../helpers/paths';
import { CCHC_6_THANG, CCHC_MAU_CHUNG as definition } from '../helpers/templates';

const DIR = path.join(REPO_DIR, 'src', 'templates', definition.id);
const layout = fs.readFileSync(path.join(DIR, 'layout.txt'), 'utf8');
const sonLaLayout = fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', CCHC_6_THANG.id, 'layout.txt'), 'utf8');
const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(path.join(DIR, file)));
const open = (file: string) => OoxmlDocument.open(bytesOf(file));
const check = (snapshot: DocumentSnapshot) => checkReport({ definition, snapshot, fileName: `${definition.id}.docx` });
const bySeverity = (findings: Finding[], severity: Finding['severity']) => findings.filter((f) => f.severity === severity);
/** Every text of a document, paragraphs and table cells, one per line. */
const textOf = (s: DocumentSnapshot) => s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.cells.map((c) => c.text)))).join('\n');
const norm = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').toLowerCase();

const dir = fs.mkdtempSync(path.join(tmpdir(), 'baocao-mau-chung-'));
const tmp = (name: string) => path.join(dir, name);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the official CCHC template for any office', () => {
  test('is registered, listed with the others, and is what `baocao template` writes by default', async () => {
    expect(TEMPLATES.starter.id).toBe(definition.id);
    const list = await run('template', '--list');
    for (const t of TEMPLATES.all) expect(list.out).toContain(`${t.id}\t${t.title}`);
    expect(TEMPLATES.all.map((t) => t.id)).toEqual(expect.arrayContaining([definition.id, CCHC_6_THANG.id, 'kiem-soat-tthc-quy']));
    const out = tmp('mac-dinh.docx');
    expect((await run('template', '-o', out)).code).toBe(EXIT.ok);
    expect(fs.readFileSync(out).equals(fs.readFileSync(path.join(DIR, 'template.docx')))).toBe(true);
  });

  test('the committed template.docx and sample.docx are built from the folder (npm run build:template)', () => {
    for (const mode of ['template', 'sample'] as const) {
      expect(Buffer.from(buildTemplateDocx(definition, layout, mode)).equals(Buffer.from(bytesOf(`${mode}.docx`)))).toBe(true);
    }
  });

  test('holds no name, document, figure or sentence of the Sơn La report', async () => {
    const texts = {
      template: norm(textOf(await open('template.docx').read())),
      sample: norm(textOf(await open('sample.docx').read())),
      layout: norm(layout),
      definition: norm(fs.readFileSync(path.join(DIR, 'template.json'), 'utf8')),
    };
    const narrative = sonLaLayout.slice(0, sonLaLayout.indexOf('\nPhụ lục I\n'));
    // Names of the office, its province and its people.
    const names = ['Sơn La', 'VPUB', 'Văn phòng UBND tỉnh', 'Chánh Văn phòng', 'Sòi Đức Nghĩa', 'Lê Hồng Minh', 'Tổ công tác 1169', 'TCHCQT', 'eCabinet'];
    // Its documents ("3162/QĐ-UBND", "216/KH-VPUB"); national legal documents, whose number carries
    // their year ("60/2021/NĐ-CP"), are every office's.
    const refs = findReferences(narrative)
      .map((r) => narrative.slice(r.coreStart, r.coreEnd))
      .filter((r) => !/\/\d{4}\//u.test(r));
    expect(refs.length).toBeGreaterThan(50);
    // Its figures: counts of three digits or more, dates, percentages with decimals (a bare year,
    // "50%" or "100%" is no one's).
    const figures = [...new Set(scanNumericTokens(narrative).map((t) => t.text))].filter(
      (t) => (t.replace(/\D/g, '').length >= 3 && !/^(?:19|20)\d\d$|^\d+%$/u.test(t)) || /,\d+%$/u.test(t),
    );
    expect(figures).toEqual(expect.arrayContaining(['30.407', '93,3%', '20/12/2021']));
    // Its sentences (the narrative's clauses of 40 characters or more), except the wording of the
    // official outline and forms that every office's report shares (the title with the period's
    // name, Phụ lục II form 1).
    const shared = new Set([
      'kết quả thực hiện công tác cải cách hành chính',
      'kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm',
      'thực hiện nhiệm vụ chính phủ, thủ tướng chính phủ giao',
      'xây dựng và phát triển chính phủ điện tử', // an outline heading, as the definition recognises it
    ]);
    const sentences = narrative
      .split(/[.;:\n]\s*/u)
      .map((s) => norm(s.replace(/\*/g, '')).trim())
      .filter((s) => s.length >= 40 && !shared.has(s));
    expect(sentences.length).toBeGreaterThan(200);
    for (const [what, text] of Object.entries(texts)) {
      const found = [
        ...names.filter((n) => text.includes(norm(n))),
        ...refs.filter((r) => text.includes(norm(r))),
        ...figures.filter((f) => new RegExp(`(?<![\\d.,])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\d])`, 'u').test(text)),
        ...sentences.filter((s) => text.includes(s)),
      ];
      expect([what, found]).toEqual([what, []]);
    }
    // The empty template shows no figure at all in its prose: only placeholders and guidance.
    const prose = (await open('template.docx').read()).blocks.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.text : ''));
    const digits = prose.filter((p) => /\d/.test(p.replace(/^(?:[IVX]+|\d+)\.\s/u, '').replace(/^Biểu mẫu \d$/u, '').replace(/^Phụ lục [IVX]+$/u, '').replace(/mức độ 4/gu, '')));
    expect(digits).toEqual([]);
    expect(prose.join('\n')).toContain('[Nêu kế hoạch cải cách hành chính năm của cơ quan');
    // Header fields show what goes there (a field's own placeholder), not the kind's "[nội dung]".
    expect(texts.template).toContain(norm('[TÊN CƠ QUAN CHỦ QUẢN]\n[TÊN CƠ QUAN]\nSố: /[ký hiệu]'));
    expect(texts.template).toContain(norm('[Địa danh], ngày [… tháng … năm …]'));
    expect(texts.template).not.toContain('[nội dung]');
    const bad = JSON.parse(fs.readFileSync(path.join(DIR, 'template.json'), 'utf8'));
    bad.fields[0].placeholder = 'TÊN CƠ QUAN';
    expect(() => loadTemplate(bad)).toThrow(TemplateError);
  });

  test('a fresh template checks clean and is detected as this template', async () => {
    const snapshot = await open('template.docx').read();
    expect(detectDocumentTemplate(TEMPLATES, snapshot)).toMatchObject({ how: 'stored', definition: { id: definition.id } });
    const report = check(snapshot);
    expect(report.mode).toBe('bound');
    expect(bySeverity(report.findings, 'error')).toEqual([]);
    expect(bySeverity(report.findings, 'warning')).toEqual([]);
    // The invented office's filled sample checks clean too; a plain copy of it is found by its fields.
    const sample = await open('sample.docx').read();
    expect(bySeverity(check(sample).findings, 'error')).toEqual([]);
    expect(bySeverity(check(sample).findings, 'warning')).toEqual([]);
    const plain: DocumentSnapshot = { controls: [], blocks: sample.blocks.map((b) => (b.type === 'paragraph' ? { ...b, spans: [] } : b)) };
    expect(detectDocumentTemplate(TEMPLATES, plain)).toMatchObject({ how: 'score', definition: { id: definition.id } });
    // The Sơn La report is still read as its own template.
    const sonLa = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', CCHC_6_THANG.id, 'sample.docx')))).read();
    const sonLaPlain: DocumentSnapshot = { controls: [], blocks: sonLa.blocks.map((b) => (b.type === 'paragraph' ? { ...b, spans: [] } : b)) };
    expect(detectDocumentTemplate(TEMPLATES, sonLaPlain).definition?.id).toBe(CCHC_6_THANG.id);
  });

  // Every place of every field found and written, in the template, the sample and rolled reports:
  // tests/model/fillable.test.ts (it runs over every registered template, this one included).
  test("the empty template filled with the sample's figures is a report that checks clean", async () => {
    const template = await open('template.docx').read();
    const sample = extractReport(definition, await open('sample.docx').read());
    expect(Object.values(sample.fields).every((f) => f.places.every((p) => p.found))).toBe(true);
    const doc = open('template.docx');
    const plan = planFill(definition, template, { fields: Object.fromEntries(Object.entries(sample.fields).map(([id, f]) => [id, f.text])) });
    expect([plan.unplaced, plan.problems.filter((p) => p.severity === 'error')]).toEqual([[], []]);
    await doc.apply(plan.edits);
    const report = check(await OoxmlDocument.open(doc.save()).read());
    expect(report.mode).toBe('bound');
    expect([bySeverity(report.findings, 'error'), bySeverity(report.findings, 'warning')]).toEqual([[], []]);
    expect(report.checked).toMatchObject({ 'cross-section': expect.any(Number) });
  });

  test('template --co-quan --ky gives a document ready to draft, checked clean', async () => {
    const out = tmp('so-tu-phap.docx');
    const r = await run('template', '--co-quan', 'Sở Tư pháp', '--ky', '6 tháng 2023', '--co-quan-chu-quan', 'UBND tỉnh Hòa Bình', '--dia-danh', 'Hòa Bình', '-o', out);
    expect([r.code, r.err]).toEqual([EXIT.ok, '']);
    const snapshot = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(out))).read();
    const data = extractReport(definition, snapshot);
    const texts = (id: string) => data.fields[id]!.places.map((p) => p.text);
    expect(texts('header.coQuanChuQuan')).toEqual(['UBND TỈNH HÒA BÌNH']);
    expect(texts('header.coQuan')).toEqual(['SỞ TƯ PHÁP']);
    expect(texts('header.tenCoQuan')).toEqual(['Sở Tư pháp', 'Sở Tư pháp', 'Sở Tư pháp']);
    expect(texts('header.diaDanh')).toEqual(['Hòa Bình']);
    expect(texts('meta.reportDate')).toEqual(['14 tháng 6 năm 2023']);
    expect(texts('meta.periodLabel')).toEqual(['6 tháng đầu năm 2023', '6 tháng đầu năm 2023']);
    expect([...texts('meta.dataFrom'), ...texts('meta.dataTo')]).toEqual(['15/12/2022', '14/6/2023']);
    expect(texts('meta.nextPeriodLabel')).toEqual(['6 tháng cuối năm 2023']);
    expect([...texts('meta.pl1Caption'), ...texts('meta.pl2Caption')]).toEqual(['tháng 6 năm 2023', 'tháng 6 năm 2023']);
    const report = check(snapshot);
    expect(bySeverity(report.findings, 'error')).toEqual([]);
    expect(bySeverity(report.findings, 'warning')).toEqual([]);
    expect(detectDocumentTemplate(TEMPLATES, snapshot).definition?.id).toBe(definition.id);
    const cli = await run('check', out, '--format', 'json');
    expect(cli.code).toBe(EXIT.ok);
    expect(JSON.parse(cli.out)[0]).toMatchObject({ template: definition.id, summary: { error: 0, warning: 0 } });

    // A year report dated in December: the next period is the next year, captions say December.
    const year = tmp('nam.docx');
    expect((await run('template', '--co-quan', 'Ủy ban nhân dân huyện Mường Tè', '--ky', 'nam-2024', '--date', '10/12/2024', '-o', year)).code).toBe(EXIT.ok);
    const ys = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(year))).read();
    const yd = extractReport(definition, ys);
    expect(yd.fields['header.coQuan']!.text).toBe('ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ');
    expect(yd.fields['meta.periodLabel']!.text).toBe('năm 2024');
    expect(yd.fields['meta.nextPeriodLabel']!.text).toBe('năm 2025');
    expect(yd.fields['meta.reportDate']!.text).toBe('10 tháng 12 năm 2024');
    expect(yd.fields['meta.pl1Caption']!.text).toBe('tháng 12 năm 2024');
    expect(bySeverity(check(ys).findings, 'error')).toEqual([]);
    expect(bySeverity(check(ys).findings, 'warning')).toEqual([]);
  });

  test('a period or date that cannot be read is a usage error (exit 2), nothing written', async () => {
    for (const argv of [
      ['--ky', '7 tháng 2023'],
      ['--ky', 'quý V năm 2023'],
      ['--ky', '6 tháng 2023', '--date', '31/6/2023'],
    ]) {
      const out = tmp(`sai-${argv.join('-').replace(/\W+/gu, '-')}.docx`);
      const r = await run('template', '--co-quan', 'Sở Tư pháp', ...argv, '-o', out);
      expect([argv, r.code]).toEqual([argv, EXIT.badInput]);
      expect(r.err).toMatch(/^baocao template: [^\n]*không[^\n]*\([a-zA-Z -]+\)\.?\n/u);
      expect(fs.existsSync(out)).toBe(false);
    }
    // The office-level template has no header fields: --co-quan is refused, not ignored.
    const r = await run('template', '--template', CCHC_6_THANG.id, '--co-quan', 'Sở Tư pháp', '-o', tmp('vp.docx'));
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain('--co-quan');
  });

  test('part A (steering-committee member) is optional: a report that adds it is read the same', () => {
    const withA = layout.replace(
      '\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\n',
      '\nA. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CỦA THÀNH VIÊN BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH\n\nGiám đốc Sở đã chủ trì, đôn đốc thực hiện các nhiệm vụ được phân công trong Ban Chỉ đạo.\n\nB. CÔNG TÁC CẢI CÁCH HÀNH CHÍNH TẠI CƠ QUAN\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\n',
    );
    expect(withA).not.toBe(layout);
    const snapshot = layoutToSnapshot(parseLayout(withA));
    const located = locateFields(definition, snapshot);
    const partA = snapshot.blocks.find((b) => b.type === 'paragraph' && b.text.startsWith('Giám đốc Sở đã chủ trì'))!;
    expect(located.sections[partA.index]?.path).toBe('A');
    expect(located.occurrences.filter((o) => !o.found).map((o) => o.fieldId)).toEqual([]);
    const report = check(snapshot);
    expect(bySeverity(report.findings, 'error')).toEqual([]);
    expect(bySeverity(report.findings, 'warning')).toEqual([]);
  });

  test('roll-over of a filled report clears the period figures, keeps the header, moves the period', async () => {
    const snapshot = await open('sample.docx').read();
    const plan = planRollover(definition, snapshot, { to: { kind: '9-thang', year: 2023 } });
    const changed = Object.fromEntries(plan.summary.changed.map((e) => [e.id, e.after]));
    expect(changed['meta.periodLabel']).toBe('9 tháng đầu năm 2023');
    expect(changed['meta.nextPeriodLabel']).toBe('quý IV năm 2023');
    const kept = plan.summary.kept.map((e) => e.id);
    expect(kept).toEqual(expect.arrayContaining(['header.coQuan', 'header.tenCoQuan', 'header.diaDanh', 'header.coQuanChuQuan', 'ii3.quota']));
    expect(plan.summary.cleared.map((e) => e.id)).toEqual(expect.arrayContaining(['ii2.received', 'i1.directives']));
    expect(plan.warnings).toEqual([]);
  });
});

describe('the official template as LibreOffice renders it (Nghị định 30/2020)', () => {
  const pdfText = (pdf: string, ...args: string[]) => execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' });

  test('A4, national motto, bold centred title, header fields and the period, Times New Roman 13–14', async () => {
    const docx = tmp('hien-thi.docx');
    expect((await run('template', '--co-quan', 'Sở Tư pháp', '--ky', '6 tháng 2023', '--co-quan-chu-quan', 'UBND tỉnh Hòa Bình', '--dia-danh', 'Hòa Bình', '-o', docx)).code).toBe(EXIT.ok);
    const pdf = tmp('hien-thi.pdf');
    fs.writeFileSync(pdf, await sofficeConvert(docx, 'pdf'));
    const text = pdfText(pdf).replace(/[ \t]+/g, ' ');
    for (const line of [
      'UBND TỈNH HÒA BÌNH',
      'SỞ TƯ PHÁP',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hòa Bình, ngày 14 tháng 6 năm 2023',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023',
      '(kèm theo Báo cáo tháng 6 năm 2023 của Sở Tư pháp)',
    ]) {
      expect(text).toContain(line);
    }
    // A4 (595 × 842 pt), from the page's media box.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(fs.readFileSync(pdf).toString('latin1'))!;
    expect([Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
    // The title is centred in the text block (margins 30 mm left, 15 mm right).
    const bbox = pdfText(pdf, '-bbox', '-f', '1', '-l', '1');
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, w: m[5]! }));
    const bao = words.find((w) => w.w === 'BÁO')!;
    const cao = words.find((w) => w.w === 'CÁO' && Math.abs(w.y0 - bao.y0) < 1)!;
    const mm = 72 / 25.4;
    const centre = (30 * mm + (595.3 - 15 * mm)) / 2;
    expect(Math.abs((bao.x0 + cao.x1) / 2 - centre)).toBeLessThan(6);
    // 14 pt: the title's line is as tall as a 14 pt body line, and about 14 pt × the font's line gap.
    const height = bao.y1 - bao.y0;
    expect(height).toBeGreaterThan(13 * 1.1);
    expect(height).toBeLessThan(14 * 1.4);
    // The fonts: Times New Roman as written in the .docx (LibreOffice renders it with its metric twin
    // Liberation Serif where Times New Roman is not installed), bold for the title.
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/TimesNewRoman|Times New Roman|LiberationSerif/);
    expect(fonts).toMatch(/(TimesNewRoman|LiberationSerif)[^\n]*Bold/);
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(docx)))['word/document.xml']!);
    const styles = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(docx)))['word/styles.xml']!);
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).toMatch(/<w:jc w:val="center"\/><\/w:pPr><w:sdt><w:sdtPr><w:rPr><w:b\/>[^]*?BÁO CÁO/);
    const sizes = new Set([...xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => Number(m[1])));
    const body = [...sizes].filter((s) => s >= 26);
    expect(body.length).toBeGreaterThan(0);
    for (const s of body) expect(s).toBeLessThanOrEqual(28);
  }, 180_000);
});
