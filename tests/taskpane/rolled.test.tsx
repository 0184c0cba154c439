/** @jest-environment jsdom */
/** A report rolled to the next period, opened in the task pane: exactly the figures to enter. */
import { screen } from '@testing-library/react';
import { rolloverDocument } from '../../src/core/rollover';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { SAMPLE_BYTES, readBack, renderPane, testHost } from './helpers';

test('the Số liệu panel counts as entered exactly the figures the roll-over kept', async () => {
  const doc = OoxmlDocument.open(SAMPLE_BYTES);
  const before = (await readBack(doc)).data;
  const run = await rolloverDocument(doc, CCHC_6_THANG, { to: { kind: 'quy-i', year: 2023 } });
  const rolled = OoxmlDocument.open(doc.save());
  const after = (await readBack(rolled)).data;

  // Every field the roll-over cleared reads "chưa nhập"; every field it kept or changed still has its figure.
  const entered = (id: string) => after.fields[id]!.text !== null && after.fields[id]!.text!.trim() !== '';
  for (const c of run.plan.summary.cleared) expect([c.id, entered(c.id)]).toEqual([c.id, false]);
  for (const k of run.plan.summary.kept.filter((x) => before.fields[x.id]!.text !== null)) expect([k.id, entered(k.id)]).toEqual([k.id, true]);

  const expected = CCHC_6_THANG.fields.filter((f) => entered(f.id)).length;
  renderPane(testHost(rolled), 'so-lieu');
  expect(await screen.findByText(new RegExp(`Đã nhập ${expected}/${CCHC_6_THANG.fields.length} số liệu`), {}, { timeout: 15_000 })).toBeTruthy();
  expect(expected).toBeLessThan(CCHC_6_THANG.fields.length - run.plan.summary.cleared.length + 1);
});
