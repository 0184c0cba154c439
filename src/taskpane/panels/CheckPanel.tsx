/**
 * Kiểm tra: the consistency check over the live document. Findings by severity (Lỗi, Cảnh báo,
 * Lưu ý, with counts) and within each by section; each shows its message, the figures involved
 * and what would be consistent; each location is a button that selects it in the document.
 * Unambiguous findings offer a quick fix, applied after a confirmation that lists old → new;
 * the check runs again on the re-read document. Where the host can (Word), the findings are
 * written into the document as comments ("Ghi nhận xét vào tài liệu") and removed again.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  Field,
  Input,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { PlannedChange } from '../../app/session';
import { checkReport, type CheckReport } from '../../core/check';
import { reviewComments } from '../../core/check/annotations';
import { RULE_LABEL, SEVERITIES, SEVERITY_LABEL, type Finding } from '../../core/check/findings';
import { planFill, type FillPlan } from '../../core/model/fill';
import { ChangeList, Loading, PanelHeading, usePanelStyles } from '../common';
import { describeLocation, errorText, groupKeyOf, groupTitle, quickFixFor, revealTargetOfLocation, type QuickFix } from '../model';
import { usePane, useDeferred } from '../pane-context';

const useStyles = makeStyles({
  sectionTitle: {
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  locations: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
  },
  location: {
    minWidth: 0,
    height: 'auto',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'left',
  },
});

interface PendingFix {
  finding: Finding;
  fix: QuickFix;
  plan: FillPlan;
  changes: PlannedChange[];
}

export default function CheckPanel(): React.JSX.Element {
  const panel = usePanelStyles();
  const { definition, state, host, session, run, busy } = usePane();
  const checked = useDeferred(() => {
    const report = checkReport({ definition, snapshot: state.snapshot, fileName: host.documentName, located: state.located });
    const derivable = new Set(planFill(definition, state.snapshot, { fields: {} }, state.located).derived);
    return { report, fixes: new Map(report.findings.map((f) => [f, quickFixFor(f, state, definition, derivable)] as const)) };
  }, [definition, state, host]);
  const [pending, setPending] = React.useState<PendingFix | undefined>(undefined);
  const [done, setDone] = React.useState<string | undefined>(undefined);

  const prepare = async (finding: Finding, fix: QuickFix) => {
    setDone(undefined);
    const plan = await run('Đang chuẩn bị sửa…', () =>
      fix.kind === 'derived' ? session.planDerived([fix.fieldId]) : session.plan({ [fix.fieldId]: fix.text }, { derived: 'related' }),
    );
    if (plan) setPending({ finding, fix, plan, changes: session.describe(plan) });
  };

  const apply = async () => {
    const current = pending;
    setPending(undefined);
    if (!current) return;
    const result = await run('Đang sửa trong tài liệu…', () => session.apply(current.plan));
    if (result) {
      const errors = result.plan.problems.filter((p) => p.severity === 'error');
      setDone(errors.length ? undefined : `Đã sửa ${current.changes.length} vị trí. Kết quả kiểm tra đã được cập nhật.`);
    }
  };

  const report = checked.value?.report;
  return (
    <section className={panel.panel} aria-labelledby="panel-title-kiem-tra">
      <PanelHeading id="panel-title-kiem-tra">Kiểm tra tính thống nhất</PanelHeading>
      {checked.error ? (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Không kiểm tra được</MessageBarTitle>
            {errorText(checked.error)}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {!report && !checked.error ? <Loading label="Đang kiểm tra báo cáo…" /> : null}
      {report && checked.pending ? <Loading label="Đang kiểm tra lại…" /> : null}
      {done ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      ) : null}
      {report ? (
        <>
          {report.template === null ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>Không nhận ra mẫu báo cáo đã biết: chỉ kiểm tra các quy tắc không cần mẫu (tỷ lệ, tổng, danh sách, bảng số liệu, trích dẫn, cách viết số, kỳ báo cáo).</MessageBarBody>
            </MessageBar>
          ) : null}
          <Body1 role="status">
            {report.findings.length === 0
              ? 'Không phát hiện điểm nào không thống nhất.'
              : SEVERITIES.map((s) => `${report.summary[s]} ${SEVERITY_LABEL[s].toLowerCase()}`).join(' · ')}
          </Body1>
          {report.findings.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>
                {report.template === null
                  ? 'Tỷ lệ, tổng, danh sách, bảng số liệu, trích dẫn văn bản và kỳ báo cáo đọc được đều thống nhất.'
                  : 'Tỷ lệ, tổng, số liệu giữa phần lời và phụ lục, trích dẫn văn bản và kỳ báo cáo đều thống nhất.'}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <Accordion multiple collapsible defaultOpenItems={[...SEVERITIES]}>
              {SEVERITIES.filter((s) => report.summary[s] > 0).map((severity) => (
                <AccordionItem key={severity} value={severity}>
                  <AccordionHeader as="h3">
                    {SEVERITY_LABEL[severity]} ({report.summary[severity]})
                  </AccordionHeader>
                  <AccordionPanel>
                    <SeverityGroup
                      findings={report.findings.filter((f) => f.severity === severity)}
                      fixes={checked.value!.fixes}
                      disabled={busy}
                      onFix={(f, fix) => void prepare(f, fix)}
                    />
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
          )}
        </>
      ) : null}
      {report && host.comments ? <CommentActions report={report} /> : null}
      <FixDialog pending={pending} onApply={() => void apply()} onCancel={() => setPending(undefined)} />
    </section>
  );
}

/** "Ghi nhận xét vào tài liệu" and "Xóa nhận xét của baocao". */
function CommentActions({ report }: { report: CheckReport }): React.JSX.Element {
  const panel = usePanelStyles();
  const { host, state, run, busy } = usePane();
  const writer = host.comments!;
  const [author, setAuthor] = React.useState('');
  const [message, setMessage] = React.useState<string | undefined>(undefined);
  const count = report.summary.error + report.summary.warning;

  const write = async () => {
    setMessage(undefined);
    const comments = reviewComments(report, state.snapshot);
    const result = await run('Đang ghi nhận xét vào tài liệu…', () => writer.write(comments, state.snapshot, writer.authorSettable ? { author } : {}));
    if (result) {
      setMessage(
        `Đã ghi ${result.written} nhận xét (${count} lỗi và cảnh báo, 1 nhận xét tổng hợp ở tiêu đề)${result.replaced ? `; đã thay ${result.replaced} nhận xét cũ của baocao` : ''}.`,
      );
    }
  };
  const remove = async () => {
    setMessage(undefined);
    const n = await run('Đang xóa nhận xét của baocao…', () => writer.removeOurs());
    if (n !== undefined) setMessage(n ? `Đã xóa ${n} nhận xét của baocao; nhận xét của người khác giữ nguyên.` : 'Tài liệu không có nhận xét nào của baocao.');
  };

  return (
    <div className={panel.item} role="group" aria-label="Nhận xét trong tài liệu">
      {writer.authorSettable ? (
        <Field label="Tên người nhận xét">
          <Input value={author} placeholder="Sở Nội vụ" onChange={(_, d) => setAuthor(d.value)} />
        </Field>
      ) : (
        <Caption1>Word ghi tên người dùng đang đăng nhập làm tác giả nhận xét (phần bổ trợ không đặt được tên tác giả).</Caption1>
      )}
      <div className={panel.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void write()}>
          Ghi nhận xét vào tài liệu
        </Button>
        <Button disabled={busy} onClick={() => void remove()}>
          Xóa nhận xét của baocao
        </Button>
      </div>
      {message ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

interface GroupProps {
  findings: Finding[];
  fixes: Map<Finding, QuickFix | undefined>;
  disabled: boolean;
  onFix: (finding: Finding, fix: QuickFix) => void;
}

function SeverityGroup({ findings, fixes, disabled, onFix }: GroupProps): React.JSX.Element {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { definition } = usePane();
  const sections = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = groupKeyOf(definition, f.locations[0]?.section ?? '');
    sections.set(key, [...(sections.get(key) ?? []), f]);
  }
  return (
    <div>
      {[...sections.entries()].map(([key, list]) => (
        <div key={key}>
          <Body1 as="h4" className={styles.sectionTitle}>
            {key ? groupTitle(definition, key) : 'Khác'}
          </Body1>
          <ul className={panel.list}>
            {list.map((f, i) => (
              <FindingItem key={i} finding={f} fix={fixes.get(f)} disabled={disabled} onFix={onFix} />
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function FindingItem({ finding, fix, disabled, onFix }: { finding: Finding; fix: QuickFix | undefined; disabled: boolean; onFix: GroupProps['onFix'] }): React.JSX.Element {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { state, reveal } = usePane();
  return (
    <li className={panel.item}>
      <div className={panel.row}>
        <Badge appearance="tint" color={finding.severity === 'error' ? 'danger' : finding.severity === 'warning' ? 'warning' : 'informative'}>
          {SEVERITY_LABEL[finding.severity]}
        </Badge>
        <Caption1>{RULE_LABEL[finding.rule]}</Caption1>
      </div>
      <Body1>{finding.message}</Body1>
      {finding.evidence.length ? <Caption1>Số liệu trong báo cáo: {finding.evidence.join(' · ')}</Caption1> : null}
      {finding.expected ? <Caption1>Giá trị thống nhất: {finding.expected}</Caption1> : null}
      {finding.locations.length ? (
        <div className={styles.locations}>
          <Caption1>Vị trí:</Caption1>
          {finding.locations.map((loc, i) => {
            const target = revealTargetOfLocation(loc, state.snapshot);
            const name = describeLocation(loc);
            return target ? (
              <Button
                key={i}
                size="small"
                appearance="transparent"
                className={styles.location}
                title={loc.excerpt}
                aria-description={`Chọn trong tài liệu: ${loc.excerpt}`}
                onClick={() => reveal(target)}
              >
                {name}
              </Button>
            ) : (
              <Caption1 key={i} title={loc.excerpt}>
                {name}
              </Caption1>
            );
          })}
        </div>
      ) : null}
      {fix ? (
        <div>
          <Button size="small" appearance="primary" disabled={disabled} onClick={() => onFix(finding, fix)}>
            {fix.label}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function FixDialog({ pending, onApply, onCancel }: { pending: PendingFix | undefined; onApply: () => void; onCancel: () => void }): React.JSX.Element {
  const errors = pending?.plan.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = pending?.plan.problems.filter((p) => p.severity !== 'error') ?? [];
  const canApply = !!pending && pending.changes.length > 0 && errors.length === 0;
  return (
    <Dialog open={!!pending} onOpenChange={(_, d) => (d.open ? undefined : onCancel())}>
      <DialogSurface aria-describedby="fix-dialog-content">
        <DialogBody>
          <DialogTitle>{pending?.fix.label ?? 'Sửa'}</DialogTitle>
          <DialogContent id="fix-dialog-content">
            {pending ? (
              <>
                <Body1 block>{pending.finding.message}</Body1>
                {pending.changes.length ? (
                  <ChangeList changes={pending.changes} />
                ) : (
                  <Body1 block>Không có vị trí nào cần thay đổi.</Body1>
                )}
                {[...errors, ...warnings].map((p, i) => (
                  <MessageBar key={i} intent={p.severity === 'error' ? 'error' : 'warning'} layout="multiline">
                    <MessageBarBody>{p.message}</MessageBarBody>
                  </MessageBar>
                ))}
              </>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!canApply} onClick={onApply}>
              Áp dụng
            </Button>
            <Button onClick={onCancel}>Hủy</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
