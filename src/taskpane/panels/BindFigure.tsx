/**
 * "Gắn số liệu": the drafter selects a figure in the text (in Word, or in the workbench's
 * rendering), then "Gắn số liệu…" opens a small form (mã, nhãn, đơn vị, loại, what the roll-over
 * does with it). "Gắn" wraps the figure in a content control tagged with the new id and saves
 * the field's definition in the document (baocao's custom XML part): it then shows in its
 * section, is checked, filled and rolled over like the template's own fields, next period too.
 * Without a selection the form takes the text holding the figure (and its section, when the
 * text occurs several times) and finds it.
 */
import * as React from 'react';
import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { SelectedText } from '../../app/host';
import { BindError, type BindRequest } from '../../core/template/bind';
import {
  USER_FIELD_KIND_LABELS,
  USER_FIELD_KINDS,
  USER_FIELD_ROLLOVER_LABELS,
  USER_FIELD_ROLLOVERS,
  draftProblems,
} from '../../core/template/user-fields';
import { usePane } from '../pane-context';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  buttons: { display: 'flex', columnGap: tokens.spacingHorizontalS },
});

interface Draft {
  text: string;
  at?: SelectedText['at'];
  section: string;
  occurrence: string;
  id: string;
  label: string;
  unit: string;
  kind: BindRequest['kind'];
  rollover: BindRequest['rollover'];
}

const EMPTY: Draft = { text: '', section: '', occurrence: '', id: '', label: '', unit: '', kind: 'count', rollover: 'period' };

export default function BindFigure(): React.JSX.Element {
  const styles = useStyles();
  const { host, session, definition, run, busy } = usePane();
  const [draft, setDraft] = React.useState<Draft | undefined>(undefined);
  const [touched, setTouched] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);

  const open = async () => {
    setError(undefined);
    setDone(undefined);
    setTouched(false);
    // Read the selection before focus moves into the form (the workbench would lose it).
    const selected = host.selection ? await run('Đang đọc vùng chọn…', () => host.selection!()) : undefined;
    setDraft({ ...EMPTY, ...(selected ? { text: selected.text.trim(), ...(selected.at ? { at: selected.at } : {}) } : {}) });
  };

  const taken = React.useMemo(() => new Set(definition.fields.map((f) => f.id)), [definition]);
  const problems = draft ? draftProblems({ id: draft.id, label: draft.label, unit: draft.unit || undefined, kind: draft.kind, rollover: draft.rollover, section: draft.section || 'header' }, taken) : {};
  const textProblem = draft && !draft.text.trim() ? 'Chọn số liệu trong tài liệu, hoặc gõ đoạn văn bản có số liệu.' : undefined;
  const sectionProblem = draft?.section.trim() && problems.section ? problems.section : undefined;
  const occurrenceProblem = draft?.occurrence.trim() && !/^[1-9]\d{0,3}$/u.test(draft.occurrence.trim()) ? 'Lần xuất hiện là một số từ 1.' : undefined;
  const invalid = Boolean(textProblem || problems.id || problems.label || problems.unit || sectionProblem || occurrenceProblem);
  const show = (message: string | undefined) => (touched ? message : undefined);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!draft || invalid) return;
    const request: BindRequest = {
      id: draft.id.trim(),
      label: draft.label.trim(),
      kind: draft.kind,
      rollover: draft.rollover,
      text: draft.text,
      ...(draft.unit.trim() ? { unit: draft.unit.trim() } : {}),
      ...(draft.at && !draft.section.trim() && !draft.occurrence.trim() ? { at: draft.at } : {}),
      ...(draft.section.trim() ? { section: draft.section.trim() } : {}),
      ...(draft.occurrence.trim() ? { occurrence: Number(draft.occurrence.trim()) } : {}),
    };
    setError(undefined);
    const result = await run('Đang gắn số liệu…', async () => {
      try {
        return await session.bind(request);
      } catch (e) {
        if (e instanceof BindError) return e;
        throw e;
      }
    });
    if (result instanceof BindError) {
      setError(result.message);
      return;
    }
    if (!result) return; // the pane shows why
    setDone(`Đã gắn ${result.plan.field.label} (${result.plan.field.id}) vào mục ${result.plan.section}: số liệu này được lưu trong tài liệu và giữ sang kỳ sau.`);
    setDraft(undefined);
  };

  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  if (!draft) {
    return (
      <div>
        <Button onClick={() => void open()} disabled={busy}>
          Gắn số liệu…
        </Button>
        <Caption1 as="p">Chọn một số liệu trong lời văn chưa có ô nhập, rồi bấm để đặt mã, nhãn và đơn vị cho nó.</Caption1>
        {done ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{done}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    );
  }

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-label="Gắn số liệu" noValidate>
      <Field
        label="Đoạn có số liệu"
        required
        hint={draft.at ? 'Lấy từ vùng chọn trong tài liệu.' : 'Gõ đúng như trong tài liệu, ví dụ: 1.234 hồ sơ'}
        validationMessage={show(textProblem)}
      >
        <Input value={draft.text} onChange={(_, d) => set({ text: d.value, at: undefined })} />
      </Field>
      <Field label="Mã số liệu" required hint="ví dụ: b22.hoSoBuuChinh" validationMessage={show(problems.id)}>
        <Input value={draft.id} onChange={(_, d) => set({ id: d.value })} />
      </Field>
      <Field label="Nhãn" required validationMessage={show(problems.label)}>
        <Input value={draft.label} onChange={(_, d) => set({ label: d.value })} />
      </Field>
      <Field label="Đơn vị" hint="Để trống: lấy chữ đứng sau số liệu trong đoạn (ví dụ: hồ sơ)." validationMessage={show(problems.unit)}>
        <Input value={draft.unit} onChange={(_, d) => set({ unit: d.value })} />
      </Field>
      <Field label="Loại">
        <Select value={draft.kind} onChange={(_, d) => set({ kind: d.value as Draft['kind'] })}>
          {USER_FIELD_KINDS.map((k) => (
            <option key={k} value={k}>
              {USER_FIELD_KIND_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Khi sang kỳ mới">
        <Select value={draft.rollover} onChange={(_, d) => set({ rollover: d.value as Draft['rollover'] })}>
          {USER_FIELD_ROLLOVERS.map((k) => (
            <option key={k} value={k}>
              {USER_FIELD_ROLLOVER_LABELS[k]}
            </option>
          ))}
        </Select>
      </Field>
      {!draft.at ? (
        <>
          <Field label="Mục (nếu đoạn có ở nhiều chỗ)" hint="ví dụ: B.II.2" validationMessage={sectionProblem}>
            <Input value={draft.section} onChange={(_, d) => set({ section: d.value })} />
          </Field>
          <Field label="Lần xuất hiện thứ" validationMessage={occurrenceProblem}>
            <Input value={draft.occurrence} inputMode="numeric" onChange={(_, d) => set({ occurrence: d.value })} />
          </Field>
        </>
      ) : null}
      {error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Gắn
        </Button>
        <Button onClick={() => setDraft(undefined)}>Hủy</Button>
      </div>
    </form>
  );
}
