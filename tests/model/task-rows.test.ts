/**
 * Phụ lục III task rows: read as written (rows beyond the template's fields counted), added to a
 * group and removed with the STT renumbered, on the real template and sample through the OOXML
 * engine; rows the template binds keep their place.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { ASSET_PATHS } from '../../src/cli/assets';
import { planAddTask, planRemoveTask, readTaskTable, formatStt, TaskRowError } from '../../src/core/model/task-rows';
import { rowDeletionProblem } from '../../src/core/document';
import { locateFields } from '../../src/core/recognize/locate';
import type { TemplateDefinition } from '../../src/core/template/schema';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { CCHC_6_THANG } from '../helpers/templates';
import { buildDocx, documentXml } from '../ooxml/helpers';

const definition = CCHC_6_THANG!;

function open(file: string) {
  const doc = OoxmlDocument.open(new Uint8Array(readFileSync(file)));
  return doc;
}

function state(doc: OoxmlDocument, def: TemplateDefinition = definition) {
  const snapshot = doc.readSync();
  return { snapshot, located: locateFields(def, snapshot) };
}

function table(doc: OoxmlDocument, def: TemplateDefinition = definition) {
  const s = state(doc, def);
  return readTaskTable(def, s.snapshot, s.located)!;
}

function error(fn: () => unknown): TaskRowError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TaskRowError);
    return e as TaskRowError;
  }
  throw new Error('expected a TaskRowError');
}

/** The template without the Phụ lục III places of group I rows after I.5 (an office's own rows). */
const looser: TemplateDefinition = {
  ...definition,
  fields: definition.fields.filter((f) => !f.occurrences.some((o) => o.where === 'appendix' && o.appendix === 'III' && /^I\.([6-9]|1\d)$/.test(o.row))),
};

