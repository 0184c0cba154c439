/** Where the CLI finds a template's files: its folder src/templates/<id>/ (Node only). */
import * as path from 'node:path';
import type { TemplateDefinition } from '../core/template/schema';
import { TEMPLATES } from '../templates';

const ROOT = path.resolve(__dirname, '..', '..');
export const TEMPLATES_DIR = path.join(ROOT, 'src', 'templates');

/** A file of a template's folder, by its role in template.json `files`. */
export function templateFile(definition: TemplateDefinition, role: 'layout' | 'template' | 'sample'): string {
  const name = definition.files[role];
  if (!name) throw new Error(`Mẫu ${definition.id} không có tệp ${role} (template file missing)`);
  return path.join(TEMPLATES_DIR, definition.id, name);
}

/** The default template's files (the CLI's `template` and `demo` without `--template`). */
export const LAYOUT_PATH = templateFile(TEMPLATES.default, 'layout');
export const ASSET_PATHS = {
  template: templateFile(TEMPLATES.default, 'template'),
  sample: templateFile(TEMPLATES.default, 'sample'),
};
