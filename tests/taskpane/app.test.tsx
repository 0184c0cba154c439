/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App, ErrorBoundary, panelFromSearch } from '../../src/taskpane/App';
import { registerCommands } from '../../src/commands/commands';

// jsdom has no layout and no ResizeObserver, which Fluent's MessageBar uses to reflow.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: window.ResizeObserver ?? NoLayoutResizeObserver });

function renderApp(props: React.ComponentProps<typeof App> = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
}

describe('task pane', () => {
  test('shows the three tabs, labelled, and opens on "Số liệu"', () => {
    renderApp();
    const tabs = screen.getAllByRole('tab');
    expect(tabs).toEqual(['Số liệu', 'Kiểm tra', 'Phụ lục'].map((name) => screen.getByRole('tab', { name })));
    expect(screen.getByRole('tablist', { name: 'Chọn ngăn' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Số liệu' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Số liệu báo cáo' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'baocao – Báo cáo định kỳ' })).toBeTruthy();
  });

  test('switches panel on click', () => {
    renderApp();
    fireEvent.click(screen.getByRole('tab', { name: 'Phụ lục' }));
    expect(screen.getByRole('tab', { name: 'Phụ lục' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Bảng phụ lục' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Số liệu báo cáo' })).toBeNull();
    expect(screen.getByRole('tabpanel', { name: 'Phụ lục' })).toBeTruthy();
  });

  // Arrow keys between tabs are Fluent's (tabster), which needs a layout jsdom lacks; what is
  // ours: tabs are native buttons, focusable, and the selected one is where Tab lands.
  test('tabs are keyboard reachable', () => {
    renderApp({ initialPanel: 'phu-luc' });
    for (const tab of screen.getAllByRole('tab')) {
      expect(tab.tagName).toBe('BUTTON');
      expect(tab.getAttribute('tabindex')).not.toBe('-1');
      act(() => tab.focus());
      expect(document.activeElement).toBe(tab);
    }
    const selected = screen.getByRole('tab', { name: 'Phụ lục' });
    expect(JSON.parse(selected.getAttribute('data-tabster') ?? '{}')).toEqual({ focusable: { isDefault: true } });
    expect(screen.getByRole('tab', { name: 'Số liệu' }).getAttribute('data-tabster')).toContain('"isDefault":false');
  });

  test('opens on the panel named by ?panel=kiem-tra', () => {
    expect(panelFromSearch('?panel=kiem-tra')).toBe('kiem-tra');
    expect(panelFromSearch('?panel=unknown')).toBe('so-lieu');
    expect(panelFromSearch('')).toBe('so-lieu');
    renderApp({ initialPanel: panelFromSearch('?panel=kiem-tra') });
    expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Kiểm tra tính thống nhất' })).toBeTruthy();
  });

  test('panels show the data they are given', () => {
    renderApp({
      initialPanel: 'kiem-tra',
      findings: [{ id: 'f1', severity: 'error', message: 'Tỷ lệ 3,25% không khớp với 921/28.375.', location: 'A.2.2' }],
    });
    expect(screen.getByText('Lỗi')).toBeTruthy();
    expect(screen.getByText(/Tỷ lệ 3,25% không khớp/)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Số liệu' }));
    expect(screen.getByText(/Chưa có số liệu/)).toBeTruthy();
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
