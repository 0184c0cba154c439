/**
 * Words of Vietnamese administrative prose the statement reader relies on: unit nouns, words
 * that make a figure something other than a count of things (a year, a rank, a change), the
 * families of labels that partition a total (exhaustive or not) and number words.
 * Data only: the reader never looks for one report's wording.
 */

/** Unit nouns, longest first within a head word; abbreviations map to their noun. */
const UNIT_NOUNS = [
  'hồ sơ', 'thủ tục', 'nhiệm vụ', 'văn bản', 'cơ quan', 'công chức', 'viên chức', 'cán bộ', 'cá nhân', 'tập thể',
  'doanh nghiệp', 'phản ánh', 'kiến nghị', 'sáng kiến', 'mô hình', 'đơn vị', 'cuộc', 'tin bài', 'tin', 'bài',
  'người', 'lượt', 'phòng', 'ban', 'sở', 'xã', 'huyện', 'dự án', 'đề án', 'kế hoạch', 'quyết định', 'báo cáo', 'chỉ tiêu',
  'lớp', 'học viên', 'đoàn', 'vụ', 'vụ việc', 'đơn', 'đơn thư', 'hộ', 'trường hợp', 'dịch vụ', 'tài khoản', 'giấy phép',
  'chứng thư', 'máy', 'thiết bị', 'điểm', 'hội nghị', 'buổi', 'lần', 'tổ chức', 'nhóm', 'biên chế', 'lao động', 'tiêu chí',
];

const UNIT_ALIASES: Record<string, string> = {
  tthc: 'thủ tục',
  pakn: 'phản ánh',
  vbqppl: 'văn bản',
  qppl: 'văn bản',
  dvc: 'dịch vụ',
  dvctt: 'dịch vụ',
  cbcc: 'cán bộ',
  cbccvc: 'cán bộ',
  ccvc: 'công chức',
  dn: 'doanh nghiệp',
  hs: 'hồ sơ',
};

/** "10,18 ngàn hồ sơ": a rounded figure in thousands, not a count. */
export const MULTIPLIERS = new Set(['ngàn', 'nghìn', 'triệu', 'vạn']);

const UNIT_SET = new Set(UNIT_NOUNS);

/** Words that never start a unit (function words, verbs of the clause). */
const NOT_UNIT = new Set([
  'là', 'và', 'của', 'trong', 'đã', 'được', 'với', 'so', 'chiếm', 'đạt', 'tăng', 'giảm', 'trên', 'tại', 'theo', 'cho', 'từ',
  'đến', 'có', 'các', 'những', 'này', 'đó', 'thì', 'mà', 'nhưng', 'hoặc', 'gồm', 'bao', 'cụ', 'ngày', 'tháng', 'năm', 'quý',
  'bằng', 'tương', 'còn', 'đang', 'chưa', 'về', 'vào', 'ra', 'lên', 'xuống', 'như', 'sau', 'trước', 'để', 'do', 'vì',
]);

export interface UnitMatch {
  /** Canonical noun ("hồ sơ", "thủ tục"). */
  key: string;
  /** Characters of the input the unit took. */
  length: number;
}

/** The unit noun at the start of `after` (text right after a figure). */
export function unitAt(after: string): UnitMatch | undefined {
  const m = /^([\s\u00a0]+)([\p{L}]+)(?:([\s\u00a0]+)([\p{L}]+))?/u.exec(after);
  if (!m) return undefined;
  const lead = m[1]!.length;
  const raw = m[2]!;
  const w1 = raw.toLowerCase();
  const w2 = m[4]?.toLowerCase();
  if (w2 !== undefined && UNIT_SET.has(`${w1} ${w2}`)) return { key: `${w1} ${w2}`, length: m[0].length };
  const alias = UNIT_ALIASES[w1];
  if (alias) return { key: alias, length: lead + raw.length };
  if (UNIT_SET.has(w1)) return { key: w1, length: lead + raw.length };
  if (NOT_UNIT.has(w1) || raw !== w1) return undefined;
  // An unknown lower-case noun: its own unit (compared only with itself).
  return { key: w1, length: lead + raw.length };
}

