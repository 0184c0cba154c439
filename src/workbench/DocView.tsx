/**
 * The open .docx, rendered (render/render.ts) from its current bytes: re-rendered whenever the
 * bytes change (every apply saves and reopens them). `reveal` scrolls to a snapshot place and
 * highlights it: the exact text span with the CSS Custom Highlight API, and its paragraph, cell
 * or control with an outline (`data-revealed`).
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { RevealTarget, SelectedText } from '../app/host';
import { rangeIn, renderDocx, selectionIn, type RenderedDocument } from './render/render';

export interface DocViewHandle {
  reveal(target: RevealTarget): Promise<void>;
  /** The text selected in the rendering, placed in its paragraph ("Gắn số liệu"). */
  selection(): SelectedText | undefined;
}

export interface DocViewProps {
  bytes: Uint8Array;
  name: string;
  /** A rendering failure (the engine opened the file, the renderer could not draw it). */
  onRenderError(error: unknown): void;
  /** A short message for screen readers ("Đã chuyển tới …"). */
  onAnnounce(message: string): void;
}

const HIGHLIGHT = 'baocao-reveal';

/** The scale that fits a page of `natural` px into `available` px: never enlarged, never below 40 %. */
export function fitZoom(natural: number, available: number): number {
  if (!(natural > 0) || !(available > 0)) return 1;
  return Math.max(0.4, Math.min(1, Math.floor((available / natural) * 100) / 100));
}

