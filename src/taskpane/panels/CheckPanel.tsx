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
import type { CheckReport } from '../../core/check';
import { reviewComments } from '../../core/check/annotations';
import { RULE_LABEL, SEVERITIES, SEVERITY_LABEL, type Finding, type Location, type Severity } from '../../core/check/findings';
import { planFill, type FillPlan } from '../../core/model/fill';
import { ChangeList, Loading, PanelHeading, usePanelStyles } from '../common';
import { checkOf } from '../check-cache';
import { findingKey } from '../consequences';
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
  current: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '1px',
  },
});

/** Rules that need the report's template: they say nothing useful about a document that is not one. */
const TEMPLATE_RULES = new Set<Finding['rule']>(['completeness', 'derived', 'cross-section', 'pair']);

/** Findings grouped as shown: by severity, then by data-panel section in document order. */
export function orderFindings(findings: readonly Finding[], sectionOf: (f: Finding) => string): { severity: Severity; sections: { key: string; findings: Finding[] }[] }[] {
  return SEVERITIES.map((severity) => {
    const sections = new Map<string, Finding[]>();
    for (const f of findings.filter((x) => x.severity === severity)) {
      const key = sectionOf(f);
      sections.set(key, [...(sections.get(key) ?? []), f]);
    }
    return { severity, sections: [...sections.entries()].map(([key, list]) => ({ key, findings: list })) };
  }).filter((g) => g.sections.length > 0);
}

/** The area a location is in: its appendix table, else its section ("Mục A.2.2"). */
function areaOf(loc: Location): string {
  return loc.table ?? describeLocation(loc);
}

/**
 * Locations by area ("Mục A.2.2", "Phụ lục I / Biểu mẫu 1"), in order of first appearance; each
 * with the name of its button (the full name when alone, the row or its rank inside a group).
 */
export function groupLocations(locations: readonly Location[]): { name: string; locations: { loc: Location; label: string }[] }[] {
  const groups = new Map<string, Location[]>();
  for (const loc of locations) {
    const area = areaOf(loc);
    groups.set(area, [...(groups.get(area) ?? []), loc]);
  }
  return [...groups.entries()].map(([name, list]) => ({
    name: list.length === 1 ? describeLocation(list[0]!) : name,
    locations: list.map((loc, i) => ({ loc, label: list.length === 1 ? describeLocation(loc) : loc.row ? `dòng ${loc.row}` : `chỗ ${i + 1}` })),
  }));
}

interface PendingFix {
  finding: Finding;
  fix: QuickFix;
  plan: FillPlan;
  changes: PlannedChange[];
}