describe('Phụ lục III task rows', () => {
  test('the sample is read as written: groups, rows, outputs, bound fields', () => {
    const t = table(open(ASSET_PATHS.sample));
    expect(t.appendix).toBe('III');
    expect(t.groups.map((g) => `${g.group}:${g.rows.length}`)).toEqual(['I:12', 'II:5', 'III:10', 'IV:3', 'V:4', 'VI:8', 'VII:8']);
    expect(t.total).toBe(50);
    expect(t.withOutput).toBeGreaterThan(0);
    expect(t.withOutput).toBeLessThanOrEqual(50);
    const iii3 = t.groups[2]!.rows[2]!;
    expect(iii3.key).toBe('III.3');
    expect(iii3.fields.map((f) => f.id).sort()).toEqual(['a21.publishDecisions', 'pl3.III_3.output']);
  });

  test('a task added at the end of a group: the STT follows, the row is counted, then removed again', async () => {
    const doc = open(ASSET_PATHS.template);
    const before = state(doc);
    const t0 = readTaskTable(definition, before.snapshot, before.located)!;
    const plan = planAddTask(definition, before.snapshot, before.located, { group: 'iii', task: 'Rà soát quy trình nội bộ', output: 'Báo cáo số 12/BC-VP' });
    expect(plan.key).toBe('III.11');
    expect(plan.renumbered).toEqual([]);
    expect(plan.summary).toBe('Thêm nhiệm vụ III.11 vào nhóm III: Rà soát quy trình nội bộ.');
    expect(plan.edits).toHaveLength(1);
    await doc.apply(plan.edits);

    const added = state(doc);
    const t1 = readTaskTable(definition, added.snapshot, added.located)!;
    expect(t1.total).toBe(t0.total + 1);
    expect(t1.withOutput).toBe(t0.withOutput + 1);
    const row = t1.groups[2]!.rows[10]!;
    expect(row).toMatchObject({ key: 'III.11', code: '11', task: 'Rà soát quy trình nội bộ', output: 'Báo cáo số 12/BC-VP', fields: [], hasOutput: true });
    // The next group starts right after it.
    expect(t1.groups[3]!.heading!.parts[0]!.rowIndex).toBe(row.parts[0]!.rowIndex + 1);
    // Nothing the template binds moved.
    const notFound = (l: typeof added.located) => l.occurrences.filter((o) => !o.found).length;
    expect(notFound(added.located)).toBe(notFound(before.located));

    const removal = planRemoveTask(definition, added.snapshot, added.located, 'III.11');
    expect(removal.row.task).toBe('Rà soát quy trình nội bộ');
    await doc.apply(removal.edits);
    const again = state(doc);
    expect(again.snapshot).toEqual(before.snapshot);
    expect(readTaskTable(definition, again.snapshot, again.located)!.total).toBe(t0.total);
  });

  test('adding in the middle or removing a bound row is refused with a Vietnamese reason', () => {
    const { snapshot, located } = state(open(ASSET_PATHS.sample));
    const middle = error(() => planAddTask(definition, snapshot, located, { after: 'III.3', task: 'x' }));
    expect(middle.code).toBe('renumbers-bound');
    expect(middle.message).toContain('dòng III.4 sẽ thành III.5');
    const bound = error(() => planRemoveTask(definition, snapshot, located, 'III.3'));
    expect(bound.code).toBe('bound');
    expect(bound.message).toMatch(/^Không xóa được dòng III\.3: đây là chỗ ghi số liệu của mẫu báo cáo \(/);
    expect(error(() => planRemoveTask(definition, snapshot, located, 'III.25')).message).toBe(
      'Phụ lục III không có dòng nhiệm vụ "III.25" (nhóm III có các dòng III.1–III.10).',
    );
    expect(error(() => planRemoveTask(definition, snapshot, located, 'III')).code).toBe('no-row');
    expect(error(() => planAddTask(definition, snapshot, located, { group: 'IX' })).message).toBe(
      'Phụ lục III không có nhóm "IX" (các nhóm: I, II, III, IV, V, VI, VII).',
    );
  });

  test('with rows the template does not bind, the group is renumbered both ways', async () => {
    const doc = open(ASSET_PATHS.sample);
    const before = state(doc, looser);
    const plan = planAddTask(looser, before.snapshot, before.located, { after: 'I.5', task: 'Nhiệm vụ mới' });
    expect(plan.key).toBe('I.6');
    expect(plan.renumbered.map((r) => `${r.from}>${r.to}`)).toEqual(['I.6>I.7', 'I.7>I.8', 'I.8>I.9', 'I.9>I.10', 'I.10>I.11', 'I.11>I.12', 'I.12>I.13']);
    await doc.apply(plan.edits);
    const added = table(doc, looser);
    expect(added.groups[0]!.rows.map((r) => r.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13']);
    expect(added.groups[0]!.rows[5]!.task).toBe('Nhiệm vụ mới');
    const was6 = before.located.appendix.findRow('III', undefined, 'I.6')!.row.label;
    expect(added.groups[0]!.rows[6]!.task).toBe(was6);

    const s = state(doc, looser);
    const removal = planRemoveTask(looser, s.snapshot, s.located, 'I.6');
    expect(removal.renumbered).toHaveLength(7);
    expect(removal.summary).toContain('Xóa nhiệm vụ I.6: Nhiệm vụ mới; đánh số lại I.7 → I.6');
    await doc.apply(removal.edits);
    expect(doc.readSync()).toEqual(before.snapshot);
  });

  test('the STT is written as the group writes it', () => {
    expect(formatStt(11, '10')).toBe('11');
    expect(formatStt(4, '3.')).toBe('4.');
    expect(formatStt(4, '03')).toBe('04');
    expect(formatStt(12, '09.')).toBe('12.');
    expect(formatStt(1, undefined)).toBe('1');
  });
});

describe('rowDeletionProblem (both adapters ask it before deleting a row)', () => {
  const cell = (text: string, mergedUp = false, span = 1) => ({ text, span, mergedUp });
  const table = (rows: ReturnType<typeof cell>[][]) => ({ type: 'table' as const, index: 0, rows: rows.map((cells) => ({ cells, header: false })) });

  test('the only row, a missing row and a vertical merge starting in the row are refused', () => {
    expect(rowDeletionProblem(table([[cell('1'), cell('a')]]), 0)).toBe('đây là hàng duy nhất của bảng');
    expect(rowDeletionProblem(table([[cell('1')], [cell('2')]]), 2)).toBe('bảng không có hàng 3');
    // Row 0 starts a merge in the second grid column that row 1 continues.
    const merged = table([
      [cell('1'), cell('chung')],
      [cell('2'), cell('', true)],
      [cell('3'), cell('riêng')],
    ]);
    expect(rowDeletionProblem(merged, 0)).toBe('một ô gộp dọc bắt đầu ở hàng 1 và kéo xuống hàng dưới');
    // The continuation itself, and a row below the merge, can go.
    expect(rowDeletionProblem(merged, 1)).toBeUndefined();
    expect(rowDeletionProblem(merged, 2)).toBeUndefined();
    // Grid columns, not cell indices: a spanning first cell moves the merge to grid column 2.
    const spanning = table([
      [cell('ab', false, 2), cell('x')],
      [cell('a'), cell('b'), cell('', true)],
    ]);
    expect(rowDeletionProblem(spanning, 0)).toBe('một ô gộp dọc bắt đầu ở hàng 1 và kéo xuống hàng dưới');
  });
});

describe('a task table of another office: dotted STT, a Ghi chú column, no bound rows', () => {
  const cell = (text: string) => `<w:tc><w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  const bold = (text: string) => `<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
  const heading = (...cells: string[]) => `<w:tr>${cells.map(bold).join('')}</w:tr>`;
  const docx = buildDocx(
    documentXml(
      `<w:p><w:r><w:t>Phụ lục III</w:t></w:r></w:p><w:p><w:r><w:t>KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ</w:t></w:r></w:p><w:tbl>` +
        row('STT', 'Nội dung công việc', 'Sản phẩm đầu ra', 'Ghi chú') +
        heading('I', 'CÔNG TÁC CHỈ ĐẠO', '', '') +
        row('1.', 'Việc một', 'Kế hoạch số 1', '') +
        row('2.', 'Việc hai', '', 'Chưa xong') +
        heading('II', 'CẢI CÁCH THỂ CHẾ', '', '') +
        row('1.', 'Việc ba', '[số liệu] văn bản', '') +
        `</w:tbl><w:p/>`,
    ),
  );
  /** The template without any Phụ lục III place: every row is the office's own. */
  const free: TemplateDefinition = {
    ...definition,
    fields: definition.fields.filter((f) => !f.occurrences.some((o) => o.where === 'appendix' && o.appendix === 'III')),
  };

  test('read: groups, the note, the output with a placeholder left does not count', () => {
    const t = table(OoxmlDocument.open(docx), free);
    expect(t.groups.map((g) => [g.group, g.title, g.rows.map((r) => `${r.key}=${r.code}`)])).toEqual([
      ['I', 'CÔNG TÁC CHỈ ĐẠO', ['I.1=1.', 'I.2=2.']],
      ['II', 'CẢI CÁCH THỂ CHẾ', ['II.1=1.']],
    ]);
    expect(t.groups[0]!.rows[1]!.note).toBe('Chưa xong');
    expect([t.total, t.withOutput]).toEqual([3, 1]);
  });

  test('add with a note after the heading, then remove the first task: STT "1." style kept, formatting copied', async () => {
    const doc = OoxmlDocument.open(docx);
    let s = state(doc, free);
    const plan = planAddTask(free, s.snapshot, s.located, { after: 'I', task: 'Việc đầu', output: 'Báo cáo', note: 'Mới' });
    expect(plan.key).toBe('I.1');
    expect(plan.renumbered).toEqual([
      { from: 'I.1', to: 'I.2' },
      { from: 'I.2', to: 'I.3' },
    ]);
    await doc.apply(plan.edits);
    s = state(doc, free);
    const rows = (s.snapshot.blocks.find((b) => b.type === 'table') as { rows: { cells: { text: string }[] }[] }).rows.map((r) => r.cells.map((c) => c.text));
    expect(rows.slice(1, 5)).toEqual([
      ['I', 'CÔNG TÁC CHỈ ĐẠO', '', ''],
      ['1.', 'Việc đầu', 'Báo cáo', 'Mới'],
      ['2.', 'Việc một', 'Kế hoạch số 1', ''],
      ['3.', 'Việc hai', '', 'Chưa xong'],
    ]);
    // The new row copies a task row (italic runs), not the heading.
    const xml = new TextDecoder().decode(unzipSync(doc.save())['word/document.xml']!);
    const newRow = xml.split('</w:tr>').find((tr) => tr.includes('Việc đầu'))!;
    expect(newRow.match(/<w:i\/>/g)).toHaveLength(4);
    expect(newRow).not.toContain('<w:b/>');
    const removal = planRemoveTask(free, s.snapshot, s.located, 'I.2');
    await doc.apply(removal.edits);
    const after = table(doc, free);
    expect(after.groups[0]!.rows.map((r) => `${r.code} ${r.task}`)).toEqual(['1. Việc đầu', '2. Việc hai']);
    expect(after.groups[1]!.rows.map((r) => `${r.code} ${r.task}`)).toEqual(['1. Việc ba']);
  });
});
