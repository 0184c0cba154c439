/**
 * The workbench's pure logic, without a browser: the undo history (undo, redo, a new change
 * after an undo, the saved mark, the bound), why a file did not open (each cause from real bytes
 * refused by the engine), the download name after a roll-over, and zoom to fit.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import { fitZoom } from '../../src/workbench/DocView';
import { History } from '../../src/workbench/history';
import { WorkbenchDocument, savedName } from '../../src/workbench/host';
import { classifyOpenFailure, type OpenFailureCause } from '../../src/workbench/open-error';
import { REPO_DIR } from '../helpers/paths';

const SAMPLE = new Uint8Array(fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx')));

describe('History', () => {
  test('undo and redo walk the states; a change after an undo drops the redo branch', () => {
    const h = new History('a');
    expect(h.canUndo).toBe(false);
    h.push('b', 'ghi b');
    h.push('c', 'ghi c');
    expect(h.undoLabel).toBe('ghi c');
    expect(h.undo()).toBe('b');
    expect(h.redoLabel).toBe('ghi c');
    expect(h.undo()).toBe('a');
    expect(h.undo()).toBeUndefined();
    expect(h.redo()).toBe('b');
    h.push('d', 'ghi d');
    expect(h.canRedo).toBe(false);
    expect(h.undo()).toBe('b');
    expect(h.undo()).toBe('a');
  });

  test('saved is true exactly at the saved state, and never again once that state is dropped', () => {
    const h = new History('a');
    expect(h.saved).toBe(true);
    h.push('b', 'x');
    expect(h.saved).toBe(false);
    h.markSaved();
    expect(h.saved).toBe(true);
    h.undo();
    expect(h.saved).toBe(false);
    h.redo();
    expect(h.saved).toBe(true);
    h.undo();
    h.push('c', 'y'); // the saved state "b" is gone
    h.undo();
    h.redo();
    expect(h.current).toBe('c');
    expect(h.saved).toBe(false);
  });

  test('keeps at most `limit` states, the oldest dropped first', () => {
    const h = new History(0, 3);
    for (let i = 1; i <= 5; i++) h.push(i, String(i));
    expect(h.first).toBe(3);
    expect(h.undo()).toBe(4);
    expect(h.undo()).toBe(3);
    expect(h.undo()).toBeUndefined();
    expect(h.saved).toBe(false);
  });
});

describe('WorkbenchDocument undo', () => {
  test('an applied edit is undone and redone: bytes, snapshot text and the unsaved state follow', async () => {
    const doc = new WorkbenchDocument({ name: 'bao-cao.docx', bytes: SAMPLE });
    const before = await doc.read();
    let heard = 0;
    doc.subscribe(() => heard++);
    await doc.apply([{ kind: 'control', controlIndex: 0, text: 'Thử hoàn tác' }]);
    const edited = await doc.read();
    expect(JSON.stringify(edited)).toContain('Thử hoàn tác');
    expect(JSON.stringify(before)).not.toContain('Thử hoàn tác');
    expect(doc.changed).toBe(true);
    expect(doc.undoLabel).toBe('sửa 1 vị trí');
    expect(doc.undo()).toBe(true);
    expect(doc.bytes).toBe(SAMPLE);
    expect(JSON.stringify(await doc.read())).toBe(JSON.stringify(before));
    expect(doc.changed).toBe(false);
    expect(doc.redo()).toBe(true);
    expect(JSON.stringify(await doc.read())).toBe(JSON.stringify(edited));
    doc.markSaved();
    expect(doc.changed).toBe(false);
    expect(doc.openedBytes).toBe(SAMPLE);
    expect(heard).toBe(4);
  });
});

/** A minimal OLE compound file header followed by a directory entry name (UTF-16LE). */
function ole(streamName: string): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)];
  const name = [...streamName].flatMap((c) => [c.charCodeAt(0), 0]);
  return new Uint8Array([...header, ...name, ...new Array(64).fill(0)]);
}

function random(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x13; // not the start of any known format
  return out;
}