export default function CheckPanel(): React.JSX.Element {
  const panel = usePanelStyles();
  const styles = useStyles();
  const { definition, state, host, session, run, busy, focusFinding, problemStep, generic, reveal } = usePane();
  const checked = useDeferred(() => {
    const full = checkOf(definition, state, host.documentName);
    // Not a report of the template: only the template-free checks (number writing, references,
    // periods, percentages within a sentence) are meaningful.
    const report = generic ? { ...full, findings: full.findings.filter((f) => !TEMPLATE_RULES.has(f.rule)) } : full;
    const summary = { error: 0, warning: 0, info: 0 };
    for (const f of report.findings) summary[f.severity]++;
    const derivable = new Set(planFill(definition, state.snapshot, { fields: {} }, state.located).derived);
    const groups = orderFindings(report.findings, (f) => groupKeyOf(definition, f.locations[0]?.section ?? ''));
    const ordered = groups.flatMap((g) => g.sections.flatMap((x) => x.findings));
    return { report: { ...report, summary }, groups, ordered, fixes: new Map(report.findings.map((f) => [f, quickFixFor(f, state, definition, derivable)] as const)) };
  }, [definition, state, host, generic]);
  const [openItems, setOpenItems] = React.useState<string[]>([...SEVERITIES]);
  const [current, setCurrent] = React.useState<number>(-1);
  const list = React.useRef<HTMLDivElement>(null);

  /** Brings a finding into view and focus, opening its severity, and selects its first place. */
  const goTo = React.useCallback(
    (index: number, select: boolean) => {
      const ordered = checked.value?.ordered;
      const finding = ordered?.[index];
      if (!finding) return;
      setCurrent(index);
      setOpenItems((open) => (open.includes(finding.severity) ? open : [...open, finding.severity]));
      setTimeout(() => {
        const el = list.current?.querySelector<HTMLElement>(`[data-finding-index="${index}"]`);
        el?.scrollIntoView?.({ block: 'nearest' });
        el?.focus({ preventScroll: true });
      }, 0);
      const target = select && finding.locations[0] ? revealTargetOfLocation(finding.locations[0], state.snapshot) : undefined;
      if (target) reveal(target);
    },
    [checked.value, reveal, state.snapshot],
  );

  // "Xem trong Kiểm tra" from Số liệu: the finding, once the check of this state is shown.
  const focused = React.useRef<string | undefined>(undefined);
  React.useEffect(() => {
    const ordered = checked.value?.ordered;
    if (!focusFinding || !ordered || focused.current === focusFinding) return;
    focused.current = focusFinding;
    const index = ordered.findIndex((f) => findingKey(f) === focusFinding);
    if (index >= 0) goTo(index, false);
  }, [focusFinding, checked.value, goTo]);

  // F8 / Shift+F8: the next / previous finding, round the list.
  const stepped = React.useRef<number | undefined>(undefined);
  React.useEffect(() => {
    const n = checked.value?.ordered.length ?? 0;
    if (!problemStep || !n || stepped.current === problemStep.seq) return;
    stepped.current = problemStep.seq;
    const from = current < 0 || current >= n ? (problemStep.dir > 0 ? -1 : n) : current;
    goTo((from + problemStep.dir + n) % n, true);
  }, [problemStep, checked.value, current, goTo]);
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
          {report.template === null || generic ? (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>Không nhận ra mẫu báo cáo đã biết: chỉ kiểm tra các quy tắc không cần mẫu (tỷ lệ, tổng, danh sách, bảng số liệu, trích dẫn, cách viết số, kỳ báo cáo).</MessageBarBody>
            </MessageBar>
          ) : null}
          <Body1 role="status">
            {report.findings.length === 0
              ? 'Không phát hiện điểm nào không thống nhất.'
              : SEVERITIES.map((s) => `${report.summary[s]} ${SEVERITY_LABEL[s].toLowerCase()}`).join(' · ')}
          </Body1>
          {report.findings.length > 0 ? <Caption1>F8: lỗi tiếp theo · Shift+F8: lỗi trước (chọn cả vị trí trong tài liệu).</Caption1> : null}
          {report.findings.length === 0 ? (
            <MessageBar intent="success">
              <MessageBarBody>
                {report.template === null
                  ? 'Tỷ lệ, tổng, danh sách, bảng số liệu, trích dẫn văn bản và kỳ báo cáo đọc được đều thống nhất.'
                  : 'Tỷ lệ, tổng, số liệu giữa phần lời và phụ lục, trích dẫn văn bản và kỳ báo cáo đều thống nhất.'}
              </MessageBarBody>
            </MessageBar>
          ) : (
            <div ref={list}>
              <Accordion multiple collapsible openItems={openItems} onToggle={(_, d) => setOpenItems(d.openItems as string[])}>
                {checked.value!.groups.map(({ severity, sections }) => (
                  <AccordionItem key={severity} value={severity}>
                    <AccordionHeader as="h3">
                      {SEVERITY_LABEL[severity]} ({report.summary[severity]})
                    </AccordionHeader>
                    <AccordionPanel>
                      <SeverityGroup
                        sections={sections}
                        ordered={checked.value!.ordered}
                        current={current}
                        currentClass={styles.current}
                        fixes={checked.value!.fixes}
                        disabled={busy}
                        onFix={(f, fix) => void prepare(f, fix)}
                      />
                    </AccordionPanel>
                  </AccordionItem>
                ))}
              </Accordion>
            </div>
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
  sections: { key: string; findings: Finding[] }[];
  /** Every finding in the order shown (F8 moves along it). */
  ordered: Finding[];
  current: number;
  currentClass: string;
  fixes: Map<Finding, QuickFix | undefined>;
  disabled: boolean;
  onFix: (finding: Finding, fix: QuickFix) => void;
}

function SeverityGroup({ sections, ordered, current, currentClass, fixes, disabled, onFix }: GroupProps): React.JSX.Element {
  const styles = useStyles();
  const panel = usePanelStyles();
  const { definition } = usePane();
  return (
    <div>
      {sections.map(({ key, findings: list }) => (
        <div key={key}>
          <Body1 as="h4" className={styles.sectionTitle}>
            {key ? groupTitle(definition, key) : 'Khác'}
          </Body1>
          <ul className={panel.list}>
            {list.map((f, i) => {
              const index = ordered.indexOf(f);
              return <FindingItem key={i} index={index} isCurrent={index === current} currentClass={currentClass} finding={f} fix={fixes.get(f)} disabled={disabled} onFix={onFix} />;
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** A location button that selects its place in the document (plain text when it has none). */
function LocationButton({ loc, label }: { loc: Location; label: string }): React.JSX.Element {
  const styles = useStyles();
  const { state, reveal } = usePane();
  const target = revealTargetOfLocation(loc, state.snapshot);
  return target ? (
    <Button size="small" appearance="transparent" className={styles.location} title={loc.excerpt} aria-description={`Chọn trong tài liệu: ${loc.excerpt}`} onClick={() => reveal(target)}>
      {label}
    </Button>
  ) : (
    <Caption1 title={loc.excerpt}>{label}</Caption1>
  );
}

/** Places sharing a name, collapsed to "12 chỗ trong Mục A.2.2" until expanded. */
function LocationGroup({ name, locations }: { name: string; locations: { loc: Location; label: string }[] }): React.JSX.Element {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  if (locations.length === 1) return <LocationButton loc={locations[0]!.loc} label={locations[0]!.label} />;
  const where = name.startsWith('Mục ') ? `mục ${name.slice(4)}` : name;
  return (
    <span className={styles.locations}>
      <Button size="small" appearance="subtle" className={styles.location} aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {locations.length} chỗ trong {where}
      </Button>
      {open ? locations.map((l, i) => <LocationButton key={i} loc={l.loc} label={l.label} />) : null}
    </span>
  );
}

interface ItemProps {
  index: number;
  isCurrent: boolean;
  currentClass: string;
  finding: Finding;
  fix: QuickFix | undefined;
  disabled: boolean;
  onFix: GroupProps['onFix'];
}

function FindingItem({ index, isCurrent, currentClass, finding, fix, disabled, onFix }: ItemProps): React.JSX.Element {
  const styles = useStyles();
  const panel = usePanelStyles();
  return (
    <li className={isCurrent ? `${panel.item} ${currentClass}` : panel.item} data-finding-index={index} tabIndex={-1} aria-current={isCurrent ? 'true' : undefined}>
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
          {groupLocations(finding.locations).map((g) => (
            <LocationGroup key={g.name} name={g.name} locations={g.locations} />
          ))}
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
