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
