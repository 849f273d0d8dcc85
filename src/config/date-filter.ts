/**
 * A date filter as the user gives it: `YYYY-MM-DD` or an ISO 8601 date-time, optionally with
 * a zone. Returned as the ISO 8601 date-time the WordPress REST API takes (`after`, `before`,
 * `modified_after`); a date alone means its midnight. Undefined when it is not a real date.
 */
export function parseDateFilter(text: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone = ''] = m;
  // Date.UTC rolls 2024-02-30 over into March: compare back to tell real dates from impossible ones.
  const utc = new Date(Date.UTC(+year, +month - 1, +day, +hour, +minute, +second));
  if (
    utc.getUTCFullYear() !== +year ||
    utc.getUTCMonth() !== +month - 1 ||
    utc.getUTCDate() !== +day ||
    +hour > 23 ||
    +minute > 59 ||
    +second > 59
  )
    return undefined;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
}
