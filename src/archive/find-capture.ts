import type { WaybackClient } from './wayback-client.js';

/** Which capture of a URL stands for the source as the post cited it. */
export type CaptureChoice =
  | {
      /** A capture was found. */
      status: 'found';
      /** Its 14-digit Wayback timestamp. */
      timestamp: string;
      /** Requests this choice took. */
      lookups: number;
    }
  | {
      /** The archive holds no 2xx capture of the URL. */
      status: 'missing';
      /** Requests this choice took. */
      lookups: number;
    }
  | {
      /** The archive did not answer (busy, down, garbled): nothing is known. */
      status: 'lookup-failed';
      /** Why. */
      reason: string;
      /** Requests this choice took. */
      lookups: number;
    };

const is2xx = (status: string): boolean => /^2\d\d$/.test(status);

/**
 * Finds the capture nearest a post's date: the closest 2xx capture **before** it (what the
 * author could have read), else the closest after it; without a date, the latest. Asks the
 * availability API first (one request when it names a 2xx capture before the date), then the
 * CDX API: to look for an earlier capture when the closest one is after the date, and to
 * confirm a "none", which the availability API answers now and then for archived URLs.
 */
export async function findCapture(client: WaybackClient, url: string, timestamp?: string): Promise<CaptureChoice> {
  const before = client.requests;
  const spent = (): number => client.requests - before;
  const failed = (reason: string): CaptureChoice => ({ status: 'lookup-failed', reason, lookups: spent() });
  const found = (ts: string): CaptureChoice => ({ status: 'found', timestamp: ts, lookups: spent() });

  const available = await client.available(url, timestamp);
  if (!available.ok) return failed(available.reason);
  const closest = available.value !== undefined && is2xx(available.value.status) ? available.value : undefined;

  if (timestamp === undefined) {
    if (closest) return found(closest.timestamp);
    const latest = await client.captures(url, { limit: -1 });
    if (!latest.ok) return failed(latest.reason);
    const last = latestOf(latest.value);
    return last ? found(last) : { status: 'missing', lookups: spent() };
  }

  if (closest && closest.timestamp <= timestamp) return found(closest.timestamp);
  const earlier = await client.captures(url, { to: timestamp, limit: -1 });
  if (!earlier.ok) return failed(earlier.reason);
  const lastBefore = latestOf(earlier.value.filter((c) => c.timestamp <= timestamp));
  if (lastBefore) return found(lastBefore);
  if (closest) return found(closest.timestamp);
  const later = await client.captures(url, { from: timestamp, limit: 1 });
  if (!later.ok) return failed(later.reason);
  const firstAfter = later.value
    .filter((c) => is2xx(c.statuscode) && c.timestamp >= timestamp)
    .map((c) => c.timestamp)
    .sort()[0];
  return firstAfter ? found(firstAfter) : { status: 'missing', lookups: spent() };
}

/** The latest 2xx timestamp among captures (a CDX server may ignore a negative limit and list all). */
function latestOf(captures: { timestamp: string; statuscode: string }[]): string | undefined {
  let latest: string | undefined;
  for (const c of captures)
    if (is2xx(c.statuscode) && (latest === undefined || c.timestamp > latest)) latest = c.timestamp;
  return latest;
}
