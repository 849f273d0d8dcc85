import { Agent, Dispatcher } from 'undici';
import type { LookupFunction } from 'node:net';

/**
 * A dispatcher for tests that must never leave loopback even if the code under test has a
 * bug: any request whose origin is not on 127.0.0.0/8 (or one of the allowed made-up names)
 * is refused before a socket is opened, and recorded in `violations`. `dispatched` lists every
 * origin that did go out.
 */
export class GuardDispatcher extends Dispatcher {
  /** Origins refused because they were not loopback. */
  readonly violations: string[] = [];
  /** Origins dispatched. */
  readonly dispatched: string[] = [];
  private readonly agent: Agent;
  private readonly names: Set<string>;

  constructor(options: { lookup?: LookupFunction; names?: string[] } = {}) {
    super();
    this.agent = new Agent(options.lookup ? { connect: { lookup: options.lookup } } : {});
    this.names = new Set(options.names ?? []);
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(options.origin);
    const host = new URL(origin).hostname;
    if (!/^127\.\d+\.\d+\.\d+$/.test(host) && !this.names.has(host)) {
      this.violations.push(origin);
      const error = Object.assign(new Error(`test guard refused ${origin}`), { code: 'TEST_GUARD' });
      // The engine dispatches with undici's current handler methods (http-client.ts); a plain
      // request() handler has the legacy ones.
      const failed = handler as Dispatcher.DispatchHandler;
      const controller = { abort() {}, pause() {}, resume() {}, aborted: true, paused: false, reason: error };
      queueMicrotask(() =>
        failed.onResponseError ? failed.onResponseError(controller, error) : failed.onError?.(error),
      );
      return true;
    }
    this.dispatched.push(origin);
    return this.agent.dispatch(options, handler);
  }

  override async close(): Promise<void> {
    await this.agent.close();
  }

  override async destroy(): Promise<void> {
    await this.agent.destroy();
  }
}
