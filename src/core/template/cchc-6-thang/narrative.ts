/**
 * Fields written in the narrative (and, where the same quantity is also written in an appendix,
 * their appendix occurrences): header meta, part A (member of the provincial steering committee)
 * and part B (reform inside the office).
 *
 * `before`/`after` are short wordings copied from the report; matching ignores case, spaces and
 * punctuation. Rollover (see schema.ts): figures of the period are 'period'; plans of the year and
 * figures "lũy kế" are 'year-to-date'; staffing quotas, headcounts and organisation are
 * 'standing'; a comparison with the previous year is 'previous-reference'; dates and period
 * labels of the report itself are 'report-meta'.
 */
import type { Field } from '../schema';
import { cell, count, field, nar, output, percent } from './builders';

const meta: Field[] = [
  field('meta.reportDate', {
    label: 'Ngày ký báo cáo',
    section: 'header',
    kind: 'date',
    rollover: 'report-meta',
    meta: 'reportDate',
    occurrences: [nar('header', 'Sơn La,')],
  }),
  field('meta.periodLabel', {
    label: 'Kỳ báo cáo (tiêu đề)',
    section: 'header',
    kind: 'text',
    rollover: 'report-meta',
    meta: 'periodLabel',
    occurrences: [
      nar('header', 'Kết quả thực hiện công tác cải cách hành chính', '; Phương hướng, nhiệm vụ trọng tâm'),
      nar('header', 'Văn phòng UBND tỉnh báo cáo kết quả thực hiện công tác cải cách hành chính', '; phương hướng, nhiệm vụ'),
    ],
  }),
  field('meta.nextPeriodLabel', {
    label: 'Kỳ tới (phương hướng, nhiệm vụ)',
    section: 'header',
    kind: 'text',
    rollover: 'report-meta',
    meta: 'nextPeriodLabel',
    occurrences: [nar('header', 'Phương hướng, nhiệm vụ trọng tâm'), nar('header', 'phương hướng, nhiệm vụ', 'như sau')],
  }),
  field('meta.dataFrom', {
    label: 'Ngày bắt đầu lấy số liệu',
    section: 'header',
    kind: 'date',
    rollover: 'report-meta',
    meta: 'dataFrom',
    occurrences: [
      nar('A.2.2', 'Từ ngày', 'đến thời điểm báo cáo'),
      nar('B.II.2.2', 'Tính từ', 'đến thời điểm báo cáo'),
      nar('B.II.6', 'Kết quả tính từ', 'đến ngày'),
      nar('B.II.6', 'Công báo điện tử ký số, từ', 'đến nay'),
    ],
  }),
  field('meta.dataTo', {
    label: 'Ngày chốt số liệu',
    section: 'header',
    kind: 'date',
    rollover: 'report-meta',
    meta: 'dataTo',
    occurrences: [nar('B.II.6', 'đến ngày', 'Văn phòng UBND tỉnh đã tiếp nhận')],
  }),
  field('meta.pl1Caption', {
    label: 'Kỳ báo cáo ghi ở Phụ lục I',
    section: 'PL-I',
    kind: 'text',
    rollover: 'report-meta',
    meta: 'caption',
    occurrences: [nar('PL-I', 'kèm theo Báo cáo', 'của Văn phòng UBND tỉnh')],
  }),
  field('meta.pl3Caption', {
    label: 'Kỳ báo cáo ghi ở Phụ lục III',
    section: 'PL-III',
    kind: 'text',
    rollover: 'report-meta',
    meta: 'caption',
    occurrences: [nar('PL-III', 'kèm theo Báo cáo', 'của Văn phòng UBND tỉnh')],
  }),
  field('meta.pl3TitlePeriod', {
    label: 'Kỳ báo cáo ghi ở tiêu đề Phụ lục III',
    section: 'PL-III',
    kind: 'text',
    rollover: 'report-meta',
    meta: 'titlePeriod',
    occurrences: [nar('PL-III', 'các nhiệm vụ cụ thể công tác cải cách hành chính', 'kèm theo')],
  }),
];

