/**
 * Web-page datelines ("Cập nhật: 12/3/2023 10:15", "Ngày đăng: 05/4/2023", "Thứ Hai, ngày
 * 13/3/2023 08:30") come with reports copied from portals. They date the page, not the report:
 * the period rule must not take them for the report's date or a data window, and the
 * number-format rule must not hold them to the Nghị định 30 date convention.
 */

/** Words that introduce a page's own date, right before it. */
const DATELINE_BEFORE =
  /(?:cập\s+nhật(?:\s+lúc)?|ngày\s+cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|ngày\s+đăng\s+tải|thời\s+gian\s+đăng|ngày\s+xuất\s+bản|xuất\s+bản|ngày\s+phát\s+hành|posted|updated|published)\s*:?\s*(?:lúc\s*)?(?:\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:sa|ch|am|pm)?\s*[,|-]?\s*)?(?:(?:thứ\s+[\p{L}\d]+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s*)?$/iu;
/** A weekday opening the line ("Thứ Hai, ngày …", "Chủ nhật, 12/3/2023"): an official report never dates itself so. */
const WEEKDAY_BEFORE = /^\s*(?:[|-]\s*)?(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)\s*,?\s*(?:ngày\s*)?$/iu;
/** A clock time right after the date ("12/3/2023 10:15", "… - 08:30"). */
const TIME_AFTER = /^\s*(?:[,|-]\s*)?(?:lúc\s*)?\d{1,2}[:h]\d{2}(?![\d/])/iu;

/** Is the date written at [start, end) of `text` a page's dateline rather than the report's own date? */
export function isDatelineDate(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 60), start);
  if (DATELINE_BEFORE.test(before)) return true;
  if (start - lineStart <= 60 && WEEKDAY_BEFORE.test(text.slice(lineStart, start))) return true;
  return TIME_AFTER.test(text.slice(end, end + 16));
}
