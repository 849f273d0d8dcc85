import { ConfigError, UsageError } from '../errors.js';
import { fieldName, flagName, type OptionDecl } from './option-decl.js';
import { KINDS, mergeHost, type Fail } from './option-kinds.js';
import { OPTION_TABLE, type ConfigFile } from './option-table.js';
import type { CitecheckOptions } from './options.js';
import { attemptTimeoutMs, RETRY_BASE_DELAY_MS } from './tuning.js';

/** Where a value came from, so errors name it the way the user wrote it. */
type ValueOrigin = { kind: 'file'; label: string } | { kind: 'cli' };

/** One layer of compiled option values (the config file's, or the command line's). */
export type OptionLayer = Partial<CitecheckOptions>;

/** Raw values keyed by config key: a config file's content, or the flags the user typed. */
export type RawValues = Readonly<Record<string, unknown>>;

const DECLS: readonly OptionDecl[] = OPTION_TABLE;
/** Options compiled into the run's options, by config key and by field name. */
const BY_KEY = new Map(DECLS.filter((d) => d.value !== false).map((d) => [d.key, d]));
const BY_FIELD = new Map([...BY_KEY.values()].map((d) => [fieldName(d), d]));
/** Keys of a config file (or flags) that are not the run's options (reports, $schema): read elsewhere. */
const OTHER_KEYS = new Set(DECLS.filter((d) => d.value === false && d.file !== false).map((d) => d.key));

function failFor(origin: ValueOrigin, decl: OptionDecl | undefined, key: string): Fail {
  return (problem, nested) => {
    if (origin.kind === 'cli') throw new UsageError(`--${decl ? flagName(decl) : key}: ${problem}`);
    throw new ConfigError(`${origin.label}: "${nested ?? key}" ${problem}`);
  };
}

/**
 * Checks and compiles one layer of values through the table's validators: the same for the
 * config file and the command line, so a bad value fails before any work, naming the flag
 * (`--exclude: …`) or the file and key (`citecheck.config.json: "exclude" …`).
 */
export function compileLayer(raw: RawValues, origin: ValueOrigin): OptionLayer {
  const layer: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || OTHER_KEYS.has(key)) continue;
    const decl = BY_KEY.get(key);
    const fail: Fail = failFor(origin, decl, key);
    if (!decl || (origin.kind === 'file' && decl.file === false)) fail('is not a known key');
    layer[fieldName(decl)] = KINDS[decl.kind].compile(value, decl, fail);
  }
  return layer as OptionLayer;
}

/** The defaults of every option, compiled (fresh arrays and objects each call). */
export function defaultOptions(): CitecheckOptions {
  const options: Record<string, unknown> = {};
  for (const decl of BY_KEY.values()) {
    const fail: Fail = (problem) => {
      throw new Error(`the default of ${decl.key} ${problem}`);
    };
    options[fieldName(decl)] =
      decl.default === undefined ? undefined : KINDS[decl.kind].compile(decl.default, decl, fail);
  }
  const timeoutMs = options.timeoutMs as number;
  return {
    ...(options as Omit<CitecheckOptions, 'headersTimeoutMs' | 'bodyTimeoutMs' | 'retryBaseDelayMs'>),
    headersTimeoutMs: attemptTimeoutMs(timeoutMs),
    bodyTimeoutMs: attemptTimeoutMs(timeoutMs),
    retryBaseDelayMs: RETRY_BASE_DELAY_MS,
  };
}

/**
 * Merges defaults ← layers, later layers winning; repeatable options (include, exclude,
 * headers) add up, and `hosts` entries merge per host. The per-attempt timeouts follow the
 * resulting timeout.
 */
export function mergeLayers(...layers: ReadonlyArray<OptionLayer | undefined>): CitecheckOptions {
  const options = defaultOptions();
  const target = options as unknown as Record<string, unknown>;
  for (const layer of layers) {
    for (const [field, value] of Object.entries(layer ?? {})) {
      const decl = BY_FIELD.get(field);
      if (!decl || value === undefined) continue;
      if (decl.kind === 'hosts') {
        for (const [host, override] of Object.entries(value as CitecheckOptions['hosts'])) {
          options.hosts[host] = mergeHost(options.hosts[host], override);
        }
      } else if (KINDS[decl.kind].appends) {
        target[field] = [...(target[field] as unknown[]), ...(value as unknown[])];
      } else {
        target[field] = value;
      }
    }
  }
  options.headersTimeoutMs = attemptTimeoutMs(options.timeoutMs);
  options.bodyTimeoutMs = attemptTimeoutMs(options.timeoutMs);
  // Checks across options, once every layer is in.
  if (options.drift && options.archive === 'never')
    throw new UsageError('--drift compares sources with their archived copies; it cannot run with --archive never');
  if (options.confirm && !options.cache)
    throw new UsageError('--confirm counts failures across runs, in the cache: add --cache (or "cache": true)');
  return options;
}

/**
 * Merges defaults ← config file ← command-line values into the options of a run. Both
 * layers use the config file's keys (`cli` may give `headers` as "Name: value" strings).
 */
export function resolveOptions(
  file: { label: string; config: ConfigFile } | undefined,
  cli: RawValues = {},
): CitecheckOptions {
  const fileLayer = file ? compileLayer(file.config, { kind: 'file', label: file.label }) : undefined;
  return mergeLayers(fileLayer, compileLayer(cli, { kind: 'cli' }));
}
