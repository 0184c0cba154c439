import { readFileSync } from 'node:fs';
import { ASSET_PATHS } from '../../src/cli/assets';
import { planFill } from '../../src/core/model/fill';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { buildTemplateDocx } from '../../src/document/generate/build-template';
import { checkReport } from '../../src/core/check';
import { extractReport } from '../../src/core/model/extract';
import { loadTemplate } from '../../src/core/template/registry';

describe('planFill', () => {
  const snapshot = OoxmlDocument.open(new Uint8Array(readFileSync(ASSET_PATHS.sample))).readSync();

  test('a whole fill computes every empty derived row it can; an edit only the rows computed from it', () => {
    const all = planFill(CCHC_6_THANG, snapshot, { fields: {} });
    expect(all.derived).toContain('pl1.bm1.r2'); // Tỷ lệ hoàn thành kế hoạch: 30/50
    expect(all.written['pl1.bm1.r2']).toBe('60%');

    const edit = planFill(CCHC_6_THANG, snapshot, { fields: { 'a22.received': '30.500' } }, undefined, { derived: 'related' });
    expect(edit.derived).toEqual([]);
    expect(Object.keys(edit.written)).toEqual(['a22.received']);

    const related = planFill(CCHC_6_THANG, snapshot, { fields: { 'bi1.planTasks': '40' } }, undefined, { derived: 'related' });
    expect(related.derived).toEqual(['pl1.bm1.r2']);
    expect(related.written['pl1.bm1.r2']).toBe('75%'); // 30/40

    const one = planFill(CCHC_6_THANG, snapshot, { fields: {} }, undefined, { derived: ['pl1.bm1.r2'] });
    expect(one.derived).toEqual(['pl1.bm1.r2']);
    expect(planFill(CCHC_6_THANG, snapshot, { fields: {} }, undefined, { derived: 'none' }).edits).toEqual([]);
  });

  test('a figure is written in every place it appears, spans in one paragraph from the end', () => {
    const plan = planFill(CCHC_6_THANG, snapshot, { fields: { 'a22.received': '31.000' } }, undefined, { derived: 'none' });
    const places = CCHC_6_THANG.fields.find((f) => f.id === 'a22.received')!.occurrences.length;
    expect(plan.edits).toHaveLength(places);
    expect(plan.problems).toEqual([]);
  });

  test('a malformed figure is an error naming the field; nothing is planned for it', () => {
    const plan = planFill(CCHC_6_THANG, snapshot, { fields: { 'a22.received': '30,4O7' } });
    expect(plan.problems).toEqual([expect.objectContaining({ fieldId: 'a22.received', severity: 'error' })]);
    expect(plan.problems[0]!.message).toMatch(/^Số hồ sơ TTHC tiếp nhận/);
    expect(plan.written['a22.received']).toBeUndefined();
  });
});

