/**
 * Which template a document follows (the check, the task pane and the CLI ask this): the
 * template the user chose, else the id the document carries — in baocao's custom XML part
 * (`snapshot.data.template`), else as the tag of a content control around the title (documents
 * written before the part; both are still written so older readers keep working) — else the
 * template whose fields are best found in it, else none (the check's generic mode).
 */
import type { DocumentSnapshot } from '../document';
import { locateFields } from '../recognize/locate';
import { templateMatch } from '../check';
import { detectTemplate, type Detection, type TemplateRegistry } from './registry';
import type { TemplateDefinition } from './schema';

/** Tag prefix of the control that carries the template id ("baocao-template:<id>"). */
export const TEMPLATE_TAG_PREFIX = 'baocao-template:';

/** Tag and title of the control that stores the template id (around the title "BÁO CÁO"). */
export function templateMark(definition: Pick<TemplateDefinition, 'id' | 'title'>): { tag: string; title: string } {
  return { tag: `${TEMPLATE_TAG_PREFIX}${definition.id}`, title: `Mẫu báo cáo: ${definition.title}` };
}

/** The paragraph that takes the template mark when a plain report is adopted: its title "BÁO CÁO". */
export function titleBlock(snapshot: DocumentSnapshot): number | undefined {
  return snapshot.blocks.find((b) => b.type === 'paragraph' && /^báo cáo$/iu.test(b.text.normalize('NFC').trim()))?.index;
}

/** The template id stored in the document, if any: the custom XML part's, else the title control's tag. */
export function storedTemplateId(snapshot: DocumentSnapshot): string | undefined {
  const fromPart = snapshot.data && !snapshot.data.problem ? snapshot.data.template?.trim() : undefined;
  if (fromPart) return fromPart;
  return taggedTemplateId(snapshot);
}

/** The template id in the tag of the title's control ("baocao-template:<id>"), if any. */
export function taggedTemplateId(snapshot: DocumentSnapshot): string | undefined {
  const control = snapshot.controls.find((c) => c.tag.startsWith(TEMPLATE_TAG_PREFIX));
  return control ? control.tag.slice(TEMPLATE_TAG_PREFIX.length).trim() || undefined : undefined;
}

/** Share (0..1) of the template's fields found in the document (the check's match score). */
export function matchScore(definition: TemplateDefinition, snapshot: DocumentSnapshot): number {
  return templateMatch(definition, locateFields(definition, snapshot));
}

export function detectDocumentTemplate(registry: TemplateRegistry, snapshot: DocumentSnapshot, chosen?: string): Detection {
  // The part's id when the registry knows it, else the title tag's (a part naming a template this
  // installation lacks does not hide the tag).
  const candidates = [snapshot.data && !snapshot.data.problem ? snapshot.data.template?.trim() : undefined, taggedTemplateId(snapshot)];
  const stored = candidates.find((id) => id && registry.find(id)) ?? storedTemplateId(snapshot);
  return detectTemplate(registry, {
    ...(chosen ? { chosen } : {}),
    ...(stored ? { stored } : {}),
    score: (definition) => matchScore(definition, snapshot),
  });
}
