/**
 * A report session: one open document (Word or .docx) seen through the core. The task pane and
 * the workbench both drive it; it holds no UI and no Office.js, only the document interface.
 *
 * Every operation reads the document once, computes in the core, and writes in one batch:
 * document → snapshot → model → checks / fills → edits → document.
 */
import { extractReport } from '../core/model/extract';
import { planFill, type FillOptions, type FillPlan } from '../core/model/fill';
import type { FillInput, ReportData } from '../core/model/report-data';
import { locateFields, type LocateResult, type Place } from '../core/recognize/locate';
import type { TemplateDefinition } from '../core/template/schema';
import type { TemplateRegistry } from '../core/template/registry';
import { detectDocumentTemplate } from '../core/template/detect';
import { withUserFields } from '../core/template/user-fields';
import type { BindPlan, BindRequest } from '../core/template/bind';
import type { DocumentEdit, DocumentSnapshot, ReportDocument } from '../core/document';

export interface SessionState {
  snapshot: DocumentSnapshot;
  located: LocateResult;
  data: ReportData;
  /** The drafter's own fields stored in the document (ids), and why stored ones were left out. */
  userFields?: { ids: string[]; problems: string[] };
}

/** One appendix or narrative place that an apply would change, old → new. */
export interface PlannedChange {
  fieldId: string;
  label: string;
  where: string;
  before: string;
  after: string;
  derived: boolean;
  /** Where it is written (a cell or a control keeps its place when its text changes). */
  place?: Place;
}

export class ReportSession {
  private current?: SessionState;
  /** The template the document follows (detected at the first read). */
  private template: TemplateDefinition;
  /** The template with the document's own fields merged in (each read). */
  private merged: TemplateDefinition;
  private detected = false;

  /**
   * With a registry, the template is the one the document follows (its stored id, else the best
   * match), found at the first read; `definition` is used when none matches.
   */
  constructor(
    private readonly document: ReportDocument,
    definition: TemplateDefinition,
    private readonly registry?: TemplateRegistry,
  ) {
    this.template = definition;
    this.merged = definition;
  }

  /** The template the session reads the document with, with the document's own fields. */
  get definition(): TemplateDefinition {
    return this.merged;
  }

  get state(): SessionState | undefined {
    return this.current;
  }

  /** Reads the document (one batch) and rebuilds the model. */
  async refresh(): Promise<SessionState> {
    const snapshot = await this.document.read();
    if (this.registry && !this.detected) {
      this.detected = true;
      this.template = detectDocumentTemplate(this.registry, snapshot).definition ?? this.template;
    }
    const user = withUserFields(this.template, snapshot.data);
    this.merged = user.definition;
    const located = locateFields(this.definition, snapshot);
    const data = extractReport(this.definition, snapshot, located);
    this.current = { snapshot, located, data, userFields: { ids: user.ids, problems: user.problems } };
    return this.current;
  }

  private async ensure(): Promise<SessionState> {
    return this.current ?? this.refresh();
  }

  /** What writing these figures would change, without writing anything. */
  async plan(values: FillInput['fields'], options?: FillOptions): Promise<FillPlan> {
    const state = await this.ensure();
    return planFill(this.definition, state.snapshot, { fields: values }, state.located, options);
  }

  /** The changes of a plan as old → new per place, for a preview the user confirms. */
  describe(plan: FillPlan): PlannedChange[] {
    const state = this.current;
    if (!state) return [];
    const fields = new Map(this.definition.fields.map((f) => [f.id, f]));
    const changes: PlannedChange[] = [];
    for (const [id, after] of Object.entries(plan.written)) {
      const field = fields.get(id);
      for (const o of state.located.occurrences.filter((x) => x.fieldId === id && x.found)) {
        if ((o.text ?? '') === after) continue;
        const occ = o.occurrence;
        changes.push({
          fieldId: id,
          label: field?.label ?? id,
          where: occ.where === 'narrative' ? `Mục ${occ.section}` : `Phụ lục ${occ.appendix}${occ.form ? ` / Biểu mẫu ${occ.form}` : ''}, dòng ${occ.row}`,
          before: o.text ?? '',
          after,
          derived: plan.derived.includes(id),
          ...(o.place ? { place: o.place } : {}),
        });
      }
    }
    return changes;
  }

  /**
   * Writes figures to every place they appear, in one batch, then re-reads. A plan with an
   * error problem writes nothing and is returned as is.
   */
  async apply(plan: FillPlan): Promise<{ plan: FillPlan; state: SessionState }> {
    if (plan.problems.some((p) => p.severity === 'error')) return { plan, state: await this.ensure() };
    if (plan.edits.length) await this.document.apply(plan.edits);
    return { plan, state: await this.refresh() };
  }

  /**
   * Plans and applies in one go (an edit in the data panel): writes the figures and the empty
   * derived rows computed from them, nothing else. `beforeWrite` sees the plan before it is
   * written (the pane's quick re-check of the relations it touches).
   */
  async setFields(values: FillInput['fields'], beforeWrite?: (plan: FillPlan) => void | Promise<void>): Promise<{ plan: FillPlan; state: SessionState }> {
    const plan = await this.plan(values, { derived: 'related' });
    // What the edit will do is known now: the pane says it before the (slower) write and re-read.
    if (beforeWrite && !plan.problems.some((p) => p.severity === 'error')) await beforeWrite(plan);
    return this.apply(plan);
  }

  /** Derived appendix rows that are empty and can be computed from their sub-rows (all, or these). */
  async planDerived(fieldIds?: readonly string[]): Promise<FillPlan> {
    return this.plan({}, { derived: fieldIds ?? 'all' });
  }

  /**
   * Binds a figure of the prose to a new field ("Gắn số liệu"): a content control around it and
   * the field's definition in the document, in one batch, then a re-read (the field then shows in
   * its section). Throws a BindError (Vietnamese) when the request cannot be honoured.
   */
  async bind(request: BindRequest): Promise<{ plan: BindPlan; state: SessionState }> {
    const state = await this.ensure();
    // Loaded when first used (the pane's first load stays as small).
    const { planBind } = await import(/* webpackChunkName: "bind" */ '../core/template/bind');
    const plan = planBind(this.template, state.snapshot, request);
    await this.document.apply(plan.edits);
    return { plan, state: await this.refresh() };
  }

  /** Raw edits (used by roll-over and quick fixes), then a re-read. */
  async applyEdits(edits: DocumentEdit[]): Promise<SessionState> {
    if (edits.length) await this.document.apply(edits);
    return this.refresh();
  }
}
