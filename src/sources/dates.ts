/**
 * One form for every date a source gives (published, modified), whatever the input format, so
 * reports and diffs between runs compare like with like: ISO 8601 in UTC with seconds and a
 * "Z" ("2026-02-01T10:00:00Z"), milliseconds only when they are not zero.
 *
 * A date-time written without a zone keeps none ("2025-01-02T12:00:00"): its zone is unknown
 * (WordPress `date` is the site's local time), and reading it in the machine's zone would make
 * the report depend on where it ran. A date alone is midnight UTC, as ECMAScript reads it.
 */

const ISO_DATE_ONLY = /^\d{4}-\d\d-\d\d$/;
const ISO_LOCAL = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(?::(\d\d)(\.\d+)?)?$/;
/** A zone at the end: ISO `Z`/`+02:00`, RFC 2822 `+0200`, or a name (`GMT`, `UTC`, `EST`…). */
const HAS_ZONE = /(?:\dZ|[+-]\d\d:?\d\d|\b(?:UTC?|GMT|[ECMP][SD]T))\s*$/i;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `.123` when there are milliseconds, '' otherwise. */
const millis = (ms: number): string => (ms === 0 ? '' : `.${pad(ms, 3)}`);

/** UTC form of an instant, without `.000`. */
function utc(t: number): string {
  return new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

/** Wall-clock form of a date parsed in local time (its components are what was written). */
function wallClock(t: number): string {
  const d = new Date(t);
  const date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${date}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${millis(d.getMilliseconds())}`;
}

/**
 * The normal form of a date field; undefined for no date (blank, or WordPress's unset
 * "0000-00-00T00:00:00"); a value that is not a date is kept as written rather than dropped.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v.startsWith('0000')) return undefined;
  if (ISO_DATE_ONLY.test(v)) return Number.isNaN(Date.parse(v)) ? v : `${v}T00:00:00Z`;
  const local = ISO_LOCAL.exec(v);
  if (local) {
    if (Number.isNaN(Date.parse(`${local[1]}T${local[2]}Z`))) return v;
    // Digits past milliseconds are dropped, not rounded (rounding could carry into the seconds).
    const ms = local[4] ? Number(local[4].slice(1).padEnd(3, '0').slice(0, 3)) : 0;
    return `${local[1]}T${local[2]}:${local[3] ?? '00'}${millis(ms)}`;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) return v;
  return HAS_ZONE.test(v) ? utc(t) : wallClock(t);
}
