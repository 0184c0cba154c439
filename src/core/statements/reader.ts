/**
 * The statement reader: the quantities of a paragraph of Vietnamese report prose, with their
 * unit nouns, and the relations its wording states between them (issue 13). Template-free: it
 * knows the phrasings of the genre (breakdowns by "trong đó", "gồm", "bao gồm", "cụ thể", ":",
 * a "(" right after a total, "Trong đó," opening the next sentence; shares by "chiếm", "đạt",
 * "bằng", "tỷ lệ", a bare "(35%)"; a rate stated before its counts; lists after a count; a
 * figure with its words in brackets; a change with both values), never one report's words.
 *
 * Where a link is ambiguous it states nothing: a part is tied to a total only when the total is
 * right before the cue, or is the nearest earlier count of the same unit that is not itself a
 * part of an earlier breakdown (two successive splits of one total are never added); a share
 * takes the one possible base or none.
 */
import { scanNumericTokens, tryParseViNumber, type NumericToken, type ViNumber } from '../codec';
import { APPROX_BEFORE, CHANGE_BEFORE, FAMILIES, MONEY_UNITS, MULTIPLIERS, NOT_COUNT_BEFORE, NOT_SHARE_AFTER, REMAINDER, parseNumberWords, unitAt } from './lexicon';

export interface Quantity {
  /** Position in the paragraph's list of quantities. */
  index: number;
  start: number;
  end: number;
  text: string;
  num: ViNumber;
  percent: boolean;
  /** "12.168/12.480 hồ sơ": a part over its base. */
  fraction?: { num: ViNumber; den: ViNumber };
  /** Canonical unit noun ("hồ sơ"), when one follows the figure. */
  unit?: string;
  /** End of the figure and its unit words. */
  unitEnd: number;
  /** "gần", "hơn", "khoảng", "trên"…: not an exact figure. */
  approx: boolean;
  /** Introduced by "tăng"/"giảm": a change, never a part or a share. */
  change?: 'tăng' | 'giảm';
  /** A percentage of a plan or "so với" another period: not a share of a stated count. */
  notShare: boolean;
  sentence: number;
  /** The label before the figure (lower case): from the last , ; : ( "và" or sentence start. */
  before: string;
  /** The whole clause before the figure (lower case), "và" included. */
  clause: string;
  /** The words after the unit up to the next punctuation (lower case): "cấp xã", "trước hạn". */
  after: string;
}

export type ShareStrength = 'strong' | 'weak';

export interface SumStatement {
  kind: 'sum';
  total: Quantity;
  parts: Quantity[];
  /** yes: the labels exhaust the total; open: an outcome may be unnamed; unknown: labels say nothing. */
  exhaustive: 'yes' | 'open' | 'unknown';
  /** Disjoint parts (a known family of labels): an excess is certain. */
  disjoint: boolean;
  cue: string;
  /** Another plain reading of the parts ("đúng hạn" that includes "trước hạn"): consistent with it, nothing is said. */
  altParts?: Quantity[];
}

export interface ShareStatement {
  kind: 'share';
  percent: Quantity;
  part: Quantity;
  base: Quantity;
  /** When a fraction states part and base: its two figures. */
  partValue?: ViNumber;
  baseValue?: ViNumber;
  strength: ShareStrength;
  cue: string;
  /** Other counts a weakly tied rate ("đạt", "bằng") may be of: consistent with one, nothing is said. */
  alternatives?: Quantity[];
}

export interface PercentPartitionStatement {
  kind: 'percent-partition';
  total: Quantity;
  parts: Quantity[];
  /** Percentages of the parts, which must add to 100% when the parts add to the total. */
  percents: Quantity[];
  /** Another base the shares may all be of (files received rather than resolved). */
  alternatives?: Quantity[];
}

export interface ListStatement {
  kind: 'list-count';
  count: Quantity;
  items: string[];
  /** ';' and enumerations are unambiguous; ',' lists may split a name with a comma; bullets are the following "- …" lines. */
  separator: ';' | ',' | 'enum' | 'bullet';
  listStart: number;
  listEnd: number;
}

export interface WordsStatement {
  kind: 'figure-words';
  figure: Quantity;
  words: string;
  value: number;
  wordsStart: number;
  wordsEnd: number;
}

export interface ChangeStatement {
  kind: 'comparison';
  current: Quantity;
  previous: Quantity;
  delta: Quantity;
  /** The current value sits right before the change ("1,38% giảm 1,44% …"). */
  adjacent: boolean;
}

export type Statement = SumStatement | ShareStatement | PercentPartitionStatement | ListStatement | WordsStatement | ChangeStatement;

export interface Reading {
  quantities: Quantity[];
  statements: Statement[];
  /** Percentages and cues read but not tied to anything checkable. */
  unverified: Quantity[];
}

