/**
 * A corrected copy of the report (the real mistakes fixed with planFill and the OOXML adapter)
 * has no error; then, for every rule class, one figure of the corrected copy is altered and the
 * specific finding (rule, severity, evidence) must appear.
 */
import { CheckReportSchema, checkReport } from '../../src/core/check';
import { CCHC_6_THANG } from '../helpers/templates';
import type { TemplateDefinition } from '../../src/core/template/schema';
import { GENERIC_TEMPLATE } from '../../src/core/template/registry';
import type { DocumentSnapshot } from '../../src/document/types';
import {
  BOUND_SAMPLE,
  RECEIVED_SAMPLE,
  VIETNAMESE,
  check,
  corrections,
  edit,
  fill,
  findAll,
  occurrenceEdit,
  open,
  readBytes,
  textEdit,
  type Expect,
} from './helpers';

async function corrected(file: string): Promise<Uint8Array> {
  const bytes = readBytes(file);
  const { located } = await open(bytes);
  return fill(bytes, corrections(located));
}

let receivedFixed: Uint8Array;
let boundFixed: Uint8Array;

beforeAll(async () => {
  receivedFixed = await corrected(RECEIVED_SAMPLE);
  boundFixed = await corrected(BOUND_SAMPLE);
});

describe('corrected copies', () => {
  it.each([
    ['received copy (recognized)', () => receivedFixed, 'recognized'],
    ['bound sample (bound)', () => boundFixed, 'bound'],
  ] as const)('%s: no error finding', async (_name, bytes, mode) => {
    const report = await check(bytes());
    expect(report.mode).toBe(mode);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.summary.error).toBe(0);
    // Warnings left are real but not fixed here: "năm 202", 45/2020/NĐ-CP dated 2021, the empty total of Biểu mẫu 4 row 3.
    expect(report.summary.warning).toBe(3);
  });

  it('the empty derived row of Phụ lục I Biểu mẫu 1 was filled by planFill (30/50 = 60%)', async () => {
    const { located } = await open(receivedFixed);
    expect(located.occurrences.find((o) => o.fieldId === 'pl1.bm1.r2')?.text).toBe('60%');
  });
});

interface Mutation {
  what: string;
  apply: (bytes: Uint8Array) => Promise<Uint8Array>;
  expect: Expect;
}

const byFill = (fields: Record<string, string | null>) => (bytes: Uint8Array) => fill(bytes, fields);
const byOccurrence = (fieldId: string, occurrence: number, text: string) => (bytes: Uint8Array) =>
  edit(bytes, (snapshot, located) => [occurrenceEdit(snapshot, located, fieldId, occurrence, text)]);
const byText = (find: string, replace: string) => (bytes: Uint8Array) => edit(bytes, (snapshot) => [textEdit(snapshot, find, replace)]);

