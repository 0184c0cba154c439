/**
 * Live consequences of an edit (pure, no React): the check before and after it, compared
 * finding by finding. A finding is the same one when it has the same rule at the same places
 * (block, table row and cell, control tag) — its wording and figures may change with the edit.
 * What appears is a relation the edit broke; what disappears, one it fixed. Only errors and
 * warnings count: the info list ("Chưa nhập N chỉ tiêu") changes with every figure entered.
 */
import type { SessionState } from '../app/session';
import { affectedVerdicts } from '../core/check/affected';
import type { CheckReport, Finding } from '../core/check/findings';
import { RULE_LABEL } from '../core/check/findings';
import type { TemplateDefinition } from '../core/template/schema';

/** The identity of a finding across edits. */
export function findingKey(f: Finding): string {
  const places = f.locations.map((l) => (l.anchor ? `${l.anchor.block}:${l.anchor.row ?? ''}:${l.anchor.cell ?? ''}` : (l.section ?? '')) + `#${l.tag ?? ''}`);
  return `${f.rule}|${places.join(',')}`;
}

export interface Consequences {
  broken: Finding[];
  fixed: Finding[];
}

/** What an edit broke and fixed, from the check before and after it. */
export function diffFindings(before: readonly Finding[], after: readonly Finding[]): Consequences {
  const serious = (f: Finding) => f.severity !== 'info';
  const count = (list: readonly Finding[]) => {
    const m = new Map<string, number>();
    for (const f of list) if (serious(f)) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
    return m;
  };
  const take = (list: readonly Finding[], other: Map<string, number>) => {
    const left = new Map(other);
    const out: Finding[] = [];
    for (const f of list) {
      if (!serious(f)) continue;
      const k = findingKey(f);
      const n = left.get(k) ?? 0;
      if (n > 0) left.set(k, n - 1);
      else out.push(f);
    }
    return out;
  };
  return { broken: take(after, count(before)), fixed: take(before, count(after)) };
}

/** The consequences of an edit, per report pair. */
export function consequencesOf(before: CheckReport, after: CheckReport): Consequences {
  return diffFindings(before.findings, after.findings);
}

/**
 * The findings of the relations naming these fields, on a state as it is or with the figures an
 * edit is about to write (`written`, field id → text): a few relations, not the whole check.
 */
export function relationFindingsOf(definition: TemplateDefinition, state: SessionState, fields: readonly string[], written?: Readonly<Record<string, string>>): Finding[] {
  const verdicts = affectedVerdicts({ definition, snapshot: state.snapshot, located: state.located, fields, ...(written ? { overrides: written } : {}) });
  return verdicts.flatMap((v) => v.findings);
}

/**
 * The quick consequences of an edit writing `written` over `before`: the relations it touches,
 * judged before and after. The whole check that follows says the same for them
 * (tests/check/affected.test.ts) and adds what the template-free rules find.
 */
export function quickConsequences(definition: TemplateDefinition, before: SessionState, written: Readonly<Record<string, string>>): { before: Finding[]; consequences: Consequences } {
  const fields = Object.keys(written);
  const old = relationFindingsOf(definition, before, fields);
  return { before: old, consequences: diffFindings(old, relationFindingsOf(definition, before, fields, written)) };
}

/**
 * One line for a broken relation, beside the edited figure:
 * "93,3% không còn khớp: 28.375/29.812 = 95,2%" for a ratio, else the rule and the message.
 */
export function brokenLine(f: Finding): string {
  const [shown, part, base] = f.evidence;
  if (f.rule === 'ratio' && shown && part && base && f.expected) return `${shown} không còn khớp: ${part}/${base} = ${f.expected}`;
  if (f.rule === 'derived' && shown && f.expected) return `${shown} không còn khớp: tính lại được ${f.expected}`;
  return `Mới không khớp (${RULE_LABEL[f.rule]}): ${f.message}`;
}

/** One line for a relation the edit fixed: "93,3% đã khớp lại (tỷ lệ)". */
export function fixedLine(f: Finding): string {
  const [shown] = f.evidence;
  if ((f.rule === 'ratio' || f.rule === 'derived') && shown) return `${shown} đã khớp lại (${RULE_LABEL[f.rule]})`;
  return `Đã khớp lại (${RULE_LABEL[f.rule]}): ${f.message}`;
}
