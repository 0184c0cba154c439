/**
 * `npm run eval`: the check measured over the development set of issue 13 (tests/statements/devset):
 * recall of single injected defects in a rewritten report, false errors on its clean version,
 * known defects of real published texts found, false errors on them, and non-CCHC texts taken
 * for a CCHC report.
 */
import { REWRITTEN, runEval } from '../tests/statements/devset/harness';

const r = runEval();
const lines = [
  `Injected defects reported (error or warning), ${REWRITTEN.length} rewritten reports: ${r.injected.reported}/${r.injected.total}`,
  ...r.injected.missed.map((m) => `  missed: ${m}`),
  `False errors on the clean rewritten reports: ${r.cleanFalseErrors.length} (warnings: ${r.cleanWarnings})`,
  ...r.cleanFalseErrors.map((f) => `  ${f.rule}: ${f.message}`),
  `Real texts: ${r.real.texts}; known defects found: ${r.real.found}/${r.real.known}`,
  ...r.real.missed.map((m) => `  missed: ${m}`),
  `False errors on real texts: ${r.real.falseErrors.length} (other warnings: ${r.real.warnings})`,
  ...r.real.falseErrors.map((e) => `  ${e.text}: ${e.finding.rule}: ${e.finding.message}`),
  `Non-CCHC texts called a CCHC report: ${r.economic.calledCchc.length}/${r.economic.texts}`,
];
console.log(lines.join('\n'));
