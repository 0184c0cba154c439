/** A report with a figure of the prose that no template field holds, for "Gắn số liệu" tests. */
import { readFileSync } from 'node:fs';
import { ASSET_PATHS } from '../../src/cli/assets';
import { OoxmlDocument } from '../../src/document/ooxml/document';

/** The sentence added to the sample; its figure "1.234" is bound by the tests ("1.230" stays plain). */
export const ADDED_SENTENCE = ' Qua bưu chính công ích, Văn phòng tiếp nhận 1.234 hồ sơ, trả kết quả 1.230 hồ sơ.';

/** The sample with ADDED_SENTENCE at the end of its first paragraph that reads "Trong 6 tháng đầu năm, Văn phòng làm tốt công tác thi đua". */
export function sampleWithFigure(times = 1): Uint8Array {
  const doc = OoxmlDocument.open(new Uint8Array(readFileSync(ASSET_PATHS.sample)));
  const snapshot = doc.readSync();
  const paragraphs = snapshot.blocks.filter((b) => b.type === 'paragraph' && b.text.startsWith('Trong 6 tháng đầu năm, Văn phòng')).slice(0, times);
  if (paragraphs.length < times) throw new Error('sample changed: no paragraph to extend');
  doc.applySync(paragraphs.map((b) => ({ kind: 'paragraph' as const, blockIndex: b.index, start: (b as { text: string }).text.length, end: (b as { text: string }).text.length, text: ADDED_SENTENCE })));
  return doc.save();
}