const SENTENCE = /[.!?](?=[\s\u00a0]+[\p{Lu}(“"\d])|\n/gu;
const BOUNDARY = /[,;:()]/u;

function sentenceSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  let s = 0;
  for (const m of text.matchAll(SENTENCE)) {
    out.push([s, m.index + 1]);
    s = m.index + 1;
  }
  out.push([s, text.length]);
  return out;
}

function asFigure(tok: NumericToken): ViNumber | undefined {
  if (tok.kind !== 'number') return undefined;
  const r = tryParseViNumber(tok.text);
  if (r.ok) {
    if (r.value.kind === 'decimal' && r.value.ambiguousSeparator) {
      // "28,375 hồ sơ": a count written with a comma (the number-format rule reports it).
      const [int, frac] = r.value.text.split(',');
      return { kind: 'count', value: Number(`${int ?? ''}${frac ?? ''}`), decimals: 0, grouping: 'dot', text: r.value.text };
    }
    return r.value;
  }
  return undefined;
}

function fractionOf(tok: NumericToken): { num: ViNumber; den: ViNumber } | undefined {
  if (tok.kind !== 'fraction-or-pair') return undefined;
  const [a, b] = tok.text.split('/');
  const x = tryParseViNumber(a ?? '');
  const y = tryParseViNumber(b ?? '');
  if (!x.ok || !y.ok || x.value.kind !== 'count' || y.value.kind !== 'count') return undefined;
  return { num: x.value, den: y.value };
}

function clauseBefore(text: string, from: number, at: number, whole = false): string {
  // "trả sớm hạn: 27.448": the label sits before the colon.
  const colon = /:[\s\u00a0]*$/u.exec(text.slice(from, at));
  if (colon) at = from + colon.index;
  let i = at;
  const stop = Math.max(from, at - 200);
  while (i > stop && !BOUNDARY.test(text.charAt(i - 1))) i--;
  // "… trực tuyến và 150 hồ sơ": the words before "và" qualify the previous figure.
  const clause = text.slice(i, at).toLowerCase().replace(/[\s\u00a0]+/gu, ' ');
  if (whole) return clause.trim();
  return clause.split(/(?:^|\s)và(?:\s|$)/u).pop()!.trim();
}

function wordsAfter(text: string, at: number, limit: number): string {
  let i = at;
  while (i < limit && !BOUNDARY.test(text.charAt(i)) && !/\d/.test(text.charAt(i)) && text.charAt(i) !== '.') i++;
  return text.slice(at, i).toLowerCase().replace(/[\s\u00a0]+/gu, ' ').split(/(?:^|\s)và(?:\s|$)/u)[0]!.trim();
}

/** Reads the quantities of a paragraph (its numeric tokens may be given, already scanned). */
export function readQuantities(text: string, tokens?: NumericToken[]): Quantity[] {
  const spans = sentenceSpans(text);
  const sentenceAt = (pos: number) => Math.max(0, spans.findIndex(([a, b]) => pos >= a && pos < b));
  const out: Quantity[] = [];
  for (const tok of tokens ?? scanNumericTokens(text)) {
    if (tok.kind !== 'number' && tok.kind !== 'fraction-or-pair') continue;
    const fraction = fractionOf(tok);
    const num = fraction ? fraction.num : asFigure(tok);
    if (!num) continue;
    const sentence = sentenceAt(tok.start);
    const [sStart, sEnd] = spans[sentence]!;
    const lead = text.slice(Math.max(sStart, tok.start - 24), tok.start);
    const percent = num.kind === 'percent';
    if (!percent && !fraction && NOT_COUNT_BEFORE.test(lead)) continue;
    // A figure glued to a letter or a slash is a code ("H.01b", "mức 1,2" is read by lead).
    const prevCh = text.charAt(tok.start - 1);
    if (/[\p{L}/-]/u.test(prevCh)) continue;
    let u = percent ? undefined : unitAt(text.slice(tok.end, Math.min(sEnd, tok.end + 40)));
    // "8,98 ngàn HS": thousands of files, rounded; the noun after the multiplier is the unit.
    const scaled = u !== undefined && MULTIPLIERS.has(u.key);
    if (u && scaled) {
      const noun = unitAt(text.slice(tok.end + u.length, Math.min(sEnd, tok.end + u.length + 40)));
      u = noun ? { key: noun.key, length: u.length + noun.length } : u;
    }
    const unitEnd = tok.end + (u?.length ?? 0);
    const changeMatch = CHANGE_BEFORE.exec(lead);
    const q: Quantity = {
      index: out.length,
      start: tok.start,
      end: tok.end,
      text: tok.text,
      num,
      percent,
      ...(fraction ? { fraction } : {}),
      ...(u ? { unit: u.key } : {}),
      unitEnd,
      approx: scaled || APPROX_BEFORE.test(lead),
      ...(changeMatch ? { change: /giảm|thấp|ít/iu.test(changeMatch[0]) ? ('giảm' as const) : ('tăng' as const) } : {}),
      notShare: percent && NOT_SHARE_AFTER.test(text.slice(tok.end, Math.min(sEnd, tok.end + 30))),
      sentence,
      before: clauseBefore(text, sStart, tok.start),
      clause: clauseBefore(text, sStart, tok.start, true),
      after: wordsAfter(text, unitEnd, Math.min(sEnd, unitEnd + 80)),
    };
    out.push(q);
  }
  return out;
}

/** The label words of a quantity, for families and matching: its clause and qualifier. */
function labelOf(q: Quantity): string {
  return `${q.before} ${q.after}`;
}

/** Family membership of a part label: [family, member] or undefined. */
function memberOf(label: string, family: (typeof FAMILIES)[number]): string | undefined {
  for (const m of family.members) if (m.re.test(label)) return m.id;
  return undefined;
}

/** Exhaustiveness and disjointness of a breakdown by its part labels. */
export function classifyParts(parts: Quantity[]): { exhaustive: SumStatement['exhaustive']; disjoint: boolean } {
  const labels = parts.map(labelOf);
  if (labels.some((l) => REMAINDER.test(l))) return { exhaustive: 'yes', disjoint: true };
  for (const family of FAMILIES) {
    const ids = labels.map((l) => memberOf(l, family));
    if (ids.some((id) => id === undefined)) continue;
    const named = new Set(ids as string[]);
    // Two parts with the same member are not a partition by this family ("mức độ 3", "mức độ 4").
    if (named.size !== ids.length) continue;
    if (family.complete(named)) return { exhaustive: 'yes', disjoint: true };
    return { exhaustive: family.open ? 'open' : 'unknown', disjoint: true };
  }
  return { exhaustive: 'unknown', disjoint: false };
}

/** Words only (a qualifier), at most `max` words, no figure, no clause break. */
function isQualifier(gap: string, max: number): boolean {
  if (/[\d;.!?]/u.test(gap)) return false;
  const words = gap.split(/[\s\u00a0,:()-]+/u).filter(Boolean);
  if (words.length > max) return false;
  return !/(?:^|\s)(?:tỷ lệ|tỉ lệ|trong đó|so với|tăng|giảm|còn)(?:\s|$)/iu.test(gap.toLowerCase());
}

const SHARE_GAP =
  /^(?<words>[^\d;.!?%]*?)(?<punct>[,(:–-]|\s)[\s\u00a0]*\(?[\s\u00a0]*(?<cue>chiếm(?:[\s\u00a0]+t[ỷỉ][\s\u00a0]+lệ)?(?:[\s\u00a0]+(?:đến|tới|khoảng|gần))?|đạt(?:[\s\u00a0]+t[ỷỉ][\s\u00a0]+lệ)?|bằng|tương[\s\u00a0]+(?:đương|ứng)(?:[\s\u00a0]+với)?|t[ỷỉ][\s\u00a0]+lệ)?[\s\u00a0]*(?:là|:)?[\s\u00a0]*$/iu;

/** The percentage right after a count, and how strongly the wording ties them. */
function shareCue(text: string, q: Quantity, p: Quantity): { cue: string; strength: ShareStrength } | undefined {
  const gap = text.slice(q.unitEnd, p.start);
  const m = SHARE_GAP.exec(gap);
  if (!m?.groups) return undefined;
  const words = m.groups.words ?? '';
  if (!isQualifier(words, 10)) return undefined;
  const cue = (m.groups.cue ?? '').toLowerCase().replace(/[\s\u00a0]+/gu, ' ');
  const paren = gap.includes('(');
  if (!cue && !paren) return undefined;
  return { cue: cue || '(', strength: cue.startsWith('chiếm') ? 'strong' : 'weak' };
}

function closingParen(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const ch = text.charAt(i);
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return limit;
}

/** The paren depth at `at` counting from `from`; and the position of the innermost open "(". */
function openParenAt(text: string, from: number, at: number): number | undefined {
  const stack: number[] = [];
  for (let i = from; i < at; i++) {
    const ch = text.charAt(i);
    if (ch === '(') stack.push(i);
    else if (ch === ')') stack.pop();
  }
  return stack[stack.length - 1];
}

const CUE_RE =
  /(?<paren>\([\s\u00a0]*)?(?<![\p{L}])(?<word>trong[\s\u00a0]+đó|bao[\s\u00a0]+gồm|gồm[\s\u00a0]+có|gồm|cụ[\s\u00a0]+thể(?:[\s\u00a0]+như[\s\u00a0]+sau)?|chia[\s\u00a0]+ra|phân[\s\u00a0]+ra)(?![\p{L}])[\s\u00a0]*[:,]?|(?<colon>:)|(?<bare>\()/giu;

interface Cue {
  start: number;
  end: number;
  word: string;
  paren: boolean;
  scopeEnd: number;
  sentence: number;
  atSentenceStart: boolean;
}

/** Reads the statements of one paragraph (or passage; its numeric tokens may be given). */
export function readStatements(text: string, tokens?: NumericToken[]): Reading {
  const quantities = readQuantities(text, tokens);
  const statements: Statement[] = [];
  if (quantities.length === 0) return { quantities, statements, unverified: [] };
  const spans = sentenceSpans(text);
  const counts = quantities.filter((q) => !q.percent);
  const ownerOf = new Map<Quantity, { part: Quantity; cue: string; strength: ShareStrength }>();

  // 1. Percentages right after a count.
  for (const p of quantities) {
    if (!p.percent || p.change || p.notShare || p.approx) continue;
    const q = [...quantities].reverse().find((x) => x.end <= p.start);
    if (!q || q.percent || q.change || q.sentence !== p.sentence) continue;
    if ([...ownerOf.values()].some((o) => o.part === q)) continue;
    const cue = shareCue(text, q, p);
    if (cue && cue.strength === 'weak' && q.unit !== undefined && MONEY_UNITS.has(q.unit)) continue;
    if (cue) ownerOf.set(p, { part: q, ...cue });
  }
  const shareOfPart = new Map<Quantity, Quantity>();
  for (const [p, o] of ownerOf) shareOfPart.set(o.part, p);

  // 2. Breakdown cues and their scopes.
  const cues: Cue[] = [];
  const inverted = new Map<number, Quantity>();
  for (const m of text.matchAll(CUE_RE)) {
    const start = m.index;
    const g = m.groups ?? {};
    const word = (g.word ?? (g.colon ? ':' : '(')).toLowerCase().replace(/[\s\u00a0]+/gu, ' ');
    const paren = g.paren !== undefined || g.bare !== undefined;
    const sentence = Math.max(0, spans.findIndex(([a, b]) => start >= a && start < b));
    const [sStart, sEnd] = spans[sentence]!;
    const enclosing = openParenAt(text, sStart, start);
    const limit = enclosing !== undefined ? closingParen(text, enclosing, sEnd) : sEnd;
    const scopeEnd = paren ? closingParen(text, start, limit) : limit;
    const atSentenceStart = /^[\s\u00a0\-–+•*]*$/u.test(text.slice(sStart, start));
    cues.push({ start, end: m.index + m[0].length, word, paren, scopeEnd, sentence, atSentenceStart });
  }
  // "Trong số 3.405 hồ sơ đang giải quyết, …": the total is named first, its parts follow.
  for (const m of text.matchAll(/(?<![\p{L}])trong[\s\u00a0]+(?:tổng[\s\u00a0]+)?số[\s\u00a0]+(?=\d)/giu)) {
    const q = counts.find((x) => x.start === m.index + m[0].length);
    if (!q) continue;
    const comma = text.indexOf(',', q.unitEnd);
    const sentence = q.sentence;
    const [, sEnd] = spans[sentence]!;
    if (comma < 0 || comma >= sEnd || !isQualifier(text.slice(q.unitEnd, comma), 8)) continue;
    inverted.set(comma, q);
    cues.push({ start: comma, end: comma + 1, word: 'trong số', paren: false, scopeEnd: sEnd, sentence, atSentenceStart: false });
  }
  cues.sort((a, b) => a.start - b.start);
  // A cue's scope also ends at the next cue of the same level in its sentence.
  for (const c of cues) {
    if (c.paren) continue;
    const next = cues.find((o) => o.start > c.end && o.start < c.scopeEnd && !o.paren && o.word !== ':' && openParenAt(text, c.end, o.start) === undefined);
    if (next && c.word !== ':') c.scopeEnd = next.start;
  }

  const partOf = new Map<Quantity, SumStatement>();
  const breakdowns: { stmt: SumStatement; cue: Cue }[] = [];
  for (const cue of cues) {
    const inScope = counts.filter((q) => q.start >= cue.end && q.end <= cue.scopeEnd);
    if (inScope.length === 0) continue;
    // Parts of cues nested inside this scope belong to those cues.
    const nested = cues.filter((o) => o !== cue && o.start >= cue.end && o.scopeEnd <= cue.scopeEnd && o.paren);
    const direct = inScope.filter((q) => !nested.some((o) => q.start >= o.end && q.end <= o.scopeEnd));
    // The total: right before the cue, or the start of the next sentence pointing back.
    const before = counts.filter((q) => q.end <= cue.start && (q.sentence === cue.sentence || (cue.atSentenceStart && q.sentence === cue.sentence - 1)));
    let total: Quantity | undefined = inverted.get(cue.start);
    let adjacent = total !== undefined;
    const unit = mostCommonUnit(direct);
    const last = before[before.length - 1];
    if (!total && last && last.sentence === cue.sentence && (unit === undefined || last.unit === unit)) {
      const share = shareOfPart.get(last);
      const from = share && share.end <= cue.start ? share.end : last.unitEnd;
      const gap = text.slice(from, cue.start);
      if (!gap.includes(';') && isQualifier(gap, cue.word === '(' || cue.word === ':' ? 12 : 14)) {
        total = last;
        adjacent = true;
      }
    }
    if (!total && cue.word === 'trong đó') {
      // A figure in brackets the cue is not in is an aside ("(23.600 tỷ đồng)"), never the total.
      const candidates = before.filter((q) => !q.approx && !q.change && (unit === undefined || q.unit === unit) && !insideParenBefore(text, q, cue.start));
      const nearest = candidates[candidates.length - 1];
      if (nearest && !partOf.has(nearest) && (nearest.sentence === cue.sentence || cue.atSentenceStart)) total = nearest;
    }
    if (!total || total.change || total.fraction) continue;
    // "(" and ":" only open a breakdown when at least two counts of the total's unit follow.
    const parts = direct.filter((q) => !q.change && !q.fraction && (q.unit === total!.unit || (q.unit === undefined && isLabelledUnitless(text, q))));
    if ((cue.word === '(' || cue.word === ':') && parts.length < 2) continue;
    if (parts.length === 0) continue;
    // A part right after the cue that is not a part: the total itself restated.
    if (parts.some((q) => partOf.has(q))) continue;
    // A second split of the same total after a completed one: never added (no claim).
    if (!adjacent && partOf.has(total)) continue;
    // "…, đúng hạn 179 hồ sơ; còn 25 hồ sơ đang giải quyết": trailing counts of another kind after ";" are not parts.
    let cls = classifyParts(parts);
    if (!cls.disjoint && !cue.paren) {
      for (let k = parts.length - 1; k >= 2; k--) {
        if (!text.slice(parts[k - 1]!.end, parts[k]!.start).includes(';')) continue;
        const prefix = classifyParts(parts.slice(0, k));
        if (prefix.disjoint) {
          parts.splice(k);
          cls = prefix;
          break;
        }
      }
    }
    const { exhaustive, disjoint } = cls;
    const stmt: SumStatement = { kind: 'sum', total, parts, exhaustive, disjoint, cue: cue.word };
    // Some offices count early files inside "đúng hạn": that reading leaves the early part out.
    const timeliness = FAMILIES.find((f) => f.id === 'timeliness')!;
    const ids = parts.map((q) => memberOf(labelOf(q), timeliness));
    if (ids.includes('early') && ids.includes('ontime')) stmt.altParts = parts.filter((_q, i) => ids[i] !== 'early');
    if (total.approx || parts.some((q) => q.approx)) {
      for (const q of parts) partOf.set(q, stmt);
      continue;
    }
    for (const q of parts) partOf.set(q, stmt);
    breakdowns.push({ stmt, cue });
    statements.push(stmt);
    // Shares of the parts: of this total.
    const percents = parts.map((q) => shareOfPart.get(q));
    parts.forEach((q, i) => {
      const p = percents[i];
      if (!p) return;
      const o = ownerOf.get(p)!;
      statements.push(shareStatement(p, q, total!, o.strength, o.cue));
      ownerOf.delete(p);
    });
    if (parts.length >= 2 && percents.every((p) => p !== undefined)) {
      statements.push({ kind: 'percent-partition', total, parts, percents: percents as Quantity[] });
    }
  }

  // 3. Remaining shares: one base in the sentence (or, failing that, the paragraph).
  const unverified: Quantity[] = [];
  for (const [p, o] of ownerOf) {
    const part = o.part;
    const explicit = explicitBase(text, p, quantities);
    if (explicit) {
      statements.push(shareStatement(p, part, explicit, 'strong', o.cue));
      continue;
    }
    if (part.fraction) {
      statements.push({ ...shareStatement(p, part, part, o.strength, o.cue), partValue: part.fraction.num, baseValue: part.fraction.den });
      continue;
    }
    const eligible = (q: Quantity) =>
      q !== part && !q.percent && !q.approx && !q.change && !q.fraction && q.end <= part.start && q.unit !== undefined && q.unit === part.unit && !shareOfPart.has(q) && !partOf.has(q) && q.num.value >= part.num.value;
    const inSentence = counts.filter((q) => eligible(q) && q.sentence === part.sentence);
    const pool = inSentence.length > 0 ? inSentence : counts.filter((q) => eligible(q) && q.sentence < part.sentence && q.sentence >= part.sentence - 3);
    if (pool.length >= 1 && !partOf.has(part)) {
      // Several possible bases: the nearest, the others as alternatives, and a weak tie.
      const base = pool[pool.length - 1]!;
      const strength = pool.length === 1 && inSentence.length > 0 ? o.strength : 'weak';
      statements.push({ ...shareStatement(p, part, base, strength, o.cue), alternatives: pool.slice(0, -1) });
    } else unverified.push(p);
  }

  // 4. A rate stated before its counts: "tỷ lệ … đạt 97,5%; … tổng số … là 12.480, số đúng hạn là 12.168".
  const owned = new Set<Quantity>([...ownerOf.keys(), ...statements.flatMap((s) => (s.kind === 'share' ? [s.percent] : []))]);
  for (const p of quantities) {
    if (!p.percent || owned.has(p) || p.change || p.notShare || p.approx) continue;
    if (!/t[ỷỉ] lệ/u.test(p.clause)) continue;
    const rateLabel = p.clause;
    const after = quantities.filter((q) => !q.percent && !q.approx && !q.change && q.start > p.end && q.sentence <= p.sentence + 1);
    const frac = after[0];
    if (frac?.fraction && frac.sentence === p.sentence && /^[\s\u00a0]*\(?[\s\u00a0]*$/u.test(text.slice(p.end, frac.start))) {
      statements.push({ ...shareStatement(p, frac, frac, 'strong', 'tỷ lệ'), partValue: frac.fraction.num, baseValue: frac.fraction.den });
      owned.add(p);
      continue;
    }
    const base = after.find((q) => /tổng(?: số)?/u.test(q.before) && !q.fraction);
    const part = after.find((q) => q !== base && !q.fraction && sharesKey(rateLabel, q.clause));
    if (base && part && (base.unit === part.unit || base.unit === undefined || part.unit === undefined)) {
      statements.push(shareStatement(p, part, base, 'strong', 'tỷ lệ'));
      owned.add(p);
    }
  }
  for (const p of quantities) if (p.percent && !owned.has(p) && !p.change && !p.notShare && !unverified.includes(p)) unverified.push(p);

  // "chiếm 52% tổng số hồ sơ mới tiếp nhận": a base the sentence names in words must be the one read.
  for (let i = statements.length - 1; i >= 0; i--) {
    const st = statements[i]!;
    // A base written after the percentage is the one named there.
    if (st.kind !== 'share' || st.part.fraction || st.base.start > st.percent.start) continue;
    const named = namedBase(text, st.percent);
    if (named === undefined || named.every((w) => labelOf(st.base).includes(w))) continue;
    statements.splice(i, 1);
    unverified.push(st.percent);
  }

  // A share may be of another base the passage states (on-time files over files received rather
  // than resolved): every earlier count of the unit, or one later in the sentence, at least the
  // part's size. Consistent with one of them, nothing is said.
  for (const st of statements) {
    if (st.kind !== 'share' || st.part.fraction) continue;
    const part = st.part;
    const known = st.alternatives ?? [];
    st.alternatives = [...known, ...counts.filter((q) => !known.includes(q))].filter((q) => q !== part && q !== st.base && !q.approx && !q.change && !q.fraction && (q.start < st.percent.start || q.sentence === st.percent.sentence) && q.unit === part.unit && q.num.value >= part.num.value);
  }

  for (const st of statements) {
    if (st.kind !== 'percent-partition') continue;
    const share = statements.find((x): x is ShareStatement => x.kind === 'share' && x.percent === st.percents[0]);
    if (share?.alternatives) st.alternatives = share.alternatives;
  }

  // 5. Lists after a count, figures with words, changes with both values.
  statements.push(...readLists(text, quantities, partOf, spans));
  statements.push(...readWords(text, quantities));
  statements.push(...readChanges(text, quantities));
  return { quantities, statements, unverified };
}

function mostCommonUnit(qs: Quantity[]): string | undefined {
  const n = new Map<string, number>();
  for (const q of qs) if (q.unit) n.set(q.unit, (n.get(q.unit) ?? 0) + 1);
  let best: string | undefined;
  for (const [u, c] of n) if (best === undefined || c > n.get(best)!) best = u;
  return best;
}

/** Is `q` inside brackets that close before `at`? */
function insideParenBefore(text: string, q: Quantity, at: number): boolean {
  const open = text.lastIndexOf('(', q.start);
  if (open < 0) return false;
  const close = closingParen(text, open, text.length);
  return close > q.end && close < at;
}

const BASE_STOP = new Set(['hồ', 'sơ', 'số', 'tổng', 'thủ', 'tục', 'tthc', 'các', 'của', 'được', 'đã', 'là', 'trong', 'kỳ', 'nhiệm', 'vụ', 'văn', 'bản']);

/** The distinctive words of a base named after a percentage without a figure ("… tổng số hồ sơ mới tiếp nhận"). */
function namedBase(text: string, p: Quantity): string[] | undefined {
  const m = /^[\s\u00a0]*(?:của|trên|so\s+với)?[\s\u00a0]*(?:tổng\s+số|tổng|số)[\s\u00a0]+([\p{L}\s\u00a0]{3,60})/iu.exec(text.slice(p.end, p.end + 80));
  if (!m) return undefined;
  const words = (m[1] ?? '').toLowerCase().split(/[\s\u00a0]+/u).filter((w) => w && !BASE_STOP.has(w));
  return words.length > 0 ? words.slice(0, 4) : undefined;
}

function shareStatement(percent: Quantity, part: Quantity, base: Quantity, strength: ShareStrength, cue: string): ShareStatement {
  return { kind: 'share', percent, part, base, strength, cue };
}

/** "N hồ sơ" written as "… là 643", "mới: 643", "có 154": a count whose unit is the clause's. */
function isLabelledUnitless(text: string, q: Quantity): boolean {
  const lead = text.slice(Math.max(0, q.start - 12), q.start);
  return /(?:là|:|có|còn|được)[\s\u00a0]*$/u.test(lead) || /\p{L}[\s\u00a0]+$/u.test(lead);
}

/** "… chiếm 45% trên tổng số 1.200 hồ sơ": the base named after the percentage. */
function explicitBase(text: string, p: Quantity, quantities: Quantity[]): Quantity | undefined {
  const next = quantities.find((q) => q.start > p.end && q.sentence === p.sentence);
  if (!next || next.percent || next.approx) return undefined;
  const gap = text.slice(p.end, next.start);
  return /^[\s\u00a0)]*(?:trên|so\s+với)?[\s\u00a0]*(?:tổng\s+số|tổng)[\p{L}\s\u00a0]{0,40}?(?:là|:|\()?[\s\u00a0]*$/iu.test(gap) && /trên|tổng/iu.test(gap) && !/so\s+với/iu.test(gap)
    ? next
    : undefined;
}

const STOP = new Set(['số', 'hồ', 'sơ', 'tỷ', 'tỉ', 'lệ', 'đạt', 'là', 'được', 'các', 'của', 'trong', 'đó', 'và', 'có', 'đã', 'thủ', 'tục', 'hành', 'chính', 'tthc', 'giải', 'quyết']);

/** Do a rate's label and a count's label name the same thing ("đúng hạn")? */
function sharesKey(rate: string, label: string): boolean {
  for (const family of FAMILIES) {
    const a = memberOf(rate, family);
    const b = memberOf(label, family);
    if (a !== undefined && a === b) return true;
  }
  const words = (s: string) => new Set(s.split(/\s+/u).filter((w) => w && !STOP.has(w)));
  const r = words(rate);
  return [...words(label)].filter((w) => r.has(w)).length >= 2;
}

const LIST_INTRO = /^(?<words>[^\d;.!?]*?)(?:[\s\u00a0]*(?:gồm|bao[\s\u00a0]+gồm|gồm[\s\u00a0]+có|là))?[\s\u00a0]*(?<open>:|\()[\s\u00a0]*/iu;
/** "… như: A; B", "A; B; …", "v.v.": examples, not the whole list. */
const EXAMPLES_ONLY = /(?:^|[\s\u00a0])(?:như|chẳng\s+hạn|điển\s+hình|tiêu\s+biểu|một\s+số)(?:[\s\u00a0]|$)/iu;
const OPEN_END = /(?:…|\.\.\.|v\.v\.?|vv\.?|(?:và\s+)?(?:các|những)\s+[\p{L}\s]*khác)[\s.;,]*$/iu;

function readLists(text: string, quantities: Quantity[], partOf: Map<Quantity, SumStatement>, spans: [number, number][]): ListStatement[] {
  const out: ListStatement[] = [];
  for (const q of quantities) {
    if (q.percent || q.approx || q.change || q.fraction || !q.unit || partOf.has(q)) continue;
    if ([...partOf.values()].some((s) => s.total === q)) continue;
    const [, sEnd] = spans[q.sentence]!;
    const rest = text.slice(q.unitEnd, sEnd);
    const m = LIST_INTRO.exec(rest);
    if (!m?.groups) continue;
    const words = m.groups.words ?? '';
    if (!isQualifier(words, 30) || EXAMPLES_ONLY.test(words)) continue;
    // Two counts before one list ("9 nhóm công việc và 12 nhiệm vụ gồm: …"): which one is listed is unclear.
    const prev = quantities[q.index - 1];
    if (prev && !prev.percent && prev.sentence === q.sentence && /^[\s\u00a0\p{L}]{0,40}(?:và|,)[\s\u00a0]*$/u.test(text.slice(prev.unitEnd, q.start))) continue;
    const listStart = q.unitEnd + m.index + m[0].length;
    if (m.groups.open === ':' && /^[\s\u00a0]*$/u.test(text.slice(listStart, sEnd)) && text.charAt(sEnd - 1) === '\n') {
      const bullets = bulletLines(text, sEnd);
      if (bullets) out.push({ kind: 'list-count', count: q, items: bullets.items, separator: 'bullet', listStart: sEnd, listEnd: bullets.end });
      continue;
    }
    const listEnd = m.groups.open === '(' ? closingParen(text, listStart - 1, sEnd) : sEnd;
    const cut = /[,;]?[\s\u00a0]*trong[\s\u00a0]+đó/iu.exec(text.slice(listStart, listEnd));
    const end = cut ? listStart + cut.index : listEnd;
    if (OPEN_END.test(text.slice(listStart, end))) continue;
    const body = text.slice(listStart, end).replace(/[\s.;,]+$/u, '');
    // A list holding counts is a breakdown or prose, not a list of names.
    if (quantities.some((o) => o.start >= listStart && o.end <= end && !o.percent && o.unit !== undefined)) continue;
    const enumerated = [...body.matchAll(/(?:^|[\s;,])\(?(\d{1,2})\)[\s\u00a0]/gu)];
    let items: string[];
    let separator: ListStatement['separator'];
    if (enumerated.length >= 2 && enumerated.every((e, i) => Number(e[1]) === i + 1)) {
      items = enumerated.map((e) => e[1]!);
      separator = 'enum';
    } else if (body.includes(';')) {
      items = body.split(';').map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
      separator = ';';
    } else if (body.includes(',') && /[\s\u00a0]và[\s\u00a0]/u.test(body)) {
      items = body.split(/,|[\s\u00a0]và[\s\u00a0]/u).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
      separator = ',';
    } else continue;
    if (items.length < 2) continue;
    // Items are names, not clauses: a list item over 120 characters is prose that happens to follow.
    if (items.some((s) => s.length > 160)) continue;
    out.push({ kind: 'list-count', count: q, items, separator, listStart, listEnd: end });
  }
  return out;
}

/** The "- …" lines right after a paragraph ending with ":", with the marker of the first one. */
function bulletLines(text: string, from: number): { items: string[]; end: number } | undefined {
  const lines: string[] = [];
  let at = from;
  let marker: string | undefined;
  let end = from;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const line = text.slice(at, nl < 0 ? text.length : nl);
    const m = /^[\s\u00a0]*([-+•*–])[\s\u00a0]+\S/u.exec(line);
    if (!m || (marker !== undefined && m[1] !== marker)) break;
    marker = m[1];
    lines.push(line.trim());
    end = at + line.length;
    if (nl < 0) break;
    at = nl + 1;
  }
  return lines.length >= 2 ? { items: lines, end } : undefined;
}

function readWords(text: string, quantities: Quantity[]): WordsStatement[] {
  const out: WordsStatement[] = [];
  for (const q of quantities) {
    if (q.percent || q.fraction || q.num.kind !== 'count') continue;
    const m = /^[\s\u00a0]*\((?<w>[\p{L}\s\u00a0-]{2,40})\)/u.exec(text.slice(q.end));
    if (!m?.groups) continue;
    const value = parseNumberWords(m.groups.w ?? '');
    if (value === undefined) continue;
    const wordsStart = q.end + m.index + m[0].indexOf('(') + 1;
    out.push({ kind: 'figure-words', figure: q, words: (m.groups.w ?? '').trim(), value, wordsStart, wordsEnd: wordsStart + (m.groups.w ?? '').length });
  }
  return out;
}

function readChanges(text: string, quantities: Quantity[]): ChangeStatement[] {
  const out: ChangeStatement[] = [];
  for (const d of quantities) {
    if (!d.change || d.approx) continue;
    // The previous value: after "so với …", in brackets or after "là"/":".
    const after = quantities.find((q) => q.start > d.end && q.sentence === d.sentence);
    if (!after || after.change || after.approx) continue;
    const gap = text.slice(d.unitEnd, after.start);
    if (!/^[\s\u00a0]*so[\s\u00a0]+(?:với[\s\u00a0]+)?[^;%]{0,60}?(?:\(|là|:)[\s\u00a0]*$/iu.test(gap)) continue;
    const current = [...quantities].reverse().find((q) => q.end <= d.start && q.sentence === d.sentence && !q.change && !out.some((c) => c.previous === q));
    if (!current || current.approx || current.percent !== after.percent || current.unit !== after.unit) continue;
    const between = text.slice(current.percent ? current.end : current.unitEnd, d.start).replace(CHANGE_BEFORE, '');
    const adjacent = isQualifier(between, 4);
    if (!adjacent && !isQualifier(between, 12)) continue;
    out.push({ kind: 'comparison', current, previous: after, delta: d, adjacent });
  }
  return out;
}
