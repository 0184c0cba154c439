/**
 * Single injected defects for the rewritten report (rewritten-nam-2022.txt): each replaces one
 * figure with a wrong one, the way drafting slips happen (a rounding slip, a mistyped part, a
 * list that lost an item, a stale figure in words). `rules`: the finding classes that count as
 * reporting it (error or warning).
 */
export interface Defect {
  what: string;
  find: string;
  replace: string;
  rules: string[];
}

/** Defects of rewritten-nam-2022.txt. */
export const DEFECTS: Defect[] = [
  { what: 'share of early files mistyped (95,61% → 95,16%)', find: 'chiếm 95,61%', replace: 'chiếm 95,16%', rules: ['ratio'] },
  { what: 'rounding slip 2.590/59.840 = 4,328% written 4,32%', find: 'chiếm 4,33%', replace: 'chiếm 4,32%', rules: ['ratio'] },
  { what: 'overdue files 36 → 46 (parts exceed the resolved total)', find: 'quá hạn 36 hồ sơ', replace: 'quá hạn 46 hồ sơ', rules: ['sum', 'ratio'] },
  { what: 'carried-over files 1.132 → 1.123 (new + carried short of the total)', find: 'chuyển sang 1.132 hồ sơ', replace: 'chuyển sang 1.123 hồ sơ', rules: ['sum'] },
  { what: 'resolved rate 97,7% → 97,5% ("đạt tỷ lệ")', find: 'đạt tỷ lệ 97,7%', replace: 'đạt tỷ lệ 97,5%', rules: ['ratio'] },
  { what: 'pending share 2,3% → 2,8% (base in the previous sentence)', find: 'chiếm 2,3%', replace: 'chiếm 2,8%', rules: ['ratio'] },
  { what: 'rate stated before its counts 99,94% → 99,49%', find: 'đạt 99,94%', replace: 'đạt 99,49%', rules: ['ratio'] },
  { what: 'tasks with a deadline 1.584 → 1.548 (two exhaustive parts short)', find: 'có thời hạn 1.584', replace: 'có thời hạn 1.548', rules: ['sum', 'ratio'] },
  { what: 'shares 40% + 66% of a complete split', find: '(chiếm 60%)', replace: '(chiếm 66%)', rules: ['sum', 'ratio'] },
  { what: 'tasks done on time 3.497 → 3.479 (on time + overdue short of done)', find: 'đúng hạn 3.497 nhiệm vụ', replace: 'đúng hạn 3.479 nhiệm vụ', rules: ['sum'] },
  { what: 'Government tasks 94,2% → 92,4%', find: 'đạt 94,2%', replace: 'đạt 92,4%', rules: ['ratio'] },
  { what: 'plan completion 95,8% → 85,8%', find: 'đạt 95,8%', replace: 'đạt 85,8%', rules: ['ratio'] },
  { what: 'meetings 20 + 24 > 42', find: '22 cuộc giao ban', replace: '24 cuộc giao ban', rules: ['sum'] },
  { what: 'rating parts 10 + 51 + 05 + 01 = 67 > 66', find: 'hoàn thành nhiệm vụ 04 cá nhân', replace: 'hoàn thành nhiệm vụ 05 cá nhân', rules: ['sum'] },
  { what: '"09 phòng, ban" with 8 listed', find: 'gồm 08 phòng', replace: 'gồm 09 phòng', rules: ['list-count'] },
  { what: '"04 đơn vị" with 3 listed', find: 'gồm 03 đơn vị', replace: 'gồm 04 đơn vị', rules: ['list-count'] },
  { what: '"05 công chức" received with 4 listed', find: 'tiếp nhận 04 công chức', replace: 'tiếp nhận 05 công chức', rules: ['list-count'] },
  { what: '"04 công chức" with 3 listed on the following "-" lines', find: 'cử 03 công chức tham gia Tổ', replace: 'cử 04 công chức tham gia Tổ', rules: ['list-count'] },
  { what: '"03 (hai) sáng kiến"', find: '02 (hai)', replace: '03 (hai)', rules: ['figure-words'] },
  { what: 'index change 2,15 → 2,51 with both years given', find: 'tăng 2,15 điểm', replace: 'tăng 2,51 điểm', rules: ['comparison'] },
  { what: 'training parts 03 + 12 > 14', find: '11 công chức, viên chức học', replace: '12 công chức, viên chức học', rules: ['sum'] },
  { what: 'one-stop early files 1.122 → 1.212', find: 'trả trước hạn 1.122', replace: 'trả trước hạn 1.212', rules: ['sum'] },
  { what: 'online share 69,3% → 63,9% with its base named', find: 'chiếm 69,3%', replace: 'chiếm 63,9%', rules: ['ratio'] },
  { what: 'table: TỔNG CỘNG of files received 33.938 → 33.983', find: 'Tổng cộng\t33.938', replace: 'Tổng cộng\t33.983', rules: ['table'] },
  { what: 'table: Đầu tư online 7.402 → 7.420 (total column ≠ its sub-columns)', find: '9.315\t7.402', replace: '9.315\t7.420', rules: ['table'] },
  { what: 'table: Đầu tư pending 205 → 250 (received < resolved + pending)', find: '9\t205', replace: '9\t250', rules: ['table'] },
];

/** Defects of rewritten-huyen-quy-iii-2023.txt (written after the reader: a held-out check). */
export const DEFECTS_HUYEN: Defect[] = [
  { what: 'abolished 8 → 6 (new + amended + abolished short of 48)', find: 'và 8 thủ tục bị bãi bỏ', replace: 'và 6 thủ tục bị bãi bỏ', rules: ['sum'] },
  { what: 'carried over 253 → 235 (online + direct + carried short of the total)', find: 'chuyển sang: 253', replace: 'chuyển sang: 235', rules: ['sum'] },
  { what: 'overdue 27 → 72 (parts above the resolved total)', find: 'quá hạn 27 hồ sơ', replace: 'quá hạn 72 hồ sơ', rules: ['sum'] },
  { what: 'pending overdue 8 → 18', find: 'đã quá hạn 8 hồ sơ', replace: 'đã quá hạn 18 hồ sơ', rules: ['sum'] },
  { what: 'online share 72,05% → 72,50% with its fraction', find: 'là 72,05%', replace: 'là 72,50%', rules: ['ratio'] },
  { what: 'PAKN 6/7 written 87,5%', find: '(đạt 85,7%)', replace: '(đạt 87,5%)', rules: ['ratio'] },
  { what: 'satisfaction share 82,15% → 82,51%', find: '(82,15%)', replace: '(82,51%)', rules: ['ratio', 'sum'] },
  { what: 'one-stop staff 03 + 06 > 09 → 04 + 06', find: 'gồm 03 công chức', replace: 'gồm 04 công chức', rules: ['sum'] },
  { what: '"03 (hai) lớp"', find: '02 (hai)', replace: '03 (hai)', rules: ['figure-words'] },
  { what: 'change 0,52 → 0,25 with both quarters given', find: 'tăng 0,52%', replace: 'tăng 0,25%', rules: ['comparison'] },
  { what: 'received total 9.846 → 9.864 in the prose', find: 'trong quý là 9.846 hồ sơ', replace: 'trong quý là 9.864 hồ sơ', rules: ['sum'] },
  { what: 'table: communes early 5.394 → 5.349', find: '6.470\t5.394', replace: '6.470\t5.349', rules: ['table'] },
  { what: 'table: Toàn huyện pending 326 → 362', find: '27\t326', replace: '27\t362', rules: ['table'] },
];
