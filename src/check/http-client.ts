import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { pipeline, Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Agent, Dispatcher } from 'undici';
import { agentClass } from './undici-agent.js';
import type { CitecheckOptions } from '../config/options.js';
import { createSafeLookup } from './address-policy.js';
import { createCachingLookup } from './dns-cache.js';
import type { ResolvedNames } from './resolved-names.js';
import { whenAborted } from './follow-abort.js';

/** One HTTP response as the checker sees it: status, flat headers, and the body if read. */
export interface RawResponse {
  /** HTTP status code. */
  status: number;
  /** Response headers, lower-case names, repeated values joined with ", ". */
  headers: Record<string, string>;
  /** The (decompressed) body, when it was read; at most the limit given. */
  body?: Buffer;
  /** True when the body was longer than the limit and reading stopped there. */
  truncated: boolean;
}

/** How to send one request. */
export interface SendOptions {
  /** HTTP method. */
  method: 'GET' | 'HEAD';
  /** Request headers. */
  headers: Record<string, string>;
  /** Aborts the request and its body. */
  signal: AbortSignal;
  /** Time to wait for response headers, in ms. */
  headersTimeoutMs: number;
  /** Time allowed between body chunks, in ms. */
  bodyTimeoutMs: number;
  /** Bytes of (decompressed) body to read given status and headers; 0 = cancel the body. */
  bodyLimit: (status: number, headers: Record<string, string>) => number;
  /** Called when the request is written to a connected socket (or has failed before). */
  onSent?: () => void;
  /** Called when the final answer's status line and headers have arrived. */
  onAnswered?: () => void;
}

/**
 * The default dispatcher: an undici Agent whose connector resolves names through the safe
 * lookup, so the private-address policy is decided on the resolved address at connect time.
 * Answers are reused per host for a TTL (dns-cache.ts); the policy still runs per connection.
 * `names` learns which names point inwards (see ResolvedNames).
 */
export function createDispatcher(
  options: Pick<CitecheckOptions, 'allowPrivate' | 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs'>,
  lookup?: LookupFunction,
  names?: ResolvedNames,
): Agent {
  const UndiciAgent = agentClass();
  return new UndiciAgent({
    connect: {
      lookup: createSafeLookup(
        createCachingLookup(lookup ?? (dnsLookup as unknown as LookupFunction)),
        options.allowPrivate,
        names,
      ),
      timeout: options.connectTimeoutMs,
    },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    // Redirects are followed by hand (each hop re-checked and rate-limited), never by undici.
  });
}

const HAS_UPPER = /[A-Z]/;

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  // for…in, not Object.entries: no [name, value] array per header of every response.
  for (const name in raw) {
    if (!Object.hasOwn(raw, name)) continue;
    const value = raw[name];
    if (value === undefined) continue;
    // undici's names are lower-case already; toLowerCase() copies even then.
    flat[HAS_UPPER.test(name) ? name.toLowerCase() : name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function decoderFor(encoding: string | undefined) {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return undefined;
  }
}

// Small bodies are drained rather than destroyed so the keep-alive connection can be reused;
// anything longer is cut off (undici destroys the socket), so a huge page costs a few KB.
const DRAIN_LIMIT = 32 * 1024;

/** The error a stream closed before its end gives, as async iteration would have thrown it. */
function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}

/**
 * Reads at most `limit` bytes of the body, decompressing on the fly so the cap applies to
 * the decompressed size too (a gzip bomb stops at the cap). The source is always consumed or
 * destroyed. A decoding error keeps what was read so far. Read with 'data' events: async
 * iteration (for await) cost more than the rest of the request path on a small page.
 */
