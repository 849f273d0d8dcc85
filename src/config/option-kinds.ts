import { parseConfirmRule } from './confirm-rule.js';
import { parseDateFilter } from './date-filter.js';
import { DURATION_HINT, formatDuration, parseDuration } from './duration.js';
import { BYTE_SIZE_HINT, formatByteSize, parseByteSize } from './byte-size.js';
import { HEADER_VALUE_PROBLEM, isHeaderName, isHeaderValue, parseHeaderRule } from './header-rule.js';
import type { OptionDecl, OptionKindName } from './option-decl.js';
import { DEFAULT_CACHE_PATH, HOST_OPTION_TABLE, OUTPUT_FORMATS } from './option-table.js';
import type { HeaderRule } from './options.js';
import { compilePattern } from './patterns.js';
import { readShard } from './shard.js';
import { parseStatusRanges } from './status-ranges.js';
import { CLAIM_KEYS, compileClaimConfig, type ClaimConfig } from './claim-config.js';

/** Throws the error for a bad value, naming the flag or the config key (`key`: a nested key path). */
export type Fail = (problem: string, key?: string) => never;

/** A JSON Schema fragment. */
export type JsonSchema = Record<string, unknown>;

/** How values of one kind are written in the config file, checked, compiled and shown. */
export interface KindRules {
  /** JSON Schema of a value of this kind in the config file. */
  schema(decl: OptionDecl): JsonSchema;
  /**
   * Checks a value from the config file (JSON) or the command line (commander's string,
   * string[] or boolean) and compiles it for the run; the one validator of both.
   */
  compile(raw: unknown, decl: OptionDecl, fail: Fail): unknown;
  /** A default as --help shows it; undefined: --help shows none. */
  show?(value: unknown): string;
  /** Repeatable: values add to the config file's instead of replacing them. */
  appends?: boolean;
}

/** The shared JSON Schema definitions the kinds refer to. */
export const SCHEMA_DEFINITIONS: Record<string, JsonSchema> = {
  duration: {
    description: 'A duration with a unit (250ms, 2s, 1m, 1h, 1d); a bare number means milliseconds.',
    oneOf: [
      { type: 'integer', minimum: 0 },
      { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d)?\\s*$' },
    ],
  },
  bytes: {
    description: 'A size in bytes: a whole number, or with a unit k, M, G (KiB, MiB, GiB: powers of 1024), e.g. "5M".',
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*(([kKmMgG]([iI]?[bB])?)|[bB])?\\s*$' },
    ],
  },
  statusRanges: {
    description: 'Status codes or ranges counted as ok, e.g. "200..299,403".',
    type: 'string',
    pattern: '^\\s*\\d{3}(\\s*\\.\\.\\s*\\d{3})?(\\s*,\\s*\\d{3}(\\s*\\.\\.\\s*\\d{3})?)*\\s*$',
  },
  headers: {
    description: 'Header name → value.',
    type: 'object',
    additionalProperties: { type: 'string' },
  },
};

const show = String;

/** A kind whose value is any non-empty string (free text, a file name): only the wording differs. */
function nonEmptyString(problem: string) {
  return {
    schema: () => ({ type: 'string', minLength: 1 }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      if (typeof raw !== 'string' || raw === '') fail(problem);
      return raw;
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(raw: unknown, fail: Fail): string[] {
  if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) fail('must be a list of strings');
  return raw as string[];
}

function headerMap(raw: unknown, fail: Fail): Record<string, string> {
  if (!isPlainObject(raw)) fail('must be an object of header name → value');
  const map: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!isHeaderName(name)) fail(`has an invalid header name "${name}"`);
    if (typeof value !== 'string') fail(`has a header "${name}" whose value is not a string`);
    if (!isHeaderValue(value)) fail(`has a header "${name}" whose value ${HEADER_VALUE_PROBLEM}`);
    map[name] = value;
  }
  return map;
}

/** The schema of one option's key in the config file: its kind's, with its sentence and default. */
function propertySchema(decl: OptionDecl): JsonSchema {
  const own = KINDS[decl.kind].schema(decl);
  const described = decl.keyHelp ?? decl.help;
  const sentence = `${described[0].toUpperCase()}${described.slice(1)}`;
  const note = decl.note ? `; ${decl.note}` : '';
  const description = `${sentence}${note}.`.replaceAll('`', '');
  return decl.default === undefined ? { ...own, description } : { ...own, description, default: decl.default };
}

/** The schema of an object whose keys are `decls`' keys (the file itself, one `hosts` entry). */
export function objectSchema(decls: readonly OptionDecl[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const decl of decls) if (decl.file !== false) properties[decl.key] = propertySchema(decl);
  return { type: 'object', additionalProperties: false, properties };
}

