/**
 * The statement reader and its verification, one block per phrasing family. Phrasings are real
 * (from the seed report and the published excerpts of devset/real, named in each case) or in
 * their style; every expectation is recomputed by hand in its comment.
 */
import { readStatements, verifyStatements, parseNumberWords, type Statement, type Verdict } from '../../src/core/statements';

interface Judged {
  statement: Statement;
  verdict: Verdict;
}

function judge(text: string): Judged[] {
  return verifyStatements(readStatements(text).statements);
}

function describeStatement(s: Statement): string {
  switch (s.kind) {
    case 'sum':
      return `sum ${s.total.text} = ${s.parts.map((p) => p.text).join(' + ')}`;
    case 'share':
      return `share ${s.percent.text} = ${s.part.text}/${s.base.text}`;
    case 'percent-partition':
      return `shares of ${s.total.text}`;
    case 'list-count':
      return `list ${s.count.text}: ${s.items.length}`;
    case 'figure-words':
      return `words ${s.figure.text} (${s.words})`;
    case 'comparison':
      return `change ${s.delta.text}: ${s.current.text} vs ${s.previous.text}`;
  }
}

/** "sum 643.272 = 635.593 + 7.677 → error" lines, for readable expectations. */
function lines(text: string): string[] {
  return judge(text).map(({ statement, verdict }) => `${describeStatement(statement)} → ${verdict.outcome === 'finding' ? verdict.finding.severity : verdict.outcome}`);
}

