/**
 * Numbers written in the report that are not data: section numbers, row codes, years in
 * document titles, names that contain digits. The coverage test fails on any number that is
 * neither a located field occurrence, nor inside a document reference (number, symbol and date
 * of a cited document), nor inside a match of one of these entries. Every entry is justified
 * and must be used at least once (the test checks it), so the list cannot silently grow stale.
 */
import type { NonDataEntry } from '../../recognize/coverage';

export const NON_DATA: NonDataEntry[] = [
  // Structure of the document.
  {
    example: '2.1. Kết quả công tác kiểm soát …; 5.2.1 Về thực hiện …',
    context: /^\d{1,2}(?:\.\d{1,2})*\.(?=\s*\p{L})|^\d{1,2}(?:\.\d{1,2})+(?=\s+\p{L})/gmu,
    why: 'Số thứ tự đề mục ở đầu đoạn (đánh số mục, không phải số liệu).',
  },
  {
    example: 'Biểu mẫu 1',
    context: /^Biểu mẫu \d{1,2}$/gmu,
    why: 'Số hiệu biểu mẫu của phụ lục.',
  },
  {
    example: '4.1. (cột TT/STT)',
    context: /[\s\S]+/gu,
    codeColumn: true,
    why: 'Mã dòng trong cột TT/STT của phụ lục: địa chỉ của dòng, không phải số liệu.',
  },
  {
    example: 'Nội dung kiểm tra: (1) Kiểm tra …; (2) Tập trung …',
    context: /\(\d\)(?=\s*\p{Lu})/gu,
    why: 'Số thứ tự liệt kê trong đoạn văn.',
  },

  // Years and periods in titles (of cited documents, plans, laws).
  {
    example: 'kế hoạch cải cách hành chính tỉnh Sơn La năm 2022',
    context: /năm \d{4}(?!\d)/giu,
    why: 'Năm trong tên văn bản, kế hoạch, sự kiện; năm của kỳ báo cáo nằm ở các trường report-meta.',
  },
  {
    example: 'Chỉ số cải cách hành chính năm 202;',
    context: /năm 202(?![\d])/gu,
    why: 'Năm bị cắt cụt trong tên Quyết định số 134/QĐ-UBND (lỗi của báo cáo, xem cchc-6-thang.ts); vẫn là tên văn bản.',
  },
  {
    example: 'giai đoạn 2021 - 2025; nhiệm kỳ 2020-2025',
    context: /(?:giai đoạn|nhiệm kỳ)\s+\d{4}\s*-\s*\d{4}/giu,
    why: 'Giai đoạn, nhiệm kỳ trong tên chương trình, kế hoạch.',
  },
  {
    example: 'Luật Cán bộ, công chức 2008; Luật Viên chức 2010',
    context: /Luật [\p{L} ,]+? \d{4}/gu,
    why: 'Năm ban hành trong tên luật.',
  },
  {
    example: 'giao tháng 01 năm 2022 (tên báo cáo tháng của Tổ công tác)',
    context: /giao tháng \d{1,2} năm \d{4}/gu,
    why: 'Tháng trong tên các báo cáo tháng được trích dẫn.',
  },
  {
    example: 'vào cuối quý II và quý III/2022',
    context: /quý (?:I|II|III|IV)\/\d{4}/gu,
    why: 'Tên quý (thời điểm dự kiến), không phải số liệu.',
  },
  {
    example: 'Trong 6 tháng đầu năm; NHIỆM VỤ 6 THÁNG CUỐI NĂM; (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)',
    context: /(?<![\p{L}\p{N}])6 tháng/giu,
    why: 'Tên kỳ báo cáo 6 tháng trong câu văn; nhãn kỳ của báo cáo là các trường meta.periodLabel/nextPeriodLabel.',
  },
  {
    example: 'định kỳ 2 lần/ năm (6 tháng 01 lần)',
    context: /định kỳ 2 lần\/ năm \(6 tháng 01 lần\)/gu,
    why: 'Tần suất đối thoại ghi trong nội dung nhiệm vụ của kế hoạch (mô tả nhiệm vụ, không phải kết quả).',
  },
  {
    example: 'Lần 1, năm 2022',
    context: /lần \d, năm \d{4}/giu,
    why: 'Số thứ tự của hội nghị đối thoại trong tên văn bản.',
  },
  {
    example: 'hoạt động kỷ niệm ngày Doanh nhân Việt Nam (13/10)',
    context: /Doanh nhân Việt Nam \(13\/10\)/gu,
    why: 'Ngày lễ cố định (ngày/tháng), không phải số liệu.',
  },

  // Names that contain digits.
  {
    example: 'Tổ công tác 1169',
    context: /Tổ công tác 1169/gu,
    why: 'Tên Tổ công tác theo số Quyết định 1169/QĐ-UBND thành lập.',
  },
  {
    example: 'dịch bệnh Covid-19',
    context: /Covid-19/giu,
    why: 'Tên dịch bệnh.',
  },
  {
    example: 'Khung Kiến trúc chính quyền điện tử 2.0',
    context: /chính quyền điện tử 2\.0/gu,
    why: 'Phiên bản của Khung kiến trúc (tên văn bản).',
  },
  {
    example: 'Nghị quyết Trung ương 4 khóa XII; Nghị quyết Trung ương 6, 7 khóa XII',
    context: /Nghị quyết Trung ương [\d, ]+ khóa/gu,
    why: 'Tên các Nghị quyết Hội nghị Trung ương.',
  },
  {
    example: 'cầu truyền hình 3 cấp tỉnh-huyện-xã; TTHC ở cả 3 cấp: tỉnh, huyện, xã',
    context: /3 cấp:? tỉnh/gu,
    why: 'Số cấp chính quyền (tên loại hệ thống), không phải số liệu của kỳ.',
  },
  {
    example: 'Lưu: VT, TCHCQT.H.01b.',
    context: /TCHCQT\.H\.01b/gu,
    section: 'closing',
    why: 'Ký hiệu hồ sơ lưu trữ.',
  },
  {
    example: 'https://sonla.gov.vn/4/467/64741/Thu-tuc-hanh-chinh/',
    context: /https?:\/\/\S+/gu,
    why: 'Địa chỉ trang web.',
  },

  // Wording of the appendix forms (labels and unit legends, identical in every report).
  {
    example: 'Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên',
    context: /từ \d{2}% - dưới \d{2,3}%/gu,
    section: 'PL-I',
    why: 'Ngưỡng phân loại trong tên chỉ tiêu của Biểu mẫu 5.',
  },
  {
    example: 'Liên thông 2 cấp: Từ UBND tỉnh - 100% UBND các huyện.',
    context: /Liên thông [23] cấp: Từ UBND tỉnh - 100% UBND/gu,
    section: 'PL-I',
    why: 'Định nghĩa mức liên thông trong tên chỉ tiêu của Biểu mẫu 6.',
  },
  {
    example: 'Chưa có = 0 2 cấp = 1 3 cấp = 2',
    context: /Chưa có = 0 2 cấp = 1 3 cấp = 2/gu,
    section: 'PL-I',
    why: 'Thang mã trong cột đơn vị tính của Biểu mẫu 6 dòng 1.',
  },
  {
    example: 'cung cấp trực tuyến mức độ 3 và 4',
    context: /mức độ [34](?: và [34])?/gu,
    section: 'PL-I',
    why: 'Mức độ dịch vụ công trực tuyến trong tên chỉ tiêu.',
  },
];