/** The rules of every kind. */
export const KINDS: Record<OptionKindName, KindRules> = {
  count: {
    schema: (decl) => ({
      type: 'integer',
      minimum: decl.min ?? 0,
      ...(decl.max === undefined ? {} : { maximum: decl.max }),
    }),
    compile(raw: unknown, decl: OptionDecl, fail: Fail) {
      const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
      const min = decl.min ?? 0;
      const range = decl.max === undefined ? `≥ ${min}` : `from ${min} to ${decl.max}`;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < min || (decl.max !== undefined && n > decl.max)) {
        fail(`must be a whole number ${range}: ${String(raw)}`);
      }
      return n;
    },
    show,
  },
  bytes: {
    schema: () => ({ $ref: '#/definitions/bytes' }),
    compile(raw: unknown, decl: OptionDecl, fail: Fail) {
      const bytes =
        typeof raw === 'number'
          ? Number.isSafeInteger(raw)
            ? raw
            : undefined
          : typeof raw === 'string'
            ? parseByteSize(raw)
            : undefined;
      if (bytes === undefined) fail(`is not a size (${BYTE_SIZE_HINT}): ${String(raw)}`);
      const min = decl.min ?? 0;
      if (bytes < min) fail(`must be at least ${min} byte${min === 1 ? '' : 's'}: ${String(raw)}`);
      return bytes;
    },
    show: (value) => formatByteSize(value as number),
  },
  duration: {
    schema: () => ({ $ref: '#/definitions/duration' }),
    compile(raw: unknown, decl: OptionDecl, fail: Fail) {
      let ms: number | undefined;
      if (typeof raw === 'number') ms = Number.isFinite(raw) && raw >= 0 ? Math.round(raw) : undefined;
      else if (typeof raw === 'string') ms = parseDuration(raw);
      if (ms === undefined) fail(`is not a duration (${DURATION_HINT}): ${String(raw)}`);
      if (decl.positive && ms === 0) fail('must be greater than 0');
      return ms;
    },
    show: (value) => formatDuration(value as number),
  },
  switch: {
    schema: () => ({ type: 'boolean' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      if (typeof raw !== 'boolean') fail(`must be true or false: ${String(raw)}`);
      return raw;
    },
  },
  text: { ...nonEmptyString('must be a non-empty string'), show },
  headerValue: {
    // No pattern: the compiled check says what is wrong, where a schema pattern says "wrong format".
    schema: () => ({ type: 'string', minLength: 1 }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      if (typeof raw !== 'string' || raw === '') fail('must be a non-empty string');
      if (!isHeaderValue(raw)) fail(HEADER_VALUE_PROBLEM);
      return raw;
    },
    show,
  },
  url: {
    schema: () => ({ type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      let url: URL | undefined;
      try {
        url = typeof raw === 'string' ? new URL(raw) : undefined;
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
        fail(`must be an absolute http(s) URL: ${String(raw)}`);
      }
      return url.href;
    },
    show,
  },
  choice: {
    schema: (decl) => ({ enum: decl.choices }),
    compile(raw: unknown, decl: OptionDecl, fail: Fail) {
      const choices = decl.choices ?? [];
      if (typeof raw !== 'string' || !choices.includes(raw))
        fail(`must be one of ${choices.join(', ')}: ${String(raw)}`);
      return raw;
    },
    show,
  },
  patterns: {
    schema: () => ({ type: 'array', items: { type: 'string' } }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      return strings(raw, fail).map((source) => {
        try {
          return compilePattern(source);
        } catch {
          return fail(`has an invalid regular expression: ${source}`);
        }
      });
    },
    appends: true,
  },
  statuses: {
    schema: () => ({ $ref: '#/definitions/statusRanges' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      if (typeof raw !== 'string') fail('must be status codes or ranges like 200..299,403');
      try {
        return parseStatusRanges(raw);
      } catch (error) {
        return fail(`${(error as Error).message} (write status codes or ranges like 200..299,403)`);
      }
    },
    show,
  },
  headers: {
    schema: () => ({ $ref: '#/definitions/headers' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail): HeaderRule[] {
      // The command line repeats "Name: value" / "host=Name: value"; the file has a name → value object.
      if (Array.isArray(raw)) {
        return strings(raw, fail).map((text) => {
          try {
            return parseHeaderRule(text);
          } catch (error) {
            return fail((error as Error).message);
          }
        });
      }
      return Object.entries(headerMap(raw, fail)).map(([name, value]) => ({ name, value }));
    },
    appends: true,
  },
  headerMap: {
    schema: () => ({ $ref: '#/definitions/headers' }),
    compile: (raw: unknown, _decl: OptionDecl, fail: Fail) => headerMap(raw, fail),
  },
  cache: {
    schema: () => ({ oneOf: [{ type: 'boolean' }, { type: 'string', minLength: 1 }] }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      if (raw === true) return DEFAULT_CACHE_PATH;
      if (raw === false) return undefined;
      if (typeof raw !== 'string' || raw === '') fail(`must be true, false or a file name: ${String(raw)}`);
      return raw;
    },
  },
  reports: {
    schema: () => ({
      type: 'array',
      items: { type: 'string', pattern: `^(${OUTPUT_FORMATS.join('|')})(:.+)?$` },
    }),
    compile: (raw: unknown, _decl: OptionDecl, fail: Fail) => strings(raw, fail),
  },
  hosts: {
    schema: () => ({ type: 'object', additionalProperties: objectSchema(HOST_OPTION_TABLE) }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      if (!isPlainObject(raw)) fail('must be an object keyed by host name');
      const hosts: Record<string, Record<string, unknown>> = {};
      for (const [host, entry] of Object.entries(raw)) {
        if (!isPlainObject(entry)) fail('must be an object', `hosts.${host}`);
        const compiled: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(entry)) {
          const decl = (HOST_OPTION_TABLE as readonly OptionDecl[]).find((d) => d.key === key);
          const at = `hosts.${host}.${key}`;
          if (!decl) fail('is not a known key', at);
          if (value === undefined) continue;
          const failAt: Fail = (problem) => fail(problem, at);
          compiled[decl.field ?? decl.key] = KINDS[decl.kind].compile(value, decl, failAt);
        }
        const name = host.toLowerCase();
        hosts[name] = mergeHost(hosts[name], compiled);
      }
      return hosts;
    },
  },
  names: {
    schema: () => ({ type: 'string', pattern: '^\\s*[A-Za-z0-9_-]+(\\s*,\\s*[A-Za-z0-9_-]+)*\\s*$' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      // WordPress names (content types' REST bases, post statuses), comma-separated.
      const names = typeof raw === 'string' ? raw.split(',').map((name) => name.trim().toLowerCase()) : [];
      if (names.length === 0 || names.some((name) => !/^[a-z0-9_-]+$/.test(name))) {
        fail(`must be names separated by commas, e.g. posts,pages: ${String(raw)}`);
      }
      return [...new Set(names)];
    },
    show,
  },
  date: {
    schema: () => ({ type: 'string' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      const date = typeof raw === 'string' ? parseDateFilter(raw) : undefined;
      if (!date) fail(`is not a date (YYYY-MM-DD or an ISO 8601 date-time): ${String(raw)}`);
      return date;
    },
  },
  urls: {
    schema: () => ({ type: 'array', items: { type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]' } }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      return strings(raw, fail).map((text) => {
        let url: URL | undefined;
        try {
          url = new URL(text.trim());
        } catch {
          url = undefined;
        }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
          fail(`has a value that is not an absolute http(s) URL: ${text}`);
        return text.trim();
      });
    },
    appends: true,
  },
  claims: {
    schema: () => ({
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        CLAIM_KEYS.map((key) => [key, { type: 'array', items: { type: 'string', minLength: 1 } }]),
      ),
    }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      if (!isPlainObject(raw))
        fail(`must be an object with ${CLAIM_KEYS.slice(0, -1).join(', ')} or ${CLAIM_KEYS[CLAIM_KEYS.length - 1]}`);
      for (const key of Object.keys(raw)) {
        if (!(CLAIM_KEYS as readonly string[]).includes(key)) fail('is not a known key', `claims.${key}`);
      }
      try {
        return compileClaimConfig(raw as ClaimConfig);
      } catch (error) {
        // compileClaimConfig says "key: problem".
        const message = (error as Error).message;
        const at = message.indexOf(': ');
        return fail(message.slice(at + 2), `claims.${message.slice(0, at)}`);
      }
    },
  },
  endpoint: {
    schema: () => ({ type: 'string', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      // A base URL other paths are appended to: no query or fragment, no trailing slash.
      let url: URL | undefined;
      try {
        url = typeof raw === 'string' ? new URL(raw) : undefined;
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.search || url.hash) {
        fail(`must be an http(s) base URL without query or fragment: ${String(raw)}`);
      }
      return url.href.replace(/\/+$/, '');
    },
    show,
  },
  confirm: {
    schema: () => ({ type: 'string', pattern: '^\\s*\\d+\\s*x\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h|d)?\\s*$' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      const rule = typeof raw === 'string' ? parseConfirmRule(raw) : undefined;
      if (!rule) fail(`must be <checks>x<duration>, e.g. 3x3d: ${String(raw)}`);
      return rule;
    },
  },
  shard: {
    schema: () => ({ type: 'string', pattern: '^\\s*\\d+\\s*/\\s*\\d+\\s*$' }),
    compile(raw: unknown, _decl: OptionDecl, fail: Fail) {
      const shard = typeof raw === 'string' ? readShard(raw) : undefined;
      if (!shard) fail(`must be k/n with 1 ≤ k ≤ n ≤ 1000, e.g. 2/4: ${String(raw)}`);
      return shard;
    },
  },
  path: nonEmptyString('must be a file name'),
};

/** One host's overrides over another's: later values win, headers add up. */
export function mergeHost<T extends { headers?: unknown }>(base: T | undefined, over: T): T {
  if (!base) return over;
  const merged = { ...base, ...over };
  if (isPlainObject(base.headers) && isPlainObject(over.headers)) merged.headers = { ...base.headers, ...over.headers };
  return merged;
}
