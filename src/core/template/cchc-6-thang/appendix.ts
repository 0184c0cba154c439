/**
 * Appendix fields: every data row of Phụ lục I (Biểu mẫu 1–6) and Phụ lục II (Biểu mẫu 1–2)
 * that carries a unit or a value is a field the drafter fills, even when it is empty in this
 * report; and every task output of Phụ lục III, with the figures written inside the outputs.
 *
 * Rows whose quantity is also written in the narrative are modelled once, in narrative.ts (the
 * field carries both occurrences); they are listed here as `shared` for the record. Header
 * rows without unit and value ("3 Tự kiểm tra CCHC") are not fields.
 */
import type { Field, FieldKind, Rollover } from '../schema';
import { cell, count, field, output } from './builders';

interface RowSpec {
  row: string;
  label: string;
  unit: string;
  kind: FieldKind;
  rollover: Rollover;
  derived?: true;
  note?: string;
}

/** Rows already modelled as narrative fields (field id → [appendix, form, row]). */
export const SHARED_ROWS: Record<string, [appendix: 'I' | 'II', form: number, row: string]> = {
  'bi1.planTasks': ['I', 1, '2.1'],
  'bi1.tasksDone': ['I', 1, '2.2'],
  'bi23.unitsPlanned': ['I', 1, '3.1'],
  'bii11.legalDocs': ['I', 2, '1'],
  'bii44.civilQuota': ['I', 3, '2.1'],
  'bii44.civilActual': ['I', 3, '2.2'],
  'bii44.contracts': ['I', 3, '2.3'],
  'bii44.publicQuota': ['I', 3, '3.1'],
  'bii44.publicActual': ['I', 3, '3.2'],
  'bii31.publicUnits': ['I', 5, '1'],
  'a3.govTasks.received': ['II', 1, '1.1'],
  'a3.govTasks.onTime': ['II', 1, '1.2'],
  'a21.pakn.received': ['II', 2, '3.4.1'],
  'a21.pakn.resolved': ['II', 2, '3.4.2'],
};

const P = 'period' as const;
const Y = 'year-to-date' as const;
const S = 'standing' as const;

const r = (row: string, label: string, unit: string, kind: FieldKind, rollover: Rollover, extra: Partial<RowSpec> = {}): RowSpec => ({ row, label, unit, kind, rollover, ...extra });
const pct = (row: string, label: string, rollover: Rollover, extra: Partial<RowSpec> = {}) => r(row, label, '%', 'percent', rollover, extra);

