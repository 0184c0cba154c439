/**
 * Edit → consequences (issue 11): from Enter in Số liệu to the marks beside the figure. The pane
 * plans the edit and judges only the relations it touches (src/core/check/affected.ts) before
 * writing; that is the budgeted row, on the bound sample and on a report 20 times as long (the
 * body repeated). The rest of the edit (write, re-read, and the whole check before and after,
 * which runs when the page is idle and replaces the marks) is shown beside it for scale.
 *
 *     npx tsx bench/edit.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport } from '../src/core/check';
import { planFill } from '../src/core/model/fill';
import { extractReport } from '../src/core/model/extract';
import { locateFields } from '../src/core/recognize/locate';
import { OoxmlDocument } from '../src/document/ooxml/document';
import { readFlatOpc, toFlatOpc } from '../src/document/ooxml/flat-opc';
import type { DocumentSnapshot } from '../src/document/types';
import { quickConsequences } from '../src/taskpane/consequences';
import { TEMPLATES } from '../src/templates';
import { timings, type BenchRow } from './util';
import { repeatBody } from './word';

const SAMPLE = path.resolve(__dirname, '..', 'src', 'templates', 'cchc-6-thang', 'sample.docx');
const definition = TEMPLATES.get('cchc-6-thang');
/** The figure the issue edits: files received, named by a sum and two ratios (93,3% and 4,7%). */
const FIELD = 'a22.received';
const BUDGET_MS = 300;

const round = (ms: number): number => Math.round(ms * 10) / 10;

export async function benchEdit(): Promise<BenchRow[]> {
  if (!fs.existsSync(SAMPLE)) return [{ name: 'edit → consequences', medianMs: Number.NaN, note: `missing: ${SAMPLE}` }];
  const doc = OoxmlDocument.open(new Uint8Array(fs.readFileSync(SAMPLE)));
  const xml = doc.package.getText(doc.package.mainPartName).text;
  const rows: BenchRow[] = [];
  for (const [label, times] of [
    ['sample', 1],
    ['20× report', 20],
  ] as const) {
    const snapshot: DocumentSnapshot = times === 1 ? await doc.read() : readFlatOpc(toFlatOpc(repeatBody(xml, times))).snapshot;
    const located = locateFields(definition, snapshot);
    const data = extractReport(definition, snapshot, located);
    const state = { snapshot, located, data };
    let i = 0;
    // A different figure each run (30.000, 30.001, …): nothing is cached between runs.
    const edit = () => {
      const plan = planFill(definition, snapshot, { fields: { [FIELD]: `30.${String(i++ % 1000).padStart(3, '0')}` } }, located, { derived: 'related' });
      return quickConsequences(definition, state, plan.written);
    };
    const probe = edit();
    const runs = times === 1 ? 30 : 10;
    const quick = await timings(edit, runs, 3);
    const full = await timings(() => checkReport({ definition, snapshot, fileName: label, located }), times === 1 ? 5 : 2, 1);
    rows.push({
      name: `edit → consequences: plan + relations touched (${label})`,
      medianMs: round(quick.median),
      budgetMs: BUDGET_MS,
      note: `${probe.consequences.broken.length} broken; whole check (idle, after) ${round(full.median)} ms; ${snapshot.blocks.length} blocks, min ${round(quick.min)} ms`,
    });
  }
  return rows;
}

if (require.main === module) {
  void benchEdit().then((rows) => {
    for (const r of rows) console.log(`${r.name.padEnd(60)} ${r.medianMs.toFixed(1).padStart(8)} ms  ${r.note ?? ''}`);
  });
}
