/**
 * The task pane's host inside Word (Office.js): the open document through the Word adapter,
 * selecting places, inserting the official template, and change events.
 *
 * Revealing a place (one `Word.run`, two syncs: load, then select):
 * - a control: the snapshot's control index is the control's position in
 *   `body.contentControls` at the last read (WordDocument keeps its index → id map private), so
 *   the collection is loaded with ids and tags and the control at that position is selected when
 *   its tag is still the one read; otherwise the first control with that tag.
 * - a paragraph span: the block's ordinal among top-level paragraphs (from the last snapshot)
 *   picks the paragraph; the span is reached by searching the paragraph (`spanSearch`, as the
 *   adapter writes spans); when the paragraph changed since the read, the paragraph is selected.
 * - a table cell: the table's ordinal among top-level tables, then `getCell(r, c).body.select()`.
 *
 * "Tạo báo cáo từ mẫu": the template .docx comes from the shell's loader (a lazily loaded chunk
 * with the .docx as base64) and is inserted with `body.insertFileFromBase64(…, 'Replace')`.
 * Changes: `subscribeToChanges` (content-control data-changed events, WordApi 1.5); without
 * WordApi 1.5 there are no events and the pane's "Làm mới" reads the document again.
 */
import { DocumentError, type DocumentSnapshot } from '../core/document';
import { WordDocument, defaultRun, rangeOf, subscribeToChanges, type WordRun, type WordRunWith } from '../document/word/word-document';
import type { RevealTarget, TaskPaneHost } from './host';

/** The Word adapter, remembering its last snapshot (block → paragraph/table ordinals for reveal). */
export class TrackedWordDocument extends WordDocument {
  private lastSnapshot: DocumentSnapshot | undefined;

  override async read(): Promise<DocumentSnapshot> {
    const snapshot = await super.read();
    this.lastSnapshot = snapshot;
    return snapshot;
  }

  /** The snapshot of the last read, if any. */
  get snapshot(): DocumentSnapshot | undefined {
    return this.lastSnapshot;
  }
}

export interface WordHostOptions {
  /** `Word.run` (a fake in tests). */
  run?: WordRun;
  runWith?: WordRunWith;
  isSetSupported?: (name: string, version: string) => boolean;
  /** The template .docx as base64 ("Tạo báo cáo từ mẫu"); the shell passes its template's loader. */
  loadTemplate: () => Promise<string>;
  /** Shown in messages; by default the file name from Office.context.document.url. */
  documentName?: string;
}


function officeDocumentName(): string {
  try {
    const url = typeof Office !== 'undefined' ? Office.context?.document?.url : undefined;
    const name = url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? '') : '';
    return name || 'Tài liệu Word đang mở';
  } catch {
    return 'Tài liệu Word đang mở';
  }
}

/** Position of block `index` among the blocks of its type (top-level paragraphs or tables). */
function ordinalOf(snapshot: DocumentSnapshot, index: number, type: 'paragraph' | 'table'): number {
  let n = 0;
  for (let i = 0; i < index; i++) if (snapshot.blocks[i]?.type === type) n++;
  return n;
}


const gone = () => new DocumentError('stale-edit', 'Vị trí này không còn trong tài liệu (tài liệu đã thay đổi). Hãy bấm "Làm mới" rồi thử lại.');

export function createWordHost(options: WordHostOptions): TaskPaneHost {
  const run = options.run ?? defaultRun;
  const document = new TrackedWordDocument(run);

  const currentSnapshot = async () => document.snapshot ?? (await document.read());

  async function reveal(target: RevealTarget): Promise<void> {
    const snapshot = await currentSnapshot();
    await run(async (context) => {
      const body = context.document.body;
      if (target.kind === 'control') {
        const id = document.controlId(target.controlIndex);
        if (id !== undefined) {
          // Known from the last read: one round-trip.
          body.contentControls.getById(id).select();
          await context.sync();
          return;
        }
        const info = snapshot.controls[target.controlIndex];
        const controls = body.contentControls.load('id,tag');
        await context.sync();
        let control = controls.items[target.controlIndex];
        if (info && control?.tag !== info.tag) control = controls.items.find((c) => c.tag === info.tag);
        if (!control) throw gone();
        control.select();
        await context.sync();
        return;
      }
      const block = snapshot.blocks[target.block];
      if (target.kind === 'cell') {
        if (block?.type !== 'table') throw gone();
        const tables = body.tables.load('nestingLevel');
        await context.sync();
        const table = tables.items.filter((t) => t.nestingLevel === 1)[ordinalOf(snapshot, target.block, 'table')];
        if (!table) throw gone();
        table.getCell(target.row, target.cell).body.select();
        await context.sync();
        return;
      }
      if (block?.type !== 'paragraph') throw gone();
      const paragraphs = body.paragraphs.load('text,tableNestingLevel');
      await context.sync();
      const paragraph = paragraphs.items.filter((p) => p.tableNestingLevel === 0)[ordinalOf(snapshot, target.block, 'paragraph')];
      if (!paragraph) throw gone();
      if (paragraph.text === block.text && target.end > target.start) rangeOf(paragraph, block.text, target.start, target.end).select();
      else paragraph.select();
      await context.sync();
    });
  }

  async function insertTemplate(): Promise<void> {
    const base64 = await options.loadTemplate();
    await run(async (context) => {
      context.document.body.insertFileFromBase64(base64, 'Replace');
      await context.sync();
    });
  }

  function onDocumentChanged(listener: () => void): () => void {
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    subscribeToChanges(() => listener(), {
      run,
      ...(options.runWith ? { runWith: options.runWith } : {}),
      ...(options.isSetSupported ? { isSetSupported: options.isSetSupported } : {}),
    })
      .then((unsubscribe) => {
        if (cancelled) void unsubscribe().catch(() => undefined);
        else stop = unsubscribe;
      })
      .catch((e: unknown) => console.warn('baocao: không theo dõi được thay đổi trong tài liệu', e));
    return () => {
      cancelled = true;
      if (stop) void stop().catch(() => undefined);
    };
  }

  return {
    kind: 'word',
    document,
    documentName: options.documentName ?? officeDocumentName(),
    reveal,
    insertTemplate,
    onDocumentChanged,
  };
}
