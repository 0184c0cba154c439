/** `baocao demo` — the bundled sample report: what is found in it and what the check says. */
import * as path from 'node:path';
import { checkReport } from '../core/check';
import { extractReport } from '../core/model/extract';
import { locateFields } from '../core/recognize/locate';
import { TEMPLATES } from '../templates';
import { OoxmlDocument } from '../document/ooxml/document';
import { ASSET_PATHS } from './assets';
import { readInput } from './files';
import { EXIT, type Io, type Parsed } from './types';

export async function demoCommand(_parsed: Parsed, io: Io): Promise<number> {
  const doc = OoxmlDocument.open(readInput(ASSET_PATHS.sample));
  const snapshot = await doc.read();
  const located = locateFields(TEMPLATES.default, snapshot);
  const data = extractReport(TEMPLATES.default, snapshot, located);
  const report = checkReport({ definition: TEMPLATES.default, snapshot, fileName: path.basename(ASSET_PATHS.sample), located });
  const { fields, places } = data.coverage;
  const entered = Object.values(data.fields).filter((f) => f.text !== null).length;
  io.out(`baocao — báo cáo mẫu: ${path.relative(process.cwd(), ASSET_PATHS.sample)}\n`);
  io.out(`Chế độ: ${data.mode === 'bound' ? 'gắn ô nhập (bound)' : 'nhận dạng (recognized)'}\n`);
  io.out(`Chỉ tiêu tìm thấy: ${fields.found}/${fields.expected}; vị trí: ${places.found}/${places.expected}; đã có số liệu: ${entered}\n`);
  const { error, warning, info } = report.summary;
  io.out(`Kiểm tra nhất quán: ${error} lỗi, ${warning} cảnh báo, ${info} lưu ý. Các lỗi:\n`);
  for (const f of report.findings.filter((x) => x.severity === 'error')) io.out(`  ✗ ${f.message}\n`);
  io.out(`\nThử: npx baocao check ${path.relative(process.cwd(), ASSET_PATHS.sample)} --format html -o kiem-tra.html\n`);
  return EXIT.ok;
}
