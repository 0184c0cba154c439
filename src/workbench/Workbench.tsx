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
import { DocumentError } from '../document/types';
import { DocView, type DocViewHandle } from './DocView';
import { WorkbenchDocument, WorkbenchHost, savedName, type OpenFile } from './host';
import { TaskPane, panelFromSearch } from './pane';

/** The workbench opens the sample of the first registered template that has one (webpack copies src/templates/<id>/*.docx). */
const SAMPLE_TEMPLATE = TEMPLATES.all.find((t) => t.files.sample) ?? TEMPLATES.default;
export const SAMPLE_URL = `templates/${SAMPLE_TEMPLATE.id}/${SAMPLE_TEMPLATE.files.sample ?? SAMPLE_TEMPLATE.files.template}`;
export const SAMPLE_NAME = `bao-cao-${SAMPLE_TEMPLATE.id}.docx`;
export const TEMPLATE_URL = `templates/${TEMPLATES.default.id}/${TEMPLATES.default.files.template}`;
const TEMPLATE_NAME = `mau-bao-cao-${TEMPLATES.default.id}.docx`;
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
  const [loading, setLoading] = React.useState(true);
  const [confirm, setConfirm] = React.useState<ConfirmRequest>();
  const [dragging, setDragging] = React.useState(false);
  const [announcement, setAnnouncement] = React.useState('');
  const initialPanel = React.useMemo(() => panelFromSearch(window.location.search), []);

  const notify = React.useCallback((n: Notice) => setNotices((all) => [...all.filter((x) => x.title !== n.title), n]), []);
  const dismiss = (title: string) => setNotices((all) => all.filter((x) => x.title !== title));

  const ask = React.useCallback((title: string, text: string, confirmLabel: string) => new Promise<boolean>((resolve) => setConfirm({ title, text, confirm: confirmLabel, resolve })), []);

  // The document follows its own changes (applies, template): re-render from the new bytes.
  React.useEffect(() => {
    if (!doc) return undefined;
    setBytes(doc.bytes);
    return doc.subscribe(() => setBytes(doc.bytes));
  }, [doc]);

  const host = React.useMemo(
    () =>
      doc &&
      new WorkbenchHost(doc, {
        reveal: (target: RevealTarget) => view.current?.reveal(target) ?? Promise.reject(new Error('Tài liệu chưa hiển thị xong; hãy thử lại.')),
        confirmReplace: () => ask('Tạo báo cáo từ mẫu?', `Tài liệu đang mở (${doc.name}) sẽ được thay bằng mẫu báo cáo trống. Những thay đổi chưa lưu sẽ mất; bấm "Lưu" trước nếu cần giữ lại.`, 'Thay bằng mẫu trống'),
        loadTemplate: () => fetchFile(TEMPLATE_URL, TEMPLATE_NAME),
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
        setNotices((all) => all.filter((n) => n.intent !== 'error'));
        return true;
      } catch (error) {
        notify({ intent: 'error', title: `Không mở được tệp "${file.name}"`, text: `${openErrorText(error)} Tài liệu đang mở vẫn giữ nguyên.` });
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

  const onSave = () => {
    if (!doc) return;
    const name = savedName(doc.name);
    download(doc.bytes, name);
    notify({ intent: 'success', title: 'Đã lưu', text: `Tệp "${name}" đã được tải xuống; tệp gốc "${doc.name}" không bị thay đổi.` });
  };

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
              {doc.changed ? ' (đã sửa, chưa lưu)' : ''}
            </>
          ) : null}
        </Body1>
        <input ref={fileInput} type="file" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onChange={onPick} hidden aria-hidden="true" tabIndex={-1} />
        <Tooltip content="Mở một tệp .docx trên máy (hoặc kéo thả tệp vào trang)" relationship="description">
          <Button onClick={() => fileInput.current?.click()}>
            Mở tệp…
          </Button>
        </Tooltip>
        <Tooltip content={doc ? `Tải xuống "${savedName(doc.name)}"` : 'Chưa có tài liệu'} relationship="description">
          <Button appearance="primary" onClick={onSave} disabled={!doc}>
            Lưu
          </Button>
        </Tooltip>
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