describe('shares: the percentage right after a count and its base', () => {
  it('"chiếm" inside a breakdown is a share of the breakdown total; the 3,24%-for-3,25% slip is an error (seed A.2.2)', () => {
    const out = lines(
      'Từ ngày 15/12/2021 đến thời điểm báo cáo tại Trung tâm Phục vụ Hành chính công tỉnh đã tiếp nhận 30.407 hồ sơ; đã giải quyết, trả kết quả: 28,375 hồ sơ, chiếm 93,3% (trong đó, trả sớm hạn: 27.448 hồ sơ, chiếm 96,7%; trả đúng hạn: 921 hồ sơ, chiếm 3,24%; trả quá hạn: 6 hồ sơ, chiếm: 0,02%).',
    );
    // 921/28.375 = 3,2458% → 3,25%; 27.448/28.375 = 96,733% → 96,7%; 28.375/30.407 = 93,317% → 93,3%.
    expect(out).toContain('share 3,24% = 921/28,375 → error');
    expect(out).toContain('share 96,7% = 27.448/28,375 → consistent');
    expect(out).toContain('share 0,02% = 6/28,375 → consistent');
    expect(out).toContain('share 93,3% = 28,375/30.407 → consistent');
    expect(out).toContain('sum 28,375 = 27.448 + 921 + 6 → consistent');
  });

  it('"chiếm tỷ lệ", "đạt tỷ lệ", a bare "tỷ lệ" (Báo Lâm Đồng 18/03/2020)', () => {
    const out = lines(
      'Với cấp huyện, 12 huyện, thành phố trong tỉnh trong quý I đã tiếp nhận 340.060 hồ sơ, đã giải quyết 329.596 hồ sơ; trong đó, đúng và trước hạn có 323.911 hồ sơ, đạt tỷ lệ 98,28%, còn 5.685 hồ sơ quá hạn, tỷ lệ 1,7%.',
    );
    // 323.911/329.596 = 98,275% → 98,28%; 5.685/329.596 = 1,725% → 1,7%.
    expect(out).toEqual(expect.arrayContaining(['share 98,28% = 323.911/329.596 → consistent', 'share 1,7% = 5.685/329.596 → consistent']));
  });

  it('a bracketed "(đạt 96,55%)" and "(chiếm 0,29%)" (Cổng TTĐT Vĩnh Phúc 29/09/2021): a rate "đạt" of another base stated in the text makes no claim', () => {
    const judged = judge(
      'Tháng 9/2021, Trung tâm Phục vụ hành chính công tỉnh đã tiếp nhận mới 4.131 hồ sơ, hồ sơ tồn kỳ trước chuyển sang là 2.171, lũy kế đã và đang giải quyết trong kỳ là 6.302 hồ sơ; đến hạn giải quyết là 4.169 hồ sơ. Đã có kết quả trả trước và đúng hạn là 4.157 hồ sơ (đạt 99,71%). Hồ sơ đã trả kết quả nhưng chậm hạn và hồ sơ quá hạn giải quyết nhưng chưa có kết quả là 12 hồ sơ (chiếm 0,29%).',
    );
    // 4.157/4.169 = 99,712% → 99,71%; 12/4.169 = 0,288% → 0,29%.
    expect(judged.filter((j) => j.verdict.outcome === 'finding')).toEqual([]);
    expect(judged.some((j) => j.statement.kind === 'share' && j.statement.percent.text === '99,71%')).toBe(true);
  });

  it('a bare "(35%)" after a count and "bằng"', () => {
    // 140/400 = 35%; 360/400 = 90%, not 80%.
    expect(lines('Năm 2022, huyện tiếp nhận 400 hồ sơ, trong đó 140 hồ sơ (35%) nộp trực tuyến.')).toContain('share 35% = 140/400 → consistent');
    expect(lines('Tiếp nhận 400 hồ sơ; đã giải quyết 360 hồ sơ, bằng 80%.')).toContain('share 80% = 360/400 → warning');
  });

  it('a rate stated before its counts, and a rate with its fraction', () => {
    // 12.168/12.480 = 97,5%; stated 97,9% is off.
    expect(lines('Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,9%; trong đó tổng số hồ sơ đã giải quyết là 12.480 hồ sơ, số hồ sơ đúng hạn là 12.168 hồ sơ.')).toContain(
      'share 97,9% = 12.168/12.480 → error',
    );
    expect(lines('Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,5% (12.168/12.480 hồ sơ).')).toContain('share 97,5% = 12.168/12.480/12.168/12.480 → consistent');
  });

  it('a base named after the percentage ("chiếm … tổng số … (N)")', () => {
    // 41.650/60.118 = 69,28% → 69,3%.
    expect(lines('Số hồ sơ tiếp nhận trực tuyến là 41.650 hồ sơ, chiếm 69,3% tổng số hồ sơ tiếp nhận mới (60.118 hồ sơ).')).toContain('share 69,3% = 41.650/60.118 → consistent');
  });

  it('a rate with its own label ("tỷ lệ … đạt 99,7%") after a count is not a share of it (Báo Thái Nguyên 31/03/2023)', () => {
    const judged = judge('Trong đó, số hồ sơ tiếp nhận trực tuyến là 105.970 hồ sơ, tỷ lệ hồ sơ trực tuyến được giải quyết đúng hạn đạt 99,7%.');
    expect(judged.filter((j) => j.statement.kind === 'share')).toEqual([]);
  });

  it('growth rates, plan rates and approximate counts are never shares (Báo Gia Lai 07/2024, Bắc Ninh TV 10/2023)', () => {
    expect(judge('6 tháng đầu năm có 500 doanh nghiệp thành lập mới, tăng 7,6% so với cùng kỳ; số lao động được giải quyết việc làm là 15.360 lao động, đạt 57,31% kế hoạch.')).toEqual([]);
    expect(judge('Các Sở, ban, ngành tiếp nhận gần 8.500 hồ sơ, trong đó 7.660 hồ sơ tiếp nhận trực tuyến, đạt tỷ lệ 90%.').filter((j) => j.verdict.outcome !== 'unverifiable')).toEqual([]);
  });
});

