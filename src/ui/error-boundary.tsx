import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './button';
import { Notice } from './notice';
import { PlexError } from '../lib/plex/errors';
import { plexErrorText } from './plex-error-text';

interface Props {
  /** What this part of the screen is, for the message ("this screen", "the player"). */
  what: string;
  children: ReactNode;
  /** Changing it clears the error (e.g. the route: another screen gets a fresh start). */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/**
 * A crash in one part of the app shows a message in that part; the rest keeps working (the
 * player keeps playing while a screen fails). Error text is shown as text, and PlexM8's own
 * errors never carry a token.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the developer console; the user sees the notice.
    console.warn(`PlexM8: ${this.props.what} failed`, error.message, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A Plex error's message is a code: the person reads its sentence.
    const said = error instanceof PlexError ? plexErrorText(error) : error.message;
    return (
      <Notice tone="error" title={`Something went wrong showing ${this.props.what}.`}>
        <p>The rest of PlexM8 still works. {said ? `(${said})` : ''}</p>
        <Button onClick={() => this.setState({ error: null })}>Try again</Button>
      </Notice>
    );
  }
}
