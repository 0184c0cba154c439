/**
 * What the task pane needs from where it runs: Word (Office.js) or the workbench (a browser
 * page over a .docx). The pane itself only talks to a ReportSession and to this host.
 */
import type { ReviewComment } from '../core/check/annotations';
import type { DocumentSnapshot, ReportDocument } from '../core/document';

/** A place in the document snapshot: a paragraph span, a table cell span, or a control. */
export type RevealTarget =
  | { kind: 'span'; block: number; start: number; end: number }
  | { kind: 'cell'; block: number; row: number; cell: number; start?: number; end?: number }
  | { kind: 'control'; controlIndex: number };

export interface TaskPaneHost {
  /** 'word' inside Word, 'workbench' in a browser page. */
  readonly kind: 'word' | 'workbench';
  /** The open document. */
  readonly document: ReportDocument;
  /** A name for the open document, for messages ("bao-cao.docx"). */
  readonly documentName: string;
  /** Select (Word) or scroll to and highlight (workbench) a place. */
  reveal(target: RevealTarget): Promise<void>;
  /** Insert the official template into the open, empty document ("Tạo báo cáo từ mẫu"). */
  insertTemplate(): Promise<void>;
  /** Review comments in the document ("Ghi nhận xét vào tài liệu"), where the host can write them. */
  readonly comments?: ReviewCommentWriter;
  /**
   * The text the user selected in the document ("Gắn số liệu"), placed in the last snapshot when
   * the host can tell where it is; undefined when nothing is selected.
   */
  selection?(): Promise<SelectedText | undefined>;
  /** Subscribe to changes made in the document by the user; returns an unsubscribe function. */
  onDocumentChanged?(listener: () => void): () => void;
  /**
   * Something the drafter should know about the open document as of the last read (Word: Track
   * Changes is on, so the add-in's edits become revisions), with an optional action.
   */
  notice?(): HostNotice | undefined;
}

/** A notice from the host, in Vietnamese. */
export interface HostNotice {
  title: string;
  text: string;
  action?: { label: string; run: () => void };
}

/** Writes the check's findings as comments in the open document and removes baocao's own. */
export interface ReviewCommentWriter {
  /** Whether the comments' author can be chosen (Word's API writes the signed-in user's name). */
  readonly authorSettable: boolean;
  /** Replaces baocao's comments with these; returns how many were written and replaced. */
  write(comments: readonly ReviewComment[], snapshot: DocumentSnapshot, options?: { author?: string }): Promise<{ written: number; replaced: number }>;
  /** Deletes baocao's comments (people's stay); returns how many. */
  removeOurs(): Promise<number>;
}

/** A selection in the document: its text and, when known, its span in a paragraph of the last snapshot. */
export interface SelectedText {
  text: string;
  at?: { blockIndex: number; start: number; end: number };
}
