import type { CitecheckOptions } from '../config/options.js';
import { readFile, rename, unlink, writeFile } from '../fs-calls.js';
import { makeDirs } from '../make-dirs.js';
import { randomHex, sha256Of } from '../hash.js';
import { dirname } from 'node:path';
import { FAILING_STATUSES, isFailingStatus, type CheckHistory, type CheckResult, type LinkStatus } from '../types.js';

/** Version of the cache file layout; a file with another version is ignored. */
const CACHE_VERSION = 1;

/** One URL's memory: the last result and its history. */
export interface CacheEntry {
  /** The last result (without fromCache/history, which are derived). */
  result: CheckResult;
  /** Fingerprint of the settings the result was reached under (see verdictSettings). */
  settings?: string;
  /** Checks remembered across runs. */
  history: CheckHistory;
}

/** What the archive answered about one URL near one date (kept so reruns do not ask again). */
export interface ArchiveCacheEntry {
  /** ISO time of the answer. */
  checkedAt: string;
  /** A capture was found, or the archive has none. Failed lookups are never kept. */
  status: 'found' | 'missing';
  /** The capture's 14-digit Wayback timestamp, when found. */
  timestamp?: string;
}

/** The cache file's JSON. */
interface CacheFile {
  /** Layout version (CACHE_VERSION). */
  version: number;
  /** ISO time of the last write. */
  savedAt: string;
  /** Entries by URL. */
  entries: Record<string, CacheEntry>;
  /** Archive answers by lookup key (endpoint, URL, date); absent in files written before them. */
  archive?: Record<string, ArchiveCacheEntry>;
}

const REMEMBERED: ReadonlySet<LinkStatus> = new Set([...FAILING_STATUSES, 'ok']);

/**
 * A fingerprint of the options that can change a link's verdict: an ok reached with
 * `--accept 403`, with HEAD, with credentials or with --allow-private must not be replayed
 * in a run without them (the last would let a private address through the policy).
 */
export function verdictSettings(
  options: Pick<
    CitecheckOptions,
    'accept' | 'method' | 'soft404Probe' | 'allowPrivate' | 'headers' | 'hosts' | 'userAgent'
  >,
): string {
  const hosts = Object.entries(options.hosts)
    .map(([host, o]) => [host, o.accept?.source ?? null, o.headers ?? null])
    .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  const material = JSON.stringify([
    options.accept.source,
    options.method,
    options.soft404Probe,
    options.allowPrivate,
    options.headers,
    hosts,
    options.userAgent,
  ]);
  return sha256Of(material, 'hex').slice(0, 16);
}

// Flush during the run so a run killed midway leaves a readable, nearly complete cache.
const FLUSH_EVERY_RESULTS = 50;
const FLUSH_EVERY_MS = 5_000;

/**
 * The results cache across runs: one JSON file, written atomically (temp file + rename, so a
 * reader never sees half a file) and flushed every few results/seconds during the run.
 */
export class ResultCache {
  /** Why the file was ignored (corrupt, other version), for the CLI to print. */
  readonly warning?: string;
  private readonly path: string;
  private readonly entries: Map<string, CacheEntry>;
  private readonly archive = new Map<string, ArchiveCacheEntry>();
  private readonly now: () => number;
  private dirty = 0;
  private lastFlush: number;
  private writing: Promise<void> = Promise.resolve();

  /** Settings fingerprint of this run: stored with each result, required for reuse. */
  settings?: string;

  private constructor(path: string, entries: Map<string, CacheEntry>, now: () => number, warning?: string) {
    this.path = path;
    this.entries = entries;
    this.now = now;
    this.lastFlush = now();
    if (warning) this.warning = warning;
  }

