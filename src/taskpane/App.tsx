/**
 * Shell pieces of the task pane shared by the Word entry (index.tsx) and the workbench: the
 * panel ids and how `?panel=` picks one, and the error boundary that keeps the pane from going
 * blank. The pane itself is `TaskPane` (TaskPane.tsx).
 */
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export type PanelId = 'so-lieu' | 'kiem-tra' | 'phu-luc' | 'ky-moi';

export const PANELS: readonly { id: PanelId; label: string }[] = [
  { id: 'so-lieu', label: 'Số liệu' },
  { id: 'kiem-tra', label: 'Kiểm tra' },
  { id: 'phu-luc', label: 'Phụ lục' },
  { id: 'ky-moi', label: 'Kỳ báo cáo mới' },
];

/** The panel named by `?panel=` (the ribbon's "Kiểm tra" button opens `?panel=kiem-tra`). */
export function panelFromSearch(search: string): PanelId {
  const wanted = new URLSearchParams(search).get('panel');
  return PANELS.find((p) => p.id === wanted)?.id ?? 'so-lieu';
}

interface BoundaryState {
  error: Error | undefined;
}

/** Shows a Vietnamese error message instead of a blank pane when a panel fails to render. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: undefined };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('baocao: lỗi hiển thị ngăn tác vụ', error);
  }

  override render(): React.ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Đã xảy ra lỗi</MessageBarTitle>
          Ngăn tác vụ gặp lỗi khi hiển thị. Hãy thử lại; nếu lỗi vẫn còn, hãy đóng và mở lại ngăn tác vụ.
          <Caption1 block>Chi tiết: {this.state.error.message}</Caption1>
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="secondary" onClick={() => this.setState({ error: undefined })}>
            Thử lại
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
