/**
 * The task pane's host in a plain browser: the open .docx is an OoxmlDocument in memory. Every
 * apply() saves new bytes and reopens them, so the session, the rendering and "Lưu" always see
 * the same file: what the page shows is what would be downloaded.
 */
import type { RevealTarget, TaskPaneHost } from '../app/host';
import { OoxmlDocument } from '../document/ooxml/document';
import type { DocumentEdit, DocumentSnapshot, ReportDocument } from '../document/types';

/** One open file: its name and current bytes. */
export interface OpenFile {
  name: string;
  bytes: Uint8Array;
}

type Listener = () => void;

/**
 * The open .docx as a ReportDocument. `replace` swaps in another file (the empty template);
 * listeners hear about every change of the bytes, whatever its cause.
 */
export class WorkbenchDocument implements ReportDocument {
  private doc: OoxmlDocument;
  private file: OpenFile;
  private edited = false;
  private readonly listeners = new Set<Listener>();

  /** Opens the bytes; throws the engine's DocumentError for files it refuses. */
  constructor(file: OpenFile) {
    this.doc = OoxmlDocument.open(file.bytes);
    this.file = file;
  }

  get name(): string {
    return this.file.name;
  }

  get bytes(): Uint8Array {
    return this.file.bytes;
  }

  /** True once an edit was applied since the file was opened. */
  get changed(): boolean {
    return this.edited;
  }

  async read(): Promise<DocumentSnapshot> {
    return this.doc.read();
  }

  async apply(edits: DocumentEdit[]): Promise<void> {
    if (!edits.length) return;
    await this.doc.apply(edits);
    const bytes = this.doc.save();
    this.doc = OoxmlDocument.open(bytes);
    this.file = { name: this.file.name, bytes };
    this.edited = true;
    this.emit();
  }

  /** Replaces the open file (checked first: a refused file changes nothing). */
  replace(file: OpenFile, edited = true): void {
    const doc = OoxmlDocument.open(file.bytes);
    this.doc = doc;
    this.file = file;
    this.edited = edited;
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

function hasText(snapshot: DocumentSnapshot): boolean {
  return snapshot.blocks.some((b) => (b.type === 'paragraph' ? b.text.trim() !== '' : b.rows.some((r) => r.cells.some((c) => c.text.trim() !== ''))));
}

/** The name "Lưu" gives the changed file: "bao-cao.docx" → "bao-cao-baocao.docx". */
export function savedName(name: string): string {
  const base = name.replace(/\.docx$/i, '').replace(/-baocao$/i, '') || 'bao-cao';
  return `${base}-baocao.docx`;
}

export interface WorkbenchHostOptions {
  /** Scrolls to and highlights a place in the rendering. */
  reveal(target: RevealTarget): Promise<void>;
  /** Asks the user to confirm replacing the open document with the empty template. */
  confirmReplace(): Promise<boolean>;
  /** The empty official template. */
  loadTemplate(): Promise<OpenFile>;
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
    for (const l of [...this.changeListeners]) l();
  }

  /** Changes the task pane did not make itself: the document was replaced by the template. */
  onDocumentChanged(listener: Listener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }
}
