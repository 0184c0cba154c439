/**
 * The official six-month CCHC report of Văn phòng UBND tỉnh Sơn La (template `cchc-6-thang`):
 * every figure of the report as a field, every place it is written, and the relations between
 * them. Parts: cchc-6-thang/narrative.ts (header meta, A, B), cchc-6-thang/appendix.ts (Phụ lục
 * I, II, III), cchc-6-thang/relations.ts, and cchc-6-thang/non-data.ts (numbers that are not data,
 * for the coverage test). The definition describes the report as written: it does not fix it.
 *
 * Real mistakes in the 2022 report (bao-cao-cchc-6-thang-2022.txt), for the checker's tests:
 *  1. A.2.2 "trả đúng hạn: 921 hồ sơ, chiếm 3,24%": 921/28.375 = 3,2458…% → "3,25%"
 *     (ratio a22.onTimePct; the other four percentages are consistent).
 *  2. A.2.2 "đã giải quyết, trả kết quả: 28,375 hồ sơ": comma as thousands separator (→ 28.375).
 *  3. A.2.2 received 30.407 ≠ resolved 28.375 + pending 1.437 = 29.812 (595 files unaccounted;
 *     relation a22.receivedParts; likewise 93,3% + 4,7% = 98%).
 *  4. B.II.1.1 "ban hành 19 văn bản QPPL" vs Phụ lục I Biểu mẫu 2 row 1 "0" (field bii11.legalDocs).
 *  5. Phụ lục II Biểu mẫu 2 row 3.4 "Tỷ lệ giải quyết PAKN" 100% but 3.4.2/3.4.1 = 02/03 = 66,7%
 *     (and row 3.4.2 itself says 01 PAKN is still pending).
 *  6. B.II.2 "đề ra 9 nhóm công việc … gồm:" lists 8 groups (list-count bii2.kstthcGroups).
 *  7. B.II.2.2 received 675 ≠ resolved 635 + returned 18 + pending 18 = 671 (relation
 *     bii22.outcomeParts; 643 + 32 = 675 and 567 + 68 = 635 hold).
 *  8. Phụ lục I caption "(kèm theo Báo cáo tháng 3 năm 2022 …)" in a report dated 09/6/2022
 *     (Phụ lục III says "tháng 6 năm 2022"; relation meta.captions).
 *  9. Phụ lục III title "6 THÁNG ĐẦU NĂM NĂM 2022" (doubled "NĂM").
 * 10. A.1 "Quyết định số 134/QĐ-UBND … Chỉ số cải cách hành chính năm 202;" — truncated year
 *     (the same reference reads "năm 2021" in A.1's next paragraph, B.I.2.1 and B.I.2.5).
 * 11. Phụ lục III I.1 "Kế hoạch số 33/KH-UBND ngày Thực hiện …" — date missing (A.3 cites it as
 *     "Kế hoạch số 33/KH-UBND ngày 27/01/2022").
 * 12. Same reference, different dates: "Quyết định số 05/QĐ-VPUB ngày 14/01/2022" (B.II.5.2.1,
 *     twice) vs "ngày 13/01/2022" (Phụ lục III VI.2); "Quyết định số 06/QĐ-VPUB ngày 14/01/2022"
 *     vs "ngày 13/01/2022" (same places).
 * 13. A.2.1 d) "Nghị định số 45/2020/NĐ-CP ngày 08/4/2021": the number says 2020, the date 2021
 *     (the decree is of 08/4/2020).
 * 14. Misspelt document types: "Thông thư số 02/2017/TT-VPCP" (A.3), "Nghị số 61/2018/NĐ-CP"
 *     (Phụ lục III III.9); symbols "174/UBNDKSTTHC" (missing hyphen), "1291/QĐ-TT" (QĐ-TTg).
 * 15. "Nghị quyết số 17-NQ/TU ngày 31/8/2021 của Ban Chấp hành Đảng bộ tỉnh" vs "… ngày 31/08/2021
 *     của Ban Thường vụ Tỉnh ủy" (B.II.6: issuer differs; "31/08" pads a month above 2, as does
 *     "ngày 09/03/2022" in A.2.1 d)).
 * 16. "Kế hoạch số 21/KH-VPUB … Chỉ số hài lòng … năm 2021" (A.1, B.I.2.1) vs "… năm 2022" (B.I.2.5).
 * 17. A.3 "Trong quý, Tổ công tác đã ban hành …" — quarterly wording left in a six-month report.
 * 18. B.I.2.1 "Kế hoạch Kế hoạch số 34/KH-VPUB" — doubled word.
 * 19. Phụ lục II Biểu mẫu 2 "1667", "1235" — no thousands dot (1.667, 1.235; the sum 1.235 + 282 +
 *     150 = 1.667 holds). Padding is inconsistent: "gồm 3 đơn vị" vs "03" (Biểu mẫu 5), "4" vs
 *     "04" (Biểu mẫu 2 rows 3.1 / 2.1).
 * Suspicious, not asserted: "người dân và 6 doanh nghiệp" (A.2.1 đ, stray digit?); "03/09 phòng,
 * ban, đơn vị" while B.II.3.1 lists 08 phòng, ban + 3 đơn vị sự nghiệp; Biểu mẫu 6 row 1 = 1
 * (2-level online meetings) while B.II.6 describes "cầu truyền hình 3 cấp tỉnh-huyện-xã";
 * Phụ lục III VII.1 and VII.6 are the same task; A.3 omits reports 06/BC-TCT and 07/BC-TCT that
 * Phụ lục III I.10 lists; document numbers out of date order (02/KH-VPUB of 06/02 after 04/KH-VPUB
 * of 10/01; 216/KH-VPUB of 28/02 before 22/KH-VPUB of 01/3); Phụ lục I Biểu mẫu 1 row 4.1 (total
 * tasks) empty while 4.2–4.4 are filled (completeness).
 */
