import { SEVERITIES } from '../report/codes.js';
import { LINK_STATUSES, type Report } from '../types.js';

// Key order per object kind (keyed by the property path that holds it): contract paths of
// PRODUCT.md first, then the other known fields; unknown keys follow in code-unit order, so
// the output never depends on how the Report object was assembled. This is the one place the
// JSON report's key order is stated; the status and severity counts follow the model's order.
const ORDERS: Record<string, string[]> = {
  '': [
    'schemaVersion',
    'tool',
    'startedAt',
    'durationMs',
    'interrupted',
    'offline',
    'totals',
    'posts',
    'findings',
    'hosts',
  ],
  tool: ['name', 'version'],
  totals: ['posts', 'blocks', 'claims', 'citations', 'uniqueUrls', 'damagedAnchors', 'byStatus', 'findings'],
  byStatus: [...LINK_STATUSES],
  findings: [...SEVERITIES],
  'posts[]': ['source', 'kind', 'id', 'slug', 'title', 'url', 'published', 'modified', 'baseUrl', 'warnings', 'blocks'],
  'warnings[]': ['code', 'repair', 'where', 'line'],
  'blocks[]': ['index', 'kind', 'text', 'isClaim', 'signals', 'citations', 'damagedAnchors', 'line'],
  'citations[]': [
    'url',
    'anchorText',
    'sentence',
    'status',
    'httpStatus',
    'finalUrl',
    'redirects',
    'errorCode',
    'reason',
    'history',
    'rawHref',
    'checkUrl',
    'fragment',
    'invalid',
    'rel',
    'isInternal',
    'origin',
  ],
  'redirects[]': ['url', 'status', 'location'],
  history: ['firstCheckedAt', 'failingSince', 'checks', 'failures'],
  'damagedAnchors[]': ['anchorText', 'sentence', 'reason'],
  'findings[]': ['code', 'severity', 'message', 'post', 'source', 'block', 'url', 'line', 'args'],
  'hosts[]': ['host', 'requests', 'retries', 'backoffs', 'maxInFlight'],
};

/** The JSON report (schemaVersion 1): contract of PRODUCT.md, deterministic key order, 2-space indent, no trailing newline. */
export function renderJson(report: Report): string {
  return JSON.stringify(canonical(report, ''), null, 2);
}

// Rank lookups as maps, built once: canonical() visits every object of large reports.
const RANKS = new Map(Object.entries(ORDERS).map(([holder, keys]) => [holder, new Map(keys.map((k, i) => [k, i]))]));
const NO_RANKS = new Map<string, number>();

function canonical(value: unknown, holder: string): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, `${holder}[]`));
  if (value === null || typeof value !== 'object') return value;
  const ranks = RANKS.get(holder) ?? NO_RANKS;
  const rank = (k: string): number => ranks.get(k) ?? ranks.size;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v, k)]));
}
