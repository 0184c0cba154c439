/**
 * Task rows a drafter added to Phụ lục III roll over like the template's own outputs
 * (year-to-date in the sample's template): kept within the year, the output emptied in a new
 * year with the task kept, and listed in the plan's summary; the bound rows as before.
 */
import { planAddTask, readTaskTable } from '../../src/core/model/task-rows';
import { locateFields } from '../../src/core/recognize/locate';
import { planRollover, type RolloverEntry, type RolloverPlan } from '../../src/core/rollover';
import type { TemplateDefinition } from '../../src/core/template/schema';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { CCHC_6_THANG } from '../helpers/templates';
import { BOUND_SAMPLE, readBytes } from './helpers';

const definition = CCHC_6_THANG!;
const TASK = 'Rà soát quy trình nội bộ';
const OUTPUT = 'Báo cáo số 12/BC-VP ngày 10/5/2022';

/** The sample with one task added at the end of group III (III.11). */
async function withAddedRow(): Promise<Uint8Array> {
  const doc = OoxmlDocument.open(readBytes(BOUND_SAMPLE));
  const snapshot = await doc.read();
  const change = planAddTask(definition, snapshot, locateFields(definition, snapshot), { group: 'III', task: TASK, output: OUTPUT });
  // The sample's Phụ lục III has no "Ghi chú" column: the row is STT, task and output.
  expect(change.key).toBe('III.11');
  await doc.apply(change.edits);
  return doc.save();
}

async function roll(bytes: Uint8Array, to: { kind: '9-thang' | 'quy-i'; year: number }, def: TemplateDefinition = definition) {
  const doc = OoxmlDocument.open(bytes);
  const plan = planRollover(def, await doc.read(), { to });
  await doc.apply(plan.edits);
  const snapshot = OoxmlDocument.open(doc.save()).readSync();
  const rows = readTaskTable(def, snapshot, locateFields(def, snapshot))!.groups.flatMap((g) => g.rows);
  return { plan, rows, row: (key: string) => rows.find((r) => r.key === key)! };
}

const LABEL = `Phụ lục III, dòng III.11: ${TASK}`;
const fieldEntries = (plan: RolloverPlan) => {
  const strip = (list: RolloverEntry[]) => list.filter((e) => !e.label.startsWith('Phụ lục III, dòng '));
  return { cleared: strip(plan.summary.cleared), kept: strip(plan.summary.kept), changed: strip(plan.summary.changed) };
};

describe('roll-over of task rows a drafter added', () => {
  test('within the year (→ 9 tháng 2022) the added output is kept and listed as kept', async () => {
    const { plan, row } = await roll(await withAddedRow(), { kind: '9-thang', year: 2022 });
    expect(row('III.11')).toMatchObject({ task: TASK, output: OUTPUT, fields: [] });
    const kept = plan.summary.kept.find((e) => e.label === LABEL);
    expect(kept).toMatchObject({ policy: 'year-to-date', before: OUTPUT, after: OUTPUT, section: 'PL-III' });
    expect(plan.summary.cleared.some((e) => e.label === LABEL)).toBe(false);
  });

  test('into a new year (→ quý I 2023) the output is emptied, the task kept, the row listed as cleared', async () => {
    const { plan, row } = await roll(await withAddedRow(), { kind: 'quy-i', year: 2023 });
    expect(row('III.11')).toMatchObject({ code: '11', task: TASK, output: '', hasOutput: false });
    const cleared = plan.summary.cleared.find((e) => e.label === LABEL);
    expect(cleared).toMatchObject({ id: 'III:III.11', policy: 'year-to-date', before: OUTPUT, after: null });
    expect(plan.warnings.filter((w) => w.includes('người soạn thêm'))).toEqual([]);
  });

  test('the bound rows roll over exactly as without the added row', async () => {
    for (const to of [{ kind: '9-thang', year: 2022 } as const, { kind: 'quy-i', year: 2023 } as const]) {
      const plain = await roll(readBytes(BOUND_SAMPLE), to);
      const added = await roll(await withAddedRow(), to);
      expect(fieldEntries(added.plan)).toEqual(fieldEntries(plain.plan));
      expect(plain.plan.summary.cleared.concat(plain.plan.summary.kept).some((e) => e.label.startsWith('Phụ lục III, dòng'))).toBe(false);
      const outputs = (r: typeof plain) => r.rows.filter((x) => x.key !== 'III.11').map((x) => `${x.key}|${x.task}|${x.output}|${x.note}`);
      expect(outputs(added)).toEqual(outputs(plain));
    }
    // The template's own III.3 output (year-to-date) is emptied in the new year, as before.
    expect((await roll(readBytes(BOUND_SAMPLE), { kind: 'quy-i', year: 2023 })).row('III.3').output).toBe('');
  });

  test('when the template outputs disagree, the added row is kept as written with a warning', async () => {
    const mixed: TemplateDefinition = {
      ...definition,
      fields: definition.fields.map((f) => (f.id === 'pl3.III_3.output' ? { ...f, rollover: 'standing' as const } : f)),
    };
    const { plan, row } = await roll(await withAddedRow(), { kind: 'quy-i', year: 2023 }, mixed);
    expect(row('III.11').output).toBe(OUTPUT);
    expect(plan.warnings).toContain(
      'Phụ lục III: 1 dòng nhiệm vụ do người soạn thêm được giữ nguyên (các chỉ tiêu sản phẩm đầu ra của mẫu theo những cách chuyển kỳ khác nhau); cần kiểm tra tay.',
    );
    expect(plan.summary.kept.find((e) => e.label === LABEL)?.note).toBe('dòng do người soạn thêm; giữ nguyên, xem cảnh báo');
  });
});
