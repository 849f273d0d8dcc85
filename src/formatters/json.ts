import type { Report } from '../types.js';

// Contract paths first, in PRODUCT.md order; any other key follows in code-unit order, so
// the output never depends on how the Report object was assembled.
const KEY_ORDER = [
  'schemaVersion', 'tool', 'name', 'version', 'startedAt', 'durationMs', 'interrupted', 'offline',
  'totals', 'posts', 'blocks', 'claims', 'citations', 'uniqueUrls', 'damagedAnchors', 'byStatus', 'findings',
  'source', 'kind', 'id', 'slug', 'title', 'url', 'published', 'modified', 'baseUrl', 'warnings',
  'code', 'repair', 'where', 'line',
  'index', 'text', 'isClaim', 'signals',
  'anchorText', 'sentence', 'status', 'httpStatus', 'finalUrl', 'redirects', 'location',
  'errorCode', 'reason', 'history', 'firstCheckedAt', 'failingSince', 'checks', 'failures',
  'rawHref', 'checkUrl', 'fragment', 'invalid', 'rel', 'isInternal', 'origin',
  'severity', 'message', 'post', 'block', 'args',
  'hosts', 'host', 'requests', 'retries', 'backoffs', 'maxInFlight',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

// Keys of these objects are data (status names, message args): sort them plainly, except the
// status and severity tables, which keep the report's reading order (failures first).
const STATUS_ORDER = ['broken', 'unreachable', 'soft-404', 'timeout', 'blocked', 'ok', 'excluded', 'skipped', 'unchecked', 'error', 'warning', 'note'];

/** The JSON report (schemaVersion 1): contract of PRODUCT.md, deterministic key order, 2-space indent, no trailing newline. */
export function renderJson(report: Report): string {
  return JSON.stringify(canonical(report, ''), null, 2);
}

function canonical(value: unknown, parentKey: string): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, `${parentKey}[]`));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const rankOf =
    parentKey === 'byStatus' || parentKey === 'findings'
      ? (k: string) => (STATUS_ORDER.includes(k) ? STATUS_ORDER.indexOf(k) : Number.MAX_SAFE_INTEGER)
      : parentKey === 'args'
        ? () => Number.MAX_SAFE_INTEGER
        : (k: string) => RANK.get(k) ?? Number.MAX_SAFE_INTEGER;
  entries.sort(([a], [b]) => rankOf(a) - rankOf(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v, k)]));
}
