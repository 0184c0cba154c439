/**
 * The check of a session state, computed once per state (states are replaced, never changed,
 * so a WeakMap keyed by the state is exact): the Kiểm tra panel, the live consequences of an
 * edit and F8 all read the same report.
 */
import type { SessionState } from '../app/session';
import { checkReport } from '../core/check';
import type { CheckReport } from '../core/check/findings';
import type { TemplateDefinition } from '../core/template/schema';

const cache = new WeakMap<SessionState, CheckReport>();

export function checkOf(definition: TemplateDefinition, state: SessionState, fileName: string): CheckReport {
  let report = cache.get(state);
  if (!report) {
    report = checkReport({ definition, snapshot: state.snapshot, fileName, located: state.located });
    cache.set(state, report);
  }
  return report;
}

/** Whether the check of this state is already known (no work to show it). */
export function isChecked(state: SessionState): boolean {
  return cache.has(state);
}
