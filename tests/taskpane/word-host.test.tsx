/** @jest-environment jsdom */
import * as fs from 'node:fs';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { RevealTarget } from '../../src/app/host';
import { createWordHost } from '../../src/app/word-host';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentSnapshot } from '../../src/document/types';
import type { WordRun } from '../../src/document/word/word-document';
import { TEMPLATE_MODULE, TEMPLATE_SOURCE, templateModuleText } from '../../src/taskpane/assets/generate-template-module';
import { FakeWord } from '../fakes/fake-word';
import { SAMPLE_BYTES, STARTER_BYTES, readBack, renderPane } from './helpers';

/** The shell's template loader (the task pane entry passes the same one). */
const loadTemplate = async () => (await import('../../src/taskpane/assets/template-docx')).TEMPLATE_DOCX_BASE64;

let sample: DocumentSnapshot;
beforeAll(async () => {
  sample = await OoxmlDocument.open(SAMPLE_BYTES).read();
});

// ---------------------------------------------------------------------------------------------
// A minimal Word object model for what reveal and insertTemplate use (the fake Word of
// tests/fakes has no selection): ranges are offsets into a paragraph's text, found by search.

type Selection = { control: number } | { cell: [number, number, number] } | { paragraph: number; start: number; end: number; text: string } | { wholeParagraph: number };

function unescapeSearch(text: string): string {
  return text.replace(/\^(\^|t|l|p)/g, (_, c: string) => ({ '^': '^', t: '\t', l: '\u000b', p: '\n' })[c]!);
}

class MockRange {
  constructor(
    readonly owner: MockParagraph,
    readonly start: number,
    readonly end: number,
  ) {}
  search(piece: string) {
    const text = unescapeSearch(piece);
    const getFirst = () => {
      const at = this.owner.text.indexOf(text, this.start);
      if (at < 0 || at + text.length > this.end) throw new Error(`"${text}" not found in range`);
      return new MockRange(this.owner, at, at + text.length);
    };
    return { getFirst, getFirstOrNullObject: getFirst };
  }
  getRange(where: 'Start' | 'End') {
    const at = where === 'Start' ? this.start : this.end;
    return new MockRange(this.owner, at, at);
  }
  expandTo(other: MockRange) {
    return new MockRange(this.owner, this.start, other.end);
  }
  select() {
    this.owner.word.selected.push({ paragraph: this.owner.ordinal, start: this.start, end: this.end, text: this.owner.text.slice(this.start, this.end) });
  }
}

class MockParagraph extends MockRange {
  constructor(
    readonly word: MockWord,
    public text: string,
    readonly tableNestingLevel: number,
    readonly ordinal: number,
  ) {
    super(undefined as unknown as MockParagraph, 0, text.length);
    (this as { owner: MockParagraph }).owner = this;
  }
  override search(piece: string) {
    return new MockRange(this, 0, this.text.length).search(piece);
  }
  override getRange(where: 'Start' | 'End') {
    return new MockRange(this, 0, this.text.length).getRange(where);
  }
  override select() {
    this.word.selected.push({ wholeParagraph: this.ordinal });
  }
}

class MockWord {
  selected: Selection[] = [];
  syncs = 0;
  inserted: [string, string, string][] = [];
  paragraphs: MockParagraph[] = [];
  controls: { id: number; tag: string; select: () => void }[];
  tables: { nestingLevel: number; getCell: (r: number, c: number) => { body: { select: () => void } } }[] = [];

  constructor(snapshot: DocumentSnapshot) {
    let paragraphOrdinal = 0;
    let tableOrdinal = 0;
    // A nested table first: reveal must count top-level tables only.
    this.tables.push({ nestingLevel: 2, getCell: () => ({ body: { select: () => this.selected.push({ cell: [-1, -1, -1] }) } }) });
    for (const block of snapshot.blocks) {
      if (block.type === 'paragraph') {
        this.paragraphs.push(new MockParagraph(this, block.text, 0, paragraphOrdinal++));
      } else {
        const ordinal = tableOrdinal++;
        this.paragraphs.push(new MockParagraph(this, block.rows[0]?.cells[0]?.text ?? '', 1, -1));
        this.tables.push({ nestingLevel: 1, getCell: (r, c) => ({ body: { select: () => this.selected.push({ cell: [ordinal, r, c] }) } }) });
      }
    }
    // The same ids as FakeWord gives the controls it is built with (1000, 1001, …).
    this.controls = snapshot.controls.map((c, i) => ({ id: 1000 + i, tag: c.tag, select: () => this.selected.push({ control: 1000 + i }) }));
  }

