import { asksArchive, withArchiveLane } from './archive/archive-lane.js';
import type { ArchiveRun } from './archive/find-archives.js';
import type { CitecheckOptions } from './config/options.js';
import { markUnconfirmed } from './check/confirm.js';
import type { CheckDeps, CheckRun } from './check/index.js';
import { checkTargets, clockOf, createRequestPool } from './check/index.js';
import { compactPost, StringTable } from './extract/compact.js';
import { extractOptions, extractPost } from './extract/index.js';
import { collectTargets } from './links/targets.js';
import { readInputs } from './sources/index.js';
import { isUrlInput } from './sources/input-kind.js';
import type { ExtractedPost, Post, Report } from './types.js';

/** I/O a run may have injected (tests, the demo, embedding applications). */
export interface RunDeps extends CheckDeps {
  /** Reads standard input for the "-" input. */
  readStdin?: () => Promise<Buffer>;
  /** Run-level warnings that are not findings (a corrupt cache file was ignored, a found file that is not a post was skipped). */
  onWarning?: (message: string) => void;
  /** Called when the checks are done and archived copies of `sources` URLs are about to be looked up. */
  onArchiveLookups?: (sources: number) => void;
}

/** Reads and extracts every input; never touches the network unless `allowNetwork`. */
async function extractInputs(
  inputs: string[],
  options: CitecheckOptions,
  deps: RunDeps,
  allowNetwork: boolean,
): Promise<ExtractedPost[]> {
  // The HTTP client and the archive stage are loaded only by runs that use them: an offline
  // run of local files starts without undici, the page parser of drift, or the request engine.
  const fetcher =
    allowNetwork && !options.offline && inputs.some(isUrlInput)
      ? (await import('./check/fetch-document.js')).createDocumentFetcher(options, deps)
      : undefined;
  try {
    // Each post is extracted as it is read, so only its extraction outlives it (a WordPress
    // export of hundreds of MB is never held whole).
    const extracted: ExtractedPost[] = [];
    const reading = readInputs(inputs, {
      readStdin: deps.readStdin,
      fetchDocument: fetcher,
      onWarning: deps.onWarning,
      maxInputBytes: options.maxInputBytes,
      statuses: options.statuses,
      baseUrl: options.baseUrl,
    });
    // Each compacted as it is extracted, so it pins nothing of the input it came from.
    const extract = postExtractor(options);
    for await (const post of reading) extracted.push(extract(post));
    return extracted;
  } finally {
    await fetcher?.close();
  }
}

/**
 * Characters of post bodies a run extracts before it compacts its posts. Below it, what the
 * posts pin of their inputs is a few MB at most, and compacting (a copy of every string, a
 * new object for every block and citation) cost ~7% of `check --offline` of a 2,000-link page.
 */
const COMPACT_AFTER_CHARS = 1_000_000;

/**
 * Extraction as a run keeps its posts: once the run has read more than a small input, each
 * compacted as it is extracted (see compactPost), with one table of URL strings for the run.
 */
export function postExtractor(options: Parameters<typeof extractOptions>[0]): (post: Post) => ExtractedPost {
  const urls = new StringTable();
  const opts = extractOptions(options);
  let read = 0;
  return (post) => {
    read += post.body.length;
    const extracted = extractPost(post, opts);
    return read <= COMPACT_AFTER_CHARS ? extracted : compactPost(extracted, urls);
  };
}

/** The whole pipeline: inputs → extraction → targets → plan → checking → report. Prints nothing. */
export async function runCheck(inputs: string[], asked: CitecheckOptions, given: RunDeps = {}): Promise<Report> {
  // The archive is one more host of the run's pool, with its own polite lane.
  const options = withArchiveLane(asked);
  const startedAt = new Date();
  const started = performance.now();
  // One pool for the run: a host's limits hold between fetching an input page from it and
  // checking the links that page cites on the same host.
  const deps: RunDeps = { ...given, pool: given.pool ?? createRequestPool(options, clockOf(given)) };
  // The request engine's modules load while the inputs are read and fetched (I/O waits), not
  // between the last post's extraction and the first link request.
  if (!options.offline) void import('./check/check-target.js').catch(() => undefined);
  const posts = await extractInputs(inputs, options, deps, true);
  return checkExtracted(posts, options, deps, { startedAt, started });
}

/**
 * The rest of the pipeline once posts are extracted: unique targets → plan → checking → report.
 * `deps.pool` should be the pool the inputs were fetched through. Takes the posts over: the
 * array is emptied as the report is built, so an archive is never held twice. Prints nothing.
 */
export async function checkExtracted(
  posts: ExtractedPost[],
  options: CitecheckOptions,
  deps: RunDeps,
  clock: { startedAt: Date; started: number },
): Promise<Report> {
  // What runs after the checks (the archive stage, the report's builder) loads once the first
  // requests are out, while the checks wait on the network: not before the first request, nor
  // after the last answer, where it added to every run's tail (most of all a polite run's).
  let archiveStage: Promise<typeof import('./archive/find-archives.js')> | undefined;
  let reportStage: Promise<typeof import('./report/build.js')> | undefined;
  const loadLater = (): void => {
    if (asksArchive(options)) archiveStage ??= import('./archive/find-archives.js');
    archiveStage?.catch(() => undefined);
    reportStage ??= import('./report/build.js');
    reportStage.catch(() => undefined);
  };
  const onRequestsOut = (): void => {
    loadLater();
    deps.onRequestsOut?.();
  };
  // links/ dedupes the citations into targets; the check stage plans them (links/plan.ts) and
  // hands the engine only those to request.
  const run: CheckRun = await checkTargets(collectTargets(posts), options, { ...deps, onRequestsOut });
  loadLater();
  if (run.cacheWarning) deps.onWarning?.(run.cacheWarning);
  if (options.confirm) markUnconfirmed(run.results, options.confirm);
  // After the checks: archived copies of what failed (and, as asked, of the rest).
  const archive: ArchiveRun = archiveStage
    ? await (await archiveStage).findArchives(posts, run.results, options, deps, deps.onArchiveLookups)
    : { archives: new Map(), requests: 0, cached: 0 };
  if (archive.cacheWarning) deps.onWarning?.(archive.cacheWarning);
  if (archive.lookupWarning) deps.onWarning?.(archive.lookupWarning);
  const { buildReport } = await (reportStage as Promise<typeof import('./report/build.js')>);
  return buildReport({
    posts,
    results: run.results,
    hosts: deps.pool ? deps.pool.stats() : run.hosts,
    archives: archive.archives,
    archiveEndpoint: options.archiveEndpoint,
    confirm: options.confirm,
    startedAt: clock.startedAt,
    durationMs: Math.round(performance.now() - clock.started),
    interrupted: run.interrupted,
    offline: options.offline,
    releasePosts: true,
    shard: options.shard,
  });
}

/** Extraction only: the same report shape, offline (http(s) links `unchecked`). */
export async function runExtract(inputs: string[], options: CitecheckOptions, deps: RunDeps = {}): Promise<Report> {
  return runCheck(inputs, { ...options, offline: true, cache: undefined }, deps);
}
