/**
 * npm run build:template — regenerates the official template and the filled sample under
 * assets/ from the template definition and the report layout. Deterministic: rebuilding
 * unchanged sources gives identical bytes (a test fails when the committed files are stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { CCHC_6_THANG } from '../src/core/template/cchc-6-thang';
import { buildTemplateDocx, planTemplate } from '../src/document/generate/build-template';
import { ASSET_PATHS, LAYOUT_PATH } from '../src/cli/assets';

const layout = readFileSync(LAYOUT_PATH, 'utf8');
const plan = planTemplate(CCHC_6_THANG, layout);
if (plan.unplaced.length) {
  console.error(`Không đặt được ${plan.unplaced.length} vị trí số liệu vào bố cục:`);
  for (const o of plan.unplaced) console.error(`  ${o.fieldId} (${o.reason ?? 'không rõ'})`);
  process.exit(1);
}
for (const [mode, file] of [
  ['template', ASSET_PATHS.template],
  ['sample', ASSET_PATHS.sample],
] as const) {
  const bytes = buildTemplateDocx(CCHC_6_THANG, layout, mode);
  writeFileSync(file, bytes);
  console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} byte, ${plan.placements.length} ô nhập (content control)`);
}