  readonly run: WordRun = async (batch) => {
    const collection = <T,>(items: T[]) => ({ items, load: () => ({ items }) });
    const controls = {
      ...collection(this.controls),
      getById: (id: number) => {
        const control = this.controls.find((c) => c.id === id);
        if (!control) throw new Error(`ItemNotFound: ${id}`);
        return control;
      },
    };
    const context = {
      document: {
        insertFileFromBase64: (base64: string, location: string) => this.inserted.push([base64, location, 'document']),
        body: {
          contentControls: controls,
          getContentControls: () => controls,
          paragraphs: collection(this.paragraphs),
          tables: collection(this.tables),
          insertFileFromBase64: (base64: string, location: string) => this.inserted.push([base64, location, 'body']),
        },
      },
      sync: async () => {
        this.syncs++;
      },
    };
    return batch(context as unknown as Word.RequestContext);
  };
}

/** A Word host whose reads go to the fake Word and whose other batches go to the mock. */
function hostOver(snapshot: DocumentSnapshot) {
  const fake = FakeWord.fromSnapshot(snapshot);
  const mock = new MockWord(snapshot);
  let reading = true;
  const run: WordRun = (batch) => (reading ? fake.run(batch) : mock.run(batch));
  const host = createWordHost({ loadTemplate, run, documentName: 'bao-cao.docx', isSetSupported: fake.isSetSupported });
  return {
    host,
    mock,
    async read() {
      reading = true;
      await host.document.read();
      reading = false;
    },
  };
}

describe('createWordHost: reveal', () => {
  test('a control is selected by its Word id from the last read, in one round-trip', async () => {
    const { host, mock, read } = hostOver(sample);
    await read();
    const index = sample.controls.findIndex((c) => c.tag === 'a22.onTimePct');
    await host.reveal({ kind: 'control', controlIndex: index });
    expect(mock.selected).toEqual([{ control: 1000 + index }]);
    expect(mock.syncs).toBe(1);
    // Another control inserted before it since the read: the id still finds the right one.
    mock.controls.unshift({ id: 1, tag: 'other', select: () => mock.selected.push({ control: 1 }) });
    await host.reveal({ kind: 'control', controlIndex: index });
    expect(mock.selected[1]).toEqual({ control: 1000 + index });
  });

  test('after a write (ids unknown until the next read) a control is found by position, checked by tag', async () => {
    const { host, mock, read } = hostOver(sample);
    await read();
    const index = sample.controls.findIndex((c) => c.tag === 'a22.onTimePct');
    await host.document.apply([]); // no edit: the last read stays valid
    (host.document as unknown as { last: unknown }).last = undefined; // as after a real write
    mock.controls.unshift({ id: 1, tag: 'other', select: () => mock.selected.push({ control: 1 }) });
    await host.reveal({ kind: 'control', controlIndex: index });
    expect(mock.selected).toEqual([{ control: 1000 + index }]);
    expect(mock.syncs).toBe(2);
  });

  test('a paragraph span is found by search and selected exactly', async () => {
    const { host, mock, read } = hostOver(sample);
    await read();
    const block = sample.blocks[24]!;
    expect(block.type).toBe('paragraph');
    const ordinal = sample.blocks.slice(0, 24).filter((b) => b.type === 'paragraph').length;
    await host.reveal({ kind: 'span', block: 24, start: 247, end: 252 });
    expect(mock.selected).toEqual([{ paragraph: ordinal, start: 247, end: 252, text: '3,24%' }]);
  });

  test('a span whose text repeats before it is reached all the same', async () => {
    const snapshot: DocumentSnapshot = { blocks: [{ type: 'paragraph', index: 0, text: 'Tỷ lệ 17/17/17', spans: [] }], controls: [] };
    const { host, mock, read } = hostOver(snapshot);
    await read();
    await host.reveal({ kind: 'span', block: 0, start: 12, end: 14 });
    expect(mock.selected).toEqual([{ paragraph: 0, start: 12, end: 14, text: '17' }]);
  });

  test('a paragraph changed since the read is selected whole', async () => {
    const { host, mock, read } = hostOver(sample);
    await read();
    const ordinal = sample.blocks.slice(0, 24).filter((b) => b.type === 'paragraph').length;
    mock.paragraphs.filter((p) => p.tableNestingLevel === 0)[ordinal]!.text = 'đã sửa';
    await host.reveal({ kind: 'span', block: 24, start: 247, end: 252 });
    expect(mock.selected).toEqual([{ wholeParagraph: ordinal }]);
  });

  test('a cell is selected through its top-level table', async () => {
    const { host, mock, read } = hostOver(sample);
    await read();
    const tableBlock = sample.blocks.findIndex((b, i) => b.type === 'table' && i > 140);
    const ordinal = sample.blocks.slice(0, tableBlock).filter((b) => b.type === 'table').length;
    const target: RevealTarget = { kind: 'cell', block: tableBlock, row: 3, cell: 3 };
    await host.reveal(target);
    expect(mock.selected).toEqual([{ cell: [ordinal, 3, 3] }]);
  });

  test('a place that is gone says so in Vietnamese', async () => {
    const { host, read } = hostOver(sample);
    await read();
    await expect(host.reveal({ kind: 'cell', block: 24, row: 0, cell: 0 })).rejects.toThrow(/không còn trong tài liệu/);
    await expect(host.reveal({ kind: 'control', controlIndex: 9999 })).rejects.toThrow(/Làm mới/);
  });
});

