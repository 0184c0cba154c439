/**
 * Verifies the statements the reader found with the interval arithmetic of the check (a figure
 * with d decimals stands for ±½·10⁻ᵈ, counts are exact; 0/0 is no data). Each statement is
 * consistent, a finding, or unverifiable (nothing can be said without guessing).
 *
 * Severities follow how sure the reading is: parts whose labels exhaust the total (trước hạn +
 * đúng hạn + quá hạn, mới + kỳ trước, mới + sửa đổi + bãi bỏ, shares adding to 100%) that fall
 * short are an error, parts that may leave an outcome unnamed a warning with the gap; a share
 * tied by "chiếm" is an error when off, one tied by "đạt"/"bằng"/a bracket is an error only for
 * a near miss (the base is plainly the right one and the figure a slip) and a warning otherwise.
 */
import { formatCount, formatDecimal, formatPercent, type ViNumber } from '../codec';
import { checkRatio, checkSum, decCmp, figureInterval, sumIntervals } from '../check/interval';
import type { ChangeStatement, ListStatement, PercentPartitionStatement, Quantity, ShareStatement, Statement, SumStatement, WordsStatement } from './reader';

export type VerdictRule = 'ratio' | 'sum' | 'list-count' | 'figure-words' | 'comparison';

export interface StatementFinding {
  rule: VerdictRule;
  severity: 'error' | 'warning';
  message: string;
  evidence: string[];
  expected?: string;
  /** Spans of the paragraph involved; the first is the figure the finding is about. */
  spans: [number, number][];
}

export type Verdict = { outcome: 'consistent' } | { outcome: 'unverifiable' } | { outcome: 'finding'; finding: StatementFinding };

const CONSISTENT: Verdict = { outcome: 'consistent' };
const UNVERIFIABLE: Verdict = { outcome: 'unverifiable' };

export function canonical(n: Pick<ViNumber, 'kind' | 'value' | 'decimals'>): string {
  if (n.kind === 'percent') return formatPercent(n.value, n.decimals);
  if (n.kind === 'decimal') return formatDecimal(n.value, n.decimals);
  return formatCount(n.value);
}

function sumOf(nums: ViNumber[]): string {
  const decimals = Math.max(0, ...nums.map((n) => n.decimals));
  const scale = 10 ** decimals;
  const v = nums.reduce((s, n) => s + Math.round(n.value * scale), 0) / scale;
  if (nums.some((n) => n.kind === 'percent')) return formatPercent(v, decimals);
  return decimals > 0 ? formatDecimal(v, decimals) : formatCount(v);
}

function span(q: Quantity): [number, number] {
  return [q.start, q.end];
}

function unitOf(q: Quantity): string {
  return q.unit ? ` ${q.unit}` : '';
}

function roundingPhrase(decimals: number): string {
  return decimals === 0 ? 'làm tròn đến hàng đơn vị' : `làm tròn ${decimals} chữ số thập phân`;
}

/** part/base as a percentage written with the stated precision (more digits if that equals the stated text). */
export function expectedPercent(part: number, base: number, decimals: number, stated: string): string {
  const pct = (100 * part) / base;
  const text = formatPercent(pct, decimals);
  return text !== stated.replace(/[\s\u00a0]+%$/u, '%') ? text : formatPercent(pct, decimals + 2);
}

function verifyShare(s: ShareStatement): Verdict {
  const part = s.partValue ?? s.part.num;
  const base = s.baseValue ?? s.base.num;
  const pct = s.percent.num;
  const outcome = checkRatio(figureInterval(part), figureInterval(base), figureInterval(pct));
  const spans = [span(s.percent), span(s.part), ...(s.base !== s.part ? [span(s.base)] : [])];
  const evidence = [s.percent.text, ...(s.part.fraction ? [s.part.text] : [s.part.text, s.base.text])];
  if (outcome === 'zero-base') {
    return {
      outcome: 'finding',
      finding: { rule: 'ratio', severity: 'error', message: `Tỷ lệ ${s.percent.text} tính trên ${canonical(base)}: không thể có tỷ lệ trên cơ sở bằng 0 khi có ${canonical(part)}.`, evidence, spans },
    };
  }
  if (outcome === 'no-data') return UNVERIFIABLE;
  if (outcome === 'consistent') return CONSISTENT;
  if ((s.alternatives ?? []).some((b) => checkRatio(figureInterval(part), figureInterval(b.num), figureInterval(pct)) === 'consistent')) return CONSISTENT;
  const actual = (100 * part.value) / base.value;
  const near = Math.abs(actual - pct.value) <= 1;
  const severity = s.strength === 'strong' || near ? 'error' : 'warning';
  const expected = expectedPercent(part.value, base.value, pct.decimals, s.percent.text);
  const what = `${canonical(part)}${unitOf(s.part)} trên ${canonical(base)}${unitOf(s.base)}`;
  const hedge = severity === 'warning' ? ' Nếu tỷ lệ này tính trên cơ sở khác, cần nêu rõ cơ sở đó.' : '';
  return {
    outcome: 'finding',
    finding: {
      rule: 'ratio',
      severity,
      message: `Tỷ lệ ghi ${s.percent.text} (${what}) nhưng ${canonical(part)}/${canonical(base)} = ${expected} (${roundingPhrase(pct.decimals)}).${hedge}`,
      evidence,
      expected,
      spans,
    },
  };
}

