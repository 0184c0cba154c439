/** The text an empty content control shows, by field kind (template and roll-over alike). */
import type { FieldKind } from './schema';

export const PLACEHOLDERS: Record<FieldKind, string> = {
  count: '[số liệu]',
  decimal: '[số liệu]',
  percent: '[tỷ lệ %]',
  fraction: '[x/y]',
  pair: '[x/y]',
  date: '[ngày tháng năm]',
  text: '[nội dung]',
  reference: '[số, ký hiệu văn bản]',
};
