/** Roll-over (issue 6): start the next report from last period's document (pure core). */
export * from './plan';
export * from './run';
export { ROLLOVER_ACTIONS, YEAR_WINDOW, HISTORY_OPENERS, placeholderFor, referencePlaceholder, type RolloverAction } from './policy';
export { historySpans, matchCase, type StaleLabel, type ProseReason } from './prose';
export { metaText, writeDateLike } from './meta';
