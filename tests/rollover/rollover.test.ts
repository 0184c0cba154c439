/**
 * Roll-over of the real report (issue 6): the bound sample rolled to năm 2022 and to quý I 2023,
 * and the received copy (no controls) rolled after adopting it. Each result is read back as a
 * person sees it (LibreOffice's text), extracted and checked.
 */
import { readFileSync } from 'node:fs';
import { CheckContext, checkReport } from '../../src/core/check';
import { describePeriod as periodFactsOfCheck } from '../../src/core/check/rules/period';
import { locateFields } from '../../src/core/recognize/locate';
import { planAdopt } from '../../src/core/model/adopt';
import { planRollover, rolloverDocument, RolloverError, type RolloverPlan } from '../../src/core/rollover';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { PLACEHOLDERS } from '../../src/core/template/placeholders';
import { normalizeSpace, sofficeText } from '../helpers/libreoffice';
import { BOUND_SAMPLE, RECEIVED_SAMPLE, findingKey, notEntered, readBytes, readRolled, staleSixMonthLabels, type Rolled } from './helpers';

const YEAR_2022 = { kind: 'nam', year: 2022 } as const;
const Q1_2023 = { kind: 'quy-i', year: 2023 } as const;

/** Plans and applies the roll-over of a bound document's bytes. */
async function roll(bytes: Uint8Array, to: typeof YEAR_2022 | typeof Q1_2023): Promise<Rolled> {
  const doc = OoxmlDocument.open(bytes);
  const plan = planRollover(CCHC_6_THANG, await doc.read(), { to });
  await doc.apply(plan.edits);
  return readRolled(plan, doc.save());
}

interface Expectations {
  /** Texts the new document must show (LibreOffice's text, whitespace collapsed). */
  shows: string[];
  /** Texts it must no longer show. */
  gone: string[];
  /** Six-month labels left, by the cited document whose title holds them. */
  staleLeft: string[];
  /** Fields kept with their figure (standing; year-to-date within the year). */
  kept: Record<string, string>;
  /** Fields cleared (year-to-date in a new year, period figures). */
  cleared: string[];
  counts: { cleared: number; kept: number; changed: number };
  /** "Trong quý," is stale unless the target is a quarter. */
  quarterWordingIsStale: boolean;
}

