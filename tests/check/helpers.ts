import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport, type CheckReport, type Finding } from '../../src/core/check';
import { planFill } from '../../src/core/model/fill';
import { locateFields, type LocateResult } from '../../src/core/recognize/locate';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentEdit, DocumentSnapshot } from '../../src/document/types';
import { REPO_DIR } from '../helpers/paths';

export { RECEIVED_SAMPLE } from '../helpers/paths';
export const BOUND_SAMPLE = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx');

export async function open(bytes: Uint8Array): Promise<{ doc: OoxmlDocument; snapshot: DocumentSnapshot; located: LocateResult }> {
  const doc = await OoxmlDocument.open(bytes);
  const snapshot = await doc.read();
  return { doc, snapshot, located: locateFields(CCHC_6_THANG, snapshot) };
}

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

export async function check(bytes: Uint8Array, fileName = 'test.docx'): Promise<CheckReport> {
  const { snapshot, located } = await open(bytes);
  return checkReport({ definition: CCHC_6_THANG, snapshot, fileName, located });
}

/** The text of a field's occurrence as located in the document. */
export function located(result: LocateResult, fieldId: string, occurrence = 0): string {
  const o = result.occurrences.filter((x) => x.fieldId === fieldId)[occurrence];
  if (!o?.found) throw new Error(`field ${fieldId}#${occurrence} not found`);
  return o.text ?? '';
}

/**
 * The corrections of the report's real mistakes (see the header of cchc-6-thang.ts), as field
 * values for `planFill`. Each is consistent by arithmetic:
 * - 28.375 written with a dot; 921/28.375 = 3,2458% → "3,25%";
 * - pending = 30.407 − 28.375 = 2.032, 2.032/30.407 = 6,68% → "6,7%";
 * - B.II.1.1 and Phụ lục I Biểu mẫu 2 row 1 both 19;
 * - PAKN 02/03 = 66,67% → "66,7%";
 * - 8 work groups (the list has 8 items);
 * - B.II.2.2 pending = 675 − 635 − 18 = 22;
 * - Phụ lục I caption "tháng 6 năm 2022";
 * - Phụ lục III I.1 gets the date of Kế hoạch 33/KH-UBND (27/01/2022), VI.2 the dates 14/01/2022.
 */
export function corrections(result: LocateResult): Record<string, string> {
  return {
    'a22.resolved': '28.375',
    'a22.onTimePct': '3,25%',
    'a22.pending': '2.032',
    'a22.pendingPct': '6,7%',
    'bii11.legalDocs': '19',
    'pl2.bm2.r3_4': '66,7%',
    'bii2.kstthcGroups': '8',
    'bii22.pending': '22',
    'meta.pl1Caption': 'tháng 6 năm 2022',
    'pl3.I_1.output': located(result, 'pl3.I_1.output').replace('ngày Thực hiện', 'ngày 27/01/2022 thực hiện'),
    'pl3.VI_2.output': located(result, 'pl3.VI_2.output').replace(/13\/01\/2022/g, '14/01/2022'),
  };
}

/** Fills `fields` into the document with planFill and the OOXML adapter; returns the new bytes. */
export async function fill(bytes: Uint8Array, fields: Record<string, string | null>): Promise<Uint8Array> {
  const { doc, snapshot, located: loc } = await open(bytes);
  const plan = planFill(CCHC_6_THANG, snapshot, { fields }, loc);
  const errors = plan.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  await doc.apply(plan.edits);
  return doc.save();
}

/** Applies raw edits computed by `make` against the document's snapshot; returns the new bytes. */
export async function edit(bytes: Uint8Array, make: (snapshot: DocumentSnapshot, result: LocateResult) => DocumentEdit[]): Promise<Uint8Array> {
  const { doc, snapshot, located: loc } = await open(bytes);
  await doc.apply(make(snapshot, loc));
  return doc.save();
}

/** An edit writing `text` in place of one located occurrence (even text fill would refuse). */
export function occurrenceEdit(snapshot: DocumentSnapshot, result: LocateResult, fieldId: string, occurrence: number, text: string): DocumentEdit {
  const o = result.occurrences.filter((x) => x.fieldId === fieldId)[occurrence];
  const place = o?.place;
  if (!place) throw new Error(`no place for ${fieldId}#${occurrence}`);
  if (place.kind === 'control') return { kind: 'control', controlIndex: place.controlIndex, text };
  if (place.kind === 'cell') {
    const table = snapshot.blocks[place.blockIndex];
    const cellText = table?.type === 'table' ? (table.rows[place.row]?.cells[place.cell]?.text ?? '') : '';
    return cellText.trim() === (o.text ?? '').trim()
      ? { kind: 'cell', tableIndex: place.blockIndex, rowIndex: place.row, cellIndex: place.cell, text }
      : { kind: 'cell', tableIndex: place.blockIndex, rowIndex: place.row, cellIndex: place.cell, text, find: { text: o.text ?? '', from: place.start } };
  }
  return { kind: 'paragraph', blockIndex: place.blockIndex, start: place.start, end: place.end, text };
}

/** A paragraph edit replacing the first occurrence of `find` in the narrative. */
export function textEdit(snapshot: DocumentSnapshot, find: string, replace: string): DocumentEdit {
  for (const b of snapshot.blocks) {
    if (b.type !== 'paragraph') continue;
    const at = b.text.indexOf(find);
    if (at >= 0) return { kind: 'paragraph', blockIndex: b.index, start: at, end: at + find.length, text: replace };
  }
  throw new Error(`"${find}" not found`);
}

export interface Expect {
  rule: Finding['rule'];
  severity: Finding['severity'];
  /** Every one of these must be in the finding's evidence. */
  evidence?: string[];
  expected?: string;
  /** A substring of the message. */
  message?: string;
}

export function matches(f: Finding, e: Expect): boolean {
  return (
    f.rule === e.rule &&
    f.severity === e.severity &&
    (e.evidence ?? []).every((x) => f.evidence.includes(x)) &&
    (e.expected === undefined || f.expected === e.expected) &&
    (e.message === undefined || f.message.includes(e.message))
  );
}

export function findAll(report: CheckReport, e: Expect): Finding[] {
  return report.findings.filter((f) => matches(f, e));
}

/** Vietnamese text must carry its diacritics (a message without any would be a regression). */
export const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;
