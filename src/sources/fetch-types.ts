import { InputError } from '../errors.js';

/** A document fetched for a URL input. Non-2xx statuses are values, not errors. */
export interface FetchedDocument {
  /** Final HTTP status. */
  status: number;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
  /** The decompressed response body (at most maxBodyBytes). */
  body: Buffer;
  /** URL after redirects. */
  finalUrl: string;
  /** Set when the body was cut at the size cap (only asked for with `partial`): the cap and its option. */
  cut?: { limit: number; option: string };
}

/** How to fetch a document. */
export interface FetchInit {
  /** The Accept header (default: HTML, JSON, Markdown, anything). */
  accept?: string;
  /**
   * A body over the size cap is cut at the cap (see `cut`) rather than refused with
   * DocumentTooLargeError: for a page read only for its start (a home page's head).
   */
  partial?: boolean;
}

/**
 * Fetches a URL input. The real one (check/fetch-document.ts) applies the checker's safety
 * rules and limits; tests pass a fake. It throws only for what stops the run.
 */
export type FetchDocument = (url: string, init?: FetchInit) => Promise<FetchedDocument>;

/** A fetched body over the size cap (`--max-body-bytes`): a reader may ask for less (a smaller page). */
export class DocumentTooLargeError extends InputError {
  /** The cap that was exceeded, in bytes. */
  readonly limit: number;
  /** The option that sets it (`--max-body-bytes`, or `--max-input-bytes` when lower). */
  readonly option: string;

  constructor(message: string, limit: number, option = '--max-body-bytes') {
    super(message);
    this.name = 'DocumentTooLargeError';
    this.limit = limit;
    this.option = option;
  }
}