describe('breakdowns: the cue, the total it belongs to, exhaustiveness', () => {
  it('"; trong đó" with parts that exhaust the total (on time and early + overdue): a shortfall is an error (Báo Lâm Đồng 18/03/2020)', () => {
    // 635.593 + 7.677 = 643.270 ≠ 643.272.
    expect(lines('toàn tỉnh đã tiếp nhận 659.245 hồ sơ, đã giải quyết 643.272 hồ sơ; trong đó, số hồ sơ giải quyết đúng và trước hạn có 635.593 hồ sơ, chiếm tỷ lệ 98,81%; số hồ sơ quá hạn có 7.677 hồ sơ, chiếm tỷ lệ 1,19%.')).toContain(
      'sum 643.272 = 635.593 + 7.677 → error',
    );
  });

  it('parts above the total are an error (Báo Lâm Đồng 25/11/2019: 13.767 + 3.254 + 634 = 17.655 > 17.651)', () => {
    expect(lines('Trong số này đã giải quyết được 17.651 hồ sơ, trong đó có 13.767 hồ sơ trước hạn, chiếm 78%; có 3.254 hồ sơ giải quyết đúng hạn, chiếm 18,4% và số quá hạn còn 634 hồ sơ, chiếm đến 3,6%.')).toContain(
      'sum 17.651 = 13.767 + 3.254 + 634 → error',
    );
  });

  it('new + amended + abolished short of the published total is an error; the second split after ";" is never added (Báo Bà Rịa - Vũng Tàu 09/2020)', () => {
    const out = lines(
      'UBND tỉnh đã ban hành 315 quyết định công bố 7.518 TTHC ở 3 cấp: tỉnh, huyện, xã, trong đó: 3.595 TTHC mới và thay thế, 977 TTHC sửa đổi, bổ sung, 2.926 TTHC bị bãi bỏ. Thực hiện cung ứng dịch vụ công trực tuyến 3 cấp với 2.268 thủ tục gồm 1.833 thủ tục cấp tỉnh, 301 thủ tục cấp huyện và 134 thủ tục cấp xã; trong đó đã cung ứng dịch vụ công mức độ 1,2 là 2.268 thủ tục, mức độ 3 là 1.089 thủ tục và mức độ 4 là 450 thủ tục.',
    );
    // 3.595 + 977 + 2.926 = 7.498 ≠ 7.518; 1.833 + 301 + 134 = 2.268.
    expect(out).toEqual(['sum 7.518 = 3.595 + 977 + 2.926 → error', 'sum 2.268 = 1.833 + 301 + 134 → consistent']);
  });

  it('the parts of a province-wide count are not compared with the last-named count of one level', () => {
    // 800 + 500 > 120 (cấp xã) but ≤ 1.500: no claim either way.
    expect(lines('Tỉnh có 1.500 thủ tục gồm 1.000 thủ tục cấp tỉnh, 380 thủ tục cấp huyện và 120 thủ tục cấp xã; trong đó mức độ 3 là 800 thủ tục, mức độ 4 là 500 thủ tục.')).toEqual([
      'sum 1.500 = 1.000 + 380 + 120 → consistent',
    ]);
  });

  it('"Trong đó," opening the next sentence points back to the total (Báo cáo 1270/BC-TCTTTg 27/12/2017), with nested "(" splits', () => {
    const out = lines(
      'Từ ngày 01/01/2017 đến 25/12/2017, có tổng số 21.914 nhiệm vụ do Chính phủ, Thủ tướng Chính phủ giao các bộ, cơ quan, địa phương. Trong đó, có 16.051 nhiệm vụ đến hạn đã hoàn thành, đạt 98,62% (đúng hạn: 14.068, quá hạn: 1983); chưa hoàn thành: 5.863 (trung hạn: 5.640, quá hạn: 223).',
    );
    // 16.051 + 5.863 = 21.914; 14.068 + 1.983 = 16.051; 5.640 + 223 = 5.863.
    expect(out).toEqual(expect.arrayContaining(['sum 21.914 = 16.051 + 5.863 → consistent', 'sum 16.051 = 14.068 + 1983 → consistent', 'sum 5.863 = 5.640 + 223 → consistent']));
    // "đạt 98,62%" is of tasks due (not stated): never an error.
    expect(judge('Có tổng số 21.914 nhiệm vụ. Trong đó, có 16.051 nhiệm vụ đến hạn đã hoàn thành, đạt 98,62% (đúng hạn: 14.068, quá hạn: 1983); chưa hoàn thành: 5.863.').filter((j) => j.verdict.outcome === 'finding' && j.verdict.finding.severity === 'error')).toEqual([]);
  });

  it('"cụ thể:" with a complete rating (seed B.II.4.14 style) and "gồm" with a shortfall of open parts (a warning with the gap)', () => {
    // 10 + 51 + 05 + 01 = 67 > 66.
    expect(lines('Năm 2022, Văn phòng đánh giá, phân loại 66 cá nhân, cụ thể: hoàn thành xuất sắc nhiệm vụ 10 cá nhân; hoàn thành tốt nhiệm vụ 51 cá nhân; hoàn thành nhiệm vụ 05 cá nhân; không hoàn thành nhiệm vụ 01 cá nhân.')).toEqual([
      'sum 66 = 10 + 51 + 05 + 01 → error',
    ]);
    const [j] = judge('Bộ phận một cửa tiếp nhận 500 hồ sơ, gồm 300 hồ sơ trực tuyến và 150 hồ sơ trực tiếp.');
    expect(j?.verdict.outcome === 'finding' && j.verdict.finding).toMatchObject({ severity: 'warning', message: expect.stringContaining('còn 50') });
  });

  it('":" and "(" right after a total; "Trong số N …," naming the total first', () => {
    // 01 + 05 = 06; 2.436 + 969 = 3.405; 09 + 52 + 01 + 02 = 64.
    expect(lines('Văn phòng xét, cử 06 công chức tham dự kỳ thi nâng ngạch (01 công chức dự thi nâng ngạch Chuyên viên cao cấp; 05 công chức dự thi nâng ngạch Chuyên viên chính).')).toEqual(['sum 06 = 01 + 05 → consistent']);
    expect(lines('Trong số 3.405 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 2.436 hồ sơ và có 969 hồ sơ đã quá hạn.')).toEqual(['sum 3.405 = 2.436 + 969 → consistent']);
    expect(lines('Năm 2021, Văn phòng đã đánh giá đối với 64 cá nhân thuộc Văn phòng quản lý: Hoàn thành xuất sắc nhiệm vụ: 09 cá nhân; Hoàn thành tốt nhiệm vụ: 52 cá nhân; Hoàn thành nhiệm vụ: 01 cá nhân; Không hoàn thành nhiệm vụ: 02 cá nhân.')).toEqual([
      'sum 64 = 09 + 52 + 01 + 02 → consistent',
    ]);
  });

  it('a highlight that is not a partition ("trong đó văn bản mật 404; đơn thư 190") makes no claim', () => {
    expect(lines('Văn phòng UBND tỉnh đã tiếp nhận 24.636 văn bản (trong đó văn bản mật 404; đơn thư 190).').filter((l) => !l.endsWith('unverifiable'))).toEqual([]);
  });

  it('growth rates split "Trong đó" by sector are never added (Báo Gia Lai 07/2024)', () => {
    expect(judge('Tổng sản phẩm trên địa bàn tỉnh (GRDP) ước tính tăng 3,02% so với cùng kỳ năm 2023. Trong đó, khu vực nông-lâm nghiệp và thủy sản tăng 4,26%; khu vực công nghiệp, xây dựng tăng 0,4%; khu vực dịch vụ tăng 3,84%.')).toEqual([]);
  });

  it('shares of a complete split must add to 100%', () => {
    // 1.584 + 2.376 = 3.960; 40% + 66% = 106%.
    expect(lines('Giao 3.960 nhiệm vụ. Trong đó, có thời hạn 1.584 nhiệm vụ (chiếm 40%), không có thời hạn 2.376 nhiệm vụ (chiếm 66%).')).toContain('shares of 3.960 → error');
  });
});

