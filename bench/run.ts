/**
 * npm run bench — speed and memory budgets (never asserted in unit tests). Each section prints
 * medians after warm-up; a row over its budget is marked, and the run exits 1 so a budget
 * regression is visible in scripts that call it.
 */
import { benchBundle } from './bundle';
import { benchCheck } from './check';
import { benchCli } from './cli';
import { benchCheckMemory } from './check-memory';
import { benchEdit } from './edit';
import { benchExtract } from './extract';
import { benchFill } from './fill';
import { benchHostile } from './hostile';
import { benchOoxml } from './ooxml';
import { benchSummary } from './summary';
import { benchWord } from './word';
import type { BenchRow } from './util';

function print(title: string, rows: BenchRow[]): number {
  console.log(`\n${title}`);
  let over = 0;
  for (const r of rows) {
    const budget = r.budgetMs ? ` (ngân sách ${r.budgetMs} ms)` : '';
    const flag = r.over || (r.budgetMs && r.medianMs > r.budgetMs) ? '  ✗ VƯỢT' : '';
    if (flag) over++;
    const value = Number.isNaN(r.medianMs) ? '' : `${r.medianMs.toFixed(1).padStart(9)} ms`;
    console.log(`  ${r.name.padEnd(48)} ${value}${budget}${r.note ? `  ${r.note}` : ''}${flag}`);
  }
  return over;
}

async function main(): Promise<void> {
  let over = 0;
  over += print('Mở và đọc .docx (open + read)', (await benchOoxml()).map((r) => ({ name: r.name, medianMs: r.medianMs, note: r.note })));
  over += print('Word: đọc Office Open XML của thân tài liệu (getOoxml)', await benchWord());
  over += print('Đọc số liệu (open + extract)', await benchExtract());
  over += print('Kiểm tra nhất quán (check)', [...(await benchCheck()), ...benchCheckMemory(1000)]);
  over += print('Sửa một số liệu → ảnh hưởng hiện trong Số liệu (edit → consequences)', await benchEdit());
  over += print('Dòng lệnh, mỗi lần một tiến trình (CLI start, bundled)', await benchCli());
  over += print('Ghi số liệu (fill) so với docxtemplater', await benchFill());
  over += print('Tổng hợp nhiều báo cáo (summary, 100 tệp)', await benchSummary());
  over += print('Tệp độc hại: từ chối hoặc đọc (hostile input)', await benchHostile());
  over += print('Task pane (bundle)', await benchBundle());
  console.log(over ? `\n${over} mục vượt ngân sách.` : '\nTất cả trong ngân sách.');
  process.exitCode = over ? 1 : 0;
}

void main();
