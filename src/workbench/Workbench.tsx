/**
 * The workbench page: the task pane beside a rendering of the open .docx, in a plain browser
 * (no Word). Opens the embedded sample by default, any .docx by the file picker or by drag and
 * drop; "Lưu" downloads the changed file under a new name. A file the engine refuses is shown
 * as a MessageBar with the engine's Vietnamese message; the open document stays as it was.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Tooltip,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RevealTarget } from '../app/host';
import { TEMPLATES } from '../templates';
import { detectDocumentTemplate } from '../core/template/detect';
import { extractReport } from '../core/model/extract';
import type { ReportPeriod } from '../core/period';
import { locateFields } from '../core/recognize/locate';
import type { TemplateDefinition } from '../core/template/schema';
import { DocumentError } from '../document/types';
import { OoxmlDocument } from '../document/ooxml/document';
import { sourcePeriod } from '../taskpane/model';
import { DocView, type DocViewHandle } from './DocView';
import { WorkbenchDocument, WorkbenchHost, savedName, type OpenFile } from './host';
import { classifyOpenFailure } from './open-error';
import { TaskPane, panelFromSearch } from './pane';

/** The workbench opens the sample of the first registered template that has one (webpack copies src/templates/<id>/*.docx). */
const SAMPLE_TEMPLATE = TEMPLATES.all.find((t) => t.files.sample) ?? TEMPLATES.default;
export const SAMPLE_URL = `templates/${SAMPLE_TEMPLATE.id}/${SAMPLE_TEMPLATE.files.sample ?? SAMPLE_TEMPLATE.files.template}`;
export const SAMPLE_NAME = `bao-cao-${SAMPLE_TEMPLATE.id}.docx`;
export const TEMPLATE_URL = `templates/${TEMPLATES.starter.id}/${TEMPLATES.starter.files.template}`;
const TEMPLATE_NAME = `mau-bao-cao-${TEMPLATES.starter.id}.docx`;
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const useStyles = makeStyles({
  shell: {
    display: 'grid',
    gridTemplateRows: 'auto auto 1fr',
    height: '100vh',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  bar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  brand: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  file: { flex: '1 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', textAlign: 'end' },
  state: { flex: 'none', whiteSpace: 'nowrap' },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  saved: { color: tokens.colorPaletteGreenForeground2 },
  actions: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, flex: 'none' },
  messages: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, padding: `0 ${tokens.spacingHorizontalL}` },
  main: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(320px, 380px)', minHeight: 0 },
  doc: { minHeight: 0, minWidth: 0 },
  pane: { minHeight: 0, overflow: 'auto', borderLeft: `1px solid ${tokens.colorNeutralStroke2}` },
  center: { display: 'flex', alignItems: 'center', justifyContent: 'center', height: '100%' },
  drop: {
    position: 'fixed',
    inset: 0,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(0, 0, 0, 0.45)',
    color: '#fff',
    fontSize: tokens.fontSizeBase600,
    pointerEvents: 'none',
    zIndex: 10,
  },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

interface Notice {
  intent: 'error' | 'warning' | 'success' | 'info';
  title: string;
  text: string;
}

interface ConfirmRequest {
  title: string;
  text: string;
  confirm: string;
  resolve(ok: boolean): void;
}

/** The period of a report's bytes (from its meta fields), when it can be told. */
export async function periodOfBytes(fallback: TemplateDefinition, bytes: Uint8Array): Promise<ReportPeriod | undefined> {
  try {
    const snapshot = await OoxmlDocument.open(bytes).read();
    const definition = detectDocumentTemplate(TEMPLATES, snapshot).definition ?? fallback;
    const located = locateFields(definition, snapshot);
    return sourcePeriod(definition, { snapshot, located, data: extractReport(definition, snapshot, located) });
  } catch {
    return undefined;
  }
}

/** Whether a key event is typing in a text field with its own undo (not a committed figure). */
function inTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  if (!['text', 'search', 'number', 'email', 'url', 'tel', 'password'].includes(target.type)) return false;
  // A figure input with nothing typed since its last write: Ctrl+Z undoes the write itself.
  return target.dataset.figure !== 'committed';
}

/** The Vietnamese message of an open failure: the engine's own for the files it refuses. */
export function openErrorText(error: unknown): string {
  if (error instanceof DocumentError) return error.message;
  if (error instanceof Error) return `Không đọc được tệp: ${error.message}`;
  return `Không đọc được tệp: ${String(error)}`;
}

async function fetchFile(url: string, name: string): Promise<OpenFile> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`không tải được ${name} (HTTP ${response.status})`);
  return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
}