describe('createWordHost: template and changes', () => {
  test('the embedded template module is the template .docx', () => {
    expect(fs.readFileSync(TEMPLATE_MODULE, 'utf8')).toBe(templateModuleText(fs.readFileSync(TEMPLATE_SOURCE)));
  });

  test.each([
    ['1.5', 'document'],
    ['1.4', 'body'],
  ])('insertTemplate with WordApi %s replaces the content through %s.insertFileFromBase64 in one batch', async (version, on) => {
    const mock = new MockWord({ blocks: [], controls: [] });
    const host = createWordHost({ loadTemplate, run: mock.run, isSetSupported: (name, v) => name === 'WordApi' && Number(v) <= Number(version) });
    await host.insertTemplate();
    expect(mock.inserted).toHaveLength(1);
    const [base64, location, where] = mock.inserted[0]!;
    expect(location).toBe('Replace');
    // Document.insertFileFromBase64 (WordApi 1.5) keeps the template's section properties.
    expect(where).toBe(on);
    expect(Buffer.from(base64, 'base64').equals(Buffer.from(STARTER_BYTES))).toBe(true);
    expect(mock.syncs).toBe(1);
  });

  test('onDocumentChanged reports control edits with WordApi 1.5, until unsubscribed; nothing without it', async () => {
    const fake = FakeWord.fromSnapshot(sample);
    const host = createWordHost({ loadTemplate, run: fake.run, runWith: fake.runWith, isSetSupported: fake.isSetSupported });
    const listener = jest.fn();
    const off = host.onDocumentChanged!(listener);
    await waitFor(() => expect(fake.runCount).toBe(1));
    await fake.fireDataChanged(fake.controls[3]!.id);
    expect(listener).toHaveBeenCalledTimes(1);
    off();
    await waitFor(() => expect(fake.runCount).toBe(2));
    await fake.fireDataChanged(fake.controls[3]!.id);
    expect(listener).toHaveBeenCalledTimes(1);

    const old = FakeWord.fromSnapshot(sample, { wordApi: '1.4' });
    const host14 = createWordHost({ loadTemplate, run: old.run, isSetSupported: old.isSetSupported });
    const never = jest.fn();
    host14.onDocumentChanged!(never);
    await act(async () => {});
    expect(old.runCount).toBe(0);
  });
});