const MUTATIONS: Mutation[] = [
  {
    what: 'ratio: "chiếm 96,7%" → "96,5%" (27.448/28.375 = 96,73%)',
    apply: byFill({ 'a22.earlyPct': '96,5%' }),
    expect: { rule: 'ratio', severity: 'error', evidence: ['96,5%', '27.448', '28.375'], expected: '96,7%' },
  },
  {
    what: 'ratio (constant-100 sum is also broken): "39,1%" → "41,1%"',
    apply: byFill({ 'a3.y2021.withDeadlinePct': '41,1%' }),
    expect: { rule: 'sum', severity: 'error', evidence: ['41,1%', '60,9%'], expected: '100%' },
  },
  {
    what: 'sum: "Hoàn thành tốt nhiệm vụ: 52" → 53 (09 + 53 + 01 + 02 = 65 ≠ 64)',
    apply: byFill({ 'bii414.good': '53' }),
    expect: { rule: 'sum', severity: 'error', evidence: ['64', '09', '53', '01', '02'], expected: '65' },
  },
  {
    what: 'cross-section: Phụ lục I Biểu mẫu 3 row 2.1 → 61 while the narrative says 60',
    apply: byOccurrence('bii44.civilQuota', 1, '61'),
    expect: { rule: 'cross-section', severity: 'error', evidence: ['60', '61'] },
  },
  {
    what: 'cross-section (fraction): "30/50 nhiệm vụ" → "31/50" while row 2.2 says 30',
    apply: byFill({ 'bi1.planProgress': '31/50' }),
    expect: { rule: 'cross-section', severity: 'error', evidence: ['31/50', '30'], expected: '30/50' },
  },
  {
    what: 'pair: Biểu mẫu 1 row 5.3 "23/17" → "23/18" while the narrative says 17 văn bản',
    apply: byFill({ 'pl1.bm1.r5_3': '23/18' }),
    expect: { rule: 'pair', severity: 'error', evidence: ['23/18', '17'], expected: '23/17' },
  },
  {
    what: 'list-count: "gồm 08 phòng, ban" → "09" (8 listed)',
    apply: byFill({ 'bii31.depts': '09' }),
    expect: { rule: 'list-count', severity: 'error', evidence: ['09', '8'], expected: '08' },
  },
  {
    what: 'derived: Phụ lục II Biểu mẫu 2 row 3.4 "66,7%" → "70%" (02/03 = 66,7%)',
    apply: byFill({ 'pl2.bm2.r3_4': '70%' }),
    expect: { rule: 'derived', severity: 'error', evidence: ['70%', '02', '03'], expected: '67%' },
  },
  {
    what: 'derived (empty, computable): Phụ lục I Biểu mẫu 1 row 2 cleared → info "có thể tính" 60%',
    apply: byFill({ 'pl1.bm1.r2': null }),
    expect: { rule: 'derived', severity: 'info', evidence: ['30', '50'], expected: '60%', message: 'có thể tính' },
  },
  {
    what: 'completeness: Phụ lục II Biểu mẫu 2 row 1.4 (total) cleared while 1.4.1–1.4.3 are filled',
    apply: byFill({ 'pl2.bm2.r1_4': null }),
    expect: { rule: 'completeness', severity: 'warning', evidence: ['1235', '282', '150'], expected: '1.667' },
  },
  {
    what: 'number-format: "30.407 hồ sơ" → "30,407"',
    apply: byOccurrence('a22.received', 0, '30,407'),
    expect: { rule: 'number-format', severity: 'error', evidence: ['30,407'], expected: '30.407' },
  },
  {
    what: 'reference: one citation of 32/QĐ-VPUB dated 03/3/2022 instead of 02/3/2022',
    apply: byText('32/QĐ-VPUB ngày 02/3/2022', '32/QĐ-VPUB ngày 03/3/2022'),
    expect: { rule: 'reference', severity: 'error', evidence: ['32/QĐ-VPUB', '02/3/2022', '03/3/2022'] },
  },
  {
    what: 'reference: a date dropped after "ngày" (Quyết định số 2972/QĐ-UBND)',
    apply: byText('2972/QĐ-UBND ngày 02/12/2021 của UBND tỉnh', '2972/QĐ-UBND ngày của UBND tỉnh'),
    expect: { rule: 'reference', severity: 'error', expected: '2972/QĐ-UBND ngày 02/12/2021' },
  },
  {
    what: 'period: Phụ lục III caption "tháng 6 năm 2022" → "tháng 5 năm 2022"',
    apply: byFill({ 'meta.pl3Caption': 'tháng 5 năm 2022' }),
    expect: { rule: 'period', severity: 'error', evidence: ['tháng 5 năm 2022'], expected: 'tháng 6 năm 2022' },
  },
  {
    what: 'period: data window "Từ ngày 15/12/2021" → "15/11/2021" (before the six-month period starts)',
    apply: byOccurrence('meta.dataFrom', 0, '15/11/2021'),
    expect: { rule: 'period', severity: 'error', evidence: ['15/11/2021'], expected: 'từ 15/12/2021 đến thời điểm báo cáo' },
  },
  {
    what: 'period: data window "đến ngày 09/6/2022" → "30/6/2022" (after the cut-off 14/6/2022)',
    apply: byText('đến ngày 09/6/2022', 'đến ngày 30/6/2022'),
    expect: { rule: 'period', severity: 'error', evidence: ['15/12/2021', '30/6/2022'], expected: 'từ 15/12/2021 đến 09/6/2022' },
  },
];

/** On the bound sample, one mutation per way a figure is held (control, cell, plain text) and per rule family. */
const ON_BOUND = new Set(['ratio', 'sum', 'cross-section', 'list-count', 'number-format', 'reference', 'period']);
const boundMutations = MUTATIONS.filter((m, i) => ON_BOUND.has(m.expect.rule) && MUTATIONS.findIndex((x) => x.expect.rule === m.expect.rule) === i);

describe.each([
  ['received copy (recognized)', () => receivedFixed, MUTATIONS],
  ['bound sample (bound)', () => boundFixed, boundMutations],
] as const)('mutations of the corrected %s', (_name, base, mutations) => {
  it.each(mutations.map((m) => [m.what, m] as const))('%s', async (_what, m) => {
    const report = await check(await m.apply(base()));
    const found = findAll(report, m.expect);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(VIETNAMESE);
    expect(found[0]!.locations.length).toBeGreaterThan(0);
  });
});

