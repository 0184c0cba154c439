/**
 * Statements of report prose (issue 13): the quantities of a paragraph with their unit nouns and
 * the relations its wording states, read without a template, and their verification.
 */
export * from './reader';
export * from './verify';
export * from './tables';
export { parseNumberWords, unitAt } from './lexicon';