describe('a wide form: derived cells in value columns named by header path', () => {
  // Two rows under a two-level header; the rate column is derived from its row's counts.
  const LAYOUT = [
    'Phụ lục I',
    'KẾT QUẢ GIẢI QUYẾT',
    '',
    ['STT', 'Đơn vị', 'Số hồ sơ đã giải quyết', '<', 'Tỷ lệ (%)'].join('\t'),
    ['^', '^', 'Tổng số', 'Trước hạn, đúng hạn', '^'].join('\t'),
    ['1', 'Cấp huyện', '200', '180', ''].join('\t'),
    ['', 'TỔNG CỘNG', '500', '490', ''].join('\t'),
  ].join('\n');
  const cell = (id: string, kind: 'count' | 'percent', row: string, column: string, derived = false) => ({
    id,
    label: id,
    section: 'PL-I',
    kind,
    rollover: 'period',
    ...(derived ? { derived } : {}),
    occurrences: [{ where: 'appendix', appendix: 'I', row, column }],
  });
  const definition = loadTemplate({
    id: 'wide-test',
    title: 'Biểu rộng',
    appendices: [
      {
        id: 'I',
        title: 'Phụ lục I',
        columns: [
          { name: 'STT', role: 'code' },
          { name: 'Đơn vị', role: 'label' },
          { name: 'đã giải quyết', role: 'value', path: ['Số hồ sơ đã giải quyết', 'Tổng số'] },
          { name: 'đúng hạn', role: 'value', path: ['Số hồ sơ đã giải quyết', 'Trước hạn, đúng hạn'] },
          { name: 'tỷ lệ', role: 'value', path: ['Tỷ lệ'] },
        ],
      },
    ],
    fields: [
      cell('h.resolved', 'count', '1', 'đã giải quyết'),
      cell('h.inTime', 'count', '1', 'đúng hạn'),
      cell('h.rate', 'percent', '1', 'tỷ lệ', true),
      cell('t.resolved', 'count', 'Tổng cộng', 'đã giải quyết'),
      cell('t.inTime', 'count', 'Tổng cộng', 'đúng hạn'),
      cell('t.rate', 'percent', 'Tổng cộng', 'tỷ lệ', true),
    ],
    relations: [
      { id: 'h', kind: 'ratio', percent: 'h.rate', part: 'h.inTime', base: 'h.resolved' },
      { id: 't', kind: 'ratio', percent: 't.rate', part: 't.inTime', base: 't.resolved' },
    ],
  });

  test('the check offers the empty rate cells; fill writes them in their own columns; a wrong one is an error there', async () => {
    const doc = OoxmlDocument.open(buildTemplateDocx(definition, LAYOUT, 'sample'));
    const snap = await doc.read();
    const offered = checkReport({ definition, snapshot: snap, fileName: 'x.docx' }).findings.filter((f) => f.rule === 'derived');
    expect(offered.map((f) => [f.severity, f.expected, f.locations[0]?.row, f.locations[0]?.column])).toEqual([
      ['info', '90%', '1', 'tỷ lệ'],
      ['info', '98%', 'Tổng cộng', 'tỷ lệ'],
    ]);
    const plan = planFill(definition, snap, { fields: {} });
    expect([plan.derived, plan.unplaced]).toEqual([['h.rate', 't.rate'], []]);
    await doc.apply(plan.edits);
    const filled = await OoxmlDocument.open(doc.save()).read();
    const table = filled.blocks.find((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows.slice(-2).map((r) => r.cells.map((c) => c.text))).toEqual([
      ['1', 'Cấp huyện', '200', '180', '90%'],
      ['', 'TỔNG CỘNG', '500', '490', '98%'],
    ]);
    const data = extractReport(definition, filled);
    expect([data.fields['h.rate']?.text, data.fields['t.rate']?.text]).toEqual(['90%', '98%']);
    const wrong = await OoxmlDocument.open(buildTemplateDocx(definition, LAYOUT.replace('180\t', '180\t80%'), 'sample')).read();
    const errors = checkReport({ definition, snapshot: wrong, fileName: 'x.docx' }).findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.evidence[0], f.expected, f.locations[0]?.row, f.locations[0]?.column])).toEqual([['derived', '80%', '90%', '1', 'tỷ lệ']]);
  });

  test('a column whose header path is missing is not guessed: fill names the cell it could not find', async () => {
    const snap = await OoxmlDocument.open(buildTemplateDocx(definition, LAYOUT.replace('Tỷ lệ (%)', 'Ghi chú'), 'sample')).read();
    const plan = planFill(definition, snap, { fields: { 'h.rate': '90%' } }, undefined, { derived: 'none' });
    expect(plan.unplaced).toEqual(['h.rate']);
    expect(plan.problems.map((p) => p.message)).toEqual(['h.rate: không tìm thấy vị trí ở Phụ lục I, dòng 1, cột tỷ lệ trong tài liệu; chưa ghi được.']);
  });
});