const useStyles = makeStyles({
  scroller: {
    height: '100%',
    overflow: 'auto',
    backgroundColor: tokens.colorNeutralBackground3,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
});

/** Document CSS: the rendering's own look, independent of the Fluent theme (paper is white). */
const DOC_CSS = `
.docx { display: flex; flex-direction: column; align-items: safe center; gap: 24px; color: #000; }
.docx-page { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); box-sizing: content-box; flex: none; overflow-wrap: break-word; }
.docx-p { white-space: pre-wrap; margin-left: 0; margin-right: 0; min-height: 1em; }
.docx-table { border-collapse: collapse; margin-top: 0; margin-bottom: 0; }
.docx-cell { overflow-wrap: anywhere; }
.docx-cell > .docx-p:first-child { margin-top: 0; }
.docx-control { border-radius: 2px; box-shadow: inset 0 -1px 0 rgba(0, 90, 158, .45); }
.docx-control:hover { background: rgba(0, 120, 212, .08); }
.docx-placeholder { background: rgba(0,0,0,.05); }
/* Word's placeholder grey (#808080) is below 4.5:1 on white: on screen it is darkened to stay readable. */
.docx-placeholder, .docx-placeholder * { color: #595959 !important; }
.docx-page-break { border-top: 1px dashed #8a8886; margin: 12px 0; height: 0; }
.docx [data-revealed] { outline: 2px solid #c239b3; outline-offset: 1px; border-radius: 2px; }
.docx span[data-revealed] { background-color: #ffe14d; }
.docx td[data-revealed], .docx tr[data-revealed] { outline-offset: -2px; }
::highlight(${HIGHLIGHT}) { background-color: #ffe14d; color: #000; }
`;

function findTarget(r: RenderedDocument, target: RevealTarget): { elements: HTMLElement[]; range?: Range } {
  switch (target.kind) {
    case 'span': {
      const el = r.blockElement(target.block);
      if (!el) return { elements: [] };
      return { elements: [el], range: rangeIn(el, target.start, target.end) };
    }
    case 'cell': {
      const el = r.cellElement(target.block, target.row, target.cell);
      if (!el) return { elements: [] };
      const range = target.start !== undefined ? rangeIn(el, target.start, target.end ?? target.start) : undefined;
      return { elements: [el], range };
    }
    case 'control':
      return { elements: r.controlElements(target.controlIndex) };
  }
}

function describe(r: RenderedDocument, target: RevealTarget, range: Range | undefined, elements: HTMLElement[]): string {
  const text = (range?.toString() || elements.map((e) => e.textContent ?? '').join(' ')).trim().slice(0, 80);
  if (target.kind === 'control') {
    const title = r.snapshot.controls[target.controlIndex]?.title;
    return `Đã chuyển tới ô nhập "${title ?? ''}" trong tài liệu${text ? `: ${text}` : ''}.`;
  }
  return `Đã chuyển tới vị trí trong tài liệu${text ? `: ${text}` : ''}.`;
}

export const DocView = React.forwardRef<DocViewHandle, DocViewProps>(function DocView({ bytes, name, onRenderError, onAnnounce }, ref) {
  const styles = useStyles();
  const host = React.useRef<HTMLDivElement>(null);
  const rendered = React.useRef<RenderedDocument | undefined>(undefined);
  const scroller = React.useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = React.useState(1);

  // Zoom to fit: a page wider than the view (an A4 page is about 800 px, a landscape appendix
  // page 1 120 px) is scaled down on its own so that its whole width stays visible; the text
  // remains selectable and revealable. Widths come from the pages' declared sizes, not layout.
  const fit = React.useCallback(() => {
    const box = scroller.current;
    const r = rendered.current;
    if (!box || !r) return;
    const style = getComputedStyle(box);
    const available = box.clientWidth - parseFloat(style.paddingLeft || '0') - parseFloat(style.paddingRight || '0');
    let smallest = 1;
    for (const page of r.root.querySelectorAll<HTMLElement>('.docx-page')) {
      const pt = ['width', 'paddingLeft', 'paddingRight'].reduce((n, k) => n + (parseFloat(page.style.getPropertyValue(k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))) || 0), 0);
      const z = fitZoom(pt * (4 / 3) + 2, available);
      page.style.zoom = z < 1 ? String(z) : '';
      smallest = Math.min(smallest, z);
    }
    setZoom(smallest);
  }, []);

  React.useEffect(() => {
    const box = scroller.current;
    if (!box || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => fit());
    observer.observe(box);
    return () => observer.disconnect();
  }, [fit]);

  React.useLayoutEffect(() => {
    const container = host.current;
    if (!container) return;
    try {
      const r = renderDocx(bytes, container.ownerDocument);
      rendered.current = r;
      container.replaceChildren(r.root);
      container.dataset.renderedBytes = String(bytes.length);
      fit();
    } catch (error) {
      rendered.current = undefined;
      container.replaceChildren();
      onRenderError(error);
    }
    if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bytes]);

  React.useImperativeHandle(
    ref,
    () => ({
      async reveal(target: RevealTarget): Promise<void> {
        const r = rendered.current;
        const container = host.current;
        if (!r || !container) throw new Error('Tài liệu chưa hiển thị xong; hãy thử lại.');
        const { elements, range } = findTarget(r, target);
        if (!elements.length) throw new Error('Không tìm thấy vị trí này trong tài liệu (tài liệu có thể đã thay đổi); hãy bấm "Làm mới" rồi thử lại.');
        for (const old of container.querySelectorAll('[data-revealed]')) old.removeAttribute('data-revealed');
        for (const el of elements) el.setAttribute('data-revealed', 'true');
        if (typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight !== 'undefined') {
          if (range && !range.collapsed) CSS.highlights.set(HIGHLIGHT, new Highlight(range));
          else CSS.highlights.delete(HIGHLIGHT);
        }
        const anchor = range && !range.collapsed ? (range.startContainer.parentElement ?? elements[0]!) : elements[0]!;
        anchor.scrollIntoView({ block: 'center', inline: 'nearest' });
        onAnnounce(describe(r, target, range, elements));
      },
      selection(): SelectedText | undefined {
        const container = host.current;
        return container ? selectionIn(container, container.ownerDocument.getSelection()) : undefined;
      },
    }),
    [onAnnounce],
  );

  return (
    <>
      <style>{DOC_CSS}</style>
      <div ref={scroller} className={styles.scroller} tabIndex={0} aria-label={`Nội dung tài liệu ${name}`} role="region" data-testid="doc-view" data-zoom={zoom}>
        <div ref={host} lang="vi" />
      </div>
    </>
  );
});
