/**
 * Binding by meaning: a narrative figure the template's wording no longer finds (the sentence
 * was rewritten) is placed by its section, unit noun and label terms, and compared with its
 * appendix row; a figure that fits no field well, or fits two, is never bound.
 */
import { checkReport, type CheckReport } from '../../src/core/check';
import { locateFields } from '../../src/core/recognize/locate';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import { RECEIVED_SAMPLE, readBytes } from '../check/helpers';

const SENTENCE = 'UBND tỉnh tiếp nhận 36 nhiệm vụ do Chính phủ, Thủ tướng Chính phủ giao.';

async function received(): Promise<DocumentSnapshot> {
  return (await OoxmlDocument.open(readBytes(RECEIVED_SAMPLE))).read();
}

function reword(snapshot: DocumentSnapshot, from: string, to: string): DocumentSnapshot {
  let done = false;
  const blocks = snapshot.blocks.map((b) => {
    if (b.type !== 'paragraph' || !b.text.includes(from)) return b;
    done = true;
    return { ...b, text: b.text.replace(from, to) };
  });
  if (!done) throw new Error(`"${from}" not found`);
  return { ...snapshot, blocks };
}

function check(snapshot: DocumentSnapshot): CheckReport {
  return checkReport({ definition: CCHC_6_THANG, snapshot, fileName: 'reworded.docx' });
}

describe('binding narrative figures by meaning', () => {
  let original: DocumentSnapshot;
  beforeAll(async () => {
    original = await received();
  });

  it('the received report needs no binding by meaning (the template finds every figure)', () => {
    expect(check(original).checked?.binding).toBeUndefined();
  });

  it('a reworded sentence with another figure than Phụ lục II is bound by meaning and reported as a warning with its confidence', () => {
    const snapshot = reword(original, SENTENCE, 'Chính phủ, Thủ tướng Chính phủ đã giao cho tỉnh 38 nhiệm vụ trong kỳ.');
    // The template's wording no longer finds the narrative figure.
    const occ = locateFields(CCHC_6_THANG, snapshot).occurrences.find((o) => o.fieldId === 'a3.govTasks.received' && o.occurrence.where === 'narrative');
    expect(occ?.found).toBe(false);
    const report = check(snapshot);
    const f = report.findings.filter((x) => x.rule === 'cross-section' && x.evidence.includes('38'));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', evidence: ['38', '36'] });
    expect(f[0]!.message).toContain('độ tin cậy 1,00');
    expect(f[0]!.locations.map((l) => l.table)).toContain('Phụ lục II / Biểu mẫu 1');
    expect(report.checked?.binding).toBe(1);
  });

  it('reworded with the same figure: bound, consistent, nothing reported', () => {
    const report = check(reword(original, SENTENCE, 'Chính phủ, Thủ tướng Chính phủ đã giao cho tỉnh 36 nhiệm vụ trong kỳ.'));
    expect(report.checked?.binding).toBe(1);
    expect(report.findings.filter((x) => x.rule === 'cross-section' && x.message.includes('theo nghĩa'))).toEqual([]);
  });

  it('a figure whose clause does not say what the field is (other key terms) is not bound', () => {
    const report = check(reword(original, SENTENCE, 'Trong kỳ có thêm 38 nhiệm vụ mới được bổ sung vào chương trình.'));
    expect(report.checked?.binding).toBeUndefined();
    expect(report.findings.filter((x) => x.message.includes('theo nghĩa'))).toEqual([]);
  });
});

describe('no wrong binding when the template wording of a figure is lost', () => {
  it('for every narrative figure that has an appendix row: with its anchor words deleted, any binding made is to that very figure', async () => {
    const { CheckContext } = await import('../../src/core/check');
    const { bindByMeaning } = await import('../../src/core/check/rules/meaning');
    const snapshot = await received();
    const located = locateFields(CCHC_6_THANG, snapshot);
    let bound = 0;
    let tried = 0;
    const wrong: string[] = [];
    for (const field of CCHC_6_THANG.fields) {
      if (!field.occurrences.some((o) => o.where === 'appendix')) continue;
      for (const o of located.occurrences.filter((x) => x.fieldId === field.id && x.found && x.occurrence.where === 'narrative')) {
        const place = o.place;
        if (place?.kind !== 'paragraph' || o.occurrence.where !== 'narrative' || o.occurrence.before === undefined) continue;
        const block = snapshot.blocks[place.blockIndex];
        if (block?.type !== 'paragraph') continue;
        const at = block.text.lastIndexOf(o.occurrence.before, place.start);
        if (at < 0) continue;
        tried++;
        // The anchor words go; everything else (and the figure's position shift) is known.
        const cut = o.occurrence.before.length;
        const text = block.text.slice(0, at) + block.text.slice(at + cut);
        const changed: DocumentSnapshot = { ...snapshot, blocks: snapshot.blocks.map((b) => (b === block ? { ...block, text } : b)) };
        const loc = locateFields(CCHC_6_THANG, changed);
        const ctx = new CheckContext(CCHC_6_THANG, changed, loc, 'recognized');
        for (const b of bindByMeaning(ctx)) {
          bound++;
          const right = b.fieldId === field.id && b.pos.block === place.blockIndex && b.pos.start === place.start - cut;
          if (!right) wrong.push(`${field.id} lost → ${b.fieldId} bound to "${b.quantity.text}" (block ${b.pos.block})`);
        }
      }
    }
    if (process.env.BAOCAO_DEBUG) console.log(`anchors deleted: ${tried}; bound by meaning: ${bound}; wrong: ${wrong.length}`);
    expect(tried).toBeGreaterThanOrEqual(5);
    expect(wrong).toEqual([]);
    expect(bound).toBeGreaterThanOrEqual(1);
  });
});

describe('knowing what is read: the template match score', () => {
  it('a report of the template whose prose is all another drafter\'s (here: none of it left) is still read as the template\'s report through its forms', async () => {
    const snapshot = await received();
    const located = locateFields(CCHC_6_THANG, snapshot);
    // Keep the tables and the headings of the appendices; every narrative paragraph is emptied.
    const formsOnly: DocumentSnapshot = {
      ...snapshot,
      blocks: snapshot.blocks.map((b) => (b.type === 'paragraph' && !(located.sections[b.index]?.path ?? '').startsWith('PL-') ? { ...b, text: '' } : b)),
    };
    const report = check(formsOnly);
    expect(report.mode).toBe('recognized');
    expect(report.template).toBe(CCHC_6_THANG.id);
    expect(report.match).toBeGreaterThanOrEqual(0.35);
  });
});
