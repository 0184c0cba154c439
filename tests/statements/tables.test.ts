/**
 * Statistics tables anywhere in a report: header hierarchy (gridSpan, vMerge, a plain copy's
 * empty merged cells, "Trong đó" groups), column totals, total rows, rate columns.
 */
import { checkTable } from '../../src/core/statements';
import type { TableBlock, TableCell } from '../../src/document/types';
import { textToSnapshot } from './devset/harness';

function tableOf(text: string): TableBlock {
  const b = textToSnapshot(text).blocks.find((x) => x.type === 'table');
  if (!b || b.type !== 'table') throw new Error('no table');
  return b;
}

const cell = (text: string, span = 1, mergedUp = false): TableCell => ({ text, span, mergedUp });

/** The district TTHC form with a three-level header laid out as Word does (gridSpan, vMerge). */
function districtTable(values: string[][]): TableBlock {
  return {
    type: 'table',
    index: 0,
    rows: [
      { header: true, cells: [cell('STT'), cell('Lĩnh vực'), cell('Số hồ sơ nhận giải quyết', 4), cell('Kết quả giải quyết', 4)] },
      { header: true, cells: [cell('', 1, true), cell('', 1, true), cell('Tổng số'), cell('Trong đó', 3), cell('Tổng số'), cell('Trước hạn'), cell('Đúng hạn'), cell('Quá hạn')] },
      { header: true, cells: [cell('', 1, true), cell('', 1, true), cell('', 1, true), cell('Trực tuyến'), cell('Trực tiếp, bưu chính'), cell('Kỳ trước chuyển qua'), cell('', 1, true), cell('', 1, true), cell('', 1, true), cell('', 1, true)] },
      { header: false, cells: ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)'].map((t) => cell(t)) },
      ...values.map((v) => ({ header: false, cells: v.map((t) => cell(t)) })),
    ],
  };
}

