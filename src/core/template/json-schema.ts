/**
 * The JSON Schema of a template's data file, generated from the zod schema so an editor can
 * complete and validate template.json (src/templates/template.schema.json, written by
 * `npm run template-schema`; a test fails when the committed file is stale).
 */
import { z } from 'zod';
import { TemplateDefinitionSchema } from './schema';

export function templateJsonSchema(): string {
  // 'input': what an author writes (fields with defaults may be left out).
  const schema = z.toJSONSchema(TemplateDefinitionSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'baocao template (mẫu báo cáo)' }, null, 2)}\n`;
}
