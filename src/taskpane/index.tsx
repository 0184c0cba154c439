/**
 * Task pane entry: waits for Office, follows the Office theme (light/dark) and renders the task
 * pane over the open Word document, on the panel named by `?panel=`. Outside Office (a plain
 * browser, no Word) it says so instead of failing.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { createWordHost } from '../app/word-host';
import { ErrorBoundary, panelFromSearch } from './App';
import { TaskPane } from './TaskPane';

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

function NotInWord(): React.JSX.Element {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Chưa mở trong Word</MessageBarTitle>
        Ngăn tác vụ baocao chạy bên trong Microsoft Word. Hãy mở báo cáo trong Word rồi bấm nút “Số liệu” hoặc “Kiểm tra” trên thẻ Trang đầu.
      </MessageBarBody>
    </MessageBar>
  );
}

/** The official template .docx, in its own lazily loaded chunk (no network at run time). */
async function embeddedTemplate(): Promise<string> {
  const module = await import(/* webpackChunkName: "template" */ './assets/template-docx');
  return module.TEMPLATE_DOCX_BASE64;
}

function render(inWord: boolean): void {
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={themeFromOffice()}>
        <ErrorBoundary>
          {inWord ? <TaskPane host={createWordHost({ loadTemplate: embeddedTemplate })} initialPanel={panelFromSearch(window.location.search)} /> : <NotInWord />}
        </ErrorBoundary>
      </FluentProvider>
    </React.StrictMode>,
  );
}

if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') {
  void Office.onReady((info) => render(info.host === Office.HostType.Word));
} else {
  render(false);
}
