/**
 * The registry's list: one line per template folder. Adding a report = a folder with its
 * template.json (validated at load against the zod schema) + one line here.
 */
import { createRegistry, loadTemplate } from '../core/template/registry';
import cchc6Thang from './cchc-6-thang/template.json';
import kiemSoatTthcQuy from './kiem-soat-tthc-quy/template.json';
import cchcMauChung from './cchc-mau-chung/template.json';

/** `starter`: what `baocao template` writes without `--template` (the official outline for any office). */
const STARTER = { starter: 'cchc-mau-chung' };

export const TEMPLATES = createRegistry([
  loadTemplate(cchc6Thang, 'cchc-6-thang/template.json'),
  loadTemplate(kiemSoatTthcQuy, 'kiem-soat-tthc-quy/template.json'),
  loadTemplate(cchcMauChung, 'cchc-mau-chung/template.json'),
], STARTER);