/** What the engine throws for these bytes (every case below is refused). */
function refusal(bytes: Uint8Array): unknown {
  try {
    OoxmlDocument.open(bytes);
  } catch (error) {
    return error;
  }
  throw new Error('the engine opened these bytes');
}

describe('classifyOpenFailure', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...random(200)]);
  const cases: [string, Uint8Array, OpenFailureCause][] = [
    ['an empty file', new Uint8Array(), 'empty'],
    ['a PNG', png, 'image'],
    ['a .txt in Vietnamese', new TextEncoder().encode('Báo cáo công tác cải cách hành chính 6 tháng đầu năm 2022\r\nSố hồ sơ: 28.375\n'), 'text'],
    ['random bytes', random(2048), 'unknown'],
    ['a Word 97–2003 .doc', ole('WordDocument'), 'legacy-doc'],
    ['a password-protected .docx', ole('EncryptedPackage'), 'protected'],
    ['a truncated .docx', SAMPLE.subarray(0, Math.floor(SAMPLE.length / 2)), 'damaged'],
    ['an .xlsx', zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'xl/workbook.xml': new TextEncoder().encode('<workbook/>') }), 'not-word'],
    ['a PDF', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'pdf'],
  ];
  test.each(cases)('%s', (_, bytes, cause) => {
    const failure = classifyOpenFailure(bytes, refusal(bytes));
    expect(failure.cause).toBe(cause);
    expect(failure.title.normalize('NFD')).toMatch(/\p{M}/u); // Vietnamese, with diacritics
    expect(failure.text.length).toBeGreaterThan(30);
  });

  test('every cause has its own title', () => {
    const titles = new Set(cases.map(([, bytes]) => classifyOpenFailure(bytes, refusal(bytes)).title));
    expect(titles.size).toBe(cases.length);
  });
});

describe('savedName after a roll-over', () => {
  test.each([
    ['bao-cao-cchc-6-thang-2022.docx', { kind: '6-thang', year: 2022 }, { kind: 'nam', year: 2022 }, 'bao-cao-cchc-nam-2022-baocao.docx'],
    ['bao-cao-cchc-6-thang-2022-baocao.docx', { kind: '6-thang', year: 2022 }, { kind: 'quy-i', year: 2023 }, 'bao-cao-cchc-quy-i-2023-baocao.docx'],
    ['bao-cao.docx', { kind: '6-thang', year: 2022 }, { kind: 'nam', year: 2022 }, 'bao-cao-nam-2022-baocao.docx'],
    ['bao-cao-cchc-6-thang.docx', { kind: '6-thang', year: 2022 }, { kind: 'nam', year: 2022 }, 'bao-cao-cchc-nam-2022-baocao.docx'],
    ['bao-cao-cchc-6-thang-2022.docx', { kind: '6-thang', year: 2022 }, { kind: '6-thang', year: 2022 }, 'bao-cao-cchc-6-thang-2022-baocao.docx'],
    ['tthc-quy-i-2023.docx', { kind: 'quy-i', year: 2023 }, { kind: 'quy-ii', year: 2023 }, 'tthc-quy-ii-2023-baocao.docx'],
    // "quy-i" is not the period inside "quy-iii": a name without the old period gets the new one appended.
    ['tthc-quy-iii.docx', { kind: 'quy-i', year: 2023 }, { kind: 'quy-ii', year: 2023 }, 'tthc-quy-iii-quy-ii-2023-baocao.docx'],
    ['tthc-quy-i.docx', { kind: 'quy-i', year: 2023 }, { kind: '9-thang', year: 2023 }, 'tthc-9-thang-2023-baocao.docx'],
  ] as const)('%s (%o → %o) → %s', (name, from, to, saved) => expect(savedName(name, from, to)).toBe(saved));
});

describe('fitZoom', () => {
  test('never enlarges, fits a page into the width, never below 40 %', () => {
    expect(fitZoom(800, 1200)).toBe(1);
    expect(fitZoom(800, 600)).toBe(0.75);
    expect(fitZoom(1120, 600)).toBeLessThanOrEqual(600 / 1120);
    expect(fitZoom(2000, 100)).toBe(0.4);
    expect(fitZoom(0, 100)).toBe(1);
  });
});