function verifySum(s: SumStatement, sharesSayWhole: boolean): Verdict {
  const nums = s.parts.map((p) => p.num);
  const sumIv = sumIntervals(nums.map(figureInterval));
  const totalIv = figureInterval(s.total.num);
  const expression = nums.map(canonical).join(' + ');
  const sum = sumOf(nums);
  const spans = [span(s.total), ...s.parts.map(span)];
  const evidence = [s.total.text, ...s.parts.map((p) => p.text)];
  const total = `${s.total.text}${unitOf(s.total)}`;
  if (s.altParts && checkSum(s.altParts.map((p) => figureInterval(p.num)), totalIv)) return CONSISTENT;
  if (decCmp(sumIv.lo, totalIv.hi) > 0) {
    const severity = s.disjoint || s.parts.length === 1 ? 'error' : 'warning';
    const hedge = severity === 'warning' ? ' (nếu các thành phần không trùng nhau)' : '';
    return {
      outcome: 'finding',
      finding: {
        rule: 'sum',
        severity,
        message: `Các thành phần của ${total} cộng lại ${expression} = ${sum}, vượt quá ${canonical(s.total.num)}${hedge}.`,
        evidence,
        ...(severity === 'error' && s.parts.length > 1 ? { expected: sum } : {}),
        spans,
      },
    };
  }
  if (checkSum(nums.map(figureInterval), totalIv)) return CONSISTENT;
  if (s.parts.length < 2) return UNVERIFIABLE;
  const gap = s.total.num.value - nums.reduce((a, n) => a + n.value, 0);
  const gapText = nums.every((n) => n.decimals === 0) && s.total.num.decimals === 0 ? formatCount(gap) : formatDecimal(gap, Math.max(s.total.num.decimals, ...nums.map((n) => n.decimals)));
  if (s.exhaustive === 'yes' || sharesSayWhole) {
    return {
      outcome: 'finding',
      finding: {
        rule: 'sum',
        severity: 'error',
        message: `Tổng ghi ${total} nhưng các thành phần ${expression} = ${sum}, thiếu ${gapText} so với tổng (các thành phần đã nêu là toàn bộ).`,
        evidence,
        expected: sum,
        spans,
      },
    };
  }
  if (s.exhaustive === 'open') {
    return {
      outcome: 'finding',
      finding: {
        rule: 'sum',
        severity: 'warning',
        message: `Tổng ghi ${total}, các thành phần được nêu ${expression} = ${sum}; còn ${gapText} không thuộc thành phần nào được nêu (cần nêu rõ).`,
        evidence,
        spans,
      },
    };
  }
  return UNVERIFIABLE;
}

function percentsMeet100(s: PercentPartitionStatement): boolean {
  return checkSum(s.percents.map((p) => figureInterval(p.num)), figureInterval({ kind: 'count', value: 100, decimals: 0 }));
}

function verifyPartition(s: PercentPartitionStatement): Verdict {
  const parts = sumIntervals(s.parts.map((p) => figureInterval(p.num)));
  // Only when the parts are the whole total must their shares be the whole 100%.
  if (!checkSum([parts], figureInterval(s.total.num))) return UNVERIFIABLE;
  if (percentsMeet100(s)) return CONSISTENT;
  // All shares of one other stated base: they need not add to 100% of this total.
  const ofBase = (b: Quantity) => s.parts.every((q, i) => checkRatio(figureInterval(q.num), figureInterval(b.num), figureInterval(s.percents[i]!.num)) === 'consistent');
  if ((s.alternatives ?? []).some(ofBase)) return CONSISTENT;
  const nums = s.percents.map((p) => p.num);
  return {
    outcome: 'finding',
    finding: {
      rule: 'sum',
      severity: 'error',
      message: `Các thành phần của ${s.total.text}${unitOf(s.total)} cộng lại đúng bằng tổng nhưng các tỷ lệ ${nums.map(canonical).join(' + ')} = ${sumOf(nums)}, không khớp 100% (kể cả sai số làm tròn).`,
      evidence: s.percents.map((p) => p.text),
      expected: '100%',
      spans: s.percents.map(span),
    },
  };
}