/** The checks every rolled document must pass. */
function expectRolled(name: string, get: () => { rolled: Rolled; text: string; sourceErrors: string[] }, e: Expectations): void {
  describe(name, () => {
    let rolled: Rolled;
    let text: string;
    let plan: RolloverPlan;
    beforeAll(() => {
      ({ rolled, text } = get());
      plan = rolled.plan;
    });

    test('labels, dates, captions and the wording of the new period are shown', () => {
      for (const s of e.shows) expect([s, text.includes(s)]).toEqual([s, true]);
      for (const s of e.gone) expect([s, text.includes(s)]).toEqual([s, false]);
    });

    test('no label of the six-month period is left, except in cited documents\' titles', () => {
      const left = staleSixMonthLabels(text, e.quarterWordingIsStale);
      expect(left.filter((l) => l.citedIn === null)).toEqual([]);
      expect(left.map((l) => l.citedIn).sort()).toEqual([...e.staleLeft].sort());
      // The plan reports the same places and why they stay.
      expect(plan.staleLeft.every((s) => s.why === 'cited')).toBe(true);
      expect(plan.staleLeft.length).toBe(e.staleLeft.length);
    });

    test('summary counts; extract shows exactly the cleared figures (and those already empty) as not entered', () => {
      const { summary } = plan;
      expect({ cleared: summary.cleared.length, kept: summary.kept.length, changed: summary.changed.length }).toEqual(e.counts);
      expect(summary.cleared.length + summary.kept.length + summary.changed.length).toBe(CCHC_6_THANG.fields.length);
      const keptEmpty = summary.kept.filter((k) => k.before === null).map((k) => k.id);
      expect(notEntered(rolled.data)).toEqual([...summary.cleared.map((c) => c.id), ...keptEmpty].sort());
      for (const k of summary.kept.filter((x) => x.before !== null)) expect([k.id, rolled.data.fields[k.id]?.text]).toEqual([k.id, k.after]);
      // A kept text changes only where a cleared figure inside it shows its placeholder.
      for (const k of summary.kept.filter((x) => x.after !== x.before)) {
        expect([k.id, k.note]).toEqual([k.id, expect.stringContaining('chữ nhắc')]);
        expect(k.after?.replace(/\[số liệu\]/gu, '#')).toBe(k.before?.replace(/\d+/gu, '#'));
      }
      for (const c of summary.changed) expect([c.id, rolled.data.fields[c.id]?.text]).toEqual([c.id, c.after]);
      for (const [id, value] of Object.entries(e.kept)) expect([id, rolled.data.fields[id]?.text]).toEqual([id, value]);
      for (const id of e.cleared) expect([id, rolled.data.fields[id]?.text]).toEqual([id, null]);
    });

    test('cleared controls show the template placeholder; the previous reference shows last period\'s value', () => {
      const cleared = new Set(plan.summary.cleared.map((c) => c.id));
      const controls = rolled.snapshot.controls.filter((c) => cleared.has(c.tag));
      expect(controls.length).toBeGreaterThan(0);
      for (const c of controls) {
        const field = CCHC_6_THANG.fields.find((f) => f.id === c.tag)!;
        const expected = field.id === 'bi21.rankGain' ? '[kỳ trước: 04]' : PLACEHOLDERS[field.kind];
        expect([c.tag, c.showingPlaceholder, c.text]).toEqual([c.tag, true, expected]);
      }
      expect(plan.summary.cleared.find((c) => c.id === 'bi21.rankGain')).toMatchObject({ before: '04', after: null, placeholder: '[kỳ trước: 04]' });
    });

    test('the check reports no period problem, lists the cleared figures as to-do, and no error the source did not have', () => {
      const { report } = rolled;
      // The check reads the new period and date from the rolled document (not a vacuous pass).
      const ctx = new CheckContext(CCHC_6_THANG, rolled.snapshot, locateFields(CCHC_6_THANG, rolled.snapshot), 'bound');
      const facts = periodFactsOfCheck(ctx);
      expect(facts.window?.period).toEqual(plan.to);
      expect(facts.report?.date).toMatchObject(plan.reportDate);
      expect(report.findings.filter((f) => f.rule === 'period' && f.severity !== 'info')).toEqual([]);
      expect(report.findings.filter((f) => f.rule === 'period')).toEqual([]); // "Trong quý" rewritten too
      const todo = report.findings.filter((f) => f.rule === 'completeness' && f.message.startsWith('Chưa nhập số liệu'));
      expect(todo).toHaveLength(1);
      expect(todo[0]!.severity).toBe('info');
      const todoTags = new Set(todo[0]!.locations.map((l) => l.tag).filter((t) => t !== undefined));
      const placeholderTags = rolled.snapshot.controls.filter((c) => c.showingPlaceholder).map((c) => c.tag);
      for (const tag of placeholderTags) expect([tag, todoTags.has(tag)]).toEqual([tag, true]);
      const nonDerived = notEntered(rolled.data).filter((id) => !CCHC_6_THANG.fields.find((f) => f.id === id)?.derived);
      expect(todo[0]!.message).toContain(`Chưa nhập số liệu ${nonDerived.length} chỉ tiêu`);
      // Errors left are the source's own mistakes in text that is kept, never an empty figure.
      const errors = report.findings.filter((f) => f.severity === 'error');
      for (const f of errors) expect([f.message, get().sourceErrors.includes(findingKey(f))]).toEqual([f.message, true]);
      expect(report.findings.filter((f) => f.rule === 'completeness' && f.message.startsWith('Không nhận ra'))).toEqual([]);
    });
  });
}

const SHOWS_YEAR = [
  'Sơn La, ngày 14 tháng 12 năm 2022',
  'Kết quả thực hiện công tác cải cách hành chính năm 2022; Phương hướng, nhiệm vụ trọng tâm năm 2023',
  'Văn phòng UBND tỉnh báo cáo kết quả thực hiện công tác cải cách hành chính năm 2022; phương hướng, nhiệm vụ năm 2023 như sau',
  '1. Trong năm 2022, thành viên Ban chỉ đạo',
  'Trong năm 2022, Tổ công tác đã ban hành Báo cáo số 23/BC-TCT', // "Trong quý," of a quarterly template
  'Từ ngày 15/12/2021 đến thời điểm báo cáo',
  'Kết quả tính từ 15/12/2021 đến ngày 14/12/2022',
  'tăng [kỳ trước: 04] bậc so với năm 2020', // same year: the comparison year stays
  'III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023',
  '(kèm theo Báo cáo tháng 12 năm 2022 của Văn phòng UBND tỉnh)',
  'CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022 (kèm theo',
  'công chức được giao là 60, đang thực hiện 58',
  'Kế hoạch cải cách hành chính năm 2022', // the same year: plain years stay
  'định kỳ 2 lần/ năm (6 tháng 01 lần)', // a frequency, not a period
  'Báo cáo tình hình tiết kiệm, phòng chống lãng phí 6 tháng, năm 2022',
];
const GONE = ['ngày 09 tháng 6 năm 2022', 'đến ngày 09/6/2022', 'tháng 3 năm 2022 của Văn phòng', 'tháng 6 năm 2022 của Văn phòng', 'NĂM NĂM', '30.407', 'Trong 6 tháng'];

