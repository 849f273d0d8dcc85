import { ConfigError, UsageError } from '../errors.js';
import { attemptTimeoutMs, DEFAULT_CACHE_PATH, DEFAULTS } from './defaults.js';
import { parseDateFilter } from './date-filter.js';
import { DURATION_HINT, parseDuration } from './duration.js';
import type { ConfigFile } from './load.js';
import type { CitecheckOptions, HeaderRule, HostOverride } from './options.js';

/** Where a value came from, so errors name it the way the user wrote it. */
export type ValueOrigin = { kind: 'file'; label: string } | { kind: 'cli' };

/**
 * Merges defaults ← config file ← command-line values into the options of a run.
 * Both layers use the config file's keys; CLI values were already mapped onto them.
 */
export function resolveOptions(
  file: { label: string; config: ConfigFile } | undefined,
  cli: ConfigFile & { headerRules?: HeaderRule[] },
): CitecheckOptions {
  const options: CitecheckOptions = {
    ...DEFAULTS,
    headers: [],
    include: [],
    exclude: [],
    hosts: {},
    ignore: [],
    claims: { attributionWords: [], attributionIgnore: [], figureIgnore: [] },
  };
  if (file) apply(options, file.config, { kind: 'file', label: file.label });
  apply(options, cli, { kind: 'cli' });
  options.headers.push(...(cli.headerRules ?? []));
  return options;
}

function fail(origin: ValueOrigin, key: string, problem: string): never {
  if (origin.kind === 'cli') throw new UsageError(`--${kebab(key)}: ${problem}`);
  throw new ConfigError(`${origin.label}: "${key}" ${problem}`);
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace('soft404', 'soft-404');
}

function duration(value: string | number, origin: ValueOrigin, key: string): number {
  const ms = typeof value === 'number' ? value : parseDuration(value);
  if (ms === undefined || ms < 0) fail(origin, key, `is not a duration (${DURATION_HINT}): ${String(value)}`);
  return ms;
}