const PL1: Record<number, RowSpec[]> = {
  1: [
    r('1', 'Số văn bản chỉ đạo CCHC đã ban hành', 'văn bản', 'count', P),
    pct('2', 'Tỷ lệ hoàn thành kế hoạch CCHC năm (lũy kế đến thời điểm báo cáo)', Y, { derived: true }),
    r('3.2', 'Số cơ quan, đơn vị đã kiểm tra', 'cơ quan, đơn vị', 'count', Y),
    pct('3.3', 'Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra (lũy kế từ đầu năm)', Y, { derived: true }),
    r('3.3.1', 'Số vấn đề phát hiện qua kiểm tra', 'vấn đề', 'count', Y),
    r('3.3.2', 'Số vấn đề phát hiện đã xử lý xong', 'vấn đề', 'count', Y),
    r('4.1', 'Tổng số nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao', 'nhiệm vụ', 'count', P),
    r('4.2', 'Số nhiệm vụ UBND tỉnh giao đã hoàn thành đúng hạn', 'nhiệm vụ', 'count', P),
    r('4.3', 'Số nhiệm vụ UBND tỉnh giao đã hoàn thành nhưng quá hạn', 'nhiệm vụ', 'count', P),
    r('4.4', 'Số nhiệm vụ UBND tỉnh giao quá hạn nhưng chưa hoàn thành', 'nhiệm vụ', 'count', P),
    r('5.1', 'Tuyên truyền CCHC: số nhiệm vụ đề ra trong kế hoạch', 'nhiệm vụ', 'count', Y),
    r('5.2', 'Tuyên truyền CCHC: số nhiệm vụ đã hoàn thành', 'nhiệm vụ', 'count', Y),
    r('5.3', 'Số tin, bài / văn bản tuyên truyền đã đăng trên Cổng/Trang TTĐT', 'tin/bài', 'pair', P),
  ],
  2: [
    r('2.1', 'Số VBQPPL đã kiểm tra theo thẩm quyền', 'văn bản', 'count', P),
    pct('2.2', 'Tỷ lệ xử lý VBQPPL sau kiểm tra', P, { derived: true }),
    r('2.2.1', 'Tổng số VBQPPL cần phải xử lý sau kiểm tra', 'văn bản', 'count', P),
    r('2.2.2', 'Số VBQPPL có kiến nghị xử lý đã được xử lý xong (sau kiểm tra)', 'văn bản', 'count', P),
    r('3.1', 'Số VBQPPL đã rà soát', 'văn bản', 'count', P),
    pct('3.2', 'Tỷ lệ xử lý VBQPPL sau rà soát', P, { derived: true }),
    r('3.2.1', 'Tổng số VBQPPL cần phải xử lý sau rà soát', 'văn bản', 'count', P),
    r('3.2.2', 'Số VBQPPL có kiến nghị xử lý đã được xử lý xong (sau rà soát)', 'văn bản', 'count', P),
  ],
  3: [
    pct('1.1', 'Tỷ lệ hoàn thành việc sắp xếp các phòng chuyên môn theo tiêu chí của Chính phủ', S),
    r('1.2', 'Số ban quản lý trực thuộc', 'ban', 'count', S),
    r('1.3', 'Số ĐVSNCL thuộc sở, ngành và tương đương', 'cơ quan, đơn vị', 'count', S),
    pct('1.4', 'Tỷ lệ ĐVSNCL đã cắt giảm so với năm 2015', S),
    r('2.4', 'Số biên chế công chức đã tinh giản trong kỳ', 'người', 'count', P),
    pct('2.5', 'Tỷ lệ biên chế công chức đã tinh giản so với năm 2015', S),
    r('3.3', 'Số người làm việc đã tinh giản trong kỳ', 'người', 'count', P),
    pct('3.4', 'Tỷ lệ người làm việc đã tinh giản so với năm 2015', S),
  ],
  4: [
    r('1.1', 'Số cơ quan, tổ chức hành chính đã được phê duyệt vị trí việc làm', 'cơ quan, đơn vị', 'count', S),
    r('1.2', 'Số đơn vị sự nghiệp đã được phê duyệt vị trí việc làm', 'cơ quan, đơn vị', 'count', S),
    r('1.3', 'Số cơ quan, tổ chức có vi phạm về vị trí việc làm phát hiện qua thanh tra, kiểm tra', 'cơ quan, đơn vị', 'count', P),
    r('2.1', 'Số công chức được tuyển dụng (thi tuyển, xét tuyển)', 'người', 'count', P),
    r('2.2', 'Số công chức được tuyển dụng theo trường hợp đặc biệt', 'người', 'count', P),
    r('2.3', 'Số cán bộ, công chức cấp xã được xét chuyển thành công chức cấp huyện trở lên', 'người', 'count', P),
    r('2.4', 'Số viên chức được tuyển dụng (thi tuyển, xét tuyển)', 'người', 'count', P),
    r('2.5', 'Số viên chức được tuyển dụng theo trường hợp đặc biệt', 'người', 'count', P),
    r('3', 'Số lãnh đạo quản lý được tuyển chọn, bổ nhiệm qua thi tuyển (lũy kế từ đầu năm)', 'người', 'count', Y),
    r('3.1', 'Số lãnh đạo quản lý cấp sở bổ nhiệm qua thi tuyển', 'người', 'count', Y),
    r('3.2', 'Số lãnh đạo quản lý cấp phòng bổ nhiệm qua thi tuyển', 'người', 'count', Y),
    r('4', 'Số cán bộ, công chức, viên chức bị kỷ luật (cả về Đảng và chính quyền)', 'người', 'count', P),
    r('4.1', 'Số lãnh đạo cấp sở, ngành bị kỷ luật', 'người', 'count', P),
    r('4.2', 'Số lãnh đạo cấp phòng thuộc sở, ngành bị kỷ luật', 'người', 'count', P),
    r('4.3', 'Số người làm việc tại các ĐVSNCL bị kỷ luật', 'người', 'count', P),
  ],
  5: [
    r('2', 'Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư', 'đơn vị', 'count', S),
    r('3', 'Số ĐVSN tự bảo đảm chi thường xuyên', 'đơn vị', 'count', S),
    r('4', 'Số ĐVSN tự bảo đảm một phần chi thường xuyên', 'đơn vị', 'count', S),
    r('4.1', 'Số ĐVSN tự bảo đảm từ 70% đến dưới 100% chi thường xuyên', 'đơn vị', 'count', S),
    r('4.2', 'Số ĐVSN tự bảo đảm từ 30% đến dưới 70% chi thường xuyên', 'đơn vị', 'count', S),
    r('4.3', 'Số ĐVSN tự bảo đảm từ 10% đến dưới 30% chi thường xuyên', 'đơn vị', 'count', S),
    r('5', 'Số ĐVSN do Nhà nước bảo đảm chi thường xuyên', 'đơn vị', 'count', S),
    r('6', 'Số ĐVSN đã chuyển đổi thành công ty cổ phần', 'đơn vị', 'count', S),
  ],
  6: [
    r('1', 'Mức vận hành Hệ thống họp trực tuyến (0: chưa có, 1: 2 cấp, 2: 3 cấp)', 'mức', 'count', S, {
      note: 'Đơn vị tính là thang mã "Chưa có = 0; 2 cấp = 1; 3 cấp = 2".',
    }),
    pct('2', 'Tỷ lệ báo cáo định kỳ gửi, nhận qua Hệ thống thông tin báo cáo của tỉnh', P),
    pct('3.1#1', 'Tỷ lệ sở, ngành đã kết nối, liên thông hệ thống quản lý văn bản với UBND tỉnh', S, {
      note: 'Dòng "Trong đó" không ghi đơn vị tính trong biểu; giá trị là tỷ lệ (%).',
    }),
    pct('3.2', 'Tỷ lệ văn bản trao đổi dưới dạng điện tử', P),
    pct('3.2#1', 'Tỷ lệ văn bản gửi hoàn toàn dưới dạng điện tử (ký số)', P),
    pct('3.2#2', 'Tỷ lệ văn bản gửi dưới dạng điện tử song song với văn bản giấy', P),
    pct('3.3#1', 'Tỷ lệ sở, ngành đã kết nối liên thông với Hệ thống một cửa điện tử tập trung', S, {
      note: 'Dòng không ghi đơn vị tính trong biểu (như dòng 3.1 "Trong đó").',
    }),
    pct('4.1', 'Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến mức độ 3', P, { derived: true }),
    r('4.1.1', 'Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 3', 'thủ tục', 'count', S),
    r('4.1.2', 'Số TTHC đang cung cấp trực tuyến mức độ 3', 'thủ tục', 'count', S),
    r('4.1.3', 'Số TTHC mức độ 3 có phát sinh hồ sơ nộp trực tuyến', 'thủ tục', 'count', P),
    pct('4.2', 'Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến mức độ 4', P, { derived: true }),
    r('4.2.1', 'Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 4', 'thủ tục', 'count', S),
    r('4.2.2', 'Số TTHC đang cung cấp trực tuyến mức độ 4', 'thủ tục', 'count', S),
    r('4.2.3', 'Số TTHC mức độ 4 có phát sinh hồ sơ nộp trực tuyến', 'thủ tục', 'count', P),
    pct('4.3', 'Tỷ lệ TTHC mức độ 3 và 4 đã tích hợp, công khai trên Cổng DVC của tỉnh', P, { derived: true }),
    r('4.3.1', 'Tổng số TTHC đang cung cấp trực tuyến mức độ 3 và 4', 'thủ tục', 'count', S),
    r('4.3.2', 'Số TTHC mức độ 3 và 4 đã tích hợp, công khai', 'thủ tục', 'count', S),
    pct('4.4', 'Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3 và 4', P, { derived: true }),
    r('4.4.1', 'Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến)', 'hồ sơ', 'count', P),
    r('4.4.2', 'Số hồ sơ TTHC đã tiếp nhận trực tuyến', 'hồ sơ', 'count', P),
    pct('4.5', 'Tỷ lệ TTHC được tích hợp, triển khai thanh toán trực tuyến', P, {
      derived: true,
      note: 'Biểu không ghi đơn vị tính cho dòng tỷ lệ này.',
    }),
    r('4.5.1', 'Tổng số TTHC có yêu cầu nghĩa vụ tài chính', 'thủ tục', 'count', S),
    r('4.5.2', 'Số TTHC đã tích hợp, triển khai thanh toán trực tuyến', 'thủ tục', 'count', S),
    r('5.1', 'Số TTHC có phát sinh hồ sơ tiếp nhận/trả kết quả qua dịch vụ BCCI', 'TTHC/KQ giải quyết', 'count', P),
    r('5.2', 'Số hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI', 'TTHC', 'count', P),
    pct('5.3', 'Tỷ lệ kết quả giải quyết TTHC được trả qua dịch vụ BCCI', P),
  ],
};