describe('template-free rules on a report worded differently from the template', () => {
  const EMPTY: TemplateDefinition = GENERIC_TEMPLATE;
  const snapshot = (paragraphs: string[]): DocumentSnapshot => ({
    blocks: paragraphs.map((text, index) => ({ type: 'paragraph', index, text, spans: [] })),
    controls: [],
  });
  const doc = snapshot([
    'BÁO CÁO',
    'Kết quả công tác cải cách hành chính 6 tháng đầu năm 2022',
    'Hà Nội, ngày 10 tháng 6 năm 2022',
    'A. KẾT QUẢ',
    '1. Giải quyết hồ sơ',
    'Bộ phận một cửa nhận 1.200 hồ sơ; giải quyết xong 1.100 hồ sơ, chiếm 91,7% (trong đó đúng hạn 1.000 hồ sơ, chiếm 90,0%; quá hạn 120 hồ sơ, chiếm 10,9%).',
    'Cấp huyện nhận 500 hồ sơ (trong đó trực tuyến 300 hồ sơ, trực tiếp 150 hồ sơ).',
    'Tính từ ngày 15/11/2021 đến ngày 10/6/2022 đã ban hành Quyết định số 12/QĐ-UBND ngày 05/01/2022 và Quyết định số 12/QĐ-UBND ngày 06/01/2022.',
  ]);

  it('infers bases and parts from the sentence and reports ratio, sum, reference and period findings', () => {
    const report = checkReport({ definition: EMPTY, snapshot: doc, fileName: 'khac.docx' });
    const at = (e: Expect) => findAll(report, e);
    // 1.100/1.200 = 91,67% → "91,7%" is fine; 1.000/1.100 = 90,91% → "90,9%", not "90,0%".
    expect(at({ rule: 'ratio', severity: 'error', evidence: ['90,0%', '1.000', '1.100'], expected: '90,9%' })).toHaveLength(1);
    // 120/1.100 = 10,909% → "10,9%" is fine.
    expect(report.findings.filter((f) => f.evidence.includes('10,9%') || f.evidence.includes('91,7%'))).toEqual([]);
    // 1.000 + 120 = 1.120 > 1.100.
    expect(at({ rule: 'sum', severity: 'error', evidence: ['1.100', '1.000', '120'] })).toHaveLength(1);
    // Online + direct may leave postal files unnamed (300 + 150 < 500): a warning with the gap, never an error.
    expect(report.findings.filter((f) => f.evidence.includes('500')).map((f) => [f.rule, f.severity])).toEqual([['sum', 'warning']]);
    expect(at({ rule: 'sum', severity: 'warning', evidence: ['500', '300', '150'], message: 'còn 50' })).toHaveLength(1);
    expect(at({ rule: 'reference', severity: 'error', evidence: ['12/QĐ-UBND', '05/01/2022', '06/01/2022'] })).toHaveLength(1);
    expect(at({ rule: 'period', severity: 'error', evidence: ['15/11/2021', '10/6/2022'] })).toHaveLength(1);
    expect(report.summary.error).toBe(4);
  });

  it('with the cchc template, template relations take precedence: one finding per figure', async () => {
    // In the real report every A.2.2 percentage is judged by the template; the sentence rule adds nothing.
    const report = await check(readBytes(RECEIVED_SAMPLE));
    const onTime = report.findings.filter((f) => f.evidence.includes('3,24%'));
    expect(onTime).toHaveLength(1);
    expect(onTime[0]!.message).toContain('Tỷ lệ hồ sơ trả đúng hạn');
    // And the same sentence with the template's wording changed is still checked template-free.
    const { snapshot } = await open(readBytes(RECEIVED_SAMPLE));
    const reworded = structuredClone(snapshot);
    for (const b of reworded.blocks) {
      if (b.type === 'paragraph' && b.text.includes('trả đúng hạn: 921 hồ sơ')) b.text = b.text.replace('trả đúng hạn: 921 hồ sơ', 'đúng hẹn 921 hồ sơ');
    }
    const again = checkReport({ definition: CCHC_6_THANG, snapshot: reworded, fileName: 'reworded' });
    expect(findAll(again, { rule: 'ratio', severity: 'error', evidence: ['3,24%', '921', '28,375'], expected: '3,25%' })).toHaveLength(1);
  });

  it('an empty document is not a report of the template: generic mode, template null, nothing to check, no list of missing fields', () => {
    const report = checkReport({ definition: CCHC_6_THANG, snapshot: { blocks: [], controls: [] }, fileName: 'trống.docx' });
    expect(report).toMatchObject({ mode: 'generic', template: null, match: 0 });
    expect(report.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(CheckReportSchema.parse(report)).toEqual(report);
  });
});
