import type { Report } from '../types.js';

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
  shard: ['index', 'count', 'inputs'],
  'damagedAnchors[]': ['anchorText', 'sentence', 'reason'],
  'findings[]': ['code', 'severity', 'message', 'post', 'source', 'block', 'url', 'line', 'args'],
  'hosts[]': ['host', 'requests', 'retries', 'backoffs', 'maxInFlight'],
};

/** The JSON report (schemaVersion 1): contract of PRODUCT.md, deterministic key order, 2-space indent, no trailing newline. */
export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}

// Top-level arrays written one element at a time: they are what grows with an archive.
const STREAMED = new Set(['posts', 'findings']);
// Findings are small: a few hundred per chunk keep the chunks few without making them large.
const FINDINGS_PER_CHUNK = 100;

/**
 * The JSON report of renderJson, in pieces: the head, then one piece per post and per few
 * hundred findings, so a writer can stream an archive's report (hundreds of MB) to its file
 * without ever holding it whole. The pieces joined are exactly renderJson's text.
 */
export function* renderJsonChunks(report: Report): Generator<string> {
  const keys = orderedKeys(report as unknown as Record<string, unknown>, '');
  let first = true;
  let pending = '{\n';
  for (const key of keys) {
    const value = (report as unknown as Record<string, unknown>)[key];
    if (value === undefined) continue;
    pending += `${first ? '' : ',\n'}  ${JSON.stringify(key)}: `;
    first = false;
    if (!STREAMED.has(key) || !Array.isArray(value) || value.length === 0) {
      pending += stringify(value, key, '  ');
      continue;
    }
    yield `${pending}[\n`;
    const per = key === 'posts' ? 1 : FINDINGS_PER_CHUNK;
    for (let i = 0; i < value.length; i += per) {
      const parts: string[] = [];
      for (let j = i; j < Math.min(i + per, value.length); j++)
        parts.push(`    ${stringify(value[j], `${key}[]`, '    ')}`);
      yield `${parts.join(',\n')}${i + per < value.length ? ',\n' : '\n'}`;
    }
    pending = '  ]';
  }
  yield `${pending}\n}`;
}

// Rank lookups as maps, built once: every object of a large report is ordered through them.
const RANKS = new Map(Object.entries(ORDERS).map(([holder, keys]) => [holder, new Map(keys.map((k, i) => [k, i]))]));
const NO_RANKS = new Map<string, number>();

/** Keys of `value` in the order of its holder: known keys first, the rest in code-unit order. */
function orderedKeys(value: Record<string, unknown>, holder: string): string[] {
  const ranks = RANKS.get(holder) ?? NO_RANKS;
  const rank = (k: string): number => ranks.get(k) ?? ranks.size;
  return Object.keys(value).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * JSON.stringify(value, null, 2) as it would print at `indent`, with object keys in the order
 * of their holder (the property path that holds them: "posts[]", "citations[]"…). Written out
 * rather than copying every object into key order first: that copy doubled the report in memory.
 */
function stringify(value: unknown, holder: string, indent: string): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => `${inner}${stringify(v, `${holder}[]`, inner) ?? 'null'}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of orderedKeys(object, holder)) {
    const text = stringify(object[key], key, inner);
    if (text !== undefined) parts.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  return parts.length === 0 ? '{}' : `{\n${parts.join(',\n')}\n${indent}}`;
}
