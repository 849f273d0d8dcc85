import { Agent, Dispatcher } from 'undici';
import type { LookupFunction } from 'node:net';

/** What a GuardDispatcher lets out, and how. */
export interface GuardOptions {
  /** Resolver of the guard's own agent (maps the allowed made-up names to loopback). */
  lookup?: LookupFunction;
  /** Made-up names let through besides 127.0.0.0/8. */
  names?: string[];
  /** The dispatcher that sends what is let through (default: an Agent with `lookup`), e.g. the engine's own. */
  inner?: Dispatcher;
  /**
   * Origins answered by a local server instead, e.g. `https://web.archive.org` → a fake archive
   * on 127.0.0.x: the code under test asks the real origin, and nothing leaves loopback.
   */
  reroute?: Record<string, string>;
}

/**
 * A dispatcher for tests that must never leave loopback even if the code under test has a
 * bug: any request whose origin is not on 127.0.0.0/8 (or one of the allowed made-up names, or
 * rerouted to a local server) is refused before a socket is opened, and recorded in
 * `violations`. `dispatched` lists every origin that did go out.
 */
export class GuardDispatcher extends Dispatcher {
  /** Origins refused because they were not loopback. */
  readonly violations: string[] = [];
  /** Origins dispatched (a rerouted one under the origin asked for). */
  readonly dispatched: string[] = [];
  private readonly agent: Dispatcher;
  private readonly names: Set<string>;
  private readonly reroute: Record<string, string>;

  constructor(options: GuardOptions = {}) {
    super();
    this.agent = options.inner ?? new Agent(options.lookup ? { connect: { lookup: options.lookup } } : {});
    this.names = new Set(options.names ?? []);
    this.reroute = options.reroute ?? {};
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const origin = String(options.origin).replace(/\/$/, '');
    const local = this.reroute[origin];
    if (local !== undefined) {
      this.dispatched.push(origin);
      return this.agent.dispatch({ ...options, origin: local }, handler);
    }
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