export function readBodyCapped(
  body: Readable,
  encoding: string | undefined,
  limit: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  const decoder = decoderFor(encoding);
  const stream: Readable = decoder ? pipeline(body, decoder, () => {}) : body;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (truncated: boolean, error?: unknown): void => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      // The error listener stays: undici's body, destroyed before its end, then emits an
      // abort error that would otherwise be an uncaught exception.
      if (!body.destroyed) body.destroy();
      decoder?.destroy();
      // A broken compressed stream is the server's problem; what arrived is still evidence.
      if (error !== undefined && (!decoder || chunks.length === 0)) reject(error);
      else resolve({ body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), truncated });
    };
    const onData = (chunk: Buffer | Uint8Array): void => {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      if (size + buf.length > limit) {
        chunks.push(buf.subarray(0, limit - size));
        size = limit;
        settle(true);
        return;
      }
      chunks.push(buf);
      size += buf.length;
    };
    const onEnd = (): void => settle(false);
    const onError = (error: unknown): void => settle(false, error);
    // 'close' follows every end and error: build the error (a stack trace, ~25 µs) only when
    // the stream closed before either, not for each of 2,000 bodies read to their end.
    const onClose = (): void => {
      if (!settled) settle(false, prematureClose());
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

/** Why a request this reader no longer needs (body cut at the cap, or drained enough) is stopped. */
function cutShort(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError', code: 'UND_ERR_ABORTED' });
}

/**
 * One response read straight from undici's dispatch handler calls: no Readable, request
 * handler or interceptor per request, as `dispatcher.request()` (and compose) built them. On
 * 2,000 small pages that stream machinery cost more CPU than everything else citecheck does
 * per link. A compressed body still goes through a stream (zlib), see readBodyCapped.
 */
class ResponseReader implements Dispatcher.DispatchHandler {
  private controller?: Dispatcher.DispatchController;
  private settled = false;
  private ended = false;
  private status = 0;
  private headers: Record<string, string> = {};
  // 'read': collect up to `limit`; 'drain': discard up to DRAIN_LIMIT, keeping the connection.
  private mode: 'read' | 'drain' = 'drain';
  private limit = 0;
  private size = 0;
  private readonly chunks: Buffer[] = [];
  // The compressed body's bytes, fed to readBodyCapped through this stream.
  private source?: Readable;
  // Stops listening to the request's signal (see whenAborted).
  private readonly unlisten: () => void;

  constructor(
    private readonly options: SendOptions,
    private readonly resolve: (response: RawResponse) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.unlisten = whenAborted(options.signal, this.onAbort);
  }

  private readonly onAbort = (): void => {
    const reason: unknown = this.options.signal.reason;
    this.controller?.abort(reason as Error);
    this.source?.destroy(reason as Error);
    this.fail(reason);
  };

  private done(response: RawResponse): void {
    if (this.settled) return;
    this.settled = true;
    this.unlisten();
    this.resolve(response);
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.unlisten();
    this.reject(error);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.settled) {
      controller.abort(cutShort());
      return;
    }
    this.options.onSent?.();
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // 1xx answers (100 Continue, 103 Early Hints) come before the final one.
    if (statusCode < 200 || this.settled) return;
    this.options.onAnswered?.();
    this.status = statusCode;
    this.headers = flattenHeaders(headers);
    const limit = this.options.method === 'HEAD' ? 0 : this.options.bodyLimit(statusCode, this.headers);
    if (limit <= 0) {
      this.limit = DRAIN_LIMIT;
      return;
    }
    this.mode = 'read';
    this.limit = limit;
    const encoding = this.headers['content-encoding'];
    if (decoderFor(encoding) === undefined) return;
    const source = new Readable({
      read: () => controller.resume(),
      destroy: (error, callback) => {
        if (!this.ended) controller.abort(error ?? cutShort());
        callback(error);
      },
    });
    this.source = source;
    readBodyCapped(source, encoding, limit).then(
      (read) => this.done({ status: statusCode, headers: this.headers, body: read.body, truncated: read.truncated }),
      (error: unknown) => this.fail(error),
    );
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return;
    if (this.source) {
      if (!this.source.push(chunk)) controller.pause();
      return;
    }
    if (this.mode === 'drain') {
      this.size += chunk.length;
      // Longer than is worth reading to keep the connection: undici closes it instead.
      if (this.size > this.limit) {
        this.done({ status: this.status, headers: this.headers, truncated: false });
        controller.abort(cutShort());
      }
      return;
    }
    if (this.size + chunk.length > this.limit) {
      this.chunks.push(chunk.subarray(0, this.limit - this.size));
      this.size = this.limit;
      this.done({ status: this.status, headers: this.headers, body: this.body(), truncated: true });
      controller.abort(cutShort());
      return;
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  onResponseEnd(): void {
    this.ended = true;
    if (this.source) {
      this.source.push(null);
      return;
    }
    if (this.mode === 'drain') this.done({ status: this.status, headers: this.headers, truncated: false });
    else this.done({ status: this.status, headers: this.headers, body: this.body(), truncated: false });
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.ended = true;
    if (this.source) this.source.destroy(error);
    // A body that fails while being drained leaves its status and headers standing.
    else if (this.mode === 'drain' && this.status !== 0)
      this.done({ status: this.status, headers: this.headers, truncated: false });
    else this.fail(error);
  }

  private body(): Buffer {
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
  }
}

/** Sends one request (no redirects followed) and reads the body only as far as asked. */
export function sendRequest(dispatcher: Dispatcher, url: URL, options: SendOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      reject(options.signal.reason);
      return;
    }
    dispatcher.dispatch(
      {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: options.method,
        headers: options.headers,
        headersTimeout: options.headersTimeoutMs,
        bodyTimeout: options.bodyTimeoutMs,
      },
      new ResponseReader(options, resolve, reject),
    );
  });
}