describe('lists, figures in words, changes', () => {
  it('a count and the items listed after it (";", enumerated, "," with "và")', () => {
    expect(lines('Các đơn vị hành chính gồm 08 phòng, ban: Phòng Tổng hợp; Phòng Kinh tế; Phòng Nội chính; Phòng Khoa giáo - Văn xã; Phòng Kiểm soát Thủ tục hành chính; Phòng Tổ chức - Hành chính - Quản trị; Ban Tiếp công dân tỉnh; Trung tâm Phục vụ Hành chính công.')).toEqual([
      'list 08: 8 → consistent',
    ]);
    expect(lines('Năm 2022, Văn phòng tiếp nhận 05 công chức: Nguyễn Văn An; Trần Thị Bình; Lê Văn Cường; Phạm Thị Dung.')).toEqual(['list 05: 4 → error']);
    expect(lines('Văn phòng có 02 sáng kiến bao gồm: (1) Giải pháp họp trực tuyến; (2) Giải pháp họp không giấy tờ; (3) Giải pháp số hóa.')).toEqual(['list 02: 3 → error']);
    const [j] = judge('Văn phòng cử 03 công chức đi học: anh An, chị Bình và anh Cường, chị Dung.');
    expect(j?.verdict.outcome === 'finding' && j.verdict.finding.severity).toBe('warning');
  });

  it('two counts before one list: which one is listed is unclear, no claim (seed B.II.2)', () => {
    expect(judge('Theo đó, đề ra 9 nhóm công việc và 12 nhiệm vụ cụ thể gồm: xây dựng văn bản; rà soát thủ tục; công khai thủ tục; tập huấn.').filter((j) => j.statement.kind === 'list-count')).toEqual([]);
  });

  it('a figure and its words in brackets', () => {
    expect(parseNumberWords('bốn')).toBe(4);
    expect(parseNumberWords('hai mươi mốt')).toBe(21);
    expect(parseNumberWords('một trăm linh năm')).toBe(105);
    expect(parseNumberWords('mười lăm')).toBe(15);
    expect(lines('Văn phòng đã xây dựng 03 (bốn) mô hình điểm.')).toEqual(['words 03 (bốn) → error']);
    expect(lines('Văn phòng đã xây dựng 04 (bốn) mô hình điểm.')).toEqual(['words 04 (bốn) → consistent']);
  });

  it('a change with both values: points or percent of the previous value, either reading (Báo cáo 1270/BC-TCTTTg)', () => {
    // 2,82 − 1,38 = 1,44 points.
    expect(lines('số nhiệm vụ quá hạn của năm 2017 chỉ chiếm 1,38% giảm 1,44% so với cùng kỳ năm trước (2,82%).')).toEqual(['change 1,44%: 1,38% vs 2,82% → consistent']);
    // 88,45 − 86,30 = 2,15, not 2,51.
    expect(lines('Chỉ số năm 2022 đạt 88,45 điểm, tăng 2,51 điểm so với năm 2021 (86,30 điểm).')).toEqual(['change 2,51: 88,45 vs 86,30 → error']);
    // 12.000 is 20% above 10.000.
    expect(lines('Năm 2022 tiếp nhận 12.000 hồ sơ, tăng 20% so với năm 2021 (10.000 hồ sơ).')).toEqual(['change 20%: 12.000 vs 10.000 → consistent']);
  });
});

