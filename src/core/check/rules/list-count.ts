/**
 * list-count: "gồm 08 phòng, ban: A; B; …" — the count agrees with the items listed
 * (relations of kind "list-count"; items split on the relation's separator, or on the other of
 * ";" and "," when the list does not use it).
 */
import { shortLabel, type CheckContext, type RawFinding } from '../context';
import { countLikeText, ofRelation, whereOf } from './util';

const ALNUM = /[\p{L}\p{N}]/u;

/** The items of a written list. */
export function listItems(text: string, separator: string): string[] {
  let t = text.trim();
  t = t.replace(/^(?:gồm|bao gồm|là)\s*/iu, '').replace(/^[:\s]+/u, '');
  // A list wrapped in parentheses: "(Phó Chánh Văn phòng; Trưởng phòng …)."
  const wrapped = /^\((.*)\)[\s.;,]*$/su.exec(t);
  if (wrapped) t = wrapped[1] ?? t;
  t = t.replace(/[\s.;,]+$/u, '');
  const seps = [separator, separator === ';' ? ',' : ';'];
  for (const sep of seps) {
    if (!t.includes(sep)) continue;
    return t
      .split(sep)
      .map((s) => s.trim())
      .filter((s) => ALNUM.test(s));
  }
  return ALNUM.test(t) ? [t] : [];
}

export function listCountRule(ctx: CheckContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const rel of ctx.definition.relations) {
    if (rel.kind !== 'list-count') continue;
    const count = ctx.value(rel.count);
    const list = ctx.value(rel.list);
    if (!count?.num || !list) continue;
    const items = listItems(list.text, rel.separator);
    if (items.length === 0) continue;
    ctx.tally('list-count');
    if (items.length === count.num.value) continue;
    const expected = countLikeText(items.length, count.text);
    out.push(
      ofRelation(ctx.finding(
        'list-count',
        'error',
        `${shortLabel(count.field)} ghi ${count.text} nhưng danh sách kèm theo (${whereOf(list)}) liệt kê ${items.length} mục: ${items
          .map((s) => (s.length > 40 ? `${s.slice(0, 38)}…` : s))
          .join('; ')}.`,
        [count.text, String(items.length)],
        [count, list],
        expected,
      ), rel),
    );
  }
  return out;
}
