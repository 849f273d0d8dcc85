/**
 * Links that already point into a web archive, and Wayback timestamps. A citation of
 * `https://web.archive.org/web/20240430123456/https://example.com/a` is an archived copy
 * already: it needs no lookup, and the report shows what it is a copy of and from when.
 */

/** What an archive URL says about itself. */
export interface ArchiveUrlInfo {
  /** The captured URL, when the archive URL names it (archive.today short ids do not). */
  originalUrl?: string;
  /** When the capture was made (ISO 8601, UTC), when the archive URL names it. */
  capturedAt?: string;
}

// Wayback Machine hosts and the archives that copied its URL shape (pywb, OpenWayback):
// `/<prefix…>/<timestamp>[<modifier>_]/<original URL>`.
const WAYBACK_HOSTS = [
  'web.archive.org',
  'wayback.archive.org',
  'arquivo.pt',
  'webarchive.org.uk',
  'www.webarchive.org.uk',
  'webarchive.loc.gov',
  'wayback.archive-it.org',
  'webarchive.nla.gov.au',
  'web.archive.org.au',
  'wayback.vefsafn.is',
  'webarchive.nationalarchives.gov.uk',
  'archive.webcitation.org',
];
// archive.today and its mirrors: `/<YYYY.MM.DD-hhmmss>/<URL>`, `/<timestamp>/<URL>`,
// `/newest/<URL>`, or a short id (`/AbCdE`) that names neither URL nor date.
const ARCHIVE_TODAY_HOSTS = [
  'archive.today',
  'archive.ph',
  'archive.is',
  'archive.li',
  'archive.vn',
  'archive.fo',
  'archive.md',
];
// Archives whose links are opaque ids: recognised, nothing to parse out.
const OPAQUE_HOSTS = ['perma.cc', 'ghostarchive.org', 'www.webcitation.org', 'webcitation.org'];

// The timestamp segment of a Wayback path: 4–14 digits, then an optional replay modifier
// (`id_` raw bytes, `if_` in a frame, `im_` image, `js_`, `cs_`, `mp_`, `oe_`).
// Global: a path may hold digit segments before the timestamp (Archive-It's collection id,
// `/1234/20190101000000/https://…`); each is tried in turn, at most MAX_SEGMENTS.
const WAYBACK_SEGMENT = /\/(\d{4,14})(?:[a-z]{2}_)?\//gi;
// On an unknown host only a full 14-digit timestamp followed by an http(s) URL counts: that
// shape is a capture of a Wayback-compatible archive, not a coincidence.
const GENERIC_SEGMENT = /\/(\d{14})(?:[a-z]{2}_)?\/(?=https?:\/\/?.)/gi;
const MAX_SEGMENTS = 4;
// A tail that starts with another timestamp-like segment: the next candidate is the timestamp.
const TIMESTAMP_NEXT = /^\d{4,14}(?:[a-z]{2}_)?\//i;
const ARCHIVE_TODAY_SEGMENT = /^\/(?:(\d{4})\.(\d{2})\.(\d{2})-(\d{2})(\d{2})(\d{2})|(\d{14})|newest|oldest)\/(.+)$/;

const MAYBE_ARCHIVE = /archive|perma\.cc|webcitation|arquivo\.pt|vefsafn|\/\d{14}/i;

/** The hosts and path shapes of the archive at `endpoint` (a configured Wayback-compatible service). */
function endpointPrefix(endpoint: string | undefined): { host: string; path: string } | undefined {
  if (!endpoint) return undefined;
  try {
    const url = new URL(endpoint);
    return { host: url.host.toLowerCase(), path: url.pathname.replace(/\/+$/, '') };
  } catch {
    return undefined;
  }
}

/**
 * Recognises a URL that points into a web archive (the Wayback Machine and archives sharing its
 * URL shape, archive.today and its mirrors, perma.cc, and the configured `endpoint`), and
 * parses out the captured URL and the capture date where the URL holds them.
 */
