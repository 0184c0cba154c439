/**
 * What every panel of the task pane shares: the host, the definition, the one ReportSession over
 * the open document, its latest state, and `run`, which serialises document operations, shows
 * their progress and turns their errors into a Vietnamese MessageBar.
 */
import * as React from 'react';
import type { RevealTarget, TaskPaneHost } from '../app/host';
import type { ReportSession, SessionState } from '../app/session';
import type { Finding } from '../core/check/findings';
import type { FillPlan } from '../core/model/fill';
import type { TemplateDefinition } from '../core/template/schema';
import type { Consequences } from './consequences';

/** What the last edit in Số liệu broke and fixed, for the state it produced. */
export interface EditConsequences extends Consequences {
  state: SessionState;
  fieldId: string;
  /** Judged from the relations the edit touches only; the whole check replaces it when done. */
  quick?: boolean;
}

/** A "next / previous problem" request (F8 / Shift+F8); `seq` tells two requests apart. */
export interface ProblemStep {
  seq: number;
  dir: 1 | -1;
}

export interface PaneContextValue {
  host: TaskPaneHost;
  definition: TemplateDefinition;
  session: ReportSession;
  /** The document as last read. */
  state: SessionState;
  /**
   * Runs one document operation after the ones already queued. While it runs the pane shows
   * `label` with a progress bar; a failure is shown at the top of the pane and gives undefined.
   * The state is taken from the session afterwards (apply and refresh re-read the document).
   */
  run<T>(label: string, operation: () => Promise<T>): Promise<T | undefined>;
  /** A document operation (read or write) is in progress. */
  busy: boolean;
  /** Selects a place in the document; a failure is shown like any other. */
  reveal(target: RevealTarget): void;
  /** The consequences of the last edit, while the document is as that edit left it. */
  consequences?: EditConsequences | undefined;
  /**
   * An edit of `fieldId` is about to write `plan`: marks at once what it breaks or fixes among
   * the relations it touches; resolves once that is painted (then the write goes on).
   */
  previewEdit(fieldId: string, plan: FillPlan): Promise<void>;
  /**
   * The edit of `fieldId` is written: the quick marks follow the new state, and the whole check
   * before and after (computed when the page is idle) replaces them.
   */
  recordEdit(fieldId: string, before: SessionState, after: SessionState): void;
  /** A figure is being typed: check the document as it is now, meanwhile. */
  prepareEdit(): void;
  /** Opens Kiểm tra on this finding. */
  showFinding(finding: Finding): void;
  /** The finding Kiểm tra should bring into view (a key from findingKey), once. */
  focusFinding?: string | undefined;
  /** The last F8 / Shift+F8 press, for Kiểm tra to move to the next or previous problem. */
  problemStep?: ProblemStep | undefined;
  /** The document is not a report of the template: only the template-free checks apply. */
  generic: boolean;
}

export const PaneContext = React.createContext<PaneContextValue | undefined>(undefined);

export function usePane(): PaneContextValue {
  const value = React.useContext(PaneContext);
  if (!value) throw new Error('usePane() outside <TaskPane>');
  return value;
}

/**
 * A value computed from the state after the pane has painted (so that a Spinner shows while a
 * slower computation runs, such as the check over the whole report). Keeps the previous value
 * while recomputing.
 */
export function useDeferred<T>(compute: () => T, deps: React.DependencyList): { value: T | undefined; pending: boolean; error: unknown } {
  const [result, setResult] = React.useState<{ value: T | undefined; pending: boolean; error: unknown }>({ value: undefined, pending: true, error: undefined });
  React.useEffect(() => {
    let live = true;
    setResult((r) => (r.pending ? r : { ...r, pending: true }));
    const timer = setTimeout(() => {
      if (!live) return;
      try {
        const value = compute();
        setResult({ value, pending: false, error: undefined });
      } catch (error) {
        setResult({ value: undefined, pending: false, error });
      }
    }, 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return result;
}
