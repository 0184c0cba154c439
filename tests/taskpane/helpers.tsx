/** Rendering the task pane over a test host: the OOXML adapter on the real bound sample. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as React from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { RevealTarget, TaskPaneHost } from '../../src/app/host';
import { ReportSession } from '../../src/app/session';
import { CCHC_6_THANG } from '../helpers/templates';
import { OoxmlDocument } from '../../src/document/ooxml/document';
import type { DocumentEdit, DocumentSnapshot, ReportDocument } from '../../src/document/types';
import { TaskPane, type PanelId } from '../../src/taskpane/TaskPane';
import { REPO_DIR } from '../helpers/paths';
import { templateFile } from '../../src/cli/assets';
import { TEMPLATES } from '../../src/templates';


export const SAMPLE_NAME = 'bao-cao-cchc-6-thang-2022.docx';
/** Read once for the whole file; every test opens its own document over these bytes. */
export const SAMPLE_BYTES = new Uint8Array(fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'sample.docx')));
export const TEMPLATE_BYTES = new Uint8Array(fs.readFileSync(path.join(REPO_DIR, 'src', 'templates', 'cchc-6-thang', 'template.docx')));
/** What "Tạo báo cáo từ mẫu" inserts: the registry's starter (the official outline any office drafts from). */
export const STARTER_BYTES = new Uint8Array(fs.readFileSync(templateFile(TEMPLATES.starter, 'template')));

/** A ReportDocument that counts reads and records applied edits. */
export class RecordingDocument implements ReportDocument {
  reads = 0;
  applied: DocumentEdit[][] = [];
  failRead: Error | undefined;

  constructor(public inner: ReportDocument) {}

  async read(): Promise<DocumentSnapshot> {
    this.reads++;
    if (this.failRead) throw this.failRead;
    return this.inner.read();
  }

  async apply(edits: DocumentEdit[]): Promise<void> {
    this.applied.push(edits);
    return this.inner.apply(edits);
  }
}

export interface TestHost extends TaskPaneHost {
  readonly document: RecordingDocument;
  reveal: jest.Mock<Promise<void>, [RevealTarget]>;
  insertTemplate: jest.Mock<Promise<void>, []>;
  /** Calls the listeners registered through onDocumentChanged. */
  change(): void;
  listeners: Set<() => void>;
}

export function testHost(inner: ReportDocument = OoxmlDocument.open(SAMPLE_BYTES)): TestHost {
  const document = new RecordingDocument(inner);
  const listeners = new Set<() => void>();
  return {
    kind: 'workbench',
    document,
    documentName: SAMPLE_NAME,
    reveal: jest.fn(async (_target: RevealTarget) => {}),
    insertTemplate: jest.fn(async () => {
      document.inner = OoxmlDocument.open(STARTER_BYTES);
    }),
    onDocumentChanged(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change() {
      for (const l of listeners) l();
    },
    listeners,
  };
}

export function renderPane(host: TaskPaneHost, initialPanel?: PanelId) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <TaskPane host={host} {...(initialPanel ? { initialPanel } : {})} />
    </FluentProvider>,
  );
}

/** The report data of a document as it is now (a fresh read through the core). */
export async function readBack(document: ReportDocument) {
  const session = new ReportSession(document, CCHC_6_THANG);
  return session.refresh();
}

/** The figure written at every place of a field, in the document as it is now. */
export async function placesText(document: ReportDocument, fieldId: string): Promise<(string | null)[]> {
  const state = await readBack(document);
  return state.data.fields[fieldId]?.places.map((p) => p.text) ?? [];
}