import { TemplateDefinitionSchema, type TemplateDefinition } from './schema';
import { NARRATIVE_FIELDS } from './cchc-6-thang/narrative';
import { APPENDIX_FIELDS } from './cchc-6-thang/appendix';
import { RELATIONS } from './cchc-6-thang/relations';

export const CCHC_6_THANG: TemplateDefinition = TemplateDefinitionSchema.parse({
  id: 'cchc-6-thang',
  title: 'Báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm (Văn phòng UBND tỉnh)',
  fields: [...NARRATIVE_FIELDS, ...APPENDIX_FIELDS],
  relations: RELATIONS,
  groups: [
    { id: 'chung', title: 'Thông tin chung của báo cáo', sections: ['header', 'closing'] },
    { id: 'A', title: 'A. Nhiệm vụ của thành viên Ban Chỉ đạo tỉnh về CCHC', sections: ['A'] },
    { id: 'B', title: 'B. Công tác CCHC tại cơ quan', sections: ['B'] },
    { id: 'B.I', title: 'B.I. Công tác chỉ đạo, điều hành', sections: ['B.I'] },
    { id: 'B.II', title: 'B.II. Kết quả thực hiện công tác CCHC', sections: ['B.II'] },
    { id: 'B.II.1', title: 'B.II.1. Cải cách thể chế', sections: ['B.II.1'] },
    { id: 'B.II.2', title: 'B.II.2. Cải cách thủ tục hành chính', sections: ['B.II.2'] },
    { id: 'B.II.3', title: 'B.II.3. Cải cách tổ chức bộ máy', sections: ['B.II.3'] },
    { id: 'B.II.4', title: 'B.II.4. Cải cách công vụ', sections: ['B.II.4'] },
    { id: 'B.II.5', title: 'B.II.5. Cải cách tài chính công', sections: ['B.II.5'] },
    { id: 'B.II.6', title: 'B.II.6. Xây dựng và phát triển Chính phủ điện tử', sections: ['B.II.6'] },
    { id: 'B.III', title: 'B.III. Phương hướng, nhiệm vụ kỳ tới', sections: ['B.III'] },
    { id: 'PL-I', title: 'Phụ lục I. Thống kê số liệu (Biểu mẫu 1–6)', sections: ['PL-I'] },
    { id: 'PL-II', title: 'Phụ lục II. Nhiệm vụ Chính phủ giao, thủ tục hành chính', sections: ['PL-II'] },
    { id: 'PL-III', title: 'Phụ lục III. Kết quả thực hiện nhiệm vụ cụ thể', sections: ['PL-III'] },
  ],
});
