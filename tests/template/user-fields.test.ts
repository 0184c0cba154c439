/**
 * "Gắn số liệu": a narrative figure bound to a new field saved in the document. The plan wraps the
 * figure alone in a control and stores the definition; reading merges it into the template (data,
 * check), fill writes it, the roll-over clears or keeps it by its policy and keeps the part and
 * the control; every refusal is one Vietnamese sentence and changes nothing.
 */
import { ReportSession } from '../../src/app/session';
import { checkReport } from '../../src/core/check';
import { extractReport } from '../../src/core/model/extract';
import { parsePeriod } from '../../src/core/period';
import { rolloverDocument } from '../../src/core/rollover';
import { BindError, planBind, type BindRequest } from '../../src/core/template/bind';
import { withUserFields } from '../../src/core/template/user-fields';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { TEMPLATES } from '../../src/templates';
import { ADDED_SENTENCE, sampleWithFigure } from '../helpers/bind';
import { CCHC_6_THANG } from '../helpers/templates';

const request: BindRequest = { id: 'b22.buuChinh', label: 'Hồ sơ qua bưu chính công ích', kind: 'count', rollover: 'period', text: '1.234 hồ sơ' };

async function bound(req: BindRequest = request): Promise<Uint8Array> {
  const doc = OoxmlDocument.open(sampleWithFigure());
  const plan = planBind(CCHC_6_THANG, await doc.read(), req);
  await doc.apply(plan.edits);
  return doc.save();
}