function download(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: DOCX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface WorkbenchProps {
  /** The document opened at start (default: the embedded sample). */
  initialUrl?: string;
  initialName?: string;
}

export function Workbench({ initialUrl = SAMPLE_URL, initialName = SAMPLE_NAME }: WorkbenchProps): React.JSX.Element {
  const styles = useStyles();
  const view = React.useRef<DocViewHandle>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [doc, setDoc] = React.useState<WorkbenchDocument>();
  /** Bumped when another file is opened: the task pane starts afresh on it. */
  const [generation, setGeneration] = React.useState(0);
  const [bytes, setBytes] = React.useState<Uint8Array>();
  const [notices, setNotices] = React.useState<Notice[]>([]);
  /** Bumped on every change of the document (edit, undo, save): the header re-reads its state. */
  const [, setVersion] = React.useState(0);
  const [savedAt, setSavedAt] = React.useState<string>();
  const [loading, setLoading] = React.useState(true);
  const [confirm, setConfirm] = React.useState<ConfirmRequest>();
  const [dragging, setDragging] = React.useState(false);
  const [announcement, setAnnouncement] = React.useState('');
  const initialPanel = React.useMemo(() => panelFromSearch(window.location.search), []);

  // One message bar at a time: a new message replaces the previous one (failed opens do not pile up).
  const notify = React.useCallback((n: Notice) => setNotices([n]), []);
  const dismiss = (title: string) => setNotices((all) => all.filter((x) => x.title !== title));

  const ask = React.useCallback((title: string, text: string, confirmLabel: string) => new Promise<boolean>((resolve) => setConfirm({ title, text, confirm: confirmLabel, resolve })), []);

  // The document follows its own changes (applies, template): re-render from the new bytes.
  React.useEffect(() => {
    if (!doc) return undefined;
    setBytes(doc.bytes);
    return doc.subscribe(() => {
      setBytes(doc.bytes);
      setVersion((v) => v + 1);
    });
  }, [doc]);

  const host = React.useMemo(
    () =>
      doc &&
      new WorkbenchHost(doc, {
        reveal: (target: RevealTarget) => view.current?.reveal(target) ?? Promise.reject(new Error('Tài liệu chưa hiển thị xong; hãy thử lại.')),
        confirmReplace: () => ask('Tạo báo cáo từ mẫu?', `Tài liệu đang mở (${doc.name}) sẽ được thay bằng mẫu báo cáo trống. Những thay đổi chưa lưu sẽ mất; bấm "Lưu" trước nếu cần giữ lại.`, 'Thay bằng mẫu trống'),
        loadTemplate: () => fetchFile(TEMPLATE_URL, TEMPLATE_NAME),
        selection: () => view.current?.selection(),
      }),
    [doc, ask],
  );

  /** Opens a file; a refused file leaves the open document as it was. */
  const open = React.useCallback(
    async (file: OpenFile): Promise<boolean> => {
      try {
        const next = new WorkbenchDocument(file);
        setDoc(next);
        setGeneration((g) => g + 1);
        setSavedAt(undefined);
        setNotices([]);
        return true;
      } catch (error) {
        const failure = classifyOpenFailure(file.bytes, error);
        notify({ intent: 'error', title: `Không mở được "${file.name}": ${failure.title}`, text: `${failure.text} Tài liệu đang mở vẫn giữ nguyên.` });
        return false;
      }
    },
    [notify],
  );

  React.useEffect(() => {
    let live = true;
    fetchFile(initialUrl, initialName)
      .then((file) => live && open(file))
      .catch((error: unknown) => live && notify({ intent: 'error', title: 'Không mở được báo cáo mẫu', text: openErrorText(error) }))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [initialUrl, initialName, open, notify]);

  // Leaving the page with unsaved changes asks first.
  React.useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (doc?.changed) e.preventDefault();
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [doc]);

  const openLocal = async (file: File) => {
    if (doc?.changed && !(await ask('Mở tệp khác?', `Tài liệu đang mở (${doc.name}) có thay đổi chưa lưu. Mở "${file.name}" sẽ bỏ các thay đổi đó; bấm "Lưu" trước nếu cần giữ lại.`, 'Mở tệp khác'))) return;
    let data: Uint8Array;
    try {
      data = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      notify({ intent: 'error', title: `Không mở được tệp "${file.name}"`, text: openErrorText(error) });
      return;
    }
    await open({ name: file.name, bytes: data });
  };

  const onPick = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void openLocal(file);
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void openLocal(file);
  };

  const saving = React.useRef(false);
  const onSave = React.useCallback(async () => {
    if (!doc || saving.current) return;
    saving.current = true;
    try {
      const bytes = doc.bytes;
      // After a roll-over the name follows the report's new period.
      const [from, to] = await Promise.all([periodOfBytes(TEMPLATES.default, doc.openedBytes), periodOfBytes(TEMPLATES.default, bytes)]);
      const name = savedName(doc.name, from, to);
      download(bytes, name);
      if (doc.bytes === bytes) doc.markSaved();
      setSavedAt(new Date().toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' }));
      notify({ intent: 'success', title: 'Đã lưu', text: `Tệp "${name}" đã được tải xuống; tệp gốc "${doc.name}" không bị thay đổi.` });
    } finally {
      saving.current = false;
    }
  }, [doc, notify]);

  const undo = React.useCallback(() => {
    if (doc?.undo()) host?.documentChanged();
  }, [doc, host]);
  const redo = React.useCallback(() => {
    if (doc?.redo()) host?.documentChanged();
  }, [doc, host]);

  // Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) undo and redo the document; Ctrl+S saves. Typing in a text
  // field keeps the field's own undo.
  React.useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        void onSave();
      } else if ((key === 'z' && !e.shiftKey) || key === 'y' || (key === 'z' && e.shiftKey)) {
        if (inTextEditing(e.target) || confirm) return;
        e.preventDefault();
        if (key === 'z' && !e.shiftKey) undo();
        else redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSave, undo, redo, confirm]);

  const onRenderError = React.useCallback(
    (error: unknown) => notify({ intent: 'warning', title: 'Không hiển thị được tài liệu', text: `${openErrorText(error)} Ngăn tác vụ vẫn dùng được.` }),
    [notify],
  );

  const closeConfirm = (ok: boolean) => {
    confirm?.resolve(ok);
    setConfirm(undefined);
  };

  return (
    <div
      className={styles.shell}
      onDragOver={(e) => {
        if (!Array.from(e.dataTransfer.types).includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className={styles.bar}>
        <div className={styles.brand}>
          <Text as="h1" weight="semibold" size={400} style={{ margin: 0 }}>
            baocao
          </Text>
          <Caption1>Báo cáo định kỳ trong trình duyệt, không cần Word</Caption1>
        </div>
        <Body1 className={styles.file} title={doc?.name}>
          {doc ? (
            <>
              Đang mở: <strong>{doc.name}</strong>
            </>
          ) : null}
        </Body1>
        {/* The saved state never gives way to a long file name. */}
        {doc ? (
          <Body1 className={styles.state} role="status">
            {doc.changed ? (
              <span className={styles.unsaved}>có thay đổi chưa lưu</span>
            ) : savedAt ? (
              <span className={styles.saved}>đã lưu lúc {savedAt}</span>
            ) : (
              <span>chưa sửa</span>
            )}
          </Body1>
        ) : null}
        <input ref={fileInput} type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={onPick} hidden aria-hidden="true" tabIndex={-1} />
        <div className={styles.actions}>
          {/* Tooltips open beside their button, never over the message bar below the header. */}
          <Tooltip content={doc?.undoLabel ? `Hoàn tác: ${doc.undoLabel} (Ctrl+Z)` : 'Không có gì để hoàn tác (Ctrl+Z)'} relationship="description" positioning="before">
            <Button onClick={undo} disabledFocusable={!doc?.canUndo}>
              Hoàn tác
            </Button>
          </Tooltip>
          <Tooltip content={doc?.redoLabel ? `Làm lại: ${doc.redoLabel} (Ctrl+Y)` : 'Không có gì để làm lại (Ctrl+Y)'} relationship="description" positioning="before">
            <Button onClick={redo} disabledFocusable={!doc?.canRedo}>
              Làm lại
            </Button>
          </Tooltip>
          <Tooltip content="Mở một tệp .docx trên máy (hoặc kéo thả tệp vào trang)" relationship="description" positioning="before">
            <Button onClick={() => fileInput.current?.click()}>Mở tệp…</Button>
          </Tooltip>
          <Tooltip content={doc ? 'Tải tệp đã sửa xuống máy (Ctrl+S); tệp gốc không bị thay đổi' : 'Chưa có tài liệu'} relationship="description" positioning="before">
            <Button appearance="primary" onClick={() => void onSave()} disabled={!doc}>
              Lưu
            </Button>
          </Tooltip>
        </div>
      </header>
      <div className={styles.messages} aria-live="polite">
        {notices.map((n) => (
          <MessageBar key={n.title} intent={n.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{n.title}</MessageBarTitle>
              {n.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button appearance="transparent" aria-label="Đóng thông báo" onClick={() => dismiss(n.title)}>
                  ✕
                </Button>
              }
            />
          </MessageBar>
        ))}
      </div>
      <div className={styles.main}>
        <section className={styles.doc} aria-label="Tài liệu">
          {bytes && doc ? (
            <DocView ref={view} bytes={bytes} name={doc.name} onRenderError={onRenderError} onAnnounce={setAnnouncement} />
          ) : (
            <div className={styles.center}>{loading ? <Spinner label="Đang mở báo cáo mẫu…" /> : <Body1>Chưa mở tài liệu nào. Bấm "Mở tệp…" hoặc kéo thả một tệp .docx vào đây.</Body1>}</div>
          )}
        </section>
        <div className={styles.pane} data-testid="task-pane">
          {host ? <TaskPane key={generation} host={host} initialPanel={initialPanel} /> : null}
        </div>
      </div>
      <div className={styles.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {dragging ? (
        <div className={styles.drop} aria-hidden="true">
          Thả tệp .docx vào đây để mở
        </div>
      ) : null}
      <Dialog open={!!confirm} modalType="alert" onOpenChange={(_, data) => !data.open && closeConfirm(false)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{confirm?.title}</DialogTitle>
            <DialogContent>{confirm?.text}</DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => closeConfirm(false)}>
                Hủy
              </Button>
              <Button appearance="primary" onClick={() => closeConfirm(true)}>
                {confirm?.confirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
