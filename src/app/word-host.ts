/**
 * The task pane's host inside Word (Office.js): the open document through the Word adapter,
 * selecting places, inserting the official template, and change events.
 *
 * Revealing a place (one `Word.run`, at most two syncs):
 * - a control: by its Word id from the last read, through the typed collection
 *   (`getContentControls`, WordApi 1.5; `body.contentControls` lists rich-text controls only,
 *   office-js #2160); after a write (ids unknown until the next read), the control at the
 *   snapshot's position when its tag is still the one read, else the first with that tag.
 * - a paragraph span: the block's ordinal among top-level paragraphs (from the last snapshot)
 *   picks the paragraph; the span is reached by searching the paragraph (`spanSearch`); when the
 *   paragraph changed since the read, the paragraph is selected.
 * - a table cell: the table's ordinal among top-level tables, then `getCell(r, c).body.select()`.
 *
 * "Tạo báo cáo từ mẫu": the template .docx is embedded in a lazily loaded chunk as base64
 * (src/taskpane/assets/template-docx.ts) and inserted with `Document.insertFileFromBase64`
 * (WordApi 1.5), which keeps the template's page setup (section properties); without WordApi 1.5,
 * `Body.insertFileFromBase64`, which drops them (the page setup of the open document stays).
 * Changes: `subscribeToChanges` (content-control data-changed events, WordApi 1.5), minus the
 * events of the add-in's own writes; without WordApi 1.5 there are no events and the pane's
 * "Làm mới" reads the document again.
 */
import { DocumentError, type DocumentSnapshot } from '../core/document';
import {
  WordDocument,
  defaultRun,
  officeIsSetSupported,
  officePlatform,
  rangeOf,
  subscribeToChanges,
  type WordPlatform,
  type WordRun,
  type WordRunWith,
} from '../document/word/word-document';
import type { HostNotice, RevealTarget, TaskPaneHost } from './host';
import { createWordCommentWriter } from './word-comments';

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
  /** Where Word runs; by default from Office.context.platform. */
  platform?: WordPlatform;
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

/** Every content-control type the typed query lists (as the adapter reads them). */
const CONTROL_TYPES = ['RichText', 'PlainText', 'CheckBox', 'ComboBox', 'DropDownList', 'DatePicker'] as unknown as Word.ContentControlType[];

export function createWordHost(options: WordHostOptions): TaskPaneHost {
  const run = options.run ?? defaultRun;
  const isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  const document = new TrackedWordDocument(run, { isSetSupported, platform: options.platform ?? officePlatform() });

  const currentSnapshot = async () => document.snapshot ?? (await document.read());

  async function reveal(target: RevealTarget): Promise<void> {
    const snapshot = await currentSnapshot();
    await run(async (context) => {
      const body = context.document.body;
      if (target.kind === 'control') {
        const controls = isSetSupported('WordApi', '1.5') ? body.getContentControls({ types: CONTROL_TYPES }) : body.contentControls;
        const id = document.controlId(target.controlIndex);
        if (id !== undefined) {
          // Known from the last read: one round-trip.
          controls.getById(id).select();
          await context.sync();
          return;
        }
        const info = snapshot.controls[target.controlIndex];
        controls.load('id,tag');
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
      if (isSetSupported('WordApi', '1.5')) {
        // Keeps the template's section properties (A4, margins); Body.insertFileFromBase64 drops them.
        context.document.insertFileFromBase64(base64, 'Replace', { importStyles: true, importTheme: true, importParagraphSpacing: true });
      } else {
        context.document.body.insertFileFromBase64(base64, 'Replace');
      }
      await context.sync();
    });
  }

  function onDocumentChanged(listener: () => void): () => void {
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    subscribeToChanges(() => listener(), {
      run,
      ...(options.runWith ? { runWith: options.runWith } : {}),
      isSetSupported,
      isOwnChange: (ids) => document.isOwnChange(ids),
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

  /**
   * As of the last read: a Word without WordApi 1.5 (plain-text controls cannot be written), or
   * Track Changes (the drafter is told, and may choose untracked writes).
   */
  function notice(): HostNotice | undefined {
    const snapshot = document.snapshot;
    if (snapshot && !isSetSupported('WordApi', '1.5') && snapshot.controls.some((_, i) => document.controlId(i) === undefined)) {
      // body.contentControls lists rich-text controls only (office-js #2160): the others need 1.5.
      return {
        title: 'Phiên bản Word chưa hỗ trợ đủ',
        text: 'Word này chưa hỗ trợ WordApi 1.5 nên bổ trợ đọc và kiểm tra được báo cáo, nhưng không ghi được vào các ô nhập liệu dạng văn bản thuần của mẫu. Hãy dùng Word cho Microsoft 365, Word 2021 trở lên hoặc Word trên web.',
      };
    }
    const { mode, hasRevisions } = document.trackChanges;
    if (mode === 'TrackAll' || mode === 'TrackMineOnly') {
      return document.applyUntracked
        ? {
            title: 'Ghi không theo dõi thay đổi',
            text: 'Tài liệu đang bật Theo dõi thay đổi (Track Changes), nhưng các thay đổi bổ trợ ghi sẽ không thành bản sửa đổi (chế độ theo dõi được bật lại ngay sau khi ghi).',
            action: { label: 'Ghi có theo dõi', run: () => (document.applyUntracked = false) },
          }
        : {
            title: 'Đang bật Theo dõi thay đổi',
            text: 'Các thay đổi bổ trợ ghi vào tài liệu sẽ hiện thành bản sửa đổi (Track Changes), như khi bạn tự sửa.',
            action: { label: 'Ghi không theo dõi', run: () => (document.applyUntracked = true) },
          };
    }
    if (hasRevisions) {
      return {
        title: 'Tài liệu có bản sửa đổi chưa chấp nhận',
        text: 'Bổ trợ đọc văn bản hiện tại của tài liệu (phần bị xóa không tính, phần thêm vào có tính).',
      };
    }
    return undefined;
  }

  return {
    kind: 'word',
    document,
    documentName: options.documentName ?? officeDocumentName(),
    reveal,
    insertTemplate,
    onDocumentChanged,
    notice,
    selection: () => document.selection(),
    comments: createWordCommentWriter(run, isSetSupported),
  };
}