  /**
   * Loads the cache; a missing file is an empty cache, a corrupt one too (with a warning).
   * Entries last checked more than `forgetAfterMs` ago are dropped.
   */
  static async load(path: string, now: () => number, forgetAfterMs = Infinity): Promise<ResultCache> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new ResultCache(path, new Map(), now);
      return new ResultCache(
        path,
        new Map(),
        now,
        `cache ${path} unreadable (${(error as Error).message}); starting empty`,
      );
    }
    try {
      const data = JSON.parse(text) as Partial<CacheFile>;
      if (data.version !== CACHE_VERSION || typeof data.entries !== 'object' || data.entries === null) {
        return new ResultCache(path, new Map(), now, `cache ${path} has an unknown layout; starting empty`);
      }
      const entries = new Map<string, CacheEntry>();
      const oldest = now() - forgetAfterMs;
      for (const [url, entry] of Object.entries(data.entries)) {
        if (!entry || typeof entry !== 'object' || !entry.result || !entry.history) continue;
        // An unreadable date counts as old: the entry is re-learnt on the next check.
        if (!(Date.parse(entry.result.checkedAt) >= oldest)) continue;
        entries.set(url, entry);
      }
      const cache = new ResultCache(path, entries, now);
      for (const [key, answer] of Object.entries(data.archive ?? {})) {
        if (!answer || typeof answer !== 'object' || (answer.status !== 'found' && answer.status !== 'missing'))
          continue;
        if (!(Date.parse(answer.checkedAt) >= oldest)) continue;
        cache.archive.set(key, answer);
      }
      return cache;
    } catch {
      return new ResultCache(path, new Map(), now, `cache ${path} is corrupt; starting empty`);
    }
  }

  /**
   * The remembered ok result of a URL if younger than maxAgeMs and reached under this run's
   * settings (when set), marked fromCache.
   */
  fresh(url: string, maxAgeMs: number): CheckResult | undefined {
    const entry = this.entries.get(url);
    if (!entry || entry.result.status !== 'ok') return undefined;
    if (this.settings !== undefined && entry.settings !== this.settings) return undefined;
    const age = this.now() - Date.parse(entry.result.checkedAt);
    if (!(age >= 0 && age < maxAgeMs)) return undefined;
    return { ...entry.result, fromCache: true, history: { ...entry.history } };
  }

  /** Records a fresh result, updating its history; returns the result with history attached. */
  record(result: CheckResult): CheckResult {
    if (!REMEMBERED.has(result.status) || result.fromCache) return result;
    const previous = this.entries.get(result.url)?.history;
    const failing = isFailingStatus(result.status);
    const history: CheckHistory = {
      firstCheckedAt: previous?.firstCheckedAt ?? result.checkedAt,
      checks: (previous?.checks ?? 0) + 1,
      failures: (previous?.failures ?? 0) + (failing ? 1 : 0),
    };
    if (failing) {
      history.failingSince = previous?.failingSince ?? result.checkedAt;
      // In a row: a failure after a failure adds one; an entry from before the count started
      // (failingSince without failingChecks) counts as one failure.
      history.failingChecks = previous?.failingSince !== undefined ? (previous.failingChecks ?? 1) + 1 : 1;
    }
    const stored: CheckResult = { ...result };
    delete stored.history;
    delete stored.fromCache;
    // Which quotes are missing depends on the quotes asked for this run; never replay it.
    delete stored.missingQuotes;
    const entry: CacheEntry = { result: stored, history };
    if (this.settings !== undefined) entry.settings = this.settings;
    this.entries.set(result.url, entry);
    this.dirty += 1;
    if (this.dirty >= FLUSH_EVERY_RESULTS || this.now() - this.lastFlush >= FLUSH_EVERY_MS)
      void this.flush().catch(() => undefined);
    return { ...result, history };
  }

  /** The remembered archive answer for `key` if younger than `maxAgeMs` (which may depend on the answer). */
  archiveAnswer(key: string, maxAgeMs: (answer: ArchiveCacheEntry) => number): ArchiveCacheEntry | undefined {
    const answer = this.archive.get(key);
    if (!answer) return undefined;
    const age = this.now() - Date.parse(answer.checkedAt);
    return age >= 0 && age < maxAgeMs(answer) ? { ...answer } : undefined;
  }

  /** Remembers an archive answer. */
  recordArchive(key: string, answer: ArchiveCacheEntry): void {
    this.archive.set(key, { ...answer });
    this.dirty += 1;
  }

  /** Number of remembered URLs. */
  get size(): number {
    return this.entries.size;
  }

  /** Resolves when the writes started so far are done (without starting one). */
  settled(): Promise<void> {
    return this.writing.catch(() => undefined);
  }

  /** Writes the file atomically; writes are serialised so the last one wins. */
  flush(): Promise<void> {
    this.dirty = 0;
    this.lastFlush = this.now();
    const data: CacheFile = {
      version: CACHE_VERSION,
      savedAt: new Date(this.now()).toISOString(),
      entries: Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    if (this.archive.size > 0)
      data.archive = Object.fromEntries([...this.archive].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const text = `${JSON.stringify(data, null, 1)}\n`;
    const write = async (): Promise<void> => {
      const temp = `${this.path}.${process.pid}.${randomHex(4)}.tmp`;
      await makeDirs(dirname(this.path));
      try {
        await writeFile(temp, text, 'utf8');
        await rename(temp, this.path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
    };
    this.writing = this.writing.then(write, write);
    return this.writing;
  }
}
