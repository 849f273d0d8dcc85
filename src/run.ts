import { asksArchive, withArchiveLane } from './archive/archive-lane.js';
import type { ArchiveRun } from './archive/find-archives.js';
import type { CitecheckOptions } from './config/options.js';
import { markUnconfirmed } from './check/confirm.js';
import type { CheckDeps, CheckRun } from './check/index.js';
import type { DocumentFetcher } from './check/fetch-document.js';
import { checkTargets, clockOf, createRequestPool } from './check/index.js';
import { preciseNow } from './ratelimit/clock.js';
import { ResolvedNames } from './check/resolved-names.js';
import { collectGarbage } from './collect-garbage.js';
import { compactPost, StringTable } from './extract/compact.js';
import { extractOptions, extractStaged } from './extract/index.js';
import { collectTargets } from './links/targets.js';
import { offlineResults } from './links/offline-results.js';
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
  /** The bytes of inputs whose names are not UTF-8, by the inputs' positions (LoadOptions.inputBytes). */
  inputBytes?: ReadonlyArray<Buffer | undefined>;
}

/** The posts of a run, the last one's claim analysis possibly still to run. */
interface ExtractedInputs {
  /** Every post, in input order; `pending.post` is among them. */
  posts: ExtractedPost[];
  /** The last post, its links extracted and its claims not yet analysed (see checkExtracted). */
  pending?: PendingPost;
}

/**
 * Reads and extracts every input; never touches the network but through `fetcher`. A run that
 * will check links leaves the last post's claim analysis pending: its links are checked first.
 */
async function extractInputs(
  inputs: string[],
  options: CitecheckOptions,
  deps: RunDeps,
  fetcher: DocumentFetcher | undefined,
): Promise<ExtractedInputs> {
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
    inputBytes: deps.inputBytes,
  });
  // Each compacted as it is extracted, so it pins nothing of the input it came from; each
  // post's claims are analysed as the next post is read, so only the last one's can wait.
  let pending = await extractAll(reading, stagedExtractor(options), extracted);
  if (pending && options.offline) {
    extracted[pending.index] = pending.finish();
    pending = undefined;
  }
  return { posts: extracted, pending };
}

/**
 * Reads every post into `extracted`, each one's claims analysed as the next is read; returns
 * the last one, its claims pending. A function of its own: its frame keeps the last post read
 * (with its body, an 18 MB file held two-byte) in a register, and the frame is gone by the time
 * the caller finishes that post's claims.
 */
async function extractAll(
  reading: AsyncIterable<Post>,
  extract: (post: Post, index: number) => PendingPost,
  extracted: ExtractedPost[],
): Promise<PendingPost | undefined> {
  let pending: PendingPost | undefined;
  for await (const post of reading) {
    if (pending) extracted[pending.index] = pending.finish();
    pending = extract(post, extracted.length);
    extracted.push(pending.post);
  }
  return pending;
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
  const extract = stagedExtractor(options);
  return (post) => extract(post, 0).finish();
}

/** A post of a run extracted up to its links (see extractStaged). */
interface PendingPost {
  /** Its place among the run's posts. */
  index: number;
  /** The post: its links final, its claims filled in as `claims` runs. */
  post: ExtractedPost;
  /** The claim analysis, in steps. */
  claims: Generator<void, void, undefined>;
  /** Runs what is left of the claim analysis: the post as the run keeps it (compacted, past a small input). */
  finish: () => ExtractedPost;
}

/** postExtractor in two passes: links at once, claims when the run asks (see extractStaged). */
function stagedExtractor(options: Parameters<typeof extractOptions>[0]): (post: Post, index: number) => PendingPost {
  const urls = new StringTable();
  const opts = extractOptions(options);
  let read = 0;
  return (post, index) => {
    read += post.body.length;
    const compact = read > COMPACT_AFTER_CHARS;
    // The run keeps nothing of the post it read: its body goes once walked (see extractStaged).
    const { post: extracted, claims } = extractStaged(post, opts, true);
    const finish = (): ExtractedPost => {
      while (!claims.next().done);
      return compact ? compactPost(extracted, urls, true) : extracted;
    };
    return { index, post: extracted, claims, finish };
  };
}

/**
 * How long one slice of deferred claim analysis holds the event loop before the network's
 * events run: short beside the 50+ ms a request waits for its answer, long beside the cost of
 * a turn of the loop.
 */
const CLAIMS_SLICE_MS = 4;