const PL2: Record<number, RowSpec[]> = {
  1: [
    r('1.3', 'Số nhiệm vụ Chính phủ giao đã hoàn thành nhưng quá hạn', 'nhiệm vụ', 'count', P),
    r('1.4', 'Số nhiệm vụ Chính phủ giao quá hạn nhưng chưa hoàn thành', 'nhiệm vụ', 'count', P),
  ],
  2: [
    r('1.1', 'Số TTHC đã được phê duyệt phương án đơn giản hóa', 'thủ tục', 'count', P),
    r('1.2', 'Số TTHC công bố mới', 'thủ tục', 'count', P),
    r('1.3', 'Số TTHC bãi bỏ, thay thế', 'thủ tục', 'count', P),
    r('1.4', 'Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương', 'thủ tục', 'count', S),
    r('1.4.1', 'Số TTHC cấp tỉnh', 'thủ tục', 'count', S),
    r('1.4.2', 'Số TTHC cấp huyện', 'thủ tục', 'count', S),
    r('1.4.3', 'Số TTHC cấp xã', 'thủ tục', 'count', S),
    r('2.1', 'Số TTHC liên thông cùng cấp', 'thủ tục', 'count', S),
    r('2.2', 'Số TTHC liên thông giữa các cấp chính quyền', 'thủ tục', 'count', S),
    r('2.3', 'Số TTHC tiếp nhận, giải quyết không phụ thuộc địa giới hành chính', 'thủ tục', 'count', S),
    pct('3.1', 'Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn', P, { derived: true }),
    r('3.1.1', 'Sở, ngành: tổng số hồ sơ TTHC đã giải quyết xong', 'hồ sơ', 'count', P),
    r('3.1.2', 'Sở, ngành: số hồ sơ TTHC giải quyết đúng hạn', 'hồ sơ', 'count', P),
    pct('3.2', 'Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn', P, { derived: true }),
    r('3.2.1', 'Cấp huyện: tổng số hồ sơ TTHC đã giải quyết xong', 'hồ sơ', 'count', P),
    r('3.2.2', 'Cấp huyện: số hồ sơ TTHC giải quyết đúng hạn', 'hồ sơ', 'count', P),
    pct('3.3', 'Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn', P, { derived: true }),
    r('3.3.1', 'Cấp xã: tổng số hồ sơ TTHC đã giải quyết xong', 'hồ sơ', 'count', P),
    r('3.3.2', 'Cấp xã: số hồ sơ TTHC giải quyết đúng hạn', 'hồ sơ', 'count', P),
    pct('3.4', 'Tỷ lệ giải quyết phản ánh, kiến nghị về quy định TTHC', P, { derived: true }),
  ],
};

