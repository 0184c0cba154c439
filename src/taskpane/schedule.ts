/**
 * When the pane does its slower work: after the browser has painted what the user should see
 * first (the quick marks of an edit), and when it is idle (the whole check, which may take
 * seconds on a busy machine and would otherwise hold up the next keystroke).
 */

/** Resolves once the browser has had a chance to paint (a frame, or 50 ms where frames do not come). */
export function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, 50);
  });
}

type IdleApi = {
  requestIdleCallback?: (fn: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/** Runs `fn` once the page is idle, at least `delayMs` from now; returns a cancel function. */
export function whenIdle(fn: () => void, delayMs: number, maxWaitMs = 2000): () => void {
  const api = globalThis as unknown as IdleApi;
  let idle: number | undefined;
  const timer = setTimeout(() => {
    if (api.requestIdleCallback) idle = api.requestIdleCallback(fn, { timeout: maxWaitMs });
    else fn();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== undefined) api.cancelIdleCallback?.(idle);
  };
}
