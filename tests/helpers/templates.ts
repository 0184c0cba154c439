/** The registered templates, by id, for tests (code under src/ never names a template). */
import { TEMPLATES } from '../../src/templates';

export const CCHC_6_THANG = TEMPLATES.get('cchc-6-thang');
/** The official outline for any office (the registry's starter). */
export const CCHC_MAU_CHUNG = TEMPLATES.get('cchc-mau-chung');
