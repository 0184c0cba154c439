/**
 * The coverage test: the seed report, read through the layout, must have every field occurrence
 * found exactly once and every number either modelled, part of a document reference, or on the
 * justified non-data list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { layoutToSnapshot, parseLayout } from '../../src/core/layout/parse';
import { locateFields, numericCoverage } from '../../src/core/recognize';
import { CCHC_6_THANG } from '../helpers/templates';
import { nonDataEntries } from '../../src/core/recognize/coverage';
import { REPO_DIR, SEED_TEXT } from '../helpers/paths';
import { transcriptToSnapshot } from '../helpers/transcript';

const LAYOUT = path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'layout.txt');
const seed = fs.readFileSync(LAYOUT, 'utf8');
const snapshot = layoutToSnapshot(parseLayout(seed));
const located = locateFields(CCHC_6_THANG, snapshot);

/** Occurrences located by wording may only be ambiguous when they say which match they mean. */
const unambiguous = (o: (typeof located.occurrences)[number]) => o.matches === 1 || (o.occurrence.where === 'narrative' && o.occurrence.nth !== undefined && o.matches >= o.occurrence.nth);

describe('coverage of the seed report (layout)', () => {
  test('the layout copy is the spec text', () => {
    expect(seed).toBe(fs.readFileSync(SEED_TEXT, 'utf8'));
  });

  test('every occurrence is found exactly once', () => {
    const bad = located.occurrences.filter((o) => !o.found || !unambiguous(o)).map((o) => `${o.fieldId}#${o.occurrenceIndex}: ${o.reason ?? o.matches}`);
    expect(bad).toEqual([]);
    expect(located.occurrences).toHaveLength(CCHC_6_THANG.fields.reduce((n, f) => n + f.occurrences.length, 0));
    // The documented exceptions: wording that recurs, disambiguated by `nth`.
    const withNth = located.occurrences.filter((o) => o.matches > 1).map((o) => o.fieldId);
    expect(withNth.sort()).toEqual(['a22.pendingPct', 'bii31.publicUnitList']);
  });

  test('figures are read exactly as written, mistakes included', () => {
    const text = (id: string, i = 0) => located.occurrences.filter((o) => o.fieldId === id)[i]?.text;
    expect(text('meta.reportDate')).toBe('ngày 09 tháng 6 năm 2022');
    expect(text('a22.received')).toBe('30.407');
    expect(text('a22.resolved')).toBe('28,375');
    expect(text('a22.onTimePct')).toBe('3,24%');
    expect(text('a22.pendingPct')).toBe('4,7%');
    expect(text('bi1.planProgress')).toBe('30/50');
    expect(text('bi23.unitsTotal')).toBe('09');
    expect(text('bii11.legalDocs', 0)).toBe('19');
    expect(text('bii11.legalDocs', 1)).toBe('0');
    expect(text('pl1.bm1.r5_3')).toBe('23/17');
    expect(text('pl1.bm1.r4_1')).toBe(''); // empty cell: found, not entered
    expect(text('a21.pakn.resolved', 0)).toBe('02'); // "02 (01 PAKN đang chờ …)"
    expect(text('a21.pakn.pending')).toBe('01');
    expect(text('a21.publishDecisions', 2)).toBe('15'); // inside Phụ lục III III.3
    expect(text('meta.pl1Caption')).toBe('tháng 3 năm 2022');
    expect(text('meta.pl3Caption')).toBe('tháng 6 năm 2022');
    expect(text('meta.pl3TitlePeriod')).toBe('6 THÁNG ĐẦU NĂM NĂM 2022');
    expect(text('bii31.deptList')?.split(';')).toHaveLength(8);
    expect(text('bii2.kstthcGroupList')?.split(';')).toHaveLength(8); // "9 nhóm công việc"
    expect(text('bii6.paperlessRoomList')).toBe('218, 708, 910');
    expect(text('pl2.bm2.r1_4')).toBe('1667');
  });

  test('every number of the report is modelled, a reference, or justified non-data', () => {
    const cov = numericCoverage(snapshot, located, nonDataEntries(CCHC_6_THANG));
    expect(cov.uncovered).toEqual([]);
    expect(cov.tokens).toBeGreaterThan(1100);
    expect(cov.byField).toBeGreaterThan(200);
    expect(cov.byReference).toBeGreaterThan(400);
    // Every non-data entry is used (no stale entries).
    const unused = nonDataEntries(CCHC_6_THANG).filter((_, i) => !cov.entryUse[i]).map((e) => e.example);
    expect(unused).toEqual([]);
  });

  test('each non-data entry matches its own example', () => {
    for (const e of nonDataEntries(CCHC_6_THANG)) {
      const example = e.example.replace(/ \(cột TT\/STT\)$/, '');
      expect([e.example, [...example.matchAll(e.context)].length > 0]).toEqual([e.example, true]);
    }
  });

  test('without the non-data list, the uncovered numbers are exactly the non-data ones', () => {
    const bare = numericCoverage(snapshot, located, []);
    const full = numericCoverage(snapshot, located, nonDataEntries(CCHC_6_THANG));
    expect(bare.uncovered.length).toBe(full.byNonData);
  });
});

describe('coverage of the raw transcript (page-break artefacts, no header flags)', () => {
  const raw = transcriptToSnapshot(seed);
  const rawLocated = locateFields(CCHC_6_THANG, raw);

  test('every occurrence is found exactly once and with the same figure as in the layout', () => {
    expect(rawLocated.occurrences.filter((o) => !o.found || !unambiguous(o)).map((o) => o.fieldId)).toEqual([]);
    // The layout turns "<ul>" items into cell paragraphs ("\n"); otherwise the figures are identical.
    const figures = (r: typeof located) => r.occurrences.map((o) => `${o.fieldId}#${o.occurrenceIndex}=${o.text?.replace(/\s+/g, ' ')}`);
    expect(figures(rawLocated)).toEqual(figures(located));
  });

  test('every number is covered', () => {
    expect(numericCoverage(raw, rawLocated, nonDataEntries(CCHC_6_THANG)).uncovered).toEqual([]);
  });
});