const SHOWS_Q1 = [
  'Sơn La, ngày 14 tháng 3 năm 2023',
  'Kết quả thực hiện công tác cải cách hành chính quý I; Phương hướng, nhiệm vụ trọng tâm quý II năm 2023',
  'Văn phòng UBND tỉnh báo cáo kết quả thực hiện công tác cải cách hành chính quý I; phương hướng, nhiệm vụ quý II năm 2023 như sau',
  '1. Trong quý I, thành viên Ban chỉ đạo',
  'Trong quý, Tổ công tác đã ban hành Báo cáo số 23/BC-TCT', // fits a quarterly report
  'Từ ngày 15/12/2022 đến thời điểm báo cáo',
  'Kết quả tính từ 15/12/2022 đến ngày 14/3/2023',
  'năm 2022 (tăng [kỳ trước: 04] bậc so với năm 2021)', // the comparison year moves on
  'III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II',
  '(kèm theo Báo cáo tháng 3 năm 2023 của Văn phòng UBND tỉnh)',
  'CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2023 (kèm theo',
  'biên chế của Văn phòng được giao năm 2023: công chức được giao là 60, đang thực hiện 58',
  '1. Việc ban hành và tiến độ triển khai thực hiện Kế hoạch cải cách hành chính năm 2023',
  'Kế hoạch của Văn phòng về công tác cải cách hành chính năm 2023', // Phụ lục III task list kept, its year moved on
  'Xây dựng dự toán năm 2024 của Văn phòng',
  // History stays: cited titles keep their periods and years.
  'Báo cáo số 109/BC-UBND ngày 17/3/2022 công tác lãnh đạo, chỉ đạo cải cách hành chính quý I, phương hướng quý II năm 2022',
  'Kế hoạch số 21/KH-VPUB ngày 25/02/2022 về khắc phục tồn tại, hạn chế Chỉ số cải cách hành chính; Chỉ số hài lòng về sự phục vụ hành chính năm 2021',
  'Luật Cán bộ, công chức năm 2008',
  'so với năm 2015',
];

const STALE_YEAR = ['95/BC-VPUB', '95/BC-VPUB', '101/BC-VPUB', '101/BC-VPUB', '101/BC-VPUB', '101/BC-VPUB', '101/BC-VPUB', '101/BC-VPUB'];

const KEPT_YEAR = {
  'bii44.civilQuota': '60',
  'bii31.depts': '08',
  'bi1.planTasks': '50', // year-to-date, same year
  'bi1.planProgress': '30/50',
  'bii2.kstthcGroups': '9',
  'meta.dataFrom': '15/12/2021',
};
const CLEARED_Q1 = ['bi1.planTasks', 'bi1.planProgress', 'bii2.kstthcGroups', 'pl3.I_3.output', 'pl3.VII_3.output', 'bi23.unitsTotal'];

describe('roll-over of the bound sample (assets/samples)', () => {
  const source = readBytes(BOUND_SAMPLE);
  const sourceCopy = new Uint8Array(source);
  let sourceErrors: string[] = [];
  const results: Record<string, { rolled: Rolled; text: string }> = {};

  beforeAll(async () => {
    const sourceReport = checkReport({ definition: CCHC_6_THANG, snapshot: await OoxmlDocument.open(source).read(), fileName: 'source.docx' });
    sourceErrors = sourceReport.findings.filter((f) => f.severity === 'error').map(findingKey);
    for (const [key, to] of [['year', YEAR_2022], ['q1', Q1_2023]] as const) {
      const rolled = await roll(source, to);
      results[key] = { rolled, text: normalizeSpace(await sofficeText(rolled.bytes)) };
    }
  });

  test('the source is detected as 6 tháng đầu năm 2022 and its bytes are unchanged', () => {
    expect(results.year!.rolled.plan.from).toEqual({ kind: '6-thang', year: 2022 });
    expect(results.q1!.rolled.plan.reportDate).toEqual({ day: 14, month: 3, year: 2023 });
    expect(Buffer.from(source).equals(Buffer.from(sourceCopy))).toBe(true);
    expect(Buffer.from(readFileSync(BOUND_SAMPLE)).equals(Buffer.from(sourceCopy))).toBe(true);
  });

  expectRolled('→ năm 2022', () => ({ ...results.year!, sourceErrors }), {
    shows: SHOWS_YEAR,
    gone: GONE,
    staleLeft: STALE_YEAR,
    kept: KEPT_YEAR,
    cleared: ['a22.received', 'bi21.rankGain', 'a21.pakn.pending', 'pl2.bm2.r3_4'],
    counts: { cleared: 138, kept: 138, changed: 7 },
    quarterWordingIsStale: true,
  });

  expectRolled('→ quý I 2023', () => ({ ...results.q1!, sourceErrors }), {
    shows: SHOWS_Q1,
    gone: [...GONE, '6 THÁNG'],
    staleLeft: [],
    kept: { 'bii44.civilQuota': '60', 'bii31.depts': '08', 'bii44.contracts': '07' },
    cleared: CLEARED_Q1,
    counts: { cleared: 221, kept: 54, changed: 8 },
    quarterWordingIsStale: false,
  });

  test('→ quý I 2023: a standing figure inside a cleared fraction is reported, not silently lost', () => {
    const plan = results.q1!.rolled.plan;
    expect(plan.summary.cleared.find((c) => c.id === 'bi23.unitsTotal')).toMatchObject({ policy: 'standing', before: '09', after: null });
    expect(plan.warnings.some((w) => w.includes('Tổng số phòng, ban, đơn vị trực thuộc Văn phòng') && w.includes('phải nhập lại'))).toBe(true);
  });

  test('→ năm 2022: the errors left are the source\'s own mistakes in kept text (list of 9 groups, references)', () => {
    const errors = results.year!.rolled.report.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule).sort()).toEqual(['list-count', 'reference', 'reference', 'reference']);
    expect(results.q1!.rolled.report.summary.error).toBe(0);
  });
});

