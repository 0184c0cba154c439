import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport, type CheckReport, type Finding } from '../../src/core/check';
import { extractReport } from '../../src/core/model/extract';
import type { ReportData } from '../../src/core/model/report-data';
import type { RolloverPlan } from '../../src/core/rollover';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import { REPO_DIR } from '../helpers/paths';

export { RECEIVED_SAMPLE } from '../helpers/paths';
export const BOUND_SAMPLE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx');

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

export interface Rolled {
  plan: RolloverPlan;
  bytes: Uint8Array;
  snapshot: DocumentSnapshot;
  data: ReportData;
  report: CheckReport;
}

/** Reads a rolled document back: its snapshot, extracted data and check report. */
export async function readRolled(plan: RolloverPlan, bytes: Uint8Array): Promise<Rolled> {
  const snapshot = await OoxmlDocument.open(bytes).read();
  return {
    plan,
    bytes,
    snapshot,
    data: extractReport(CCHC_6_THANG, snapshot),
    report: checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'rolled.docx' }),
  };
}

export const notEntered = (data: ReportData) =>
  Object.entries(data.fields)
    .filter(([, f]) => f.text === null)
    .map(([id]) => id)
    .sort();

/** A finding's identity for comparing two reports (rule, severity, evidence). */
export const findingKey = (f: Finding) => `${f.rule}|${f.severity}|${f.evidence.join('·')}`;

/**
 * Every occurrence of a label of the six-month period left in a text ("Trong quý," too, for a
 * target that is not a quarter), with the cited document
 * whose title it belongs to: the nearest "Báo cáo số N/BC-…" before it in the same clause (no
 * ";" or "." between), or null when it is in the report's own words.
 */
export function staleSixMonthLabels(text: string, quarterWordingIsStale: boolean): { label: string; citedIn: string | null }[] {
  const out: { label: string; citedIn: string | null }[] = [];
  const re = quarterWordingIsStale ? /6 tháng (?:đầu|cuối) năm(?: \d{4})?|6 THÁNG (?:ĐẦU|CUỐI) NĂM|Trong quý,/gu : /6 tháng (?:đầu|cuối) năm(?: \d{4})?|6 THÁNG (?:ĐẦU|CUỐI) NĂM/gu;
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(re)) {
      const before = line.slice(0, m.index);
      const refs = [...before.matchAll(/Báo cáo số (\d+\/BC-[\p{Lu}]+)/gu)];
      const last = refs[refs.length - 1];
      const sameClause = last !== undefined && !/;|\.\s/u.test(before.slice((last.index ?? 0) + last[0].length));
      out.push({ label: m[0], citedIn: sameClause && last ? (last[1] ?? null) : null });
    }
  }
  return out;
}