describe('lists continued in the following lines', () => {
  it('"… 04 công chức:" followed by "- …" lines counts the lines with the first marker', () => {
    const text = ['Năm 2022, Văn phòng tiếp nhận 04 công chức về công tác tại các phòng:', '- Đồng chí Nguyễn Văn An, Phòng Tổng hợp;', '- Đồng chí Trần Thị Bình, Phòng Kinh tế;', '- Đồng chí Lê Văn Cường, Phòng Nội chính.', 'Văn phòng đã bố trí công tác phù hợp.'].join('\n');
    expect(lines(text)).toEqual(['list 04: 3 → error']);
    expect(lines(text.replace('04 công chức', '03 công chức'))).toEqual(['list 03: 3 → consistent']);
  });
});

describe('a base named in words', () => {
  it('"chiếm 52% tổng số hồ sơ mới tiếp nhận" is not judged against another total; "chiếm 45% tổng số hồ sơ tiếp nhận" is', () => {
    // 540/1.200 = 45%; new files are not stated, so 52% of them cannot be checked.
    expect(lines('Bộ phận một cửa tiếp nhận 1.200 hồ sơ, trong đó hồ sơ trực tuyến 540 hồ sơ, chiếm 52% tổng số hồ sơ mới tiếp nhận, hồ sơ trực tiếp 660 hồ sơ.').filter((l) => l.startsWith('share'))).toEqual([]);
    expect(lines('Bộ phận một cửa tiếp nhận 1.200 hồ sơ, trong đó hồ sơ trực tuyến 540 hồ sơ, chiếm 45% tổng số hồ sơ tiếp nhận, hồ sơ trực tiếp 660 hồ sơ.')).toContain('share 45% = 540/1.200 → consistent');
  });
});

