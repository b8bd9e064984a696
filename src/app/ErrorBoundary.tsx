import { Component, type ErrorInfo, type ReactNode } from 'react';

import { reportError, showNotice } from './notices';

interface Props {
  /** Name of the guarded area in the message, e.g. "this sheet". */
  area: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps a crash in one view from blanking the whole app. Saved data is in
 * IndexedDB already, so the message states that and offers a way back.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The stacks show where it failed. The message is left out of the log because it may quote a cell value.
    const stack = error.message ? error.stack?.replace(error.message, '(message not logged)') : error.stack;
    console.error(`Kindling failed while showing ${this.props.area}`, error.name, stack, info.componentStack);
  }

  /** Saves a backup of everything, so data is safe before the user reloads. The backup code loads only now. */
  private readonly downloadBackup = () => {
    import('../backup/download')
      .then((module) => module.downloadBackup())
      .then((fileName) => showNotice(`Saved "${fileName}" to your downloads.`))
      .catch((error: unknown) =>
        reportError('The backup could not be saved. Reload the page, then try "Download backup" in Settings.', error),
      );
  };

  override render() {
    if (!this.state.error) return this.props.children;

    return (
      <div role="alert" className="crash">
        <h2>Something went wrong while showing {this.props.area}.</h2>
        <p>
          Everything saved before this is still in this browser. Try again, or reload the page. To be safe, download a
          backup first.
        </p>
        <p className="muted">Error: {this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>{' '}
        <button type="button" onClick={this.downloadBackup}>
          Download backup
        </button>
      </div>
    );
  }
}
