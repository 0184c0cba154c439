/** Recognition: sections, appendix tables and field places in a document snapshot (pure core). */
export * from './normalize';
export * from './sections';
export * from './appendix';
export * from './locate';
export * from './coverage';