/** Words right before a figure that make it a label, a date part or an ordinal, not a count. */
export const NOT_COUNT_BEFORE =
  /(?:năm|thứ|khóa|khoá|lần thứ|tháng|quý|ngày|giai\s+đoạn|điều|khoản|điểm|mục|chương|phần|bước|tiêu\s+chí|mức\s+độ|mức|cấp\s+độ|đợt|kỳ|tuần|giờ|phút|(?:quyết\s+định|công\s+văn|văn\s+bản|kế\s+hoạch|báo\s+cáo|thông\s+báo)\s+số|lớp|phòng\s+họp|nhóm|top|hạng|xếp\s+thứ|đứng\s+thứ|[IVX]+\.)\s*$/iu;

/** Words before a figure that make it approximate. */
export const APPROX_BEFORE = /(?:^|[\s(,;:])(?:gần|hơn|khoảng|trên|dưới|ước|ước\s+đạt|ước\s+tính|xấp\s+xỉ|tới|hàng|vài|chừng|trung\s+bình|bình\s+quân)\s*$/iu;

/** A figure introduced as a change ("tăng 2,41%", "giảm 120 hồ sơ"): never a part or a share. */
export const CHANGE_BEFORE = /(?:tăng|giảm|tăng\s+thêm|giảm\s+bớt|vượt|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn)(?:\s+(?:khoảng|gần|hơn|thêm|được))?\s*$/iu;

/** A percentage followed by these is of a plan or a comparison, not a share of a stated count. */
export const NOT_SHARE_AFTER = /^[\s\u00a0]*(?:\)?\s*)?(?:so\s+(?:với\s+)?|kế\s+hoạch|dự\s+toán|chỉ\s+tiêu|mục\s+tiêu|KH\b|điểm\s+phần\s+trăm)/iu;

/**
 * Families of part labels. A breakdown whose parts all fall into one family is a partition
 * (parts are disjoint); `complete` says when the named members exhaust the total.
 */
export interface Family {
  id: string;
  members: { id: string; re: RegExp }[];
  /** Are the parts exhaustive given the members named? */
  complete(named: Set<string>): boolean;
  /** Families whose parts usually miss an unnamed outcome (returned, withdrawn files). */
  open?: boolean;
}

