import type { CitecheckOptions } from '../config/options.js';
import { InputError } from '../errors.js';
import type { Clock } from '../ratelimit/clock.js';
import {
  DocumentTooLargeError,
  type FetchDocument,
  type FetchedDocument,
  type FetchInit,
} from '../sources/fetch-types.js';
import { fetchChain, type ChainState, type FetchContext } from './fetch-chain.js';
import { createDispatcher } from './http-client.js';
import { clockOf, createRequestPool, type CheckDeps } from './index.js';

/** Fetches input URLs (the sources' FetchDocument); `close()` releases its connections when the CLI is done with inputs. */
export type DocumentFetcher = FetchDocument & {
  /** Closes the fetcher's own connections (no-op with an injected dispatcher). */
  close(): Promise<void>;
};

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/json;q=0.9,text/markdown;q=0.8,*/*;q=0.5';

/**
 * A fetcher for `http(s)` inputs using the checker's client and rules: private-address policy,
 * redirects by hand with credentials kept to their origin, the body cap, per-host limits and
 * retries. It throws InputError only for what stops the run (unreachable, refused by policy,
 * too large, no answer in time); HTTP error statuses come back as values.
 */
export function createDocumentFetcher(options: CitecheckOptions, deps: CheckDeps = {}): DocumentFetcher {
  const clock: Clock = clockOf(deps);
  const pool = deps.pool ?? createRequestPool(options, clock);
  let dispatcher = deps.dispatcher;
  let owned = false;
  const ctx = (): FetchContext => {
    if (!dispatcher) {
      dispatcher = createDispatcher(options, deps.lookup);
      owned = true;
    }
    return { options, dispatcher, pool, clock, random: deps.random ?? Math.random };
  };

  // A fetched input is read whole: it is held to the body cap and to the input cap, whichever is lower.
  const inputCap = Math.min(options.maxBodyBytes, options.maxInputBytes);
  const capFlag = inputCap < options.maxBodyBytes ? '--max-input-bytes' : '--max-body-bytes';
  const fetchDocument = async (url: string, init?: FetchInit): Promise<FetchedDocument> => {
    const bound = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let deadline: number | undefined;
    const signal = deps.signal ? AbortSignal.any([bound.signal, deps.signal]) : bound.signal;
    const state: ChainState = { attempts: 0, redirects: [], currentUrl: url };
    try {
      const outcome = await fetchChain(
        ctx(),
        {
          url,
          method: 'get',
          accept: init?.accept ?? DEFAULT_ACCEPT,
          // One byte over the cap tells "exactly at the cap" from "too large".
          bodyLimit: () => inputCap + 1,
          signal,
          onStart: () => {
            if (deadline !== undefined) return;
            deadline = clock.now() + options.timeoutMs;
            timer = setTimeout(() => bound.abort(new Error('timeout')), options.timeoutMs);
          },
          deadline: () => deadline,
        },
        state,
      );
      if (outcome.kind === 'failure') {
        const { errorCode, reason } = outcome.failure;
        const hint = errorCode === 'PRIVATE_ADDRESS' ? ' (use --allow-private to fetch it)' : '';
        throw new InputError(`cannot fetch ${url}: ${errorCode} ${reason}${hint}`);
      }
      const { response } = outcome;
      const body = response.body ?? Buffer.alloc(0);
      const finalUrl = outcome.url;
      if (response.truncated || body.length > inputCap) {
        if (init?.partial)
          return {
            status: response.status,
            headers: response.headers,
            body: body.subarray(0, inputCap),
            finalUrl,
            cut: { limit: inputCap, option: capFlag },
          };
        throw new DocumentTooLargeError(
          `cannot fetch ${url}: the body is larger than ${inputCap} bytes (${capFlag})`,
          inputCap,
          capFlag,
        );
      }
      return { status: response.status, headers: response.headers, body, finalUrl };
    } catch (error) {
      if (error instanceof InputError) throw error;
      if (deps.signal?.aborted) throw deps.signal.reason ?? error;
      if (bound.signal.aborted)
        throw new InputError(`cannot fetch ${url}: no complete answer within ${options.timeoutMs} ms`);
      throw new InputError(`cannot fetch ${url}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  };

  return Object.assign(fetchDocument, {
    close: async (): Promise<void> => {
      if (owned && dispatcher) await dispatcher.destroy().catch(() => undefined);
    },
  });
}