/** Field id of an appendix row: pl1.bm6.r3_2s1 for Phụ lục I, Biểu mẫu 6, row "3.2#1". */
export function rowFieldId(appendix: 'I' | 'II', form: number, row: string): string {
  return `pl${appendix === 'I' ? 1 : 2}.bm${form}.r${row.replace('#', 's').replace(/\./g, '_')}`;
}

function formFields(appendix: 'I' | 'II', forms: Record<number, RowSpec[]>): Field[] {
  const out: Field[] = [];
  for (const [formText, rows] of Object.entries(forms)) {
    const form = Number(formText);
    for (const spec of rows) {
      out.push(
        field(rowFieldId(appendix, form, spec.row), {
          label: spec.label,
          section: `PL-${appendix}`,
          kind: spec.kind,
          unit: spec.unit,
          rollover: spec.rollover,
          occurrences: [cell(appendix, form, spec.row)],
          ...(spec.derived ? { derived: true } : {}),
          ...(spec.note ? { note: spec.note } : {}),
        }),
      );
    }
  }
  return out;
}

/** Phụ lục III: the tasks of the office's reform plan, by group; the output of each is a field. */
const PL3_TASKS: Record<string, string[]> = {
  I: [
    'Kế hoạch cải thiện môi trường kinh doanh, nâng cao năng lực cạnh tranh',
    'Kế hoạch nâng cao Chỉ số PAR/PAPI (hiệu quả quản trị và hành chính công)',
    'Kế hoạch CCHC năm của Văn phòng',
    'Kiểm tra CCHC các phòng, ban, đơn vị trực thuộc',
    'Kế hoạch tuyên truyền CCHC của Văn phòng',
    'Cử công chức, viên chức tham gia bồi dưỡng nghiệp vụ CCHC',
    'Kế hoạch công tác dân vận của Văn phòng',
    'Đánh giá, công nhận mức độ hoàn thành nhiệm vụ các phòng, ban, đơn vị',
    'Tự đánh giá, chấm điểm Chỉ số CCHC của Văn phòng',
    'Theo dõi, đôn đốc, kiểm tra thực hiện nhiệm vụ UBND tỉnh giao',
    'Đối thoại, tháo gỡ khó khăn cho doanh nghiệp',
    'Chương trình "Cà phê doanh nhân", ngày Doanh nhân Việt Nam',
  ],
  II: [
    'Kế hoạch kiểm tra, xử lý, rà soát văn bản QPPL',
    'Xây dựng và ban hành văn bản QPPL đúng quy trình',
    'Cập nhật văn bản vào cơ sở dữ liệu quốc gia về pháp luật',
    'Kế hoạch phổ biến, giáo dục pháp luật',
    'Kế hoạch theo dõi thi hành pháp luật',
  ],
  III: [
    'Kế hoạch kiểm soát TTHC năm',
    'Kế hoạch kiểm tra công tác kiểm soát TTHC',
    'Kiểm soát chất lượng Quyết định công bố TTHC',
    'Rà soát, xây dựng quy trình nội bộ giải quyết TTHC',
    'Công khai, cập nhật TTHC trên cơ sở dữ liệu quốc gia',
    'Công khai hồ sơ, tiến độ, kết quả giải quyết TTHC',
    'Báo cáo công tác kiểm soát TTHC năm',
    'Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính',
    'Đánh giá việc giải quyết TTHC',
    'Phối hợp xây dựng Cổng dịch vụ công quốc gia',
  ],
  IV: [
    'Triển khai Nghị định số 107/2020/NĐ-CP về tổ chức cơ quan chuyên môn',
    'Giao biên chế, tuyển dụng công chức, viên chức còn thiếu',
    'Rà soát, sắp xếp biên chế theo vị trí việc làm',
  ],
  V: [
    'Kế hoạch đào tạo, bồi dưỡng năm của Văn phòng',
    'Đào tạo, bồi dưỡng cán bộ, công chức, viên chức',
    'Kiểm tra công vụ, kỷ luật, kỷ cương hành chính',
    'Đánh giá cán bộ, công chức, viên chức',
  ],
  VI: [
    'Chương trình thực hành tiết kiệm, chống lãng phí',
    'Quy chế chi tiêu nội bộ, quy chế quản lý tài sản công',
    'Quy định cơ chế quản lý, điều hành ngân sách',
    'Xây dựng dự toán năm sau',
    'Giao dự toán thu, chi ngân sách năm sau',
    'Cơ chế tự chủ, tự chịu trách nhiệm',
    'Báo cáo tình hình tiết kiệm, phòng chống lãng phí',
    'Công khai ngân sách trên Trang TTĐT của Văn phòng',
  ],
  VII: [
    'Triển khai dịch vụ Hệ thống Cổng thông tin điện tử',
    'Vận hành hệ thống thông tin dùng chung trên Mạng truyền số liệu chuyên dùng',
    'Kế hoạch ứng dụng CNTT của Văn phòng',
    'Nâng cao tỷ lệ trao đổi văn bản điện tử',
    'Tự đánh giá, xếp hạng mức độ ứng dụng CNTT',
    'Triển khai dịch vụ Hệ thống Cổng thông tin điện tử (nhắc lại)',
    'Sử dụng hộp thư điện tử công vụ',
    'Hệ thống phòng họp không giấy (e-Cabinet)',
  ],
};