describe('TaskPane over Word', () => {
  test('an edit in the pane is written through the Word adapter in one batch; a change in Word refreshes the pane', async () => {
    const fake = FakeWord.fromSnapshot(sample);
    const host = createWordHost({ loadTemplate, run: fake.run, runWith: fake.runWith, isSetSupported: fake.isSetSupported, documentName: 'bao-cao.docx' });
    renderPane(host);
    const header = await screen.findByRole('button', { name: /^A\. Nhiệm vụ/ }, { timeout: 15_000 });
    fireEvent.click(header);
    const label = 'Số quyết định công bố TTHC/danh mục TTHC đã trình ban hành';
    const input = screen.getByRole('textbox', { name: label }) as HTMLInputElement;
    expect(input.value).toBe('15');
    await waitFor(() => expect(fake.runCount).toBeGreaterThanOrEqual(2)); // read + subscription
    const syncs = fake.syncCount;
    fireEvent.change(input, { target: { value: '16' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    // Apply: 2 syncs whatever the number of places; the re-read: 1 (the write waits for the
    // pane to paint the edit's quick consequences first).
    await waitFor(() => expect(fake.syncCount - syncs).toBe(3));
    await waitFor(() => expect((screen.getByRole('textbox', { name: label }) as HTMLInputElement).value).toBe('16'));
    const state = await readBack(host.document);
    expect(state.data.fields['a21.publishDecisions']?.places.map((p) => p.text)).toEqual(['16', '16', '16']);

    // The user types in a control in Word: the pane reads again.
    const control = fake.controls.find((c) => c.tag === 'a22.received')!;
    // Word desktop raises the event when the cursor leaves the control (office-js #5597).
    await fake.userEdit(control.id, '30.500');
    await fake.userLeavesControl();
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh' }) as HTMLInputElement).value).toBe('30.500'), {
      // Generous: the pane also checks the report once after the edit (its live consequences).
      timeout: 15_000,
    });
  });
});

describe('TaskPane over Word with Track Changes', () => {
  test('the pane says edits will be tracked; "Ghi không theo dõi" writes the next edit without a revision', async () => {
    const fake = FakeWord.fromSnapshot(sample, { trackChanges: 'TrackAll' });
    const host = createWordHost({ loadTemplate, run: fake.run, runWith: fake.runWith, isSetSupported: fake.isSetSupported, documentName: 'bao-cao.docx' });
    renderPane(host);
    await screen.findByText('Đang bật Theo dõi thay đổi', {}, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi không theo dõi' }));
    await screen.findByText('Ghi không theo dõi thay đổi');
    fireEvent.click(await screen.findByRole('button', { name: /^A\. Nhiệm vụ/ }, { timeout: 15_000 }));
    const label = 'Số hồ sơ TTHC tiếp nhận tại Trung tâm Phục vụ HCC tỉnh';
    const revisions = () => fake.controls.reduce((n, c) => n + c.range.box.deleted.length, 0);
    expect(revisions()).toBe(0);
    fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value: '30.500' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: label }), { key: 'Enter' });
    await waitFor(() => expect(fake.controlText(fake.controls.find((c) => c.tag === 'a22.received')!.id)).toBe('30.500'), { timeout: 10_000 });
    expect(revisions()).toBe(0);
    expect(fake.trackingMode).toBe('TrackAll');
  });
});

describe('TaskPane over Word: a write Word fails half-way', () => {
  test('the pane reads the document again and says what was and was not written', async () => {
    const fake = FakeWord.fromSnapshot(sample, { profile: 'web' });
    const host = createWordHost({ loadTemplate, run: fake.run, runWith: fake.runWith, isSetSupported: fake.isSetSupported, documentName: 'bao-cao.docx' });
    renderPane(host);
    fireEvent.click(await screen.findByRole('button', { name: /^A\. Nhiệm vụ/ }, { timeout: 15_000 }));
    const label = 'Số quyết định công bố TTHC/danh mục TTHC đã trình ban hành';
    expect((screen.getByRole('textbox', { name: label }) as HTMLInputElement).value).toBe('15');
    // This figure has three places (see the test above): the second write fails.
    fake.failWrite(2, 'GeneralException');
    fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value: '16' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: label }), { key: 'Enter' });
    const alert = await screen.findByRole('alert', {}, { timeout: 15_000 });
    expect(alert.textContent).toContain('Word báo lỗi GeneralException khi ghi');
    expect(alert.textContent).toContain('Đã ghi 1/3 thay đổi');
    // What the document holds now: one place written, two not.
    const state = await readBack(host.document);
    expect(state.data.fields['a21.publishDecisions']?.places.map((p) => p.text).sort()).toEqual(['15', '15', '16']);
  });
});
