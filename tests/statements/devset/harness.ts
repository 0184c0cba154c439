/**
 * The development set of issue 13 and its measure: recall of single injected defects in the
 * rewritten report, false errors on its clean version, known defects of real published texts
 * found and false errors on them, and which texts are taken for a CCHC report. Shared by
 * `npm run eval` (prints) and tests/statements/devset.test.ts (asserts no regression).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkReport, type CheckReport, type Finding } from '../../../src/core/check';
import { CCHC_6_THANG } from '../../../src/core/template/cchc-6-thang';
import type { Block, DocumentSnapshot } from '../../../src/document/types';
import { DEFECTS } from './defects';

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
  real: { texts: number; known: number; found: number; missed: string[]; falseErrors: { text: string; finding: Finding }[] };
  economic: { texts: number; calledCchc: string[] };
}

export function rewrittenText(): string {
  return readFileSync(path.join(DEVSET_DIR, 'rewritten-nam-2022.txt'), 'utf8');
}

export function runEval(): EvalResult {
  const clean = rewrittenText();
  const cleanReport = checkText(clean, 'rewritten-nam-2022.txt');
  const cleanKeys = new Set(cleanReport.findings.map(key));
  const missed: string[] = [];
  let reported = 0;
  for (const d of DEFECTS) {
    if (!clean.includes(d.find)) throw new Error(`defect "${d.what}": "${d.find}" not in the text`);
    const report = checkText(clean.replace(d.find, d.replace), 'mutated.txt');
    const hit = report.findings.some((f) => isAlarm(f) && d.rules.includes(f.rule) && !cleanKeys.has(key(f)));
    if (hit) reported++;
    else missed.push(d.what);
  }
  const real = { texts: 0, known: 0, found: 0, missed: [] as string[], falseErrors: [] as { text: string; finding: Finding }[] };
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
  }
  return {
    injected: { total: DEFECTS.length, reported, missed },
    cleanFalseErrors: cleanReport.findings.filter((f) => f.severity === 'error'),
    real,
    economic,
  };
}
