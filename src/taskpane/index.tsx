/**
 * Task pane entry: waits for Office, follows the Office theme (light/dark) and renders the shell
 * on the panel named by `?panel=`. Outside Office (a plain browser) it renders all the same.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { App, ErrorBoundary, panelFromSearch } from './App';

/** Dark when Office's body background is dark (Office.context.officeTheme, when available). */
export function themeFromOffice(): Theme {
  try {
    const background = typeof Office !== 'undefined' ? Office.context?.officeTheme?.bodyBackgroundColor : undefined;
    const hex = /^#?([0-9a-f]{6})$/i.exec(background ?? '')?.[1];
    if (!hex) return webLightTheme;
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const luminance = (0.299 * r! + 0.587 * g! + 0.114 * b!) / 255;
    return luminance < 0.5 ? webDarkTheme : webLightTheme;
  } catch {
    return webLightTheme;
  }
}

function render(): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={themeFromOffice()}>
        <ErrorBoundary>
          <App initialPanel={panelFromSearch(window.location.search)} />
        </ErrorBoundary>
      </FluentProvider>
    </React.StrictMode>,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady(() => render());
} else {
  render();
}
