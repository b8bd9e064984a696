import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    // The component stack shows where it failed. Cell values are not logged.
    console.error(`Kindling failed while showing ${this.props.area}`, error.name, error.message, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;

    return (
      <div role="alert" className="crash">
        <h2>Something went wrong while showing {this.props.area}.</h2>
        <p>Everything saved before this is still in this browser. Try again, or reload the page.</p>
        <p className="muted">Error: {this.state.error.message}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
