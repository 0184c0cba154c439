/**
 * Browser APIs jest's jsdom environment leaves out but real browsers (and Word's task pane)
 * have: TextDecoder/TextEncoder (the OOXML adapter), and ResizeObserver (Fluent UI reflows).
 * Runs before every test file; a no-op under the node environment.
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';

if (typeof window !== 'undefined') {
  Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoLayoutResizeObserver });
}
