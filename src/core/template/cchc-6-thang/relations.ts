/**
 * Relations between the fields of the report, as data. Narrative ↔ appendix ↔ Phụ lục III
 * agreement needs no relation: one quantity is one field with several occurrences.
 */
import type { Relation } from '../schema';

const ratio = (id: string, percent: string, part: string, base: string, note?: string): Relation => ({ id, kind: 'ratio', percent, part, base, ...(note ? { note } : {}) });
const sum = (id: string, total: string | number, parts: string[], note?: string, options: { exhaustive?: boolean } = {}): Relation => ({
  id,
  kind: 'sum',
  total,
  parts,
  ...(note ? { note } : {}),
  ...options,
});
const listCount = (id: string, countId: string, list: string, separator = ';'): Relation => ({ id, kind: 'list-count', count: countId, list, separator });

export const RELATIONS: Relation[] = [
  // A.2.2 — Trung tâm Phục vụ HCC: resolved is a share of received; early/on-time/late are
  // shares of resolved; pending is a share of received.
  ratio('a22.resolvedPct', 'a22.resolvedPct', 'a22.resolved', 'a22.received'),
  ratio('a22.earlyPct', 'a22.earlyPct', 'a22.early', 'a22.resolved'),
  ratio('a22.onTimePct', 'a22.onTimePct', 'a22.onTime', 'a22.resolved'),
  ratio('a22.latePct', 'a22.latePct', 'a22.late', 'a22.resolved'),
  ratio('a22.pendingPct', 'a22.pendingPct', 'a22.pending', 'a22.received'),
  sum('a22.resolvedParts', 'a22.resolved', ['a22.early', 'a22.onTime', 'a22.late']),
  sum('a22.resolvedPctParts', 100, ['a22.earlyPct', 'a22.onTimePct', 'a22.latePct']),
  sum(
    'a22.receivedParts',
    'a22.received',
    ['a22.resolved', 'a22.pending'],
    'Hồ sơ tiếp nhận = đã giải quyết + đang giải quyết; báo cáo không nêu hồ sơ trả lại/rút, nên phần chênh là cảnh báo.',
    { exhaustive: false },
  ),

  // A.3 — tasks of 2021 with and without a deadline.
  sum('a3.y2021.taskParts', 'a3.y2021.tasks', ['a3.y2021.withDeadline', 'a3.y2021.withoutDeadline']),
  ratio('a3.y2021.withDeadlinePct', 'a3.y2021.withDeadlinePct', 'a3.y2021.withDeadline', 'a3.y2021.tasks'),
  ratio('a3.y2021.withoutDeadlinePct', 'a3.y2021.withoutDeadlinePct', 'a3.y2021.withoutDeadline', 'a3.y2021.tasks'),
  sum('a3.y2021.pctParts', 100, ['a3.y2021.withDeadlinePct', 'a3.y2021.withoutDeadlinePct']),

  // A.2.1 c) / Phụ lục II Biểu mẫu 2 row 3.4 — PAKN.
  sum('a21.pakn.parts', 'a21.pakn.received', ['a21.pakn.resolved', 'a21.pakn.pending']),
  ratio('pl2.bm2.r3_4', 'pl2.bm2.r3_4', 'a21.pakn.resolved', 'a21.pakn.received'),

  // B.I.1 — plan of the year: "30/50 nhiệm vụ"; Phụ lục I Biểu mẫu 1 row 2 (derived).
  { id: 'bi1.planProgress', kind: 'fraction', fraction: 'bi1.planProgress', numerator: 'bi1.tasksDone', denominator: 'bi1.planTasks' },
  ratio('pl1.bm1.r2', 'pl1.bm1.r2', 'bi1.tasksDone', 'bi1.planTasks'),
  // B.I.2.3 — "03/09 phòng, ban, đơn vị" agrees with Biểu mẫu 1 row 3.1.
  { id: 'bi23.inspectionPlan', kind: 'fraction', fraction: 'bi23.inspectionPlan', numerator: 'bi23.unitsPlanned', denominator: 'bi23.unitsTotal' },
  ratio('pl1.bm1.r3_3', 'pl1.bm1.r3_3', 'pl1.bm1.r3_3_2', 'pl1.bm1.r3_3_1'),
  // B.I.2.5 — "23/17" in Biểu mẫu 1 row 5.3 is 23 tin/bài and 17 văn bản.
  { id: 'pl1.bm1.r5_3', kind: 'pair', pair: 'pl1.bm1.r5_3', first: 'bi25.portalNews', second: 'bi25.portalDocs' },
  // B.I.2.6 — "02 sáng kiến … bao gồm: (1) …; (2) …".
  listCount('bi26.initiatives', 'bi26.initiatives', 'bi26.initiativeList'),

  // B.II.2 — "9 nhóm công việc … gồm: …; …".
  listCount('bii2.kstthcGroups', 'bii2.kstthcGroups', 'bii2.kstthcGroupList'),
  // B.II.2.2 — one-stop files of the office.
  sum('bii22.receivedParts', 'bii22.received', ['bii22.receivedNew', 'bii22.carriedOver']),
  sum('bii22.resolvedParts', 'bii22.resolved', ['bii22.early', 'bii22.onTime']),
  sum(
    'bii22.outcomeParts',
    'bii22.received',
    ['bii22.resolved', 'bii22.returned', 'bii22.pending'],
    'Mỗi hồ sơ tiếp nhận hoặc đã giải quyết, hoặc bị trả lại, hoặc đang giải quyết.',
  ),
  // B.II.3.1 — organisation.
  listCount('bii31.depts', 'bii31.depts', 'bii31.deptList'),
  listCount('bii31.publicUnits', 'bii31.publicUnits', 'bii31.publicUnitList'),
  { id: 'bii31.publicUnits.bm3', kind: 'same', fields: ['bii31.publicUnits', 'pl1.bm3.r1_3'], note: 'Số ĐVSNCL trực thuộc (mục 3.1) và Biểu mẫu 3 dòng 1.3.' },
  // B.II.4.7, 4.11, 4.14 — breakdowns.
  listCount('bii47.appointments', 'bii47.appointments', 'bii47.appointmentList'),
  sum('bii411.promotionParts', 'bii411.promotionExam', ['bii411.seniorExpert', 'bii411.principalExpert']),
  sum('bii414.evaluationParts', 'bii414.evaluated', ['bii414.excellent', 'bii414.good', 'bii414.completed', 'bii414.failed']),
  // B.II.6 — "03 phòng họp UBND tỉnh (218, 708, 910)".
  listCount('bii6.paperlessRooms', 'bii6.paperlessRooms', 'bii6.paperlessRoomList', ','),

  // Phụ lục I — derived rates and sub-rows.
  ratio('pl1.bm2.r2_2', 'pl1.bm2.r2_2', 'pl1.bm2.r2_2_2', 'pl1.bm2.r2_2_1'),
  ratio('pl1.bm2.r3_2', 'pl1.bm2.r3_2', 'pl1.bm2.r3_2_2', 'pl1.bm2.r3_2_1'),
  sum('pl1.bm4.r3', 'pl1.bm4.r3', ['pl1.bm4.r3_1', 'pl1.bm4.r3_2']),
  sum('pl1.bm5.r1', 'bii31.publicUnits', ['pl1.bm5.r2', 'pl1.bm5.r3', 'pl1.bm5.r4', 'pl1.bm5.r5'], 'ĐVSN chia theo mức tự bảo đảm chi thường xuyên (Nghị định 60/2021/NĐ-CP).'),
  sum('pl1.bm5.r4', 'pl1.bm5.r4', ['pl1.bm5.r4_1', 'pl1.bm5.r4_2', 'pl1.bm5.r4_3']),
  sum('pl1.bm6.r3_2', 'pl1.bm6.r3_2', ['pl1.bm6.r3_2s1', 'pl1.bm6.r3_2s2'], 'Văn bản điện tử = gửi hoàn toàn điện tử + gửi song song với giấy.'),
  ratio('pl1.bm6.r4_1', 'pl1.bm6.r4_1', 'pl1.bm6.r4_1_2', 'pl1.bm6.r4_1_1'),
  ratio('pl1.bm6.r4_2', 'pl1.bm6.r4_2', 'pl1.bm6.r4_2_2', 'pl1.bm6.r4_2_1'),
  ratio('pl1.bm6.r4_3', 'pl1.bm6.r4_3', 'pl1.bm6.r4_3_2', 'pl1.bm6.r4_3_1'),
  ratio('pl1.bm6.r4_4', 'pl1.bm6.r4_4', 'pl1.bm6.r4_4_2', 'pl1.bm6.r4_4_1'),
  ratio('pl1.bm6.r4_5', 'pl1.bm6.r4_5', 'pl1.bm6.r4_5_2', 'pl1.bm6.r4_5_1'),

  // Phụ lục II Biểu mẫu 2.
  sum('pl2.bm2.r1_4', 'pl2.bm2.r1_4', ['pl2.bm2.r1_4_1', 'pl2.bm2.r1_4_2', 'pl2.bm2.r1_4_3']),
  ratio('pl2.bm2.r3_1', 'pl2.bm2.r3_1', 'pl2.bm2.r3_1_2', 'pl2.bm2.r3_1_1'),
  ratio('pl2.bm2.r3_2', 'pl2.bm2.r3_2', 'pl2.bm2.r3_2_2', 'pl2.bm2.r3_2_1'),
  ratio('pl2.bm2.r3_3', 'pl2.bm2.r3_3', 'pl2.bm2.r3_3_2', 'pl2.bm2.r3_3_1'),

  // Phụ lục III II.2 — "02 văn bản quy phạm pháp luật (Quyết định …; Quyết định …)".
  listCount('pl3.II_2.legalDocs', 'pl3.II_2.legalDocs', 'pl3.II_2.legalDocList'),

  // Report meta — both appendix captions name the report they are attached to; the data
  // cut-off is the report date.
  { id: 'meta.captions', kind: 'same', fields: ['meta.pl1Caption', 'meta.pl3Caption'], note: 'Chú thích "kèm theo Báo cáo …" của các phụ lục phải cùng kỳ báo cáo.' },
  { id: 'meta.dataTo', kind: 'same', fields: ['meta.dataTo', 'meta.reportDate'], note: 'Số liệu tính đến ngày báo cáo.' },
];
