import { Component, type ReactNode } from 'react';
import i18next from 'i18next';
import { ErrorState } from '../lib/ui/States.tsx';

/** A page that throws (or whose code cannot be loaded) shows an error with a reload, not a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null; key: string }> {
  override state: { error: Error | null; key: string } = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (this.state.error) {
      return <ErrorState message={this.state.error.message} onRetry={() => window.location.reload()} title={i18next.t('state.error')} />;
    }
    return this.props.children;
  }
}
