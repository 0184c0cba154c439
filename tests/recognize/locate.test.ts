import * as fs from 'node:fs';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import { locateFields, numericCoverage } from '../../src/core/recognize';
import { CCHC_6_THANG } from '../helpers/templates';
import { nonDataEntries } from '../../src/core/recognize/coverage';
import { TemplateDefinitionSchema, type Field } from '../../src/core/template/schema';
import { RECEIVED_SAMPLE } from '../helpers/paths';

const def = (...fields: Field[]) => TemplateDefinitionSchema.parse({ id: 't', title: 't', fields, relations: [] });
const para = (text: string, index: number) => ({ type: 'paragraph' as const, index, text, spans: [] });
const doc = (...texts: string[]): DocumentSnapshot => ({ blocks: texts.map(para), controls: [] });
const A22 = ['A. PHẦN A', '1. Mục', '2. Thủ tục', '2.1. Kiểm soát', '2.2. Tiếp nhận và giải quyết'];

const received: Field = {
  id: 'a22.received',
  label: 'Số hồ sơ tiếp nhận',
  section: 'A.2.2',
  kind: 'count',
  unit: 'hồ sơ',
  rollover: 'period',
  occurrences: [{ where: 'narrative', section: 'A.2.2', before: 'đã tiếp nhận', after: 'hồ sơ' }],
};

describe('locateFields: tolerant wording', () => {
  test.each([
    ['exact', 'Trung tâm đã tiếp nhận 30.407 hồ sơ; đã giải quyết'],
    ['case and spacing', 'Trung tâm ĐÃ  TIẾP   NHẬN: 30.407 Hồ Sơ.'],
    ['NFD (decomposed) text', 'Trung tâm đã tiếp nhận 30.407 hồ sơ'.normalize('NFD')],
    ['wrong separator kept as written', 'đã tiếp nhận 30,407 hồ sơ'],
  ])('%s', (_name, text) => {
    const r = locateFields(def(received), doc(...A22, text));
    const o = r.occurrences[0]!;
    expect(o.found).toBe(true);
    expect(o.via).toBe('section');
    const place = o.place!;
    expect(place.kind).toBe('paragraph');
    if (place.kind === 'paragraph') expect(text.slice(place.start, place.end)).toBe(o.text);
    expect(o.text?.normalize('NFC').replace(',', '.')).toBe('30.407');
  });

  test('wording cut by a page break (two paragraphs) still matches; the figure stays in one paragraph', () => {
    const r = locateFields(def(received), doc(...A22, 'Trung tâm đã tiếp', 'nhận 30.407 hồ sơ'));
    expect(r.occurrences[0]).toMatchObject({ found: true, text: '30.407', place: { kind: 'paragraph', blockIndex: 6, start: 5, end: 11 } });
  });

  test('a figure of another kind does not match (a percent is not a count)', () => {
    const r = locateFields(def(received), doc(...A22, 'đã tiếp nhận 93,3% hồ sơ'));
    expect(r.occurrences[0]).toMatchObject({ found: false, reason: 'no-match' });
  });

  test('outside its section, a match is accepted only when unique in the document', () => {
    const unique = locateFields(def(received), doc('Văn bản không có đề mục: đã tiếp nhận 120 hồ sơ.'));
    expect(unique.occurrences[0]).toMatchObject({ found: true, via: 'document', text: '120' });
    const twice = locateFields(def(received), doc('đã tiếp nhận 120 hồ sơ.', 'đã tiếp nhận 7 hồ sơ.'));
    expect(twice.occurrences[0]).toMatchObject({ found: false, reason: 'ambiguous', matches: 2 });
  });

  test('one side of a fraction (component) and the header put in a table', () => {
    const f: Field = { ...received, id: 'x.total', kind: 'count', occurrences: [{ where: 'narrative', section: 'header', before: 'kiểm tra tại', after: 'phòng', component: 2 }] };
    const snap: DocumentSnapshot = {
      controls: [],
      blocks: [{ type: 'table', index: 0, rows: [{ header: false, cells: [{ text: 'Sẽ kiểm tra tại 03/09 phòng, ban', span: 1, mergedUp: false }] }] }],
    };
    expect(locateFields(def(f), snap).occurrences[0]).toMatchObject({ found: true, text: '09', place: { kind: 'cell', row: 0, cell: 0, start: 19, end: 21 } });
  });
});

describe('locateFields: bound documents', () => {
  test('a content control tagged with the field id is preferred to the wording', () => {
    const snap: DocumentSnapshot = {
      blocks: [...A22.map(para), { type: 'paragraph', index: 5, text: 'đã tiếp nhận 30.407 hồ sơ', spans: [{ controlIndex: 0, start: 13, end: 19 }] }],
      controls: [{ index: 0, tag: 'a22.received', title: 'Số hồ sơ tiếp nhận', text: '30.407', kind: 'plainText', level: 'inline', lock: 'sdtLocked', showingPlaceholder: false, blockIndex: 5 }],
    };
    expect(locateFields(def(received), snap).occurrences[0]).toMatchObject({ found: true, via: 'control', text: '30.407', place: { kind: 'control', controlIndex: 0, start: 13, end: 19 } });
  });

  test('an empty control (placeholder shown) is found with an empty value', () => {
    const snap: DocumentSnapshot = {
      blocks: [para('Trung tâm đã tiếp nhận Nhập số hồ sơ', 0)],
      controls: [{ index: 0, tag: 'a22.received', title: '', text: 'Nhập số', kind: 'plainText', level: 'inline', lock: 'none', showingPlaceholder: true, blockIndex: 0 }],
    };
    expect(locateFields(def(received), snap).occurrences[0]).toMatchObject({ found: true, via: 'control', text: '' });
  });
});

describe('the received sample (.docx from another word processor)', () => {
  let snapshot: DocumentSnapshot;
  beforeAll(async () => {
    snapshot = await OoxmlDocument.open(new Uint8Array(fs.readFileSync(RECEIVED_SAMPLE))).read();
  });

  test('every field occurrence of the template is located (304/304), unambiguously', () => {
    const r = locateFields(CCHC_6_THANG, snapshot);
    const found = r.occurrences.filter((o) => o.found);
    expect(r.occurrences).toHaveLength(304);
    expect(found).toHaveLength(304);
    const ambiguous = found.filter((o) => o.matches > 1 && !(o.occurrence.where === 'narrative' && o.occurrence.nth));
    expect(ambiguous.map((o) => o.fieldId)).toEqual([]);
    const text = (id: string) => r.occurrences.find((o) => o.fieldId === id)?.text;
    expect(text('a22.resolved')).toBe('28,375');
    expect(text('meta.pl1Caption')).toBe('tháng 3 năm 2022');
    expect(text('pl3.III_8.output')).toMatch(/^\(02 phản ánh kiến nghị đã giải quyết xong\)/);
  });

  test('the row cut across pages in Phụ lục III is one row with two parts', () => {
    const r = locateFields(CCHC_6_THANG, snapshot);
    expect(r.appendix.findRow('III', undefined, 'III.8')?.row.parts).toHaveLength(2);
  });

  test('every number of the received document is covered', () => {
    const r = locateFields(CCHC_6_THANG, snapshot);
    const cov = numericCoverage(snapshot, r, nonDataEntries(CCHC_6_THANG));
    expect(cov.uncovered).toEqual([]);
    expect(cov.tokens).toBeGreaterThan(1100);
  });
});
