/**
 * The consistency check (issue 3), pure core: a document snapshot and a template definition in,
 * a CheckReport (the JSON contract of `baocao check`) out. Fields are located once; each rule is
 * a small module that evaluates relations declared in the definition (never a figure or wording
 * of one report), and the template-free rules (percentages within a sentence, references,
 * number formats, periods) run on any report. Template relations run first and mark the figures
 * they judged, so that template-free inference never repeats a finding about the same figure.
 */
import { GENERIC_TEMPLATE, MIN_MATCH_SCORE } from '../template/registry';
import { withTextMemo } from '../codec';
import type { DocumentSnapshot } from '../document';
import { isBound } from '../model/extract';
import { locateFields, type LocateResult } from '../recognize/locate';
import type { TemplateDefinition } from '../template/schema';
import { CheckContext, type RawFinding } from './context';
import { templateMatch } from './match';
import { checkedOf, summarize, type CheckReport, type Coverage, type Finding } from './findings';
import { completenessRule } from './rules/completeness';
import { controlsRule } from './rules/controls';
import { crossSectionRule } from './rules/cross-section';
import { derivedRule } from './rules/derived';
import { listCountRule } from './rules/list-count';
import { numberFormatRule } from './rules/number-format';
import { pairRule } from './rules/pair';
import { periodRule } from './rules/period';
import { ratioRule } from './rules/ratio';
import { referenceRule } from './rules/reference';
import { statementsRule } from './rules/statements';
import { tablesRule } from './rules/tables';
import { meaningRule } from './rules/meaning';
import { sumRule } from './rules/sum';
import { unreadableRule } from './rules/unreadable';

export * from './findings';
export * from './interval';
export { PERIODS, detectPeriodKind, periodWindow, type PeriodDef, type PeriodKind, type PeriodWindow } from '../period';
export { CheckContext } from './context';
export { templateMatch } from './match';
export { relationsNaming, affectedVerdicts, type AffectedInput, type RelationVerdict } from './affected';

export interface CheckInput {
  definition: TemplateDefinition;
  snapshot: DocumentSnapshot;
  /** Shown in the report ("file" of the contract). */
  fileName: string;
  /** Reuse a LocateResult computed by the caller (fields are located once). */
  located?: LocateResult;
}

type RuleFn = (ctx: CheckContext) => RawFinding[];

/**
 * Order matters: template relations first (they mark what they judged), template-free rules
 * after. The period rule runs before cross-section so that an appendix caption already reported
 * as naming the wrong period is not reported again as two captions disagreeing.
 */
const RULES: RuleFn[] = [
  unreadableRule,
  ratioRule,
  derivedRule,
  sumRule,
  periodRule,
  crossSectionRule,
  meaningRule,
  pairRule,
  listCountRule,
  completenessRule,
  controlsRule,
  numberFormatRule,
  statementsRule,
  tablesRule,
  referenceRule,
];

function compareOrder(a: number[], b: number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? -2) - (b[i] ?? -2);
    if (d !== 0) return d;
  }
  return 0;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Runs every rule and returns the report: errors first, each severity in document order. */
export function checkReport(input: CheckInput): CheckReport {
  return withTextMemo(() => runCheck(input));
}

/** Below this share of the template's fields found, a document is not read as that template's report. */
export const TEMPLATE_MATCH_THRESHOLD = MIN_MATCH_SCORE;

/** No template: only the template-free rules have anything to check. */
const GENERIC: TemplateDefinition = GENERIC_TEMPLATE;


interface RuleRun {
  ctx: CheckContext;
  raw: RawFinding[];
  definition: TemplateDefinition;
  located: LocateResult;
  mode: CheckReport['mode'];
  match: number;
  generic: boolean;
}

/** Every rule over the document, findings in rule order (each relation's verdict tagged). */
function runRules(input: CheckInput): RuleRun {
  const { snapshot } = input;
  let definition = input.definition;
  let located = input.located ?? locateFields(definition, snapshot);
  const bound = isBound(definition, snapshot);
  const match = bound ? 1 : templateMatch(definition, located);
  const generic = !bound && match < TEMPLATE_MATCH_THRESHOLD;
  if (generic) {
    definition = GENERIC;
    located = locateFields(GENERIC, snapshot);
  }
  const mode: CheckReport['mode'] = generic ? 'generic' : bound ? 'bound' : 'recognized';
  const ctx = new CheckContext(definition, snapshot, located, bound ? 'bound' : 'recognized');
  const raw: RawFinding[] = [];
  // No spread: a rule may return more findings than a call's argument limit (~120 000).
  for (const rule of RULES) for (const f of rule(ctx)) raw.push(f);
  return { ctx, raw, definition, located, mode, match, generic };
}

/**
 * The whole check's findings on each of these template relations (by relation id; a relation
 * that holds has none). What the quick re-check of an edit (affected.ts) must agree with.
 */
export function relationFindings(input: CheckInput, relationIds: Iterable<string>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const id of relationIds) out.set(id, []);
  const { raw } = withTextMemo(() => runRules(input));
  for (const f of raw) if (f.relation !== undefined) out.get(f.relation)?.push(strip(f));
  return out;
}

function runCheck(input: CheckInput): CheckReport {
  const { fileName } = input;
  const { ctx, raw, definition, located, mode, match, generic } = runRules(input);
  // Stable: errors first, then warnings, then notes; each in document order, then rule order.
  const ordered = raw
    .map((f, i) => ({ f, i }))
    .sort((x, y) => SEVERITY_RANK[x.f.severity] - SEVERITY_RANK[y.f.severity] || compareOrder(x.f.order, y.f.order) || x.i - y.i)
    .map(({ f }) => strip(f));
  return detached({
    file: fileName,
    template: generic ? null : definition.id,
    mode,
    match,
    findings: ordered,
    summary: summarize(ordered),
    ...(generic ? {} : { coverage: coverageOf(definition, located) }),
    checked: checkedOf(ctx.checked, ctx.unverified),
  });
}

/**
 * A copy of the report that shares no string with the document. Excerpts, evidence and
 * messages are slices or concatenations of the document's text, and in V8 such strings keep
 * the whole decoded document alive (~1 MB per report; 1 000 reports held for output took
 * 2.3 GB). A JSON round trip writes every string afresh; anchors are plain numbers.
 */
function detached(report: CheckReport): CheckReport {
  return JSON.parse(JSON.stringify(report)) as CheckReport;
}

/** Template fields and places found in the document (the same counts as `baocao extract`). */
function coverageOf(definition: TemplateDefinition, located: LocateResult): Coverage {
  const foundFields = new Set(located.occurrences.filter((o) => o.found).map((o) => o.fieldId));
  return {
    fields: { found: definition.fields.filter((f) => foundFields.has(f.id)).length, expected: definition.fields.length },
    places: { found: located.occurrences.filter((o) => o.found).length, expected: located.occurrences.length },
  };
}

function strip(f: RawFinding): Finding {
  const { order: _order, relation: _relation, ...finding } = f;
  return finding;
}
