/** The registered templates, by id, for tests (code under src/ never names a template). */
import { TEMPLATES } from '../../src/templates';

export const CCHC_6_THANG = TEMPLATES.get('cchc-6-thang');
