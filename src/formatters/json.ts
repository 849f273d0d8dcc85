import type { Report } from '../types.js';
import { guardJsonText } from './escape.js';

// Key order per object kind (keyed by the property path that holds it): contract paths of
// PRODUCT.md first, then the other known fields; unknown keys follow in code-unit order, so
// the output never depends on how the Report object was assembled.
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
  byStatus: ['broken', 'unreachable', 'soft-404', 'timeout', 'blocked', 'ok', 'excluded', 'skipped', 'unchecked'],
  findings: ['error', 'warning', 'note'],
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

/**
 * The JSON report (schemaVersion 1): contract of PRODUCT.md, deterministic key order, 2-space
 * indent, no trailing newline. Printed in a CI log it is inert (see guardJsonText); parsed, it
 * holds the post's text exactly.
 */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

// The report's two arrays that grow with the input; everything else is a few KB.
const STREAMED = ['posts', 'findings'] as const;

/**
 * The JSON report of {@link renderJson} in pieces, one per post and per finding, so the CLI can
 * write a large report without holding it, or an ordered copy of it, whole: for a 41 MB export
 * the 270 MB string and its copy were half the run's peak memory. Same bytes once joined.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  // Placeholders hold the arrays' places in the ordered top level; a NUL is escaped by
  // JSON.stringify, so the quoted marker cannot be confused with text of the report.
  const marker = (key: string) => `\u0000${key}`;
  const top: Record<string, unknown> = { ...report };
  for (const key of STREAMED) top[key] = marker(key);
  let head = JSON.stringify(canonical(top, ''), null, 2);
  for (const key of STREAMED) {
    const quoted = `${JSON.stringify(key)}: ${JSON.stringify(marker(key))}`;
    const at = head.indexOf(quoted);
    yield guardJsonText(`${head.slice(0, at)}${JSON.stringify(key)}: `);
    head = head.slice(at + quoted.length);
    const items = report[key] as readonly unknown[];
    if (items.length === 0) {
      yield '[]';
      continue;
    }
    yield '[';
    for (let i = 0; i < items.length; i++) {
      // Items sit at depth 2: JSON strings hold no raw newline, so indenting every line is exact.
      const item = JSON.stringify(canonical(items[i], `${key}[]`), null, 2).replace(/\n/g, '\n    ');
      yield guardJsonText(`\n    ${item}${i < items.length - 1 ? ',' : ''}`);
    }
    yield '\n  ]';
  }
  yield guardJsonText(head);
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