describe('roll-over of the received copy (another word processor, no controls), adopted first', () => {
  const source = readBytes(RECEIVED_SAMPLE);
  const sourceCopy = new Uint8Array(source);
  let sourceErrors: string[] = [];
  const results: Record<string, { rolled: Rolled; text: string }> = {};

  beforeAll(async () => {
    const plainSnapshot = await OoxmlDocument.open(source).read();
    sourceErrors = checkReport({ definition: CCHC_6_THANG, snapshot: plainSnapshot, fileName: 'source.docx' })
      .findings.filter((f) => f.severity === 'error')
      .map(findingKey);
    // Explicitly: adopt (planAdopt + OoxmlDocument), read again, roll over.
    const doc = OoxmlDocument.open(source);
    const adopt = planAdopt(CCHC_6_THANG, await doc.read());
    expect(adopt.notPlaced).toEqual([]);
    await doc.apply(adopt.edits);
    const adopted = await readRolledYear(doc);
    results.year = { rolled: adopted, text: normalizeSpace(await sofficeText(adopted.bytes)) };
    // Through rolloverDocument, which adopts by itself.
    const doc2 = OoxmlDocument.open(source);
    const run = await rolloverDocument(doc2, CCHC_6_THANG, { to: Q1_2023 });
    expect(run.adopted?.edits.length).toBe(adopt.edits.length);
    const rolled = await readRolled(run.plan, doc2.save());
    results.q1 = { rolled, text: normalizeSpace(await sofficeText(rolled.bytes)) };
  });

  async function readRolledYear(doc: OoxmlDocument): Promise<Rolled> {
    const plan = planRollover(CCHC_6_THANG, await doc.read(), { to: YEAR_2022 });
    await doc.apply(plan.edits);
    return readRolled(plan, doc.save());
  }

  test('a plain document is refused by the planner until adopted; the source bytes are unchanged', async () => {
    const snapshot = await OoxmlDocument.open(source).read();
    expect(() => planRollover(CCHC_6_THANG, snapshot, { to: YEAR_2022 })).toThrow(RolloverError);
    try {
      planRollover(CCHC_6_THANG, snapshot, { to: YEAR_2022 });
    } catch (error) {
      expect((error as RolloverError).code).toBe('not-bound');
      expect((error as Error).message).toContain('baocao adopt');
    }
    expect(Buffer.from(source).equals(Buffer.from(sourceCopy))).toBe(true);
    expect(Buffer.from(readFileSync(RECEIVED_SAMPLE)).equals(Buffer.from(sourceCopy))).toBe(true);
  });

  expectRolled('→ năm 2022', () => ({ ...results.year!, sourceErrors }), {
    shows: SHOWS_YEAR,
    gone: GONE,
    staleLeft: STALE_YEAR,
    kept: KEPT_YEAR,
    cleared: ['a22.received', 'bi21.rankGain', 'a21.pakn.pending', 'pl2.bm2.r3_4'],
    counts: { cleared: 138, kept: 138, changed: 7 },
    quarterWordingIsStale: true,
  });

  expectRolled('→ quý I 2023 (adopted by rolloverDocument)', () => ({ ...results.q1!, sourceErrors }), {
    shows: SHOWS_Q1,
    gone: [...GONE, '6 THÁNG'],
    staleLeft: [],
    kept: { 'bii44.civilQuota': '60', 'bii31.depts': '08', 'bii44.contracts': '07' },
    cleared: CLEARED_Q1,
    counts: { cleared: 221, kept: 54, changed: 8 },
    quarterWordingIsStale: false,
  });
});
