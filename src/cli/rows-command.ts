/**
 * `baocao rows FILE` — the task rows of Phụ lục III ("Kết quả thực hiện nhiệm vụ cụ thể"):
 * listed, or one added to a group (`--them NHÓM [--sau DÒNG] --noi-dung … --san-pham … --ghi-chu …`)
 * or one removed (`--xoa DÒNG`), the STT of the group renumbered, written to -o atomically.
 */
import { planAddTask, planRemoveTask, readTaskTable, taskAppendix, TaskRowError, type TaskRowErrorCode } from '../core/model/task-rows';
import { locateFields } from '../core/recognize/locate';
import { OoxmlDocument } from '../document/ooxml/document';
import { CliError } from './errors';
import { prepareOutput, readInput, writeOutput } from './files';
import { templateFor } from './templates';
import { EXIT, type Io, type Parsed } from './types';

const GLOSS: Record<TaskRowErrorCode, string> = {
  'no-table': 'no task table',
  'no-group': 'no such group',
  'no-row': 'no such row',
  'no-column': 'no such column',
  bound: 'the row holds a template field',
  'renumbers-bound': 'would renumber a row holding a template field',
};

const text = (parsed: Parsed, name: string): string | undefined => {
  const v = parsed.options.get(name);
  return typeof v === 'string' ? v : undefined;
};

export async function rowsCommand(parsed: Parsed, io: Io): Promise<number> {
  const file = parsed.files[0]!;
  const add = text(parsed, '--them');
  const after = text(parsed, '--sau');
  const remove = text(parsed, '--xoa');
  const adding = add !== undefined || after !== undefined;
  if (adding && remove !== undefined) throw new CliError('chỉ dùng một trong --them và --xoa mỗi lần (use either --them or --xoa).', undefined, true);
  const contents = ['--noi-dung', '--san-pham', '--ghi-chu'].filter((o) => parsed.options.has(o));
  if (!adding && contents.length) throw new CliError(`${contents[0]} chỉ dùng cùng --them NHÓM (${contents[0]} goes with --them).`, undefined, true);
  const out = text(parsed, '-o');
  if ((adding || remove !== undefined) && out === undefined) {
    throw new CliError('cần chỉ định tệp kết quả bằng -o TỆP (an output file is required: -o FILE).', undefined, true);
  }
  const target = out !== undefined ? prepareOutput(out, [file], parsed.options.has('--force')) : undefined;

  const doc = OoxmlDocument.open(readInput(file));
  const snapshot = await doc.read();
  const definition = templateFor(parsed, snapshot);
  const located = locateFields(definition, snapshot);

  if (!adding && remove === undefined) {
    const table = readTaskTable(definition, snapshot, located);
    if (!table) {
      const id = taskAppendix(definition)?.id;
      throw new CliError(`không tìm thấy bảng nhiệm vụ cụ thể${id ? ` (Phụ lục ${id})` : ''} trong tài liệu (no task table).`, file);
    }
    io.out(`${table.title}: ${table.total} nhiệm vụ, có sản phẩm ${table.withOutput}/${table.total}\n`);
    const clip = (t: string) => (t.length > 70 ? `${t.slice(0, 69)}…` : t);
    for (const g of table.groups) {
      io.out(`${g.group}. ${g.title}\n`);
      for (const r of g.rows) {
        const output = r.output ? clip(r.output.replace(/\n/g, ' / ')) : '(chưa có sản phẩm)';
        io.out(`  ${r.fields.length ? '*' : ' '} ${r.key}\t${clip(r.task)} — ${output}\n`);
      }
    }
    if (table.groups.some((g) => g.rows.some((r) => r.fields.length))) {
      io.out('* dòng là chỗ ghi số liệu của mẫu: không xóa được, không đánh số lại (a template field\'s row)\n');
    }
    if (target) throw new CliError('-o chỉ dùng khi thêm hoặc xóa dòng (-o goes with --them or --xoa).', undefined, true);
    return EXIT.ok;
  }

  let change;
  try {
    change = adding
      ? planAddTask(definition, snapshot, located, {
          ...(add !== undefined ? { group: add } : {}),
          ...(after !== undefined ? { after } : {}),
          task: text(parsed, '--noi-dung') ?? '',
          output: text(parsed, '--san-pham') ?? '',
          note: text(parsed, '--ghi-chu') ?? '',
        })
      : planRemoveTask(definition, snapshot, located, remove!);
  } catch (error) {
    if (error instanceof TaskRowError) throw new CliError(`${error.message.replace(/\.$/, '')} (${GLOSS[error.code]}).`, file);
    throw error;
  }
  await doc.apply(change.edits);
  writeOutput(target!, doc.save());
  io.out(`${change.summary}\nĐã ghi ${target!.real}\n`);
  return EXIT.ok;
}
