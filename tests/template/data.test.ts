/**
 * Templates are data: each folder's template.json validates against the zod schema, the JSON
 * Schema editors use is generated from it and current, and the outline finds sections from the
 * headings' wording whatever their numbering.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeSections } from '../../src/core/recognize';
import { locateFields } from '../../src/core/recognize';
import { templateJsonSchema } from '../../src/core/template/json-schema';
import { loadTemplate, TemplateError } from '../../src/core/template/registry';
import type { DocumentSnapshot } from '../../src/document/types';
import { TEMPLATES } from '../../src/templates';
import { REPO_DIR } from '../helpers/paths';
import { CCHC_6_THANG } from '../helpers/templates';

const TEMPLATES_DIR = path.join(REPO_DIR, 'src', 'templates');
const para = (text: string, index: number) => ({ type: 'paragraph' as const, index, text, spans: [] });
const doc = (...texts: string[]): DocumentSnapshot => ({ blocks: texts.map(para), controls: [] });

describe('template data files', () => {
  test('the committed template.schema.json is the one generated from the zod schema', () => {
    expect(fs.readFileSync(path.join(TEMPLATES_DIR, 'template.schema.json'), 'utf8')).toBe(templateJsonSchema());
  });

  test('every registered template is a folder with its template.json and the files it names', () => {
    for (const t of TEMPLATES.all) {
      const dir = path.join(TEMPLATES_DIR, t.id);
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'template.json'), 'utf8'));
      expect(json.$schema).toBe('../template.schema.json');
      expect(loadTemplate(json)).toEqual(t);
      for (const file of Object.values(t.files)) expect([t.id, file, fs.existsSync(path.join(dir, file!))]).toEqual([t.id, file, true]);
    }
  });

  test('an invalid template is refused at load with the place of the problem', () => {
    const json = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'cchc-6-thang', 'template.json'), 'utf8'));
    json.fields[0].occurrences[0].section = 'Z.9';
    expect(() => loadTemplate(json, 'x/template.json')).toThrow(TemplateError);
    expect(() => loadTemplate(json, 'x/template.json')).toThrow(/x\/template\.json.*fields\.0/);
    const column = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'cchc-6-thang', 'template.json'), 'utf8'));
    const f = column.fields.find((x: { occurrences: { where: string }[] }) => x.occurrences.some((o) => o.where === 'appendix'));
    f.occurrences.find((o: { where: string }) => o.where === 'appendix').column = 'Cột lạ';
    expect(() => loadTemplate(column)).toThrow(/Cột lạ/);
    // A wide form names its value columns by header path; two columns of one name are refused.
    const wide = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, 'kiem-soat-tthc-quy', 'template.json'), 'utf8'));
    const late = wide.appendices[0].columns.find((c: { path?: string[] }) => c.path?.join('>') === 'Số hồ sơ đã giải quyết>Quá hạn');
    expect(late).toMatchObject({ role: 'value' });
    wide.appendices[0].columns.push({ ...late, path: ['Số hồ sơ đang giải quyết', 'Quá hạn'] });
    expect(() => loadTemplate(wide)).toThrow(/names a column twice/);
  });
});

describe('sections from the outline, whatever the numbering', () => {
  test("a department's report without part A: I–IV land in the outline's sections, not in the header", () => {
    const d = doc(
      'SỞ TƯ PHÁP',
      'BÁO CÁO',
      'Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2023',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'Sở đã ban hành kế hoạch.',
      'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      '1. Cải cách thể chế',
      'Ban hành 3 văn bản.',
      '2. Cải cách thủ tục hành chính',
      '3. Đánh giá việc thực hiện',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM',
      '1. Tiếp tục rà soát thủ tục.',
    );
    const paths = computeSections(d, CCHC_6_THANG.outline).map((s) => s.path);
    expect(paths).toEqual(['header', 'header', 'header', 'B.I', 'B.I', 'B.II', 'B.II.1', 'B.II.1', 'B.II.2', 'B.II.3', 'B.IV', 'B.III', 'B.III.1']);
  });

  test('the same document without an outline keeps everything in the header (the numbering alone needs part A)', () => {
    const paths = computeSections(doc('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'II. KẾT QUẢ')).map((s) => s.path);
    expect(paths).toEqual(['header', 'header']);
  });

  test('a narrative figure of B.II.1.1 is found in the department report', () => {
    const d = doc('I. Công tác chỉ đạo, điều hành', 'II. Kết quả thực hiện', '1. Cải cách thể chế', '1.1. Xây dựng văn bản', 'Đã trình UBND tỉnh ban hành 19 văn bản QPPL.');
    expect(computeSections(d, CCHC_6_THANG.outline)[4]!.path).toBe('B.II.1.1');
    const hit = locateFields(CCHC_6_THANG, d).occurrences.find((o) => o.fieldId === 'bii11.legalDocs' && o.occurrence.where === 'narrative');
    expect(hit).toMatchObject({ found: true, text: '19' });
  });
});
