/**
 * The task pane's host in a plain browser: the open .docx is an OoxmlDocument in memory. Every
 * apply() saves new bytes and reopens them, so the session, the rendering and "Lưu" always see
 * the same file: what the page shows is what would be downloaded.
 */
import type { RevealTarget, SelectedText, TaskPaneHost } from '../app/host';
import { OoxmlDocument } from '../document/ooxml/document';
import type { DocumentEdit, DocumentSnapshot, ReportDocument } from '../document/types';
import type { ReportPeriod } from '../core/period';
import { History } from './history';

/** One open file: its name and current bytes. */
export interface OpenFile {
  name: string;
  bytes: Uint8Array;
}

type Listener = () => void;

/**
 * The open .docx as a ReportDocument, with its undo history. `replace` swaps in another file
 * (the empty template); undo and redo restore earlier bytes; listeners hear about every change
 * of the bytes, whatever its cause.
 */
export class WorkbenchDocument implements ReportDocument {
  private doc: OoxmlDocument;
  private readonly history: History<OpenFile>;
  private readonly listeners = new Set<Listener>();

  /** Opens the bytes; throws the engine's DocumentError for files it refuses. */
  constructor(file: OpenFile) {
    this.doc = OoxmlDocument.open(file.bytes);
    this.history = new History(file);
  }

  private get file(): OpenFile {
    return this.history.current;
  }

  get name(): string {
    return this.file.name;
  }

  get bytes(): Uint8Array {
    return this.file.bytes;
  }

  /** The bytes as opened (before any edit still in the history). */
  get openedBytes(): Uint8Array {
    return this.history.first.bytes;
  }

  /** True when the bytes differ from the ones opened or last saved. */
  get changed(): boolean {
    return !this.history.saved;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  get undoLabel(): string | undefined {
    return this.history.undoLabel;
  }

  get redoLabel(): string | undefined {
    return this.history.redoLabel;
  }

  async read(): Promise<DocumentSnapshot> {
    return this.doc.read();
  }

  async apply(edits: DocumentEdit[]): Promise<void> {
    if (!edits.length) return;
    await this.doc.apply(edits);
    const bytes = this.doc.save();
    this.doc = OoxmlDocument.open(bytes);
    this.history.push({ name: this.file.name, bytes }, editLabel(edits));
    this.emit();
  }

  /** Replaces the open file (checked first: a refused file changes nothing); undoable. */
  replace(file: OpenFile, label = 'thay bằng mẫu trống'): void {
    this.doc = OoxmlDocument.open(file.bytes);
    this.history.push(file, label);
    this.emit();
  }

  /** Goes back one change; false when there is none. */
  undo(): boolean {
    const file = this.history.undo();
    if (!file) return false;
    this.doc = OoxmlDocument.open(file.bytes);
    this.emit();
    return true;
  }

  /** Does an undone change again; false when there is none. */
  redo(): boolean {
    const file = this.history.redo();
    if (!file) return false;
    this.doc = OoxmlDocument.open(file.bytes);
    this.emit();
    return true;
  }

  /** The current bytes were downloaded: the header says saved until the next change. */
  markSaved(): void {
    this.history.markSaved();
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

/** What a batch did, for the undo and redo tooltips: rows added or removed say so. */
export function editLabel(edits: readonly DocumentEdit[]): string {
  const added = edits.filter((e) => e.kind === 'insert-row').length;
  const removed = edits.filter((e) => e.kind === 'delete-row').length;
  if (added && !removed) return added === 1 ? 'thêm 1 dòng bảng' : `thêm ${added} dòng bảng`;
  if (removed && !added) return removed === 1 ? 'xóa 1 dòng bảng' : `xóa ${removed} dòng bảng`;
  return edits.length === 1 ? 'sửa 1 vị trí' : `sửa ${edits.length} vị trí`;
}

function hasText(snapshot: DocumentSnapshot): boolean {
  return snapshot.blocks.some((b) => (b.type === 'paragraph' ? b.text.trim() !== '' : b.rows.some((r) => r.cells.some((c) => c.text.trim() !== ''))));
}

/** A period in a file name: "6-thang-2022", "quy-ii-2023", "9-thang-2022", "nam-2022". */
export function periodSlug(p: ReportPeriod): string {
  return `${p.kind}-${p.year}`;
}

/**
 * The name "Lưu" gives the changed file: "bao-cao.docx" → "bao-cao-baocao.docx". After a
 * roll-over (`to` differs from `from`) the period in the name follows the report:
 * "bao-cao-so-tu-phap-6-thang-2022.docx" → "bao-cao-so-tu-phap-nam-2022-baocao.docx" (also from
 * "bao-cao-so-tu-phap-6-thang.docx"); a name without the old period gets the new one appended.
 */
export function savedName(name: string, from?: ReportPeriod, to?: ReportPeriod): string {
  let base = name.replace(/\.docx$/i, '').replace(/-baocao$/i, '') || 'bao-cao';
  if (to && (!from || periodSlug(from) !== periodSlug(to))) {
    // The old period with its year, else its kind alone ("…-6-thang.docx"), else nothing: appended.
    const olds = from ? [periodSlug(from), from.kind] : [];
    const lower = base.toLowerCase();
    // Whole slugs only: "quy-i" is not the period of "…-quy-ii-2023".
    const find = (o: string) => {
      let at = lower.lastIndexOf(o);
      while (at >= 0 && /[a-z0-9]/.test(lower.charAt(at + o.length))) at = at > 0 ? lower.lastIndexOf(o, at - 1) : -1;
      return at;
    };
    const old = olds.find((o) => find(o) >= 0);
    const at = old ? find(old) : -1;
    base = old && at >= 0 ? `${base.slice(0, at)}${periodSlug(to)}${base.slice(at + old.length)}` : `${base}-${periodSlug(to)}`;
  }
  return `${base}-baocao.docx`;
}

export interface WorkbenchHostOptions {
  /** Scrolls to and highlights a place in the rendering. */
  reveal(target: RevealTarget): Promise<void>;
  /** Asks the user to confirm replacing the open document with the empty template. */
  confirmReplace(): Promise<boolean>;
  /** The empty official template. */
  loadTemplate(): Promise<OpenFile>;
  /** The text selected in the rendering ("Gắn số liệu"). */
  selection?(): SelectedText | undefined;
}

export class WorkbenchHost implements TaskPaneHost {
  readonly kind = 'workbench' as const;
  private readonly changeListeners = new Set<Listener>();

  constructor(
    readonly document: WorkbenchDocument,
    private readonly options: WorkbenchHostOptions,
  ) {}

  get documentName(): string {
    return this.document.name;
  }

  reveal(target: RevealTarget): Promise<void> {
    return this.options.reveal(target);
  }

  async selection(): Promise<SelectedText | undefined> {
    return this.options.selection?.();
  }

  /**
   * "Tạo báo cáo từ mẫu": in the workbench the open document is replaced by the empty template,
   * after one confirmation (nothing changes without it). The task pane asks first itself when
   * the document has text ("Thay nội dung bằng mẫu báo cáo?"), so the host asks only when it has
   * none: one question either way.
   */
  async insertTemplate(): Promise<void> {
    if (!hasText(await this.document.read()) && !(await this.options.confirmReplace())) return;
    const template = await this.options.loadTemplate();
    this.document.replace(template);
    this.documentChanged();
  }

  /** Tells the task pane that the document changed under it (undo, redo, template). */
  documentChanged(): void {
    for (const l of [...this.changeListeners]) l();
  }

  /** Changes the task pane did not make itself: the document was replaced by the template. */
  onDocumentChanged(listener: Listener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }
}