describe('tables anywhere', () => {
  const clean = [
    ['1', 'Tư pháp', '1.250', '900', '300', '50', '1.200', '1.000', '190', '10'],
    ['2', 'Đất đai', '2.100', '1.400', '620', '80', '2.000', '1.700', '280', '20'],
    ['', 'Tổng cộng', '3.350', '2.300', '920', '130', '3.200', '2.700', '470', '30'],
  ];

  it('a clean three-level table: column totals and the total row are verified, nothing reported', () => {
    // 900 + 300 + 50 = 1.250; 1.000 + 190 + 10 = 1.200; 1.250 + 2.100 = 3.350; 1.200 + 2.000 = 3.200.
    const r = checkTable(districtTable(clean));
    expect(r.findings).toEqual([]);
    expect(r.verified).toBeGreaterThanOrEqual(2 * 3 + 8);
  });

  it('a total column that differs from its "Trong đó" sub-columns is an error naming the header path', () => {
    const bad = clean.map((row) => [...row]);
    bad[1]![4] = '720'; // 1.400 + 720 + 80 = 2.200 ≠ 2.100
    bad[2]![4] = '1.020';
    const r = checkTable(districtTable(bad));
    const f = r.findings.find((x) => x.evidence[0] === '2.100');
    expect(f).toMatchObject({ severity: 'error', expected: '2.200' });
    expect(f?.message).toContain('Số hồ sơ nhận giải quyết / Tổng số');
  });

  it('a TỔNG CỘNG row that is not the sum of the rows above is an error', () => {
    const bad = clean.map((row) => [...row]);
    bad[2]![7] = '2.710'; // 1.000 + 1.700 = 2.700
    const r = checkTable(districtTable(bad));
    expect(r.findings).toEqual(expect.arrayContaining([expect.objectContaining({ severity: 'error', evidence: ['2.710', '1.000', '1.700'], expected: '2.700' })]));
    // The same slip also breaks the row's own split (3.200 ≠ 2.710 + 470 + 30): said, not hidden.
    expect(r.findings.every((f) => f.evidence.includes('2.710'))).toBe(true);
  });

  it('a total row at the top totals the rows below it; codes 1, 1.1, 1.2 are read at their level', () => {
    const t = tableOf(
      ['STT\tĐơn vị\tSố hồ sơ\tĐã giải quyết', '\tToàn tỉnh\t300\t280', '1\tCấp tỉnh\t100\t90', '1.1\tSở Tư pháp\t60\t55', '1.2\tSở Nội vụ\t40\t35', '2\tCấp huyện\t200\t190'].join('\n'),
    );
    expect(checkTable(t).findings).toEqual([]);
  });

  it('rate columns are verified against a count of the row (Cổng dịch vụ công Thừa Thiên Huế, ungrouped portal figures)', () => {
    const t = tableOf(
      [
        'Mức độ\tTổng\tĐã xử lý\tChưa xử lý\tTrước hạn\t\tĐúng hạn\t\tTrễ hạn\t',
        '\t\t\t\tTổng\t%\tTổng\t%\tTổng\t%',
        'Mức 3\t68544\t61827\t6717\t43434\t70,3%\t11795\t19,1%\t4331\t7%',
        'Mức 4\t1665\t1611\t54\t952\t59,1%\t388\t42,1%\t268\t16,6%',
      ].join('\n'),
    );
    // 43.434/61.827 = 70,25%; 11.795/61.827 = 19,08%; 4.331/61.827 = 7,0%; 388/1.611 = 24,08%, not 42,1%.
    const r = checkTable(t);
    expect(r.findings).toEqual([expect.objectContaining({ severity: 'warning', evidence: ['42,1%', '388', expect.any(String)] })]);
  });

  it('a table of text (Phụ lục III tasks) has nothing to verify', () => {
    const t = tableOf(['STT\tNội dung công việc\tSản phẩm đầu ra', '1\tBan hành kế hoạch\tKế hoạch số 02/KH-VPUB ngày 06/02/2022'].join('\n'));
    expect(checkTable(t)).toEqual({ findings: [], verified: 0 });
  });

  it('between column groups: files to resolve = resolved + pending (an excess is an error, a shortfall a warning)', () => {
    const t = (pending: string) =>
      tableOf(
        [
          'STT\tLĩnh vực\tSố hồ sơ nhận giải quyết\tSố hồ sơ đã giải quyết\tSố hồ sơ đang giải quyết',
          `1\tĐất đai\t500\t460\t${pending}`,
          '2\tTư pháp\t300\t290\t10',
        ].join('\n'),
      );
    expect(checkTable(t('40')).findings).toEqual([]);
    expect(checkTable(t('60')).findings).toEqual([expect.objectContaining({ severity: 'error', evidence: ['500', '460', '60'] })]);
    expect(checkTable(t('30')).findings).toEqual([expect.objectContaining({ severity: 'warning', evidence: ['500', '460', '30'] })]);
  });
});

describe('tables: readings that keep quiet', () => {
  it('sub-rows written "- …" under a group are not added to the total again', () => {
    const t = tableOf(['Đơn vị\tSố hồ sơ\tĐã giải quyết', 'Cấp tỉnh\t100\t90', '- Sở Tư pháp\t60\t55', '- Sở Nội vụ\t40\t35', 'Cấp huyện\t200\t190', 'Tổng cộng\t300\t280'].join('\n'));
    expect(checkTable(t).findings).toEqual([]);
  });

  it('overlapping attribute columns without a known partition: an excess is a warning, never an error', () => {
    const t = tableOf(['Đơn vị\tBiên chế\t\t', '\tTổng số\tNữ\tĐảng viên', 'Phòng A\t10\t6\t7', 'Phòng B\t8\t3\t5'].join('\n'));
    expect(checkTable(t).findings.map((f) => f.severity)).toEqual(['warning']);
  });
});
