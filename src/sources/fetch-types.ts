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
}

/**
 * Fetches a URL input. The real one (check/fetch-document.ts) applies the checker's safety
 * rules and limits; tests pass a fake. It throws only for what stops the run.
 */
export type FetchDocument = (url: string, init?: { accept?: string }) => Promise<FetchedDocument>;

/** A fetched body over the size cap (`--max-body-bytes`): a reader may ask for less (a smaller page). */
export class DocumentTooLargeError extends InputError {
  /** The cap that was exceeded, in bytes. */
  readonly limit: number;

  constructor(message: string, limit: number) {
    super(message);
    this.name = 'DocumentTooLargeError';
    this.limit = limit;
  }
}