function apply(options: CitecheckOptions, layer: ConfigFile, origin: ValueOrigin): void {
  const ints = ['concurrency', 'hostConcurrency', 'retries', 'maxRedirects', 'maxBodyBytes', 'limit'] as const;
  for (const key of ints) {
    const value = layer[key];
    if (value === undefined) continue;
    const min = key === 'retries' || key === 'maxRedirects' ? 0 : 1;
    if (!Number.isInteger(value) || value < min) fail(origin, key, `must be a whole number ≥ ${min}: ${String(value)}`);
    options[key] = value;
  }
  const durations = [
    ['hostInterval', 'hostIntervalMs'],
    ['timeout', 'timeoutMs'],
    ['connectTimeout', 'connectTimeoutMs'],
    ['retryAfterMax', 'retryAfterMaxMs'],
    ['cacheMaxAge', 'cacheMaxAgeMs'],
  ] as const;
  for (const [key, target] of durations) {
    const value = layer[key];
    if (value !== undefined) options[target] = duration(value, origin, key);
  }
  if (layer.timeout !== undefined) {
    if (options.timeoutMs === 0) fail(origin, 'timeout', 'must be greater than 0');
    options.headersTimeoutMs = attemptTimeoutMs(options.timeoutMs);
    options.bodyTimeoutMs = attemptTimeoutMs(options.timeoutMs);
  }
  const booleans = [
    'allowPrivate',
    'offline',
    'checkFragments',
    'soft404Probe',
    'checkQuotes',
    'includeMedia',
    'linkify',
  ] as const;
  for (const key of booleans) if (layer[key] !== undefined) options[key] = layer[key];
  if (layer.method !== undefined) {
    if (layer.method !== 'get' && layer.method !== 'head')
      fail(origin, 'method', `must be get or head: ${String(layer.method)}`);
    options.method = layer.method;
  }
  if (layer.failOn !== undefined) {
    if (!['error', 'warning', 'note', 'never'].includes(layer.failOn)) {
      fail(origin, 'failOn', `must be one of error, warning, note, never: ${String(layer.failOn)}`);
    }
    options.failOn = layer.failOn;
  }
  if (layer.userAgent !== undefined) options.userAgent = layer.userAgent;
  if (layer.accept !== undefined) options.accept = checkRanges(layer.accept, origin, 'accept');
  for (const key of ['include', 'exclude'] as const) {
    for (const source of layer[key] ?? []) {
      try {
        new RegExp(source);
      } catch {
        fail(origin, key, `is not a valid regular expression: ${source}`);
      }
      options[key].push(source);
    }
  }
  for (const word of layer.claims?.attributionWords ?? []) {
    if (typeof word !== 'string' || word.trim() === '')
      fail(origin, 'claims.attributionWords', `must list words: ${String(word)}`);
    options.claims.attributionWords.push(word.trim());
  }
  for (const key of ['attributionIgnore', 'figureIgnore'] as const) {
    for (const source of layer.claims?.[key] ?? []) {
      try {
        new RegExp(source, 'u');
      } catch {
        fail(origin, `claims.${key}`, `is not a valid regular expression: ${source}`);
      }
      options.claims[key].push(source);
    }
  }
  for (const url of layer.ignore ?? []) {
    if (typeof url !== 'string' || url.trim() === '') fail(origin, 'ignore', `must list URLs: ${String(url)}`);
    options.ignore.push(url.trim());
  }
  for (const [name, value] of Object.entries(layer.headers ?? {})) options.headers.push({ name, value });
  if (layer.cache !== undefined) {
    options.cache = layer.cache === false ? undefined : layer.cache === true ? DEFAULT_CACHE_PATH : layer.cache;
  }
  if (layer.type !== undefined) options.postTypes = nameList(layer.type, origin, 'type');
  if (layer.status !== undefined) options.statuses = nameList(layer.status, origin, 'status');
  for (const key of ['after', 'before', 'modifiedAfter'] as const) {
    const value = layer[key];
    if (value === undefined) continue;
    const date = parseDateFilter(value);
    if (!date) fail(origin, key, `is not a date (YYYY-MM-DD or an ISO 8601 date-time): ${value}`);
    options[key] = date;
  }
  for (const [host, override] of Object.entries(layer.hosts ?? {})) {
    const merged: HostOverride = { ...options.hosts[host.toLowerCase()] };
    if (override.concurrency !== undefined) merged.concurrency = override.concurrency;
    if (override.interval !== undefined)
      merged.intervalMs = duration(override.interval, origin, `hosts.${host}.interval`);
    if (override.headers !== undefined) merged.headers = { ...merged.headers, ...override.headers };
    if (override.accept !== undefined) merged.accept = checkRanges(override.accept, origin, `hosts.${host}.accept`);
    if (override.check !== undefined) merged.check = override.check;
    options.hosts[host.toLowerCase()] = merged;
  }
}

/** A comma-separated list of WordPress names (content types' REST bases, post statuses), lower-cased. */
function nameList(value: string, origin: ValueOrigin, key: string): string[] {
  const names = value.split(',').map((name) => name.trim().toLowerCase());
  if (names.some((name) => !/^[a-z0-9_-]+$/.test(name)))
    fail(origin, key, `must be names separated by commas, e.g. posts,pages: ${value}`);
  return [...new Set(names)];
}

const RANGES = /^\s*\d{3}(\s*\.\.\s*\d{3})?(\s*,\s*\d{3}(\s*\.\.\s*\d{3})?)*\s*$/;

function checkRanges(value: string, origin: ValueOrigin, key: string): string {
  if (!RANGES.test(value)) fail(origin, key, `must be status codes or ranges like 200..299,403: ${value}`);
  return value;
}

/**
 * Parses a `--header` value: "Name: value" for every host, or "host=Name: value" for one
 * host (header names cannot contain "=", RFC 9110 §5.6.2, so the split is unambiguous).
 */
export function parseHeaderRule(text: string): HeaderRule {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new UsageError(`--header: expected "Name: value" or "host=Name: value", got: ${text}`);
  let name = text.slice(0, colon).trim();
  const value = text.slice(colon + 1).trim();
  let host: string | undefined;
  const eq = name.indexOf('=');
  if (eq >= 0) {
    host = name.slice(0, eq).trim().toLowerCase();
    name = name.slice(eq + 1).trim();
  }
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name) || (host !== undefined && !host)) {
    throw new UsageError(`--header: invalid header "${text}"`);
  }
  return host ? { host, name, value } : { name, value };
}
