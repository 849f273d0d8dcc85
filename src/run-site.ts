import type { CitecheckOptions, HeaderRule } from './config/options.js';
import { withArchiveLane } from './archive/archive-lane.js';
import { clockOf, createRequestPool } from './check/index.js';
import { createDocumentFetcher, type DocumentFetcher } from './check/fetch-document.js';
import { InputError, UsageError } from './errors.js';
import { preciseNow } from './ratelimit/clock.js';
import { checkExtracted, postExtractor, type RunDeps } from './run.js';
import type { FetchInit } from './sources/fetch-types.js';
import { readSite, type SiteProgress, type SiteQuery } from './sources/wp-site.js';
import type { ExtractedPost, Report } from './types.js';

/** I/O of a site run: a run's, plus progress of reading the site. */
export interface SiteRunDeps extends RunDeps {
  /** Told after the API is found and after each page of posts. */
  onSiteProgress?: (progress: SiteProgress) => void;
}

/** A site run's report, and why reading the site stopped early, if it did. */
export interface SiteRun {
  /** The report of every post read (all of them, or those read before reading stopped). */
  report: Report;
  /** Why the site was read only in part (the API failed midway); the report covers what was read. */
  incomplete?: string;
  /** Posts read from the site. */
  postsRead: number;
}

/** True for a header rule that reaches `url` when the run starts there: global, or for its host. */
function reaches(rule: HeaderRule, url: URL): boolean {
  return rule.host === undefined || rule.host === url.host || rule.host === url.hostname;
}

/**
 * The fetcher of the site's API. Headers without a host (`--header "Authorization: Basic …"`,
 * the site's application password) go to the site's own origin only: an API root or redirect
 * elsewhere is fetched without them. Both share the run's pool, so the site is one host lane.
 */
function siteFetcher(site: URL, options: CitecheckOptions, deps: RunDeps): DocumentFetcher {
  const withCredentials = createDocumentFetcher(options, deps);
  const without = createDocumentFetcher({ ...options, headers: options.headers.filter((r) => r.host) }, deps);
  const hasSiteHeaders = options.headers.some((rule) => rule.host === undefined);
  let warned = false;
  const fetch = (url: string, init?: FetchInit) => {
    const origin = new URL(url).origin;
    if (origin === site.origin) return withCredentials(url, init);
    if (hasSiteHeaders && !warned) {
      // Said once: a 401 that follows would otherwise look like wrong credentials.
      warned = true;
      deps.onWarning?.(
        `${url} is on another origin than ${site.origin}: headers given without a host are not sent there (give the site as ${origin}/, or the header as "${new URL(url).host}=Name: value")`,
      );
    }
    return without(url, init);
  };
  return Object.assign(fetch, {
    close: async (): Promise<void> => {
      await withCredentials.close();
      await without.close();
    },
  });
}

/** The query of the options, checked before any request. */
function siteQuery(site: URL, options: CitecheckOptions): SiteQuery {
  const { postTypes: types, statuses, after, before, modifiedAfter, limit } = options;
  const needsCredentials = statuses.some((status) => status !== 'publish');
  const hasCredentials = options.headers.some(
    (rule) => reaches(rule, site) && rule.name.toLowerCase() === 'authorization',
  );
  if (needsCredentials && !hasCredentials)
    throw new UsageError(
      `--status ${statuses.join(',')}: reading posts that are not published needs credentials: --header "Authorization: Basic …" with an application password of the site`,
    );
  return { types, statuses, after, before, modifiedAfter, limit };
}

/** The site URL given to `wp`, or a usage error. */
function siteUrlOf(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    throw new UsageError(`wp: expected the site's http(s) URL, e.g. https://example.com/, got "${text}"`);
  return url;
}

/**
 * `citecheck wp`: reads every post of a WordPress site through its REST API, extracting each as
 * it is read, then checks their links and builds the report, like `check`. The site's requests
 * go through the run's pool (its limits hold for the API as for any host). When the API fails
 * after some posts were read, those posts are still checked and reported, and `incomplete`
 * says why the rest is missing; a failure before any post is read throws InputError. Headers
 * without a host go to the site's API only, not to the links checked. Prints nothing.
 */
export async function runSite(siteUrl: string, asked: CitecheckOptions, given: SiteRunDeps = {}): Promise<SiteRun> {
  // The archive is one more host of the run's pool, with its own polite lane.
  const options = withArchiveLane(asked);
  const startedAt = new Date();
  const started = preciseNow();
  const site = siteUrlOf(siteUrl);
  if (options.offline) throw new UsageError('wp reads the site over the network: it cannot run with --offline');
  const query = siteQuery(site, options);
  const deps: SiteRunDeps = { ...given, pool: given.pool ?? createRequestPool(options, clockOf(given)) };
  const fetcher = siteFetcher(site, options, deps);
  const posts: ExtractedPost[] = [];
  let incomplete: string | undefined;
  try {
    const reading = readSite(site.href, query, {
      fetchDocument: fetcher,
      onProgress: deps.onSiteProgress,
      onWarning: deps.onWarning,
    });
    const extract = postExtractor(options);
    for await (const post of reading) posts.push(extract(post));
  } catch (error) {
    // Ctrl-C while reading: the posts read so far make the partial report.
    const stopped = deps.signal?.aborted === true;
    if (!stopped && (posts.length === 0 || !(error instanceof InputError))) throw error;
    if (!stopped) incomplete = `reading the site stopped: ${(error as InputError).message}`;
  } finally {
    await fetcher.close();
  }
  // The site's credentials went to its API; the links its posts cite are checked without them.
  const linkOptions = { ...options, headers: options.headers.filter((rule) => rule.host !== undefined) };
  const postsRead = posts.length;
  const report = await checkExtracted(posts, linkOptions, deps, { startedAt, started });
  if (!incomplete) return { report, postsRead };
  report.incomplete = incomplete;
  return { report, incomplete, postsRead };
}
