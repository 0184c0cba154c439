/**
 * Every field is fillable (issue 10, item 5): in the empty template, the sample and a rolled
 * report, every field's places are found, and a fill of every field writes all of them — read
 * back, the document holds every figure of the sample.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractReport } from '../../src/core/model/extract';
import { planFill } from '../../src/core/model/fill';
import { locateFields, type LocatedOccurrence } from '../../src/core/recognize/locate';
import { planRollover, rolloverDocument } from '../../src/core/rollover';
import { nextPeriod } from '../../src/core/period';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATES } from '../../src/templates';
import { REPO_DIR } from '../helpers/paths';

const dir = (id: string) => path.join(REPO_DIR, 'src', 'templates', id);
const open = (file: string) => OoxmlDocument.open(new Uint8Array(readFileSync(file)));

describe.each(TEMPLATES.all.filter((t) => t.files.sample && t.files.template).map((t) => [t.id, t] as const))('template %s: every field fillable', (_id, definition) => {
  const sampleFile = path.join(dir(definition.id), definition.files.sample!);
  const templateFile = path.join(dir(definition.id), definition.files.template!);
  const sampleValues = async () => {
    const data = extractReport(definition, await open(sampleFile).read());
    // The sample's figures, but those it writes wrongly on purpose ("28,375"): a fill refuses them.
    return Object.fromEntries(Object.entries(data.fields).filter(([, f]) => !f.error).map(([id, f]) => [id, f.text ?? '']));
  };
  /** The sample rolled to the next period of its kind within its year, or to the first one of the next year. */
  const rolled = (newYear: boolean) => async () => {
    const doc = open(sampleFile);
    const from = planRollover(definition, await doc.read(), { to: { kind: 'nam', year: 9999 } }).from;
    const to = newYear ? { kind: definition.periods[0]!, year: from.year + 1 } : nextPeriod(from, definition.periods);
    await rolloverDocument(doc, definition, { to });
    return OoxmlDocument.open(doc.save());
  };

  const newYear = rolled(true);

  test.each([
    ['the empty template', async () => open(templateFile)],
    ['the sample', async () => open(sampleFile)],
    // Within the sample's year, and into the next year (year-to-date figures and texts cleared).
    ['a report rolled within the year', rolled(false)],
    ['a report rolled into a new year', newYear],
  ] as const)('%s: extract finds every place, fill writes every field and reads back', async (_what, make) => {
    const doc = await make();
    const snapshot = await doc.read();
    const located = locateFields(definition, snapshot);
    // Not found: only a figure inside an emptied text cell (a Phụ lục III output cleared for a new
    // year), which comes back with the cell's new text (the fill below writes both).
    const cell = (o: LocatedOccurrence) => (o.occurrence.where === 'appendix' ? `${o.occurrence.appendix}/${o.occurrence.row}/${o.occurrence.column}` : '');
    const emptyTextCells = new Set(located.occurrences.filter((o) => o.found && o.text === '' && o.kind === 'text' && o.occurrence.where === 'appendix').map(cell));
    const missing = located.occurrences.filter((o) => !o.found && !(emptyTextCells.has(cell(o)) && make === newYear));
    expect(missing.map((o) => o.fieldId)).toEqual([]);

    const values = await sampleValues();
    const given = Object.fromEntries(Object.entries(values).filter(([, text]) => text !== ''));
    const plan = planFill(definition, snapshot, { fields: given }, located);
    expect(plan.problems.filter((p) => p.severity !== 'info')).toEqual([]);
    expect(plan.unplaced).toEqual([]);
    await doc.apply(plan.edits);
    const after = extractReport(definition, await OoxmlDocument.open(doc.save()).read());
    const wrong = Object.entries(given).filter(([id, text]) => (after.fields[id]?.text ?? '') !== text);
    expect(wrong).toEqual([]);
  });
});
