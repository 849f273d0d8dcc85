import { ARCHIVE_HOST_LIMITS } from '../config/defaults.js';
import type { CitecheckOptions } from '../config/options.js';

/** Whether the run looks up archived copies at all (the archive stage, loaded only then). */
export function asksArchive(options: CitecheckOptions): boolean {
  return !options.offline && (options.archive !== 'never' || options.drift);
}

/**
 * The options with the archive's polite limits as a host override of the archive's host, so
 * the run's pool gives archive requests their own lane (1 in flight, an interval) like any
 * host. What the user configured for that host wins. Links that cite the archive share the
 * lane: the archive is one host, however it is reached.
 */
export function withArchiveLane(options: CitecheckOptions): CitecheckOptions {
  if (!asksArchive(options)) return options;
  let url: URL;
  try {
    url = new URL(options.archiveEndpoint);
  } catch {
    return options;
  }
  const own = options.hosts[url.host] ?? options.hosts[url.hostname];
  return {
    ...options,
    hosts: {
      ...options.hosts,
      [url.host]: {
        ...own,
        concurrency: own?.concurrency ?? ARCHIVE_HOST_LIMITS.concurrency,
        intervalMs: own?.intervalMs ?? ARCHIVE_HOST_LIMITS.intervalMs,
      },
    },
  };
}
