import { Component, type ReactNode } from 'react';
import { CodeMissingPage, warnScreenFailed } from './code-missing';

/**
 * Around code fetched on demand outside the router (the sign-in screens): a chunk that can't be
 * fetched says so with a reload, instead of unmounting the page.
 */
export class CodeBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    warnScreenFailed(error);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return <CodeMissingPage />;
  }
}
