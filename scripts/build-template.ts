/**
 * npm run build:template — regenerates every template's empty .docx and filled sample in its
 * folder (src/templates/<id>/) from its definition and layout. Deterministic: rebuilding
 * unchanged sources gives identical bytes (a test fails when the committed files are stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TEMPLATES } from '../src/templates';
import { buildTemplateDocx, planTemplate } from '../src/document/generate/build-template';
import { templateFile } from '../src/cli/assets';

for (const definition of TEMPLATES.all) {
  const layout = readFileSync(templateFile(definition, 'layout'), 'utf8');
  const plan = planTemplate(definition, layout);
  if (plan.unplaced.length) {
    console.error(`${definition.id}: không đặt được ${plan.unplaced.length} vị trí số liệu vào bố cục:`);
    for (const o of plan.unplaced) console.error(`  ${o.fieldId} (${o.reason ?? 'không rõ'})`);
    process.exit(1);
  }
  for (const mode of ['template', 'sample'] as const) {
    if (!definition.files[mode]) continue;
    const file = templateFile(definition, mode);
    const bytes = buildTemplateDocx(definition, layout, mode);
    writeFileSync(file, bytes);
    console.log(`${path.relative(process.cwd(), file)}: ${bytes.length} byte, ${plan.placements.length} ô nhập (content control)`);
  }
}