/** Runs `steps` to the end in slices of about `sliceMs`, letting the event loop run between them. */
async function inSlices(steps: Iterator<unknown>, sliceMs: number): Promise<void> {
  for (;;) {
    const end = preciseNow() + sliceMs;
    do {
      if (steps.next().done) return;
    } while (preciseNow() < end);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The whole pipeline: inputs → extraction → targets → plan → checking → report. Prints nothing. */
export async function runCheck(inputs: string[], asked: CitecheckOptions, given: RunDeps = {}): Promise<Report> {
  // The archive is one more host of the run's pool, with its own polite lane.
  const options = withArchiveLane(asked);
  const startedAt = new Date();
  const started = preciseNow();
  // One pool for the run: a host's limits hold between fetching an input page from it and
  // checking the links that page cites on the same host.
  const deps: RunDeps = { ...given, pool: given.pool ?? createRequestPool(options, clockOf(given)) };
  // The request engine's modules load while the inputs are read and fetched (I/O waits), not
  // between the last post's extraction and the first link request (the HTTP client's chunk,
  // left to checkPlan, loaded there in 12-108 ms on a loaded machine).
  if (!options.offline) {
    void import('./check/check-target.js').catch(() => undefined);
    void import('./check/http-client.js').catch(() => undefined);
  }
  // The HTTP client and the archive stage are loaded only by runs that use them: an offline
  // run of local files starts without undici, the page parser of drift, or the request engine.
  const fetcher =
    !options.offline && inputs.some(isUrlInput)
      ? (await import('./check/fetch-document.js')).createDocumentFetcher(options, deps)
      : undefined;
  // The input pages' connections are closed once the first link requests are out (their
  // sockets' teardown, and the turn of the event loop awaiting it, came between the last
  // post's extraction and the first link request), and at the latest when the run ends.
  let closing: Promise<void> | undefined;
  const closeInputs = (): Promise<void> => (closing ??= fetcher ? fetcher.close() : Promise.resolve());
  try {
    const { posts, pending } = await extractInputs(inputs, options, deps, fetcher);
    const onRequestsOut = (): void => {
      void closeInputs();
      deps.onRequestsOut?.();
    };
    return await checkExtracted(posts, options, { ...deps, onRequestsOut }, { startedAt, started }, pending);
  } finally {
    await closeInputs();
  }
}

/**
 * The rest of the pipeline once posts are extracted: unique targets → plan → checking → report.
 * `deps.pool` should be the pool the inputs were fetched through. Takes the posts over: the
 * array is emptied as the report is built, so an archive is never held twice. A `pending`
 * post's claims are analysed while the first requests are in flight. Prints nothing.
 */
export async function checkExtracted(
  posts: ExtractedPost[],
  options: CitecheckOptions,
  deps: RunDeps,
  clock: { startedAt: Date; /** preciseNow() at the start. */ started: number },
  pending?: PendingPost,
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
  // The claims wait for the first requests: checking needs the posts' links, not their claims
  // (a credited block's copies of citations are no new targets), and the main thread is free
  // while the requests wait for their answers. In slices, so answers are read as they come.
  let claims: Promise<void> | undefined;
  const analyseClaims = (): Promise<void> => {
    if (claims === undefined) {
      claims = pending ? inSlices(pending.claims, CLAIMS_SLICE_MS) : Promise.resolve();
      // Awaited after the checks; a failure is thrown there, not left unhandled meanwhile.
      claims.catch(() => undefined);
    }
    return claims;
  };
  const onRequestsOut = (): void => {
    loadLater();
    void analyseClaims();
    deps.onRequestsOut?.();
  };
  // links/ dedupes the citations into targets; the check stage plans them (links/plan.ts) and
  // hands the engine only those to request.
  // What the checks learn of each name they resolve: the archive stage keeps the names that
  // point inwards (let through by --allow-private) from the public archive.
  const resolvedNames = deps.resolvedNames ?? new ResolvedNames();
  // Offline, no request is made and every verdict follows from its URL: worked out as the
  // report asks (links/offline-results.ts), not kept per URL.
  const run: CheckRun | undefined = options.offline
    ? undefined
    : await checkTargets(collectTargets(posts), options, { ...deps, onRequestsOut, resolvedNames });
  await analyseClaims();
  if (pending) posts[pending.index] = pending.finish();
  loadLater();
  if (run?.cacheWarning) deps.onWarning?.(run.cacheWarning);
  // (An offline run's results are none of them failures to confirm.)
  if (run && options.confirm) markUnconfirmed(run.results, options.confirm);
  const results = run ? run.results : offlineResults(posts, options);
  // After the checks: archived copies of what failed (and, as asked, of the rest).
  const archive: ArchiveRun =
    archiveStage && run
      ? await (
          await archiveStage
        ).findArchives(posts, run.results, options, { ...deps, resolvedNames }, deps.onArchiveLookups)
      : { archives: new Map(), requests: 0, cached: 0 };
  if (archive.cacheWarning) deps.onWarning?.(archive.cacheWarning);
  if (archive.lookupWarning) deps.onWarning?.(archive.lookupWarning);
  const { buildReport } = await (reportStage as Promise<typeof import('./report/build.js')>);
  const large = bodyChars(posts) > COLLECT_AFTER_CHARS;
  if (large) collectGarbage();
  const report = buildReport({
    posts,
    results,
    hosts: deps.pool ? deps.pool.stats() : (run?.hosts ?? []),
    archives: archive.archives,
    archiveEndpoint: options.archiveEndpoint,
    confirm: options.confirm,
    startedAt: clock.startedAt,
    durationMs: Math.round(preciseNow() - clock.started),
    interrupted: run?.interrupted === true,
    offline: options.offline,
    releasePosts: true,
    shard: options.shard,
  });
  if (large) collectGarbage();
  return report;
}

/** Characters of block text past which a run collects its garbage between its phases (see collectGarbage). */
const COLLECT_AFTER_CHARS = 4_000_000;

/** Characters of the posts' block texts. */
function bodyChars(posts: readonly ExtractedPost[]): number {
  let chars = 0;
  for (const post of posts) for (let b = 0; b < post.blocks.length; b++) chars += post.blocks[b].text.length;
  return chars;
}

/** Extraction only: the same report shape, offline (http(s) links `unchecked`). */
export async function runExtract(inputs: string[], options: CitecheckOptions, deps: RunDeps = {}): Promise<Report> {
  return runCheck(inputs, { ...options, offline: true, cache: undefined }, deps);
}
