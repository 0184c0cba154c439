/**
 * The development set of issue 13 and its measure: recall of single injected defects in the
 * rewritten report, false errors on its clean version, known defects of real published texts
 * found and false errors on them, and which texts are taken for a CCHC report. Shared by
 * `npm run eval` (prints) and tests/statements/devset.test.ts (asserts no regression).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport, type CheckReport, type Finding } from '../../../src/core/check';
import { CCHC_6_THANG } from '../../helpers/templates';
import type { Block, DocumentSnapshot } from '../../../src/document/types';
import { DEFECTS, DEFECTS_HUYEN, type Defect } from './defects';

export const DEVSET_DIR = __dirname;

/** Plain text → snapshot: "#" lines are notes; runs of tab-separated lines are tables. */
export function textToSnapshot(text: string): DocumentSnapshot {
  const blocks: Block[] = [];
  let table: string[][] | undefined;
  const flush = () => {
    if (!table) return;
    blocks.push({ type: 'table', index: blocks.length, rows: table.map((cells) => ({ header: false, cells: cells.map((t) => ({ text: t, span: 1, mergedUp: false })) })) });
    table = undefined;
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    if (line.includes('\t')) {
      (table ??= []).push(line.split('\t'));
      continue;
    }
    flush();
    if (line.trim()) blocks.push({ type: 'paragraph', index: blocks.length, text: line, spans: [] });
  }
  flush();
  return { blocks, controls: [] };
}

export function checkText(text: string, fileName: string): CheckReport {
  return checkReport({ definition: CCHC_6_THANG, snapshot: textToSnapshot(text), fileName });
}

export interface KnownDefect {
  rule: string;
  severity: string;
  evidence: string[];
}

export interface RealText {
  name: string;
  text: string;
  source: string;
  defects: KnownDefect[];
  economic: boolean;
}

export function realTexts(): RealText[] {
  const dir = path.join(DEVSET_DIR, 'real');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const defects: KnownDefect[] = [];
      let source = '';
      for (const line of text.split('\n')) {
        const d = /^# defect: (\S+) (\S+) (.*?) \(/.exec(line);
        if (d) defects.push({ rule: d[1]!, severity: d[2]!, evidence: d[3]!.split(' ') });
        const s = /^# source: (\S+)/.exec(line);
        if (s) source = s[1]!;
      }
      return { name: f, text, source, defects, economic: /^# kind: economic/m.test(text) };
    });
}

const isAlarm = (f: Finding) => f.severity === 'error' || f.severity === 'warning';
const key = (f: Finding) => `${f.rule}|${f.severity}|${f.message}`;

export interface EvalResult {
  injected: { total: number; reported: number; missed: string[] };
  cleanFalseErrors: Finding[];
  /** Warnings on the clean texts (noise a reviewer reads; not errors). */
  cleanWarnings: number;
  real: { texts: number; known: number; found: number; missed: string[]; falseErrors: { text: string; finding: Finding }[]; warnings: number };
  economic: { texts: number; calledCchc: string[] };
}

export function rewrittenText(file = 'rewritten-nam-2022.txt'): string {
  return readFileSync(path.join(DEVSET_DIR, file), 'utf8');
}

/** The rewritten reports and their single injected defects. */
export const REWRITTEN: { file: string; defects: Defect[] }[] = [
  { file: 'rewritten-nam-2022.txt', defects: DEFECTS },
  { file: 'rewritten-huyen-quy-iii-2023.txt', defects: DEFECTS_HUYEN },
];

export function runEval(): EvalResult {
  const missed: string[] = [];
  const cleanFalseErrors: Finding[] = [];
  let cleanWarnings = 0;
  let reported = 0;
  let total = 0;
  for (const { file, defects } of REWRITTEN) {
    const clean = rewrittenText(file);
    const cleanReport = checkText(clean, file);
    cleanFalseErrors.push(...cleanReport.findings.filter((f) => f.severity === 'error'));
    cleanWarnings += cleanReport.findings.filter((f) => f.severity === 'warning').length;
    const cleanKeys = new Set(cleanReport.findings.map(key));
    for (const d of defects) {
      if (!clean.includes(d.find)) throw new Error(`defect "${d.what}": "${d.find}" not in ${file}`);
      total++;
      const report = checkText(clean.replace(d.find, d.replace), 'mutated.txt');
      const hit = report.findings.some((f) => isAlarm(f) && d.rules.includes(f.rule) && !cleanKeys.has(key(f)));
      if (hit) reported++;
      else missed.push(`${file}: ${d.what}`);
    }
  }
  const real = { texts: 0, known: 0, found: 0, missed: [] as string[], falseErrors: [] as { text: string; finding: Finding }[], warnings: 0 };
  const economic = { texts: 0, calledCchc: [] as string[] };
  for (const t of realTexts()) {
    const report = checkText(t.text, t.name);
    real.texts++;
    if (t.economic) {
      economic.texts++;
      if (report.template !== null) economic.calledCchc.push(t.name);
    }
    const matched = new Set<Finding>();
    for (const d of t.defects) {
      real.known++;
      const f = report.findings.find((x) => isAlarm(x) && x.rule === d.rule && d.evidence.every((e) => x.evidence.includes(e)));
      if (f) {
        real.found++;
        matched.add(f);
      } else real.missed.push(`${t.name}: ${d.rule} ${d.evidence.join(' ')}`);
    }
    for (const f of report.findings) if (f.severity === 'error' && !matched.has(f)) real.falseErrors.push({ text: t.name, finding: f });
    real.warnings += report.findings.filter((f) => f.severity === 'warning' && !matched.has(f)).length;
  }
  return { injected: { total, reported, missed }, cleanFalseErrors, cleanWarnings, real, economic };
}
