/**
 * One form for every date a source gives (published, modified), whatever the input format, so
 * reports and diffs between runs compare like with like: ISO 8601 in UTC with seconds and a
 * "Z" ("2026-02-01T10:00:00Z"), milliseconds only when they are not zero.
 *
 * A date-time written without a zone keeps none ("2025-01-02T12:00:00"): its zone is unknown
 * (WordPress `date` is the site's local time), and reading it in the machine's zone would make
 * the report depend on where it ran. A date alone is midnight UTC, as ECMAScript reads it.
 *
 * A value that is not a date, or names an impossible one (month 13, 30 February, 25:00), is
 * refused rather than passed on: `Date.parse` alone would not do, as V8 rolls 30 February over
 * into March and reads "garbage 1" as 2001.
 */

/** ISO 8601 as sources write it; a space may stand for "T" and precede the zone (Jekyll). */
const ISO = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?(?:\s?([Zz]|[+-]\d\d:?\d\d))?)?$/;
/** A zone at the end: ISO `Z`/`+02:00`, RFC 2822 `+0200`, or a name (`GMT`, `UTC`, `EST`…). */
const HAS_ZONE = /(?:\dZ|[+-]\d\d:?\d\d|\b(?:UTC?|GMT|[ECMP][SD]T))\s*$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Prose forms Date.parse reads: "Sun, 01 Feb 2026 10:00:00 GMT", "February 1, 2026", "1 Feb 2026". */
const DAY_MONTH = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,})\.?,?\s+(\d{4})\b/i;
const MONTH_DAY = /\b([a-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

/** What a date field holds: a normalised date, or why it is not one. */
export type DateReading = { date: string } | { invalid: string };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `.123` when there are milliseconds, '' otherwise. */
const millis = (ms: number): string => (ms === 0 ? '' : `.${pad(ms, 3)}`);

/** Days in a month (1-based), leap years included. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO form of `v`, normalised, or why it is impossible; undefined when `v` is not ISO. */
function readIso(v: string): DateReading | undefined {
  const m = ISO.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss = '00', frac, zone] = m;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12) return { invalid: `month ${mo} does not exist` };
  if (day < 1 || day > daysIn(year, month)) return { invalid: `day ${d} does not exist in ${y}-${mo}` };
  const date = `${y}-${mo}-${d}`;
  if (hh === undefined) return { date: `${date}T00:00:00Z` };
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59)
    return { invalid: `time ${hh}:${mi}:${ss} does not exist` };
  // Digits past milliseconds are dropped, not rounded (rounding could carry into the seconds).
  const ms = frac ? Number(frac.slice(1).padEnd(3, '0').slice(0, 3)) : 0;
  const wall = `${date}T${hh}:${mi}:${ss}${millis(ms)}`;
  if (zone === undefined) return { date: wall };
  const offset = /^[Zz]$/.test(zone) ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(-2)) > 59))
    return { invalid: `zone ${zone} does not exist` };
  return { date: utc(Date.parse(`${wall}${offset}`)) };
}

/** True when a prose date names a day its month has ("30 February" is refused). */
function proseDayExists(v: string): boolean {
  const dm = DAY_MONTH.exec(v);
  const md = MONTH_DAY.exec(v);
  const [day, name, year] = dm ? [dm[1], dm[2], dm[3]] : md ? [md[2], md[1], md[3]] : [];
  const month = name ? MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1 : 0;
  return month > 0 && Number(day) >= 1 && Number(day) <= daysIn(Number(year), month);
}

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
 * Reads a date field: undefined for no date (not a string, blank, or WordPress's unset
 * "0000-00-00T00:00:00"), else the normal form or why the value is not a date.
 */
export function readDate(value: unknown): DateReading | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (v === '' || v.startsWith('0000')) return undefined;
  const iso = readIso(v);
  if (iso) return iso;
  const t = Date.parse(v);
  if (Number.isNaN(t) || !proseDayExists(v)) return { invalid: 'not a date' };
  return { date: HAS_ZONE.test(v) ? utc(t) : wallClock(t) };
}

/** The normal form of a date field; undefined for no date and for a value that is not one. */
export function normalizeDate(value: unknown): string | undefined {
  const reading = readDate(value);
  return reading && 'date' in reading ? reading.date : undefined;
}