/** A. Nhiệm vụ của thành viên Ban chỉ đạo tỉnh về CCHC. */
const partA: Field[] = [
  // A.2.1 Kiểm soát TTHC
  count(
    'a21.publishDecisions',
    'Số quyết định công bố TTHC/danh mục TTHC đã trình ban hành',
    'A.2.1',
    'quyết định',
    'period',
    nar('A.2.1', 'trình Chủ tịch UBND tỉnh ban hành', 'Quyết định công bố TTHC'),
    nar('A.2.1', 'Kết quả, đã ban hành', 'Quyết định công bố danh mục'),
    output('III.3', { before: 'ban hành', after: 'Quyết định công bố' }),
  ),
  count(
    'a21.pakn.received',
    'Số phản ánh, kiến nghị (PAKN) về quy định TTHC đã tiếp nhận',
    'A.2.1',
    'PAKN',
    'period',
    nar('A.2.1', 'đã tiếp nhận', 'phản ánh kiến nghị'),
    cell('II', 2, '3.4.1'),
  ),
  count(
    'a21.pakn.resolved',
    'Số PAKN đã giải quyết xong',
    'A.2.1',
    'PAKN',
    'period',
    cell('II', 2, '3.4.2'),
    output('III.8', { after: 'phản ánh kiến nghị đã giải quyết xong' }),
  ),
  count('a21.pakn.pending', 'Số PAKN đang chờ công dân bổ sung thông tin', 'A.2.1', 'PAKN', 'period', cell('II', 2, '3.4.2', { after: 'PAKN đang chờ' })),
  field('a21.commBusinesses', {
    label: 'Số doanh nghiệp được truyền thông về kiểm soát TTHC',
    section: 'A.2.1',
    kind: 'count',
    unit: 'doanh nghiệp',
    rollover: 'period',
    occurrences: [nar('A.2.1', 'người dân và', 'doanh nghiệp')],
    note: '"người dân và 6 doanh nghiệp": có thể là chữ số gõ nhầm; vẫn là một số liệu phải rà soát.',
  }),
  field('a21.inspectionPlanDate', {
    label: 'Ngày Tổ công tác ban hành Kế hoạch kiểm tra kiểm soát TTHC',
    section: 'A.2.1',
    kind: 'date',
    rollover: 'year-to-date',
    occurrences: [nar('A.2.1', 'Ngày', 'Tổ công tác của Chủ tịch')],
  }),

  // A.2.2 Trung tâm Phục vụ Hành chính công tỉnh
  count('a22.received', 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh', 'A.2.2', 'hồ sơ', 'period', nar('A.2.2', 'đã tiếp nhận', 'hồ sơ')),
  count('a22.resolved', 'Số hồ sơ đã giải quyết, trả kết quả', 'A.2.2', 'hồ sơ', 'period', nar('A.2.2', 'đã giải quyết, trả kết quả', 'hồ sơ, chiếm')),
  percent('a22.resolvedPct', 'Tỷ lệ hồ sơ đã giải quyết (trên số tiếp nhận)', 'A.2.2', 'period', nar('A.2.2', 'hồ sơ, chiếm', '(trong đó')),
  count('a22.early', 'Số hồ sơ trả sớm hạn', 'A.2.2', 'hồ sơ', 'period', nar('A.2.2', 'trả sớm hạn', 'hồ sơ')),
  percent('a22.earlyPct', 'Tỷ lệ hồ sơ trả sớm hạn (trên số đã giải quyết)', 'A.2.2', 'period', nar('A.2.2', 'chiếm', '; trả đúng hạn')),
  count('a22.onTime', 'Số hồ sơ trả đúng hạn', 'A.2.2', 'hồ sơ', 'period', nar('A.2.2', 'trả đúng hạn', 'hồ sơ')),
  percent('a22.onTimePct', 'Tỷ lệ hồ sơ trả đúng hạn (trên số đã giải quyết)', 'A.2.2', 'period', nar('A.2.2', 'chiếm', '; trả quá hạn')),
  count('a22.late', 'Số hồ sơ trả quá hạn', 'A.2.2', 'hồ sơ', 'period', nar('A.2.2', 'trả quá hạn', 'hồ sơ')),
  percent('a22.latePct', 'Tỷ lệ hồ sơ trả quá hạn (trên số đã giải quyết)', 'A.2.2', 'period', nar('A.2.2', 'chiếm', 'Hồ sơ đang giải quyết')),
  count('a22.pending', 'Số hồ sơ đang giải quyết', 'A.2.2', 'hồ sơ', 'period', nar('A.2.2', 'Hồ sơ đang giải quyết', 'hồ sơ')),
  // Last "chiếm" of the paragraph: nothing distinctive follows the figure.
  percent('a22.pendingPct', 'Tỷ lệ hồ sơ đang giải quyết (trên số tiếp nhận)', 'A.2.2', 'period', nar('A.2.2', 'chiếm', undefined, { nth: 5 })),

  // A.3 Nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao (Tổ công tác 1169)
  count('a3.y2021.documents', 'Số văn bản chỉ đạo, giao nhiệm vụ các cơ quan đã tiếp nhận (năm 2021)', 'A.3', 'văn bản', 'period', nar('A.3', 'tiếp nhận tổng cộng', 'văn bản chỉ đạo')),
  count('a3.y2021.tasks', 'Số nhiệm vụ được giao (năm 2021)', 'A.3', 'nhiệm vụ', 'period', nar('A.3', 'Chủ tịch UBND tỉnh, với', 'nhiệm vụ')),
  count('a3.y2021.withDeadline', 'Số nhiệm vụ có thời hạn (năm 2021)', 'A.3', 'nhiệm vụ', 'period', nar('A.3', 'Có thời hạn', 'nhiệm vụ')),
  percent('a3.y2021.withDeadlinePct', 'Tỷ lệ nhiệm vụ có thời hạn (năm 2021)', 'A.3', 'period', nar('A.3', 'chiếm', 'không thời hạn')),
  count('a3.y2021.withoutDeadline', 'Số nhiệm vụ không thời hạn (năm 2021)', 'A.3', 'nhiệm vụ', 'period', nar('A.3', 'không thời hạn', 'nhiệm vụ')),
  percent('a3.y2021.withoutDeadlinePct', 'Tỷ lệ nhiệm vụ không thời hạn (năm 2021)', 'A.3', 'period', nar('A.3', 'chiếm', 'Đánh giá những mặt')),
  count('a3.recommendations', 'Số đề nghị Tổ công tác đưa ra', 'A.3', 'đề nghị', 'period', nar('A.3', 'đưa ra', 'đề nghị')),
  count('a3.inspectPerQuarter.depts', 'Số sở, ngành kiểm tra mỗi quý (theo kế hoạch)', 'A.3', 'sở, ngành', 'year-to-date', nar('A.3', 'kiểm tra mỗi quý', 'sở, ngành')),
  count('a3.inspectPerQuarter.districts', 'Số huyện, thành phố kiểm tra mỗi quý (theo kế hoạch)', 'A.3', 'huyện, thành phố', 'year-to-date', nar('A.3', 'sở, ngành và', 'huyện, thành phố')),
  field('a3.inspectionFrom', { label: 'Thời gian kiểm tra dự kiến: từ ngày', section: 'A.3', kind: 'date', rollover: 'year-to-date', occurrences: [nar('A.3', 'dự kiến từ', 'đến ngày')] }),
  field('a3.inspectionTo', { label: 'Thời gian kiểm tra dự kiến: đến ngày', section: 'A.3', kind: 'date', rollover: 'year-to-date', occurrences: [nar('A.3', 'đến ngày', 'Nội dung kiểm tra')] }),
  // Nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao (unnumbered heading inside A.3)
  count('a3.govTasks.received', 'Số nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao', 'A.3', 'nhiệm vụ', 'period', nar('A.3', 'UBND tỉnh tiếp nhận', 'nhiệm vụ do Chính phủ'), cell('II', 1, '1.1')),
  count('a3.govTasks.onTime', 'Số nhiệm vụ Chính phủ giao đã hoàn thành đúng hạn', 'A.3', 'nhiệm vụ', 'period', nar('A.3', 'hoàn thành đúng hạn', 'nhiệm vụ'), cell('II', 1, '1.2')),
];

/** B.I Công tác chỉ đạo điều hành. */
const partBI: Field[] = [
  field('bi1.planDate', { label: 'Ngày ban hành Kế hoạch CCHC năm của Văn phòng', section: 'B.I.1', kind: 'date', rollover: 'year-to-date', occurrences: [nar('B.I.1', 'Ngày', 'Văn phòng đã ban hành Kế hoạch')] }),
  count('bi1.planTasks', 'Số nhiệm vụ đề ra trong Kế hoạch CCHC năm', 'B.I.1', 'nhiệm vụ', 'year-to-date', nar('B.I.1', 'đề ra', 'nhiệm vụ thực hiện'), cell('I', 1, '2.1')),
  field('bi1.planProgress', { label: 'Tiến độ triển khai Kế hoạch CCHC (đã triển khai/đề ra)', section: 'B.I.1', kind: 'fraction', unit: 'nhiệm vụ', rollover: 'year-to-date', occurrences: [nar('B.I.1', 'đã triển khai', 'nhiệm vụ')] }),
  count('bi1.tasksDone', 'Số nhiệm vụ của Kế hoạch CCHC đã hoàn thành', 'B.I.1', 'nhiệm vụ', 'year-to-date', cell('I', 1, '2.2')),

  field('bi21.rank', { label: 'Xếp hạng Chỉ số CCHC năm trước của Văn phòng (thứ hạng/số sở, ban, ngành)', section: 'B.I.2.1', kind: 'fraction', unit: 'sở, ban, ngành', rollover: 'period', occurrences: [nar('B.I.2.1', 'đứng thứ', 'sở, ban, ngành')] }),
  field('bi21.rankGain', {
    label: 'Số bậc tăng so với năm liền trước',
    section: 'B.I.2.1',
    kind: 'count',
    unit: 'bậc',
    rollover: 'previous-reference',
    comparedYear: { after: 'bậc so với năm' },
    occurrences: [nar('B.I.2.1', 'tăng', 'bậc so với')],
  }),

  count('bi22.officeMeetings', 'Số cuộc họp giao ban giữa Lãnh đạo Văn phòng với Lãnh đạo các phòng, ban, đơn vị', 'B.I.2.2', 'cuộc', 'period', nar('B.I.2.2', 'đã tổ chức', 'cuộc họp giao ban')),
  count('bi22.leaderMeetings', 'Số cuộc giao ban giữa Chủ tịch với các Phó Chủ tịch, Lãnh đạo Văn phòng', 'B.I.2.2', 'cuộc', 'period', nar('B.I.2.2', 'Lãnh đạo các phòng, ban, đơn vị;', 'cuộc giao ban')),

  field('bi23.inspectionPlan', { label: 'Số phòng, ban, đơn vị sẽ kiểm tra/tổng số', section: 'B.I.2.3', kind: 'fraction', unit: 'phòng, ban, đơn vị', rollover: 'year-to-date', occurrences: [nar('B.I.2.3', 'kiểm tra tại', 'phòng, ban, đơn vị')] }),
  count('bi23.unitsPlanned', 'Số cơ quan, đơn vị đề ra trong kế hoạch tự kiểm tra', 'B.I.2.3', 'cơ quan, đơn vị', 'year-to-date', cell('I', 1, '3.1')),
  field('bi23.unitsTotal', {
    label: 'Tổng số phòng, ban, đơn vị trực thuộc Văn phòng (mẫu số của kế hoạch kiểm tra)',
    section: 'B.I.2.3',
    kind: 'count',
    unit: 'phòng, ban, đơn vị',
    rollover: 'standing',
    occurrences: [nar('B.I.2.3', 'kiểm tra tại', 'phòng, ban, đơn vị', { component: 2 })],
  }),
  field('bi23.inspectionMonths', { label: 'Thời gian kiểm tra dự kiến', section: 'B.I.2.3', kind: 'text', rollover: 'year-to-date', occurrences: [nar('B.I.2.3', 'Thời gian kiểm tra dự kiến vào', 'Nội dung kiểm tra')] }),

  count('bi24.reviewedCollectives', 'Số tập thể được bình xét thi đua, khen thưởng', 'B.I.2.4', 'tập thể', 'period', nar('B.I.2.4', 'khen thưởng đối với', 'tập thể và')),
  count('bi24.reviewedIndividuals', 'Số cá nhân được bình xét thi đua, khen thưởng', 'B.I.2.4', 'cá nhân', 'period', nar('B.I.2.4', 'tập thể và', 'cá nhân đã thực hiện tốt')),
  count('bi24.advancedCollectives', 'Số tập thể được tặng danh hiệu Lao động tiên tiến', 'B.I.2.4', 'tập thể', 'period', nar('B.I.2.4', 'Lao động tiên tiến đối với', 'tập thể')),
  count('bi24.advancedIndividuals', 'Số cá nhân được tặng danh hiệu Lao động tiên tiến', 'B.I.2.4', 'cá nhân', 'period', nar('B.I.2.4', 'tập thể và', 'cá nhân; tặng danh hiệu chiến sỹ')),
  count('bi24.emulationFighters', 'Số cá nhân đạt danh hiệu Chiến sỹ thi đua cấp cơ sở', 'B.I.2.4', 'cá nhân', 'period', nar('B.I.2.4', 'cấp cơ sở đối với', 'cá nhân')),
  count('bi24.certCollectives', 'Số tập thể được tặng Giấy khen của Chánh Văn phòng', 'B.I.2.4', 'tập thể', 'period', nar('B.I.2.4', 'Chánh Văn phòng đối với', 'tập thể')),
  count('bi24.certIndividuals', 'Số cá nhân được tặng Giấy khen của Chánh Văn phòng', 'B.I.2.4', 'cá nhân', 'period', nar('B.I.2.4', 'tập thể và', 'cá nhân hoàn thành tốt')),
  count('bi24.excellentCollectives', 'Số tập thể đạt danh hiệu "Tập thể lao động xuất sắc"', 'B.I.2.4', 'tập thể', 'period', nar('B.I.2.4', 'Tập thể lao động xuất sắc" đối với', 'tập thể')),
  count('bi24.meritCollectives', 'Số tập thể được Chủ tịch UBND tỉnh tặng Bằng khen', 'B.I.2.4', 'tập thể', 'period', nar('B.I.2.4', 'năm 2021 và', 'tập thể được Chủ tịch')),
  count('bi24.meritIndividuals', 'Số cá nhân được Chủ tịch UBND tỉnh tặng Bằng khen', 'B.I.2.4', 'cá nhân', 'period', nar('B.I.2.4', 'chuyên môn năm 2021;', 'cá nhân được Chủ tịch')),
  count('bi24.justiceMedals', 'Số cá nhân được tặng Kỷ niệm chương vì sự nghiệp Tư pháp', 'B.I.2.4', 'cá nhân', 'period', nar('B.I.2.4', 'Sơn La;', 'cá nhân được Bộ trưởng')),

  count('bi25.portalNews', 'Số tin, bài về CCHC đưa lên Cổng TTĐT tỉnh', 'B.I.2.5', 'tin, bài', 'period', nar('B.I.2.5', 'Trung tâm thông tin đưa', 'tin, bài')),
  count('bi25.portalDocs', 'Số văn bản về CCHC đưa lên Cổng TTĐT tỉnh', 'B.I.2.5', 'văn bản', 'period', nar('B.I.2.5', 'tin, bài và', 'văn bản về cải cách')),
  count('bi25.siteDocs', 'Số văn bản đăng trên Trang TTĐT của Văn phòng', 'B.I.2.5', 'văn bản', 'period', nar('B.I.2.5', 'Cổng thông tin điện tử của tỉnh;', 'văn bản')),
  count('bi25.siteBulletins', 'Số bản tin tình hình tiếp nhận hồ sơ đăng trên Trang TTĐT của Văn phòng', 'B.I.2.5', 'bản tin', 'period', nar('B.I.2.5', 'văn bản,', 'bản tin')),
  field('bi25.conferenceDate', { label: 'Ngày Hội nghị triển khai nhiệm vụ năm', section: 'B.I.2.5', kind: 'date', rollover: 'year-to-date', occurrences: [nar('B.I.2.5', 'Ngày', 'tại Hội nghị triển khai')] }),

  count('bi26.initiatives', 'Số sáng kiến CCHC được công nhận cấp cơ sở đang triển khai', 'B.I.2.6', 'sáng kiến', 'standing', nar('B.I.2.6', 'Văn phòng đã có', 'sáng kiến')),
  field('bi26.initiativeList', { label: 'Danh sách sáng kiến CCHC', section: 'B.I.2.6', kind: 'text', rollover: 'standing', occurrences: [nar('B.I.2.6', 'đang tiếp tục thực hiện bao gồm')] }),
  percent('bi26.ecabPrintSaving', 'eCabinet: tỷ lệ tiết kiệm chi phí photo, in ấn tài liệu', 'B.I.2.6', 'standing', nar('B.I.2.6', 'Tiết kiệm khoảng', 'chi phí cho photo')),
  percent('bi26.ecabMaintenanceSaving', 'eCabinet: tỷ lệ giảm chi phí bảo dưỡng máy photo, máy in', 'B.I.2.6', 'standing', nar('B.I.2.6', 'giảm khoảng', 'chi phí bảo dưỡng')),
  percent('bi26.ecabDeliverySaving', 'eCabinet: tỷ lệ giảm chi phí chuyển phát văn bản', 'B.I.2.6', 'standing', nar('B.I.2.6', 'giảm', 'chi phí cho việc chuyển phát')),
  percent('bi26.ecabMeetingTimeSaving', 'eCabinet: tỷ lệ giảm thời gian họp', 'B.I.2.6', 'standing', nar('B.I.2.6', 'giảm khoảng', 'thời gian họp')),
];

/** B.II Kết quả thực hiện công tác CCHC. */
const partBII: Field[] = [
  count('bii11.legalDocs', 'Số văn bản QPPL đã tham mưu ban hành', 'B.II.1.1', 'văn bản', 'period', nar('B.II.1.1', 'Đã trình UBND tỉnh ban hành', 'văn bản QPPL'), cell('I', 2, '1')),

  count('bii2.kstthcGroups', 'Số nhóm công việc của Kế hoạch kiểm soát TTHC', 'B.II.2', 'nhóm công việc', 'year-to-date', nar('B.II.2', 'đề ra', 'nhóm công việc')),
  count('bii2.kstthcTasks', 'Số nhiệm vụ cụ thể của Kế hoạch kiểm soát TTHC', 'B.II.2', 'nhiệm vụ', 'year-to-date', nar('B.II.2', 'nhóm công việc và', 'nhiệm vụ cụ thể')),
  field('bii2.kstthcGroupList', { label: 'Các nhóm công việc của Kế hoạch kiểm soát TTHC', section: 'B.II.2', kind: 'text', rollover: 'year-to-date', occurrences: [nar('B.II.2', 'nhiệm vụ cụ thể gồm')] }),

  count('bii22.received', 'Số hồ sơ Văn phòng đã tiếp nhận (một cửa)', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'Văn phòng đã tiếp nhận', 'hồ sơ (trong đó')),
  count('bii22.receivedNew', 'Số hồ sơ tiếp nhận mới', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'hồ sơ tiếp nhận mới là', 'hồ sơ')),
  count('bii22.carriedOver', 'Số hồ sơ kỳ trước chuyển sang', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'chưa giải quyết xong là', 'hồ sơ')),
  count('bii22.resolved', 'Số hồ sơ đã giải quyết', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'Đã giải quyết', 'hồ sơ (trong đó')),
  count('bii22.early', 'Số hồ sơ trả sớm hạn', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'trả sớm hạn', 'hồ sơ')),
  count('bii22.onTime', 'Số hồ sơ trả đúng hạn', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'đúng hạn', 'hồ sơ')),
  count('bii22.returned', 'Số hồ sơ trả lại', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'trả lại', 'hồ sơ')),
  count('bii22.pending', 'Số hồ sơ đang giải quyết', 'B.II.2.2', 'hồ sơ', 'period', nar('B.II.2.2', 'còn', 'hồ sơ đang giải quyết')),

  count('bii31.deputyChiefs', 'Số Phó Chánh Văn phòng', 'B.II.3.1', 'người', 'standing', nar('B.II.3.1', 'Chánh Văn phòng và', 'Phó Chánh')),
  count('bii31.depts', 'Số phòng, ban (đơn vị hành chính) của Văn phòng', 'B.II.3.1', 'phòng, ban', 'standing', nar('B.II.3.1', 'đơn vị hành chính gồm', 'phòng, ban')),
  field('bii31.deptList', { label: 'Danh sách phòng, ban của Văn phòng', section: 'B.II.3.1', kind: 'text', rollover: 'standing', occurrences: [nar('B.II.3.1', 'phòng, ban:')] }),
  count('bii31.publicUnits', 'Số đơn vị sự nghiệp công lập trực thuộc', 'B.II.3.1', 'đơn vị', 'standing', nar('B.II.3.1', 'Đơn vị sự nghiệp gồm', 'đơn vị'), cell('I', 5, '1')),
  // Third "đơn vị" of the passage ("Các đơn vị hành chính", "Đơn vị sự nghiệp", "3 đơn vị:").
  field('bii31.publicUnitList', { label: 'Danh sách đơn vị sự nghiệp trực thuộc', section: 'B.II.3.1', kind: 'text', rollover: 'standing', occurrences: [nar('B.II.3.1', 'đơn vị:', undefined, { nth: 3 })] }),

  field('bii43.trainingPlanDate', { label: 'Ngày ban hành Kế hoạch đào tạo, bồi dưỡng năm', section: 'B.II.4.3', kind: 'date', rollover: 'year-to-date', occurrences: [nar('B.II.4.3', 'Ngày', 'Văn phòng đã ban hành Kế hoạch')] }),
  count(
    'bii43.politicalTraining',
    'Số công chức được cử đi học Trung cấp Lý luận chính trị',
    'B.II.4.3',
    'công chức',
    'period',
    nar('B.II.4.3', 'đã cử', 'công chức đi học Trung cấp'),
    nar('B.II.4.9', 'đã cử', 'công chức đi học Trung cấp'),
  ),
  count(
    'bii43.postgraduate',
    'Số công chức, viên chức được cử đi học trên đại học',
    'B.II.4.3',
    'người',
    'period',
    nar('B.II.4.3', 'cử', 'công chức, viên chức đi học trên đại học'),
    nar('B.II.4.9', 'cử', 'công chức, viên chức đi học trên đại học'),
  ),

  count('bii44.civilQuota', 'Biên chế công chức được giao', 'B.II.4.4', 'người', 'standing', nar('B.II.4.4', 'công chức được giao là', 'đang thực hiện'), cell('I', 3, '2.1')),
  count('bii44.civilActual', 'Biên chế công chức có mặt', 'B.II.4.4', 'người', 'standing', nar('B.II.4.4', 'đang thực hiện', 'biên chế sự nghiệp'), cell('I', 3, '2.2')),
  count('bii44.publicQuota', 'Số người làm việc (biên chế sự nghiệp) được giao', 'B.II.4.4', 'người', 'standing', nar('B.II.4.4', 'biên chế sự nghiệp', 'đang thực hiện'), cell('I', 3, '3.1')),
  count('bii44.publicActual', 'Số người làm việc (biên chế sự nghiệp) có mặt', 'B.II.4.4', 'người', 'standing', nar('B.II.4.4', 'đang thực hiện', 'Hợp đồng'), cell('I', 3, '3.2')),
  count('bii44.contracts', 'Số hợp đồng lao động', 'B.II.4.4', 'người', 'standing', nar('B.II.4.4', 'Hợp đồng là', 'Tổng số viên chức'), cell('I', 3, '2.3')),
  count('bii44.guestHouseStaff', 'Tổng số viên chức hai đơn vị sự nghiệp tự chủ (Nhà khách)', 'B.II.4.4', 'người', 'standing', nar('B.II.4.4', 'Nhà khách UBND tỉnh là', 'người')),
  percent('bii44.guestHouseAutonomyPct', 'Mức tự chủ tài chính của hai Nhà khách', 'B.II.4.4', 'standing', nar('B.II.4.4', 'tự chủ tài chính', 'tự trang trải')),

  count('bii47.appointments', 'Số công chức lãnh đạo quản lý được đề nghị bổ nhiệm', 'B.II.4.7', 'công chức', 'period', nar('B.II.4.7', 'bổ nhiệm', 'công chức lãnh đạo quản lý')),
  field('bii47.appointmentList', { label: 'Các chức danh được đề nghị bổ nhiệm', section: 'B.II.4.7', kind: 'text', rollover: 'period', occurrences: [nar('B.II.4.7', 'công chức lãnh đạo quản lý')] }),
  count('bii47.earlyRaise', 'Số công chức được nâng lương trước thời hạn', 'B.II.4.7', 'công chức', 'period', nar('B.II.4.7', 'trước thời hạn cho', 'công chức')),
  count('bii47.regularRaise', 'Số công chức, viên chức được nâng lương thường xuyên', 'B.II.4.7', 'người', 'period', nar('B.II.4.7', 'nâng lương thường xuyên đối với', 'công chức, viên chức')),
  count('bii47.standingCommitteeRaise', 'Số cán bộ diện Ban Thường vụ Tỉnh ủy quản lý trình nâng lương', 'B.II.4.7', 'cán bộ', 'period', nar('B.II.4.7', 'nâng lương thường xuyên đối với', 'cán bộ thuộc diện')),
  count('bii47.seniorityAllowance', 'Số công chức được nâng phụ cấp thâm niên vượt khung', 'B.II.4.7', 'công chức', 'period', nar('B.II.4.7', 'vượt khung đối với', 'công chức')),
  count('bii47.retirements', 'Số công chức nghỉ hưu', 'B.II.4.7', 'công chức', 'period', nar('B.II.4.7', 'nghỉ hưu đối với', 'công chức')),

  count('bii411.promotionExam', 'Số công chức được cử dự thi nâng ngạch', 'B.II.4.11', 'công chức', 'period', nar('B.II.4.11', 'xét, cử', 'công chức tham dự')),
  count('bii411.seniorExpert', 'Số công chức dự thi nâng ngạch Chuyên viên cao cấp', 'B.II.4.11', 'công chức', 'period', nar('B.II.4.11', 'Bộ Nội vụ và UBND tỉnh tổ chức', 'công chức dự thi nâng ngạch Chuyên viên cao cấp')),
  count('bii411.principalExpert', 'Số công chức dự thi nâng ngạch Chuyên viên chính', 'B.II.4.11', 'công chức', 'period', nar('B.II.4.11', 'Chuyên viên cao cấp;', 'công chức dự thi nâng ngạch Chuyên viên chính')),

  count('bii414.evaluated', 'Số cá nhân được đánh giá, phân loại (năm trước)', 'B.II.4.14', 'cá nhân', 'period', nar('B.II.4.14', 'nhiệm vụ đối với', 'cá nhân thuộc Văn phòng')),
  count('bii414.excellent', 'Số cá nhân hoàn thành xuất sắc nhiệm vụ', 'B.II.4.14', 'cá nhân', 'period', nar('B.II.4.14', 'Hoàn thành xuất sắc nhiệm vụ', 'cá nhân')),
  count('bii414.good', 'Số cá nhân hoàn thành tốt nhiệm vụ', 'B.II.4.14', 'cá nhân', 'period', nar('B.II.4.14', 'Hoàn thành tốt nhiệm vụ', 'cá nhân')),
  count('bii414.completed', 'Số cá nhân hoàn thành nhiệm vụ', 'B.II.4.14', 'cá nhân', 'period', nar('B.II.4.14', 'cá nhân; Hoàn thành nhiệm vụ', 'cá nhân')),
  count('bii414.failed', 'Số cá nhân không hoàn thành nhiệm vụ', 'B.II.4.14', 'cá nhân', 'period', nar('B.II.4.14', 'Không hoàn thành nhiệm vụ', 'cá nhân')),
  count('bii414.provincialCadres', 'Số cán bộ thuộc diện Tỉnh ủy quản lý đề nghị đánh giá', 'B.II.4.14', 'cán bộ', 'period', nar('B.II.4.14', 'đối với', 'cán bộ và')),
  count('bii414.provincialCivil', 'Số công chức thuộc diện Tỉnh ủy quản lý đề nghị đánh giá', 'B.II.4.14', 'công chức', 'period', nar('B.II.4.14', 'cán bộ và', 'công chức thuộc diện')),

  percent('bii6.iofficePct', 'Tỷ lệ văn bản đi, đến xử lý trên phần mềm ioffice', 'B.II.6', 'period', nar('B.II.6', 'Quản lý văn bản điều hành', 'văn bản đi và văn bản đến')),
  count('bii6.docsReceived', 'Số văn bản Văn phòng đã tiếp nhận', 'B.II.6', 'văn bản', 'period', nar('B.II.6', 'Văn phòng UBND tỉnh đã tiếp nhận', 'văn bản (trong đó')),
  count('bii6.docsSecret', 'Trong đó: văn bản mật', 'B.II.6', 'văn bản', 'period', nar('B.II.6', 'văn bản mật', 'đơn thư')),
  count('bii6.petitions', 'Trong đó: đơn thư', 'B.II.6', 'đơn thư', 'period', nar('B.II.6', 'đơn thư', 'Ban hành')),
  count('bii6.docsIssued', 'Số văn bản đã ban hành (UBND tỉnh, Chủ tịch UBND tỉnh, Văn phòng)', 'B.II.6', 'văn bản', 'period', nar('B.II.6', 'Ban hành', 'văn bản của UBND tỉnh')),
  count('bii6.gazetteIssues', 'Số số Công báo in đã ký số', 'B.II.6', 'số', 'period', nar('B.II.6', 'đã ký số được', 'số Công báo in')),
  count('bii6.gazetteDocs', 'Số văn bản đăng trên Website Công báo điện tử', 'B.II.6', 'văn bản', 'period', nar('B.II.6', 'Công báo in;', 'văn bản trên Website')),
  count('bii6.onlineMeetingsCentral', 'Số cuộc họp trực tuyến với các bộ, ngành Trung ương', 'B.II.6', 'cuộc', 'period', nar('B.II.6', 'đã tổ chức', 'cuộc họp trực tuyến với các bộ')),
  count('bii6.onlineMeetingsLocal', 'Số cuộc họp trực tuyến giữa UBND tỉnh với UBND các huyện, thành phố', 'B.II.6', 'cuộc', 'period', nar('B.II.6', 'Trung ương và', 'cuộc họp trực tuyến giữa')),
  count('bii6.paperlessRooms', 'Số phòng họp không giấy tờ', 'B.II.6', 'phòng họp', 'standing', nar('B.II.6', 'phòng họp không giấy tờ tại', 'phòng họp UBND tỉnh')),
  field('bii6.paperlessRoomList', { label: 'Các phòng họp không giấy tờ (số phòng)', section: 'B.II.6', kind: 'text', rollover: 'standing', occurrences: [nar('B.II.6', 'phòng họp UBND tỉnh', 'Văn phòng đã được')] }),
];

export const NARRATIVE_FIELDS: Field[] = [...meta, ...partA, ...partBI, ...partBII];
