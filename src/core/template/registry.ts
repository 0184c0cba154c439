/**
 * Templates as data: a template is a folder (src/templates/<id>/template.json, its layout and
 * .docx files); the registry validates each definition at load and picks the one a document
 * follows. Pure: the list of definitions is given by the shell (src/templates/index.ts).
 */
import { TemplateDefinitionSchema, type TemplateDefinition } from './schema';
import { PERIOD_KINDS } from '../period/period';

/** A template definition that fails its schema: the message names the template and the first problems. */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Validates a template's data (parsed JSON or YAML) against the schema, with defaults applied. */
export function loadTemplate(data: unknown, source = 'template.json'): TemplateDefinition {
  const parsed = TemplateDefinitionSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`);
  throw new TemplateError(`Mẫu báo cáo ${source} không hợp lệ (invalid template): ${problems.join('; ')}`);
}

/**
 * No template: the check's generic mode (only the rules that need no template run: sentence
 * figures, references, number formats, periods).
 */
export const GENERIC_TEMPLATE: TemplateDefinition = loadTemplate(
  { id: 'generic', title: 'Báo cáo không theo mẫu đã biết', periods: [...PERIOD_KINDS], outline: [], fields: [], relations: [] },
  'generic',
);

/** Where the template id is stored in a document (a custom document property). */
export const TEMPLATE_PROPERTY = 'baocao.template';

/** How a document was matched to a template. */
export type Detection =
  | { how: 'stored' | 'chosen'; definition: TemplateDefinition }
  | { how: 'score'; definition: TemplateDefinition; score: number }
  | { how: 'generic'; definition: undefined; score: number };

export interface TemplateRegistry {
  /** Every template, in registry order. */
  readonly all: readonly TemplateDefinition[];
  /** The template with this id, or undefined. */
  find(id: string): TemplateDefinition | undefined;
  /** The template with this id; a TemplateError (Vietnamese) naming the known ids otherwise. */
  get(id: string): TemplateDefinition;
  /** The registry's first template: the fallback when a document's template is not known. */
  readonly default: TemplateDefinition;
  /** What `baocao template` gives without `--template` (a blank report to start from); default: `default`. */
  readonly starter: TemplateDefinition;
}

export function createRegistry(definitions: readonly TemplateDefinition[], options: { starter?: string } = {}): TemplateRegistry {
  const byId = new Map<string, TemplateDefinition>();
  for (const d of definitions) {
    if (byId.has(d.id)) throw new TemplateError(`Hai mẫu báo cáo cùng mã ${d.id} (duplicate template id)`);
    byId.set(d.id, d);
  }
  const first = definitions[0];
  if (!first) throw new TemplateError('Chưa có mẫu báo cáo nào (no template registered)');
  const starter = options.starter === undefined ? first : byId.get(options.starter);
  if (!starter) throw new TemplateError(`Không có mẫu báo cáo "${options.starter}" để làm mẫu mặc định (unknown starter template)`);
  return {
    all: definitions,
    default: first,
    starter,
    find: (id) => byId.get(id),
    get(id) {
      const d = byId.get(id);
      if (!d) throw new TemplateError(`Không có mẫu báo cáo "${id}"; các mẫu: ${[...byId.keys()].join(', ')} (unknown template)`);
      return d;
    },
  };
}

/**
 * Below this share of its fields found, a template does not describe the document (the check's
 * generic mode). The CCHC appendix forms alone hold 61% of the fields, so a report of the template
 * worded by another drafter stays well above it; another kind of report (an economic report, a
 * portal summary) finds a few phrases at most (under 5%).
 */
export const MIN_MATCH_SCORE = 0.2;

/**
 * The template a document follows: the one chosen by the user, else the id stored in the
 * document, else the best match `score` (0..1, e.g. the share of the template's fields found in
 * the document) above MIN_MATCH_SCORE, else none (the check's generic mode).
 */
export function detectTemplate(
  registry: TemplateRegistry,
  input: { chosen?: string; stored?: string; score: (definition: TemplateDefinition) => number },
): Detection {
  if (input.chosen) return { how: 'chosen', definition: registry.get(input.chosen) };
  const stored = input.stored ? registry.find(input.stored) : undefined;
  if (stored) return { how: 'stored', definition: stored };
  let best: { definition: TemplateDefinition; score: number } | undefined;
  for (const definition of registry.all) {
    const score = input.score(definition);
    if (!best || score > best.score) best = { definition, score };
  }
  if (best && best.score >= MIN_MATCH_SCORE) return { how: 'score', ...best };
  return { how: 'generic', definition: undefined, score: best?.score ?? 0 };
}