describe('"đúng hạn" that includes "trước hạn"', () => {
  it('on time 980 (of which early 700) + overdue 20 = 1.000 is consistent under that reading', () => {
    expect(lines('Đã giải quyết 1.000 hồ sơ, trong đó đúng hạn 980 hồ sơ, trước hạn 700 hồ sơ, quá hạn 20 hồ sơ.')).toEqual(['sum 1.000 = 980 + 700 + 20 → consistent']);
    // Under no reading do 990 + 700 + 20 or 990 + 20 make 1.000.
    expect(lines('Đã giải quyết 1.000 hồ sơ, trong đó đúng hạn 990 hồ sơ, trước hạn 700 hồ sơ, quá hạn 20 hồ sơ.')).toEqual(['sum 1.000 = 990 + 700 + 20 → error']);
  });
});

describe('figures rounded in thousands', () => {
  it('"8,98 ngàn HS" is not a count: no sum or share with it is claimed (Báo Đồng Khởi 08/11/2020)', () => {
    expect(
      lines('Cơ quan chức năng đã giải quyết 8,98 ngàn HS các loại (đạt 88,2%). Trong đó, có 8,96 ngàn HS giải quyết đúng và trước hạn (đạt 99,8%), có 17 HS giải quyết trễ hạn (tỷ lệ 0,2%).'),
    ).toEqual([]);
  });
});

describe('lists that give examples', () => {
  it('"như:" and an open end ("…", "v.v.", "và các văn bản khác") are not the whole list', () => {
    expect(lines('Văn phòng đã ban hành 15 văn bản chỉ đạo như: Kế hoạch số 02/KH-VPUB; Kế hoạch số 20/KH-VPUB; Quyết định số 32/QĐ-VPUB.')).toEqual([]);
    expect(lines('Văn phòng đã ban hành 15 văn bản chỉ đạo: Kế hoạch số 02/KH-VPUB; Kế hoạch số 20/KH-VPUB; Quyết định số 32/QĐ-VPUB; …')).toEqual([]);
    expect(lines('Văn phòng đã ban hành 15 văn bản: Kế hoạch số 02/KH-VPUB; Kế hoạch số 20/KH-VPUB và các văn bản khác.')).toEqual([]);
  });
});

describe('a share of another stated base', () => {
  it('on-time files as a share of files received (not resolved) is one plain reading: no claim', () => {
    // 3.700/4.000 = 92,5% (of received); 3.700/3.800 = 97,4% (of resolved).
    // 100/4.000 = 2,5%: both shares of files received, so they need not add to 100%.
    expect(lines('Tiếp nhận 4.000 hồ sơ. Đã giải quyết 3.800 hồ sơ, trong đó đúng hạn 3.700 hồ sơ (chiếm 92,5%), quá hạn 100 hồ sơ (chiếm 2,5%).')).toEqual([
      'sum 3.800 = 3.700 + 100 → consistent',
      'share 92,5% = 3.700/3.800 → consistent',
      'share 2,5% = 100/3.800 → consistent',
      'shares of 3.800 → consistent',
    ]);
    // Neither base gives 93,5% ("chiếm": an error).
    expect(lines('Tiếp nhận 4.000 hồ sơ. Đã giải quyết 3.800 hồ sơ, trong đó đúng hạn 3.700 hồ sơ (chiếm 93,5%), quá hạn 100 hồ sơ (chiếm 2,5%).')).toEqual(
      expect.arrayContaining(['share 93,5% = 3.700/3.800 → error']),
    );
  });
});
