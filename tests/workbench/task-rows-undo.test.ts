/**
 * A Phụ lục III task added or removed in the workbench is one undoable step, named for what it
 * did ("thêm 1 dòng bảng" / "xóa 1 dòng bảng"); undo gives back the very bytes before it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planAddTask, planRemoveTask } from '../../src/core/model/task-rows';
import { locateFields } from '../../src/core/recognize/locate';
import { WorkbenchDocument, editLabel } from '../../src/workbench/host';
import { REPO_DIR } from '../helpers/paths';
import { CCHC_6_THANG } from '../helpers/templates';

const SAMPLE = new Uint8Array(fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx')));

async function located(doc: WorkbenchDocument) {
  const snapshot = await doc.read();
  return { snapshot, located: locateFields(CCHC_6_THANG, snapshot) };
}

test('adding then removing a task: two undo steps with their names, undo restores the bytes', async () => {
  const doc = new WorkbenchDocument({ name: 'bao-cao.docx', bytes: SAMPLE });
  let s = await located(doc);
  await doc.apply(planAddTask(CCHC_6_THANG, s.snapshot, s.located, { group: 'VII', task: 'Số hóa hồ sơ', output: '' }).edits);
  expect(doc.undoLabel).toBe('thêm 1 dòng bảng');
  const added = doc.bytes;
  s = await located(doc);
  await doc.apply(planRemoveTask(CCHC_6_THANG, s.snapshot, s.located, 'VII.9').edits);
  expect(doc.undoLabel).toBe('xóa 1 dòng bảng');
  expect(doc.undo()).toBe(true);
  expect(doc.bytes).toBe(added);
  expect(doc.undo()).toBe(true);
  expect(doc.bytes).toBe(SAMPLE);
  expect(doc.changed).toBe(false);
  expect(doc.redoLabel).toBe('thêm 1 dòng bảng');
});

test('editLabel names row edits and counts other edits', () => {
  expect(editLabel([{ kind: 'delete-row', tableIndex: 1, rowIndex: 2 }, { kind: 'delete-row', tableIndex: 1, rowIndex: 3 }])).toBe('xóa 2 dòng bảng');
  expect(editLabel([{ kind: 'cell', tableIndex: 1, rowIndex: 2, cellIndex: 0, text: '1' }])).toBe('sửa 1 vị trí');
  expect(
    editLabel([
      { kind: 'delete-row', tableIndex: 1, rowIndex: 2 },
      { kind: 'cell', tableIndex: 1, rowIndex: 3, cellIndex: 0, text: '2' },
    ]),
  ).toBe('xóa 1 dòng bảng');
});
