import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Shown in the fallback so a person knows which tile broke. */
  readonly title: string;
  /** When any of these change (by identity) the boundary tries its children again. */
  readonly resetKeys: readonly unknown[];
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | null;
  readonly resetKeys: readonly unknown[];
}

const changed = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length !== b.length || a.some((item, i) => !Object.is(item, b[i]));

/**
 * One per tile (docs/architecture.md, convention 13): a tile that throws shows what went wrong in its own place and the
 * rest of the board keeps running. New inputs (an edited tile, another board) give it a new try.
 */
export class TileErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKeys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (!changed(props.resetKeys, state.resetKeys)) return null;
    return { error: null, resetKeys: props.resetKeys };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`tile "${this.props.title}" failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="flex h-full flex-col justify-center gap-1 rounded-lg border-2 border-dashed border-red-300 bg-slate-900 p-3 text-red-100">
        <p className="font-semibold">✕ {this.props.title} could not be shown</p>
        <p className="text-sm text-red-200">{error.message}</p>
      </div>
    );
  }
}
