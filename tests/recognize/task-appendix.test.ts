/**
 * The task table is the appendix with a column of role `task`, whatever its numeral: the same
 * CCHC report with its task table renumbered Phụ lục IV (definition and document) groups its rows
 * by Roman numerals ("IV.3"), lists its tasks and locates every field as Phụ lục III did.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { extractReport } from '../../src/core/model/extract';
import { planAddTask, readTaskTable } from '../../src/core/model/task-rows';
import { headerWords, mapAppendixTables } from '../../src/core/recognize/appendix';
import { locateFields } from '../../src/core/recognize/locate';
import { TemplateDefinitionSchema, type TemplateDefinition } from '../../src/core/template/schema';
import { buildTemplateDocx } from '../../src/document/generate/build-template';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { REPO_DIR } from '../helpers/paths';
import { CCHC_6_THANG } from '../helpers/templates';

const original = CCHC_6_THANG!;
const DIR = path.join(REPO_DIR, 'src', 'templates', original.id);
const layout = fs.readFileSync(path.join(DIR, 'layout.txt'), 'utf8');

/** Phụ lục III → IV in the definition: the appendix id, its section and the occurrences addressing it (row addresses such as "III.3" are the table's own groups and stay). */
function renumbered(def: TemplateDefinition): TemplateDefinition {
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    if (typeof v !== 'string') return v;
    if (v === 'PL-III') return 'PL-IV';
    if (key === 'appendix' && v === 'III') return 'IV';
    if (key === 'title') return v.replace(/^Phụ lục III\./, 'Phụ lục IV.');
    return v;
  };
  const raw = walk(def) as TemplateDefinition;
  return TemplateDefinitionSchema.parse({ ...raw, appendices: raw.appendices.map((a) => (a.id === 'III' ? { ...a, id: 'IV' } : a)) });
}

const definition = renumbered(original);
expect(layout.split('\nPhụ lục III\n')).toHaveLength(2);
const renumberedLayout = layout.replace('\nPhụ lục III\n', '\nPhụ lục IV\n');

describe('a task table numbered Phụ lục IV', () => {
  const before = OoxmlDocument.open(buildTemplateDocx(original, layout, 'sample')).readSync();
  const after = OoxmlDocument.open(buildTemplateDocx(definition, renumberedLayout, 'sample')).readSync();

  test('the edited definition moved the task table and nothing else', () => {
    expect(definition.appendices.map((a) => a.id)).toEqual(['I', 'II', 'IV']);
    expect(definition.appendices.find((a) => a.id === 'IV')!.columns.map((c) => `${c.name}:${c.role}`)).toContain('Nội dung công việc:task');
    expect(definition.fields.filter((f) => f.occurrences.some((o) => o.where === 'appendix' && o.appendix === 'IV')).length).toBe(
      original.fields.filter((f) => f.occurrences.some((o) => o.where === 'appendix' && o.appendix === 'III')).length,
    );
  });

  test('its rows are grouped by Roman numerals, as Phụ lục III is', () => {
    const three = mapAppendixTables(before, headerWords(original.appendices)).forms.find((f) => f.appendix === 'III')!;
    const four = mapAppendixTables(after, headerWords(definition.appendices)).forms.find((f) => f.appendix === 'IV')!;
    expect(four.tasks).toBe(true);
    expect(four.duplicates).toEqual([]);
    const keys = four.rows.map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['I', 'I.1', 'IV', 'IV.3']));
    expect(keys).toEqual(three.rows.map((r) => r.key));
    const row = four.rows.find((r) => r.key === 'IV.3')!;
    expect(row.group).toBe('IV');
    expect(row.label).toBe(three.rows.find((r) => r.key === 'IV.3')!.label);
  });

  test('tasks are listed and added, and every field is read as from Phụ lục III', () => {
    const located = locateFields(definition, after);
    const table = readTaskTable(definition, after, located)!;
    const base = readTaskTable(original, before, locateFields(original, before))!;
    expect(table.total).toBe(base.total);
    expect(table.groups.map((g) => [g.group, g.rows.map((r) => r.key)])).toEqual(base.groups.map((g) => [g.group, g.rows.map((r) => r.key)]));
    expect(table.groups.find((g) => g.group === 'IV')!.rows.map((r) => r.key)).toContain('IV.3');
    const plan = planAddTask(definition, after, located, { group: 'IV', task: 'Nhiệm vụ thêm', output: '' });
    expect(plan.key).toBe(`IV.${table.groups.find((g) => g.group === 'IV')!.rows.length + 1}`);

    // Every field and place read the same text (only the table's name differs).
    const read = (data: ReturnType<typeof extractReport>) => ({
      coverage: data.coverage,
      fields: Object.fromEntries(Object.entries(data.fields).map(([id, f]) => [id, { text: f.text, value: f.value, places: f.places.map((p) => [p.row, p.found, p.text]) }])),
    });
    const four = extractReport(definition, after);
    expect(read(four)).toEqual(read(extractReport(original, before)));
    const taskFields = Object.values(four.fields).filter((f) => f.places.some((p) => p.table === 'Phụ lục IV'));
    expect(taskFields.length).toBeGreaterThan(0);
    expect(taskFields.every((f) => f.places.every((p) => p.table !== 'Phụ lục IV' || p.found))).toBe(true);
  });
});