function verifyList(s: ListStatement): Verdict {
  const n = s.items.length;
  if (n === s.count.num.value) return CONSISTENT;
  const width = /^0\d/.test(s.count.text) ? s.count.text.length : 0;
  const expected = String(n).padStart(width, '0');
  const shown = s.items.map((t) => (t.length > 40 ? `${t.slice(0, 38)}…` : t));
  return {
    outcome: 'finding',
    finding: {
      rule: 'list-count',
      // Comma lists may split a name; long bullets may be prose rather than the items counted.
      severity: s.separator === ',' || (s.separator === 'bullet' && s.items.some((t) => t.length > 120)) ? 'warning' : 'error',
      message: `Ghi ${s.count.text}${unitOf(s.count)} nhưng danh sách kèm theo liệt kê ${n} mục${s.separator === 'enum' ? '' : `: ${shown.map((t) => t.replace(/^[-+•*–]\s*/u, '')).join('; ')}`}.`,
      evidence: [s.count.text, String(n)],
      expected,
      spans: [span(s.count), [s.listStart, s.listEnd]],
    },
  };
}

function verifyWords(s: WordsStatement): Verdict {
  if (s.value === s.figure.num.value) return CONSISTENT;
  return {
    outcome: 'finding',
    finding: {
      rule: 'figure-words',
      severity: 'error',
      message: `Số ${s.figure.text} và phần ghi bằng chữ "(${s.words})" (= ${s.value}) không khớp nhau.`,
      evidence: [s.figure.text, s.words],
      spans: [span(s.figure), [s.wordsStart, s.wordsEnd]],
    },
  };
}

/** [lo, hi] of a written figure as plain numbers. */
function bounds(n: ViNumber): [number, number] {
  const iv = figureInterval(n);
  return [Number(iv.lo.m) / 10 ** iv.lo.scale, Number(iv.hi.m) / 10 ** iv.hi.scale];
}

function verifyChange(s: ChangeStatement): Verdict {
  const [c0, c1] = bounds(s.current.num);
  const [p0, p1] = bounds(s.previous.num);
  const [d0, d1] = bounds(s.delta.num);
  const sign = s.delta.change === 'giảm' ? -1 : 1;
  const eps = 1e-9;
  const readings: [number, number][] = [];
  const deltaIsPercent = s.delta.num.kind === 'percent';
  // Absolute: percentage points between two percentages, or a count between two counts.
  if (deltaIsPercent === s.current.percent) {
    const a = sign * (c0 - p1);
    const b = sign * (c1 - p0);
    readings.push([Math.min(a, b), Math.max(a, b)]);
  }
  // Relative: a change in percent of the previous value.
  if (deltaIsPercent && p0 > 0) {
    const a = (100 * (c0 - p1)) / p1;
    const b = (100 * (c1 - p0)) / p0;
    const c = (100 * (c0 - p1)) / p0;
    const d = (100 * (c1 - p0)) / p1;
    const lo = Math.min(a, b, c, d);
    const hi = Math.max(a, b, c, d);
    readings.push(sign > 0 ? [lo, hi] : [-hi, -lo]);
  }
  if (readings.length === 0) return UNVERIFIABLE;
  if (readings.some(([lo, hi]) => hi + eps >= d0 && lo - eps <= d1)) return CONSISTENT;
  const diff = sign * (s.current.num.value - s.previous.num.value);
  const unit = deltaIsPercent && s.current.percent ? ' điểm phần trăm' : '';
  return {
    outcome: 'finding',
    finding: {
      rule: 'comparison',
      severity: s.adjacent ? 'error' : 'warning',
      message: `Ghi ${s.delta.change} ${s.delta.text} so với kỳ trước nhưng ${s.current.text} so với ${s.previous.text} là ${s.delta.change} ${canonical({ kind: s.current.num.kind === 'count' ? 'count' : 'decimal', value: diff, decimals: Math.max(s.current.num.decimals, s.previous.num.decimals) })}${unit}.`,
      evidence: [s.delta.text, s.current.text, s.previous.text],
      spans: [span(s.delta), span(s.current), span(s.previous)],
    },
  };
}

/** Verifies every statement of a paragraph. */
export function verifyStatements(statements: Statement[]): { statement: Statement; verdict: Verdict }[] {
  const wholeShares = new Set<SumStatement['total']>();
  for (const s of statements) if (s.kind === 'percent-partition' && percentsMeet100(s)) wholeShares.add(s.total);
  return statements.map((statement) => {
    switch (statement.kind) {
      case 'share':
        return { statement, verdict: verifyShare(statement) };
      case 'sum':
        return { statement, verdict: verifySum(statement, wholeShares.has(statement.total)) };
      case 'percent-partition':
        return { statement, verdict: verifyPartition(statement) };
      case 'list-count':
        return { statement, verdict: verifyList(statement) };
      case 'figure-words':
        return { statement, verdict: verifyWords(statement) };
      case 'comparison':
        return { statement, verdict: verifyChange(statement) };
    }
  });
}