export function recognizeArchiveUrl(url: string, endpoint?: string): ArchiveUrlInfo | undefined {
  // Most links are not archive links: a string test spares them a URL parse (reports of
  // hundreds of thousands of citations run this once per citation).
  if (!MAYBE_ARCHIVE.test(url) && !(endpoint && url.startsWith(endpoint))) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.toLowerCase();
  // The original URL keeps its own query and fragment, which the URL parser put on the archive URL.
  const rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  const own = endpointPrefix(endpoint);
  if (own && parsed.host.toLowerCase() === own.host && rest.startsWith(`${own.path}/web/`)) {
    return fromWayback(rest.slice(own.path.length), WAYBACK_SEGMENT) ?? {};
  }
  if (WAYBACK_HOSTS.includes(host) || host.endsWith('.archive.org')) {
    return fromWayback(rest, WAYBACK_SEGMENT) ?? (isCapturePath(rest) ? {} : undefined);
  }
  if (ARCHIVE_TODAY_HOSTS.includes(host)) return fromArchiveToday(rest);
  if (OPAQUE_HOSTS.includes(host)) return parsed.pathname.length > 1 ? {} : undefined;
  return fromWayback(rest, GENERIC_SEGMENT);
}

/** `/web/2024*` listings and bare `/web/<url>` are archive pages too, though not one capture. */
function isCapturePath(path: string): boolean {
  return /^\/web\//.test(path);
}

function fromWayback(path: string, shape: RegExp): ArchiveUrlInfo | undefined {
  shape.lastIndex = 0;
  for (let tries = 0; tries < MAX_SEGMENTS; tries++) {
    const m = shape.exec(path);
    if (!m) return undefined;
    const tail = path.slice(m.index + m[0].length);
    if (tail === '') return undefined;
    // The match's closing "/" may open the next candidate segment.
    shape.lastIndex = m.index + m[0].length - 1;
    if (TIMESTAMP_NEXT.test(tail)) continue;
    const originalUrl = originalFrom(tail);
    if (originalUrl === undefined) continue;
    const info: ArchiveUrlInfo = { originalUrl };
    const capturedAt = timestampToIso(m[1]);
    if (capturedAt) info.capturedAt = capturedAt;
    return info;
  }
  return undefined;
}

function fromArchiveToday(path: string): ArchiveUrlInfo | undefined {
  const m = ARCHIVE_TODAY_SEGMENT.exec(path);
  if (!m) return /^\/[A-Za-z0-9]{4,8}$/.test(path) ? {} : undefined;
  const info: ArchiveUrlInfo = {};
  const original = originalFrom(m[8]);
  if (original !== undefined) info.originalUrl = original;
  const stamp = m[1] ? `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}` : m[7];
  const capturedAt = stamp ? timestampToIso(stamp) : undefined;
  if (capturedAt) info.capturedAt = capturedAt;
  return info;
}

/** The captured URL from the tail of an archive path: scheme repaired (`https:/x`), or http:// added. */
function originalFrom(tail: string): string | undefined {
  let text = tail;
  const collapsed = /^(https?):\/(?!\/)/i.exec(text);
  if (collapsed) text = `${collapsed[1]}://${text.slice(collapsed[0].length)}`;
  else if (!/^https?:\/\//i.test(text)) text = `http://${text}`;
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/**
 * A Wayback timestamp (4–14 digits, `YYYYMMDDhhmmss`, missing parts taken as the start of the
 * period) as ISO 8601 UTC, or undefined when it is not a possible date.
 */
export function timestampToIso(timestamp: string): string | undefined {
  if (!/^\d{4,14}$/.test(timestamp)) return undefined;
  const full = timestamp.padEnd(14, '0');
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((at, i) => full.slice(at, i === 0 ? 4 : at + 2));
  // Missing month and day are the first of the period, not month 00.
  const month = mo === '00' ? '01' : mo;
  const day = d === '00' ? '01' : d;
  const iso = `${y}-${month}-${day}T${h}:${mi}:${s}Z`;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 19) !== iso.slice(0, 19)) return undefined;
  return iso;
}

/**
 * The 14-digit Wayback timestamp (UTC) of a post's publication date, or undefined when the post
 * has none. A date-time without a zone is read as UTC (WordPress `date` without `date_gmt`):
 * a few hours do not move a capture choice measured in days.
 */
export function waybackTimestamp(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const text = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(published) ? `${published}Z` : published;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The key archive facts are kept under: one per cited URL and post date ("latest" without one). */
export function archiveKey(checkUrl: string, published: string | undefined): string {
  return `${checkUrl}\n${waybackTimestamp(published) ?? 'latest'}`;
}
