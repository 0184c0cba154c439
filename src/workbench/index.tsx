/** Workbench entry: the task pane beside the rendered .docx, in a plain browser page. */
import './csp';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary } from '../taskpane/App';
import { Workbench } from './Workbench';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <React.StrictMode>
      <FluentProvider theme={webLightTheme}>
        <ErrorBoundary>
          <Workbench />
        </ErrorBoundary>
      </FluentProvider>
    </React.StrictMode>,
  );
}
