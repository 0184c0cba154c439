/**
 * Which template a command reads a document with: `--template ID` (from the registry; an
 * unknown id is a usage error naming the known ones), else the one the document follows (the id
 * it stores, else the best match), else the registry's default.
 */
import type { DocumentSnapshot } from '../core/document';
import { detectDocumentTemplate } from '../core/template/detect';
import { TemplateError } from '../core/template/registry';
import { withUserFields } from '../core/template/user-fields';
import type { TemplateDefinition } from '../core/template/schema';
import { TEMPLATES } from '../templates';
import { CliError } from './errors';
import type { Parsed } from './types';

/** The template named by `--template`, if any. */
export function chosenTemplate(parsed: Pick<Parsed, 'options'>): TemplateDefinition | undefined {
  const id = parsed.options.get('--template');
  if (typeof id !== 'string') return undefined;
  try {
    return TEMPLATES.get(id);
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(error.message, undefined, true);
    throw error;
  }
}

/**
 * The template the document follows, when none was chosen, with the drafter's own fields stored
 * in the document ("Gắn số liệu") merged in.
 */
export function documentTemplate(snapshot: DocumentSnapshot): TemplateDefinition {
  return withUserFields(detectDocumentTemplate(TEMPLATES, snapshot).definition ?? TEMPLATES.default, snapshot.data).definition;
}

/** `--template` if given, else the document's own; with the document's own fields. */
export function templateFor(parsed: Pick<Parsed, 'options'>, snapshot: DocumentSnapshot): TemplateDefinition {
  const chosen = chosenTemplate(parsed);
  return chosen ? withUserFields(chosen, snapshot.data).definition : documentTemplate(snapshot);
}

/** `baocao template --list`: one line per template. */
export function templateList(): string {
  return TEMPLATES.all.map((t) => `${t.id}\t${t.title}${t.description ? `\n\t${t.description}` : ''}`).join('\n');
}
