import { Dispatcher } from 'undici';

const LEGACY_HANDLER_METHODS = [
  'onConnect',
  'onUpgrade',
  'onResponseStarted',
  'onHeaders',
  'onData',
  'onComplete',
  'onError',
  'onBodySent',
  'onRequestSent',
];

/**
 * Wraps a dispatcher so that one request reports when it goes on the wire: undici calls the
 * handler's `onConnect` right before writing the request to a connected socket. The lane uses
 * that instant as the request's start, so connect time cannot squeeze the gap between starts.
 */
export class SentHookDispatcher extends Dispatcher {
  private readonly inner: Dispatcher;
  private readonly onSent: () => void;

  constructor(inner: Dispatcher, onSent: () => void) {
    super();
    this.inner = inner;
    this.onSent = onSent;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const source = handler as unknown as Record<string, unknown>;
    const wrapped: Record<string, unknown> = {};
    for (const name of LEGACY_HANDLER_METHODS) {
      const method = source[name];
      if (typeof method === 'function') wrapped[name] = method.bind(handler);
    }
    const onConnect = wrapped.onConnect as ((...args: unknown[]) => unknown) | undefined;
    wrapped.onConnect = (...args: unknown[]): unknown => {
      this.onSent();
      return onConnect?.(...args);
    };
    return this.inner.dispatch(options, wrapped as unknown as Dispatcher.DispatchHandler);
  }
}
