/**
 * The vi-VN codec: Vietnamese numbers, fractions, dates, document references and numeric tokens,
 * parsed exactly as written and written back exactly. Pure: no Node, DOM or Office.js.
 */
export * from './errors';
export * from './numbers';
export * from './fractions';
export * from './dates';
export * from './references';
export * from './tokens';
export { normalizeRowCode } from './rowCodes';
export { memoText, withTextMemo } from './memo';