/** Number of task rows of Phụ lục III (the plan's tasks; compare bi1.planTasks). */
export const PL3_TASK_COUNT = Object.values(PL3_TASKS).reduce((n, list) => n + list.length, 0);

function pl3Fields(): Field[] {
  const out: Field[] = [];
  for (const [group, tasks] of Object.entries(PL3_TASKS)) {
    tasks.forEach((task, i) => {
      const row = `${group}.${i + 1}`;
      out.push(
        field(`pl3.${group}_${i + 1}.output`, {
          label: `Sản phẩm đầu ra ${row}: ${task}`,
          section: 'PL-III',
          kind: 'text',
          rollover: 'year-to-date',
          occurrences: [output(row)],
        }),
      );
    });
  }
  // Figures written inside outputs (other than those of narrative fields: III.3, III.8).
  out.push(
    count('pl3.II_2.legalDocs', 'Số văn bản QPPL xây dựng, ban hành đúng quy trình (Phụ lục III)', 'PL-III', 'văn bản', 'year-to-date', output('II.2', { after: 'văn bản quy phạm pháp luật' })),
    field('pl3.II_2.legalDocList', {
      label: 'Danh sách văn bản QPPL xây dựng, ban hành đúng quy trình',
      section: 'PL-III',
      kind: 'text',
      rollover: 'year-to-date',
      occurrences: [output('II.2', { before: 'văn bản quy phạm pháp luật' })],
    }),
    count('pl3.II_3.legalDocsUpdated', 'Số văn bản pháp quy đã cập nhật lên Cổng TTĐT', 'PL-III', 'văn bản', 'year-to-date', output('II.3', { before: 'Cập nhật', after: 'văn bản pháp quy' })),
    count('pl3.II_3.directiveDocsUpdated', 'Số văn bản chỉ đạo điều hành đã cập nhật lên Cổng TTĐT', 'PL-III', 'văn bản', 'year-to-date', output('II.3', { before: 'văn bản pháp quy,', after: 'văn bản chỉ đạo' })),
    count('pl3.III_4.depts', 'Số sở, ban, ngành đã được tham gia ý kiến dự thảo quy trình nội bộ', 'PL-III', 'sở, ban, ngành', 'year-to-date', output('III.4', { before: 'quy trình nội bộ của', after: 'sở, ban, ngành' })),
  );
  return out;
}

export const APPENDIX_FIELDS: Field[] = [...formFields('I', PL1), ...formFields('II', PL2), ...pl3Fields()];
