/**
 * Rolling a document over through the document interface (both adapters): a plain report (no
 * content controls) is adopted first — its recognised figures wrapped in controls tagged by field
 * id (model/adopt.ts) — so that the cleared figures of the new period can show placeholders and
 * be found again. Only the document given is edited; the caller decides where it is saved.
 */
import type { ReportDocument } from '../document';
import { planAdopt, type AdoptPlan } from '../model/adopt';
import { isBound } from '../model/extract';
import type { TemplateDefinition } from '../template/schema';
import { planRollover, type RolloverOptions, type RolloverPlan } from './plan';

export interface RolloverRun {
  plan: RolloverPlan;
  /** Set when the document had no controls and was adopted first. */
  adopted?: AdoptPlan;
}

export async function rolloverDocument(doc: ReportDocument, definition: TemplateDefinition, options: RolloverOptions): Promise<RolloverRun> {
  let snapshot = await doc.read();
  let adopted: AdoptPlan | undefined;
  if (!isBound(definition, snapshot)) {
    adopted = planAdopt(definition, snapshot);
    await doc.apply(adopted.edits);
    snapshot = await doc.read();
  }
  const plan = planRollover(definition, snapshot, options);
  await doc.apply(plan.edits);
  return { plan, ...(adopted ? { adopted } : {}) };
}
