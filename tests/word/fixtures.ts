/**
 * Hand-made snapshots shaped like the report (narrative paragraphs with inline figure controls,
 * appendix tables with a header row, TT codes and a "Số liệu" column), at any size.
 * They only use what Word reports (cells never merged, every paragraph has a style), so the
 * Word adapter must read back exactly the snapshot the fake was built from.
 */
import type { Block, ControlInfo, DocumentSnapshot, ParagraphBlock, TableBlock } from '../../src/document/types';

export interface SyntheticOptions {
  /** Number of figure controls in the narrative (two per paragraph). */
  controls: number;
  tables: number;
  /** Body rows per table (header row not counted). */
  rows?: number;
}

export const TABLE_HEADER = ['TT', 'Nội dung', 'Đơn vị tính', 'Số liệu'];

/** A figure as written in the report: zero-padded small counts, thousands with ".". */
export function figure(i: number): string {
  const n = (i * 37) % 120;
  return n < 10 ? `0${n}` : n > 100 ? `${n}.${String((i * 7) % 1000).padStart(3, '0')}` : String(n);
}

export function syntheticSnapshot(options: SyntheticOptions): DocumentSnapshot {
  const rows = options.rows ?? 6;
  const blocks: Block[] = [];
  const controls: ControlInfo[] = [];
  const paragraph = (text: string, style = 'Normal'): ParagraphBlock => {
    const block: ParagraphBlock = { type: 'paragraph', index: blocks.length, text, spans: [], style };
    blocks.push(block);
    return block;
  };
  const table = (t: number): TableBlock => {
    const block: TableBlock = {
      type: 'table',
      index: blocks.length,
      rows: [
        { header: true, cells: TABLE_HEADER.map((text) => ({ text, span: 1, mergedUp: false })) },
        ...Array.from({ length: rows }, (_, r) => ({
          header: false,
          cells: [`${r + 1}`, `Chỉ tiêu ${t + 1}.${r + 1}`, r % 2 ? 'Văn bản' : 'Hồ sơ', figure(t * rows + r)].map((text) => ({
            text,
            span: 1,
            mergedUp: false,
          })),
        })),
      ],
    };
    blocks.push(block);
    return block;
  };

  paragraph('BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2022', 'Title');
  const paragraphsWithControls = Math.ceil(options.controls / 2);
  const tableEvery = options.tables > 0 ? Math.max(1, Math.floor(paragraphsWithControls / options.tables)) : Infinity;
  let tablesDone = 0;
  for (let p = 0; p < paragraphsWithControls; p++) {
    const a = figure(2 * p);
    const b = figure(2 * p + 1);
    const prefix = `Tổng số hồ sơ tiếp nhận: `;
    const middle = ` hồ sơ; đã giải quyết `;
    const text = `${prefix}${a}${middle}${b} hồ sơ, đạt tỷ lệ 93,3%.`;
    const block = paragraph(text);
    const spans: [number, string][] = [[prefix.length, a]];
    if (controls.length + 1 < options.controls) spans.push([prefix.length + a.length + middle.length, b]);
    for (const [start, value] of spans) {
      const index = controls.length;
      controls.push({
        index,
        tag: `so-lieu.${index}`,
        title: `Số liệu ${index + 1}`,
        text: value,
        kind: 'plainText',
        level: 'inline',
        lock: 'none',
        showingPlaceholder: false,
        blockIndex: block.index,
      });
      block.spans.push({ controlIndex: index, start, end: start + value.length });
    }
    if ((p + 1) % tableEvery === 0 && tablesDone < options.tables) {
      paragraph(`Phụ lục ${tablesDone + 1}`, 'Heading2');
      table(tablesDone++);
    }
  }
  while (tablesDone < options.tables) {
    paragraph(`Phụ lục ${tablesDone + 1}`, 'Heading2');
    table(tablesDone++);
  }
  paragraph('Nơi nhận:');
  return { blocks, controls };
}

/** Table blocks of a snapshot, in order. */
export function tablesOf(snapshot: DocumentSnapshot): TableBlock[] {
  return snapshot.blocks.filter((b): b is TableBlock => b.type === 'table');
}

/** Sets a control's lock in a snapshot (returns a copy). */
export function withLock(snapshot: DocumentSnapshot, controlIndex: number, lock: ControlInfo['lock']): DocumentSnapshot {
  const copy = structuredClone(snapshot);
  const control = copy.controls[controlIndex];
  if (!control) throw new Error(`no control ${controlIndex}`);
  control.lock = lock;
  return copy;
}
