/** Where the CLI finds the embedded template, sample and layout (Node only). */
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export const LAYOUT_PATH = path.join(ROOT, 'src', 'core', 'template', 'cchc-6-thang', 'layout.txt');
export const ASSET_PATHS = {
  template: path.join(ROOT, 'assets', 'templates', 'cchc-6-thang.docx'),
  sample: path.join(ROOT, 'assets', 'samples', 'bao-cao-cchc-6-thang-2022.docx'),
};