function refusal(fn: () => unknown): BindError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BindError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('Gắn số liệu (user fields)', () => {
  test('the figure alone is wrapped (tag = id), the unit is taken from the text, the field lands in its section', async () => {
    const snapshot = await OoxmlDocument.open(await bound()).read();
    const control = snapshot.controls.find((c) => c.tag === request.id)!;
    expect(control).toMatchObject({ text: '1.234', title: request.label, kind: 'richText' });
    expect(snapshot.data?.template).toBe(CCHC_6_THANG.id);
    expect(snapshot.data?.fields).toEqual([
      expect.objectContaining({ id: request.id, label: request.label, unit: 'hồ sơ', kind: 'count', rollover: 'period', section: 'B.I.2.4', before: 'Văn phòng tiếp nhận', after: 'hồ sơ' }),
    ]);
    const merged = withUserFields(CCHC_6_THANG, snapshot.data);
    expect(merged.ids).toEqual([request.id]);
    expect(merged.problems).toEqual([]);
    const data = extractReport(merged.definition, snapshot);
    expect(data.fields[request.id]).toMatchObject({ text: '1.234', value: { number: 1234 }, unit: 'hồ sơ' });
    // The text around it is unchanged.
    const paragraph = snapshot.blocks[snapshot.controls.indexOf(control) >= 0 ? control.blockIndex : -1];
    expect(paragraph?.type === 'paragraph' && paragraph.text.endsWith(ADDED_SENTENCE)).toBe(true);
  });

  test('the session merges them on every read; fill writes them; the check reads their format', async () => {
    const doc = OoxmlDocument.open(sampleWithFigure());
    const session = new ReportSession(doc, TEMPLATES.default, TEMPLATES);
    await session.refresh();
    const { state } = await session.bind({ ...request, section: 'B.I' });
    expect(session.definition.fields.at(-1)).toMatchObject({ id: request.id, section: 'B.I.2.4' });
    expect(state.userFields).toEqual({ ids: [request.id], problems: [] });
    await session.setFields({ [request.id]: '1.300' });
    expect(session.state!.data.fields[request.id]?.text).toBe('1.300');
    const control = session.state!.snapshot.controls.find((c) => c.tag === request.id)!;
    await session.applyEdits([{ kind: 'control', controlIndex: control.index, text: 'khoảng 1.300' }]);
    const snapshot = session.state!.snapshot;
    // The check reads the figure as the field's kind: "khoảng 1.300" in a count's control is an error, named by its label.
    const about = (definition: typeof CCHC_6_THANG) =>
      checkReport({ definition, snapshot, fileName: 'x.docx' }).findings.filter((f) => f.severity === 'error' && f.message.includes(request.label));
    expect(about(withUserFields(CCHC_6_THANG, snapshot.data).definition)).toHaveLength(1);
    expect(about(CCHC_6_THANG)).toHaveLength(0);
  });

  test('roll-over: a period figure is cleared, a standing one kept; the part and the control survive', async () => {
    for (const [rollover, expected] of [['period', ''], ['standing', '1.234']] as const) {
      const doc = OoxmlDocument.open(await bound({ ...request, rollover }));
      const definition = withUserFields(CCHC_6_THANG, (await doc.read()).data).definition;
      await rolloverDocument(doc, definition, { to: parsePeriod('nam-2022')! });
      const rolled = await OoxmlDocument.open(doc.save()).read();
      expect(rolled.data?.fields.map((f) => f['id'])).toEqual([request.id]);
      const control = rolled.controls.find((c) => c.tag === request.id)!;
      expect([rollover, control.showingPlaceholder ? '' : control.text]).toEqual([rollover, expected]);
      expect(extractReport(withUserFields(CCHC_6_THANG, rolled.data).definition, rolled).fields[request.id]?.text ?? '').toBe(expected);
    }
  });

  test('refusals: Vietnamese, specific, nothing planned', async () => {
    const snapshot = await OoxmlDocument.open(sampleWithFigure()).read();
    const twice = await OoxmlDocument.open(sampleWithFigure(2)).read();
    const cases: Array<[BindError['code'], () => unknown, RegExp]> = [
      ['duplicate', () => planBind(CCHC_6_THANG, snapshot, { ...request, id: CCHC_6_THANG.fields[0]!.id }), /đã có/],
      ['invalid', () => planBind(CCHC_6_THANG, snapshot, { ...request, id: 'Sai mã!' }), /Mã số liệu bắt đầu bằng chữ thường/],
      ['invalid', () => planBind(CCHC_6_THANG, snapshot, { ...request, label: '  ' }), /Cần nhãn/],
      ['ambiguous', () => planBind(CCHC_6_THANG, twice, request), /xuất hiện 2 lần/],
      ['not-found', () => planBind(CCHC_6_THANG, snapshot, { ...request, text: '9.876 hồ sơ' }), /Không thấy/],
      ['not-found', () => planBind(CCHC_6_THANG, snapshot, { ...request, section: 'A' }), /trong mục A/],
      ['no-figure', () => planBind(CCHC_6_THANG, snapshot, { ...request, text: 'bưu chính công ích' }), /không có số liệu/],
      ['many-figures', () => planBind(CCHC_6_THANG, snapshot, { ...request, text: '1.234 hồ sơ, trả kết quả 1.230' }), /có 2 số liệu/],
      ['invalid', () => planBind(CCHC_6_THANG, snapshot, { ...request, kind: 'percent' }), /không phải tỷ lệ %/],
    ];
    for (const [code, fn, message] of cases) {
      const e = refusal(fn);
      expect([code, e.message]).toEqual([e.code, expect.stringMatching(message)]);
    }
    // With the occurrence, the ambiguous text binds the one asked for.
    expect(planBind(CCHC_6_THANG, twice, { ...request, occurrence: 2 }).place.blockIndex).toBeGreaterThan(planBind(CCHC_6_THANG, twice, request && { ...request, occurrence: 1 }).place.blockIndex);
    // A figure already in a control.
    const received = snapshot.controls.find((c) => c.tag === 'a22.received')!;
    const inside = refusal(() => planBind(CCHC_6_THANG, snapshot, { ...request, text: received.text, at: { blockIndex: received.blockIndex, start: (snapshot.blocks[received.blockIndex] as { spans: { controlIndex: number; start: number; end: number }[] }).spans.find((s) => s.controlIndex === received.index)!.start, end: (snapshot.blocks[received.blockIndex] as { spans: { controlIndex: number; start: number; end: number }[] }).spans.find((s) => s.controlIndex === received.index)!.end } }));
    expect(inside.code).toBe('inside-control');
    // A second binding of the same id in the bound document.
    const again = await OoxmlDocument.open(await bound()).read();
    expect(refusal(() => planBind(CCHC_6_THANG, again, { ...request, text: '6 tháng đầu năm, Văn phòng làm tốt công tác thi đua' })).code).toBe('duplicate');
  });

  test('stored fields that do not validate or clash with the template are left out with a reason; the rest read', () => {
    const good = { id: 'x.good', label: 'Tốt', kind: 'count', rollover: 'period', section: 'B.I' };
    const merged = withUserFields(CCHC_6_THANG, {
      fields: [good, { ...good, id: CCHC_6_THANG.fields[0]!.id }, { ...good }, { ...good, id: 'x.bad', kind: 'ngày' }, { ...good, id: 'x.sec', section: 'Z.9' }, {}],
    });
    expect(merged.ids).toEqual(['x.good']);
    expect(merged.problems).toHaveLength(5);
    expect(merged.problems.join('\n')).toMatch(/trùng mã với một số liệu của mẫu/);
    expect(merged.problems.join('\n')).toMatch(/trùng mã với một số liệu tự thêm khác/);
    expect(merged.problems.join('\n')).toMatch(/Loại số liệu phải là số, tỷ lệ % hoặc số thập phân/);
    expect(merged.problems.join('\n')).toMatch(/Mục không hợp lệ/);
    expect(merged.definition.fields).toHaveLength(CCHC_6_THANG.fields.length + 1);
  });

  test('a damaged part: the document reads as a report without user fields, and binding refuses to overwrite it', async () => {
    const snapshot = { ...(await OoxmlDocument.open(sampleWithFigure()).read()), data: { fields: [], problem: 'Phần dữ liệu baocao trong tài liệu bị hỏng (XML không hợp lệ); tài liệu được đọc như không có số liệu tự thêm.' } };
    expect(withUserFields(CCHC_6_THANG, snapshot.data)).toMatchObject({ ids: [], problems: [snapshot.data.problem] });
    expect(refusal(() => planBind(CCHC_6_THANG, snapshot, request)).code).toBe('damaged-part');
  });
});
