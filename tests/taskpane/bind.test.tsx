/**
 * @jest-environment jsdom
 *
 * "Gắn số liệu" in the task pane: the selection fills the form, the form validates as it is
 * typed (Vietnamese, nothing written while invalid), "Gắn" writes the control and the part in
 * one batch and the new field shows in Số liệu; without a selection the text is searched and an
 * ambiguous one asks for its occurrence; a damaged part is said once and the pane still works.
 * The workbench maps a text selection in its rendering to the same span.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DOCUMENT_DATA_NS } from '../../src/core/document';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { DocxPackage } from '../../src/document/ooxml/package';
import { findDataPart } from '../../src/document/ooxml/custom-xml';
import { renderDocx, selectionIn } from '../../src/workbench/render/render';
import { sampleWithFigure } from '../helpers/bind';
import { CCHC_6_THANG } from '../helpers/templates';
import { renderPane, testHost } from './helpers';

Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });

const LOAD = { timeout: 15_000 };
const LABEL = 'Hồ sơ qua bưu chính công ích';

function figureSpan(bytes: Uint8Array) {
  const snapshot = OoxmlDocument.open(bytes).readSync();
  const block = snapshot.blocks.find((b) => b.type === 'paragraph' && b.text.includes('1.234 hồ sơ'))!;
  const start = block.type === 'paragraph' ? block.text.indexOf('1.234 hồ sơ') : -1;
  return { blockIndex: block.index, start, end: start + '1.234 hồ sơ'.length };
}

const input = (form: HTMLElement, name: string) => within(form).getByRole('textbox', { name: new RegExp(`^${name}`) }) as HTMLInputElement;

describe('Gắn số liệu in the task pane', () => {
  test('from the selection: validated as typed, then bound; the field shows in Số liệu with its figure', async () => {
    const bytes = sampleWithFigure();
    const host = testHost(OoxmlDocument.open(bytes));
    const at = figureSpan(bytes);
    const selection = jest.fn(async () => ({ text: '1.234 hồ sơ', at }));
    renderPane({ ...host, selection });
    fireEvent.click(await screen.findByRole('button', { name: 'Gắn số liệu…' }, LOAD));
    const form = await screen.findByRole('form', { name: 'Gắn số liệu' }, LOAD);
    expect(selection).toHaveBeenCalledTimes(1);
    expect(input(form, 'Đoạn có số liệu').value).toBe('1.234 hồ sơ');

    fireEvent.change(input(form, 'Mã số liệu'), { target: { value: 'Sai mã' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gắn' }));
    expect(await within(form).findByText(/Mã số liệu bắt đầu bằng chữ thường/)).toBeTruthy();
    expect(within(form).getByText('Cần nhãn (tên số liệu)')).toBeTruthy();
    fireEvent.change(input(form, 'Mã số liệu'), { target: { value: CCHC_6_THANG.fields[0]!.id } });
    expect(within(form).getByText(/đã có; hãy chọn mã khác/)).toBeTruthy();
    expect(host.document.applied).toHaveLength(0);

    fireEvent.change(input(form, 'Mã số liệu'), { target: { value: 'b22.buuChinh' } });
    fireEvent.change(input(form, 'Nhãn'), { target: { value: LABEL } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gắn' }));
    expect(await screen.findByText(/Đã gắn Hồ sơ qua bưu chính công ích \(b22\.buuChinh\) vào mục B\.I\.2\.4/, undefined, LOAD)).toBeTruthy();
    // One batch: the control and the part.
    expect(host.document.applied).toHaveLength(1);
    expect(host.document.applied[0]!.map((e) => e.kind)).toEqual(['wrap', 'data']);
    // In Số liệu, found by its name, with its figure and unit.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Tìm số liệu theo tên' }), { target: { value: 'bưu chính công ích' } });
    const figure = (await screen.findByRole('textbox', { name: LABEL }, LOAD)) as HTMLInputElement;
    expect(figure.value).toBe('1.234');
    // Saved: the part is in the bytes.
    const saved = (host.document.inner as OoxmlDocument).save();
    expect(findDataPart(DocxPackage.open(saved))).toBe('customXml/item1.xml');
  });

  test('without a selection: the text is searched; an ambiguous one says so, the occurrence settles it', async () => {
    const host = testHost(OoxmlDocument.open(sampleWithFigure(2)));
    renderPane(host); // no host.selection
    fireEvent.click(await screen.findByRole('button', { name: 'Gắn số liệu…' }, LOAD));
    const form = await screen.findByRole('form', { name: 'Gắn số liệu' }, LOAD);
    fireEvent.change(input(form, 'Đoạn có số liệu'), { target: { value: '1.234 hồ sơ' } });
    fireEvent.change(input(form, 'Mã số liệu'), { target: { value: 'b22.buuChinh' } });
    fireEvent.change(input(form, 'Nhãn'), { target: { value: LABEL } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gắn' }));
    expect(await within(form).findByText(/xuất hiện 2 lần/, undefined, LOAD)).toBeTruthy();
    expect(host.document.applied).toHaveLength(0);
    fireEvent.change(input(form, 'Lần xuất hiện thứ'), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Gắn' }));
    expect(await screen.findByText(/Đã gắn Hồ sơ qua bưu chính/, undefined, LOAD)).toBeTruthy();
    expect(host.document.applied).toHaveLength(1);
  });

  test('a damaged part is said once; the pane reads the report without the user fields', async () => {
    // A part written as baocao writes it, then damaged (cut in the middle of an element).
    const doc = OoxmlDocument.open(sampleWithFigure());
    doc.readSync();
    doc.applySync([{ kind: 'data', data: { template: CCHC_6_THANG.id, fields: [] } }]);
    const damaged = DocxPackage.open(doc.save());
    damaged.setBytes(findDataPart(damaged)!, new TextEncoder().encode(`<baocao xmlns="${DOCUMENT_DATA_NS}"><field`));
    const host = testHost(OoxmlDocument.open(damaged.save()));
    renderPane(host);
    expect(await screen.findByText(/Phần dữ liệu baocao trong tài liệu bị hỏng/, undefined, LOAD)).toBeTruthy();
    expect(screen.getAllByText(/Phần dữ liệu baocao/)).toHaveLength(1);
    expect(await screen.findByRole('button', { name: /^A\. Nhiệm vụ/ }, LOAD)).toBeTruthy();
  });
});

describe('the workbench rendering maps a text selection to its paragraph span', () => {
  test('a selection of "1.234 hồ sơ" in the rendering gives the same span as the snapshot', () => {
    const bytes = sampleWithFigure();
    const at = figureSpan(bytes);
    const rendered = renderDocx(bytes, document);
    document.body.appendChild(rendered.root);
    try {
      const el = rendered.blockElement(at.blockIndex)!;
      const atoms = Array.from(el.querySelectorAll<HTMLElement>('[data-start]'));
      const atom = atoms.find((a) => Number(a.dataset.start) <= at.start && at.start < Number(a.dataset.end))!;
      const last = atoms.find((a) => Number(a.dataset.start) < at.end && at.end <= Number(a.dataset.end))!;
      const range = document.createRange();
      range.setStart(atom.firstChild!, at.start - Number(atom.dataset.start));
      range.setEnd(last.firstChild!, at.end - Number(last.dataset.start));
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      expect(selectionIn(rendered.root, selection)).toEqual({ text: '1.234 hồ sơ', at });
      // Nothing selected, or a selection outside the rendering: nothing.
      selection.removeAllRanges();
      expect(selectionIn(rendered.root, selection)).toBeUndefined();
    } finally {
      rendered.root.remove();
    }
  });
});