export const FAMILIES: Family[] = [
  {
    id: 'timeliness',
    members: [
      { id: 'early-ontime', re: /(?:đúng|trong)\s+(?:hạn\s+)?và\s+trước\s+hạn|trước\s+(?:hạn\s+)?và\s+đúng\s+hạn|sớm\s+và\s+đúng\s+hạn/iu },
      { id: 'early', re: /trước\s+hạn|sớm\s+hạn|trả\s+sớm|sớm\s+hơn/iu },
      { id: 'late', re: /quá\s+hạn|trễ\s+hạn|chậm\s+hạn|trễ\s+hẹn|trễ|chậm|quá\s+thời\s+hạn/iu },
      { id: 'ontime', re: /đúng\s+hạn|trong\s+hạn|đúng\s+thời\s+hạn|chưa\s+đến\s+hạn|còn\s+hạn|đúng\s+hẹn|chưa\s+quá\s+hạn/iu },
    ],
    complete: (n) => n.has('late') && (n.has('ontime') || n.has('early-ontime')),
  },
  {
    id: 'origin',
    members: [
      { id: 'carried', re: /kỳ\s+trước|chuyển\s+sang|chuyển\s+qua|tồn|năm\s+trước\s+chuyển|trước\s+chuyển/iu },
      { id: 'new', re: /mới|trong\s+kỳ/iu },
    ],
    complete: (n) => n.has('carried') && n.has('new'),
  },
  {
    id: 'publication',
    members: [
      { id: 'new', re: /mới|ban\s+hành\s+mới|công\s+bố\s+mới/iu },
      { id: 'abolished', re: /bãi\s+bỏ|hủy\s+bỏ|huỷ\s+bỏ|bị\s+bãi\s+bỏ/iu },
      { id: 'amended', re: /sửa\s+đổi|bổ\s+sung|thay\s+thế/iu },
    ],
    complete: (n) => n.has('abolished') && n.has('amended') && n.has('new'),
  },
  {
    id: 'deadline',
    members: [
      { id: 'without', re: /không\s+(?:có\s+)?thời\s+hạn|không\s+thời\s+hạn/iu },
      { id: 'with', re: /có\s+thời\s+hạn/iu },
    ],
    complete: (n) => n.has('with') && n.has('without'),
  },
  {
    id: 'rating',
    members: [
      { id: 'fail', re: /không\s+hoàn\s+thành/iu },
      { id: 'excellent', re: /xuất\s+sắc/iu },
      { id: 'good', re: /hoàn\s+thành\s+tốt|(?<![\p{L}])tốt(?![\p{L}])/iu },
      { id: 'pass', re: /hoàn\s+thành/iu },
    ],
    complete: (n) => n.has('fail') && n.has('excellent') && n.has('good') && n.has('pass'),
  },
  {
    id: 'completion',
    members: [
      { id: 'pending', re: /chưa\s+hoàn\s+thành|đang\s+(?:thực\s+hiện|triển\s+khai)|chưa\s+thực\s+hiện/iu },
      { id: 'done', re: /(?:đã\s+)?hoàn\s+thành/iu },
    ],
    complete: (n) => n.has('pending') && n.has('done'),
  },
  {
    id: 'level',
    members: [
      { id: 'province', re: /cấp\s+tỉnh|tỉnh/iu },
      { id: 'district', re: /cấp\s+huyện|huyện/iu },
      { id: 'commune', re: /cấp\s+xã|xã/iu },
    ],
    complete: (n) => n.has('province') && n.has('district') && n.has('commune'),
  },
  {
    // Files to resolve on the VPCP form: received online + direct or by post + carried over.
    id: 'intake',
    members: [
      { id: 'carried', re: /kỳ\s+trước|chuyển\s+sang|chuyển\s+qua|tồn/iu },
      { id: 'online', re: /trực\s+tuyến|qua\s+mạng/iu },
      { id: 'direct', re: /trực\s+tiếp|bưu\s+chính|bcci/iu },
    ],
    complete: (n) => n.has('carried') && n.has('online') && n.has('direct'),
    open: true,
  },
  {
    id: 'channel',
    members: [
      { id: 'online', re: /trực\s+tuyến|qua\s+mạng|điện\s+tử/iu },
      { id: 'postal', re: /bưu\s+chính|bcci/iu },
      { id: 'direct', re: /trực\s+tiếp/iu },
    ],
    complete: (n) => n.has('online') && n.has('postal') && n.has('direct'),
    open: true,
  },
  {
    id: 'status',
    members: [
      { id: 'pending', re: /đang\s+(?:giải\s+quyết|xử\s+lý)|chưa\s+giải\s+quyết|chưa\s+xử\s+lý/iu },
      { id: 'returned', re: /trả\s+lại|rút|từ\s+chối|không\s+đủ\s+điều\s+kiện/iu },
      { id: 'resolved', re: /đã\s+(?:giải\s+quyết|xử\s+lý|trả\s+kết\s+quả)|giải\s+quyết\s+xong|có\s+kết\s+quả/iu },
    ],
    complete: () => false,
    open: true,
  },
];

/** Units of money: "đạt 50,51%" after an amount is a share of a plan, not of a stated total. */
export const MONEY_UNITS = new Set(['tỷ', 'triệu', 'nghìn', 'đồng', 'usd', 'tỷ đồng', 'triệu đồng']);

/** A part named as "the rest": the parts are exhaustive. */
export const REMAINDER = /còn\s+lại|các\s+loại\s+khác|(?<![\p{L}])khác(?![\p{L}])/iu;

const DIGIT_WORDS: Record<string, number> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, nhăm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9,
};

/**
 * A number written in words ("bốn", "mười hai", "hai mươi mốt", "một trăm linh năm"), up to
 * the millions; undefined when the text is not only number words.
 */
export function parseNumberWords(text: string): number | undefined {
  const words = text.toLowerCase().trim().split(/[\s\u00a0-]+/u).filter(Boolean);
  if (words.length === 0) return undefined;
  let total = 0;
  let group = 0; // below 1000
  let current = 0; // below 100
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w in DIGIT_WORDS) {
      current += DIGIT_WORDS[w]!;
      seen = true;
    } else if (w === 'mười') {
      current += 10;
      seen = true;
    } else if (w === 'mươi') {
      current = (current || 1) * 10;
    } else if (w === 'trăm') {
      group += (current || 1) * 100;
      current = 0;
    } else if (w === 'linh' || w === 'lẻ') {
      continue;
    } else if (w === 'nghìn' || w === 'ngàn') {
      total += (group + current || 1) * 1000;
      group = 0;
      current = 0;
    } else if (w === 'triệu') {
      total += (group + current || 1) * 1_000_000;
      group = 0;
      current = 0;
    } else {
      return undefined;
    }
  }
  return seen || total > 0 || group > 0 ? total + group + current : undefined;
}
