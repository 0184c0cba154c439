/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ErrorBoundary, PANELS, panelFromSearch } from '../../src/taskpane/App';
import { registerCommands } from '../../src/commands/commands';

// jsdom has no layout and no ResizeObserver, which Fluent's MessageBar uses to reflow.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoLayoutResizeObserver });

describe('task pane shell', () => {
  test('panels and ?panel=', () => {
    expect(PANELS.map((p) => p.label)).toEqual(['Số liệu', 'Kiểm tra', 'Phụ lục', 'Kỳ báo cáo mới']);
    expect(panelFromSearch('?panel=kiem-tra')).toBe('kiem-tra');
    expect(panelFromSearch('?panel=phu-luc&x=1')).toBe('phu-luc');
    expect(panelFromSearch('?panel=unknown')).toBe('so-lieu');
    expect(panelFromSearch('')).toBe('so-lieu');
  });

  test('a failing panel shows a Vietnamese error message, never a blank pane', () => {
    const Broken = (): React.JSX.Element => {
      throw new Error('hỏng');
    };
    const spy = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      render(
        <FluentProvider theme={webLightTheme}>
          <ErrorBoundary>
            <Broken />
          </ErrorBoundary>
        </FluentProvider>,
      );
    } finally {
      spy.mockRestore();
    }
    expect(screen.getByRole('alert').textContent).toMatch(/Đã xảy ra lỗi.*Chi tiết: hỏng/s);
    expect(screen.getByRole('button', { name: 'Thử lại' })).toBeTruthy();
  });
});

describe('commands', () => {
  test('registers no ExecuteFunction yet (both ribbon buttons open the pane)', () => {
    const associate = jest.fn();
    expect(registerCommands({ actions: { associate } } as unknown as typeof Office)).toEqual([]);
    expect(associate).not.toHaveBeenCalled();
  });
});
