/**
 * Scoped memoisation of the codec's text scanners. One check reads the same paragraph many
 * times (recognition, each rule); inside `withTextMemo` each distinct text is scanned once.
 * The scope ends with the call, so nothing is kept between documents.
 */
let scope: Map<string, Map<string, unknown>> | undefined;

export function withTextMemo<T>(fn: () => T): T {
  if (scope) return fn(); // nested: share the outer scope
  scope = new Map();
  try {
    return fn();
  } finally {
    scope = undefined;
  }
}

/** `compute(text)`, remembered for the current scope under `name`. */
export function memoText<T>(name: string, text: string, compute: (text: string) => T): T {
  if (!scope) return compute(text);
  let table = scope.get(name);
  if (!table) scope.set(name, (table = new Map()));
  if (table.has(text)) return table.get(text) as T;
  const value = compute(text);
  table.set(text, value);
  return value;
}
