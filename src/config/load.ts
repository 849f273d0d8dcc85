import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { ConfigError } from '../errors.js';
import { DURATION_HINT } from './duration.js';

/** The config file's shape (see schema/citecheck.config.schema.json, the published contract). */
export interface ConfigFile {
  concurrency?: number;
  hostConcurrency?: number;
  hostInterval?: string | number;
  timeout?: string | number;
  connectTimeout?: string | number;
  retries?: number;
  retryAfterMax?: string | number;
  maxRedirects?: number;
  maxBodyBytes?: number;
  method?: 'get' | 'head';
  userAgent?: string;
  headers?: Record<string, string>;
  accept?: string;
  allowPrivate?: boolean;
  offline?: boolean;
  checkFragments?: boolean;
  soft404Probe?: boolean;
  checkQuotes?: boolean;
  include?: string[];
  exclude?: string[];
  includeMedia?: boolean;
  linkify?: boolean;
  ignore?: string[];
  claims?: { attributionWords?: string[]; attributionIgnore?: string[]; figureIgnore?: string[] };
  cache?: boolean | string;
  cacheMaxAge?: string | number;
  failOn?: 'error' | 'warning' | 'note' | 'never';
  reports?: string[];
  type?: string;
  status?: string;
  after?: string;
  before?: string;
  modifiedAfter?: string;
  limit?: number;
  hosts?: Record<
    string,
    {
      concurrency?: number;
      interval?: string | number;
      headers?: Record<string, string>;
      accept?: string;
      check?: boolean;
    }
  >;
}

/** A config file that was found and validated. */
export interface LoadedConfig {
  /** Path of the file it came from. */
  file: string;
  /** Its validated content. */
  config: ConfigFile;
}

/** Name of the config file looked for in the working directory. */
export const CONFIG_FILE_NAME = 'citecheck.config.json';

const SCHEMA_URL = new URL('../../schema/citecheck.config.schema.json', import.meta.url);
let validator: ReturnType<Ajv['compile']> | undefined;

async function getValidator(): Promise<ReturnType<Ajv['compile']>> {
  if (!validator) {
    const schema = JSON.parse(await readFile(SCHEMA_URL, 'utf8')) as object;
    validator = new Ajv({ allErrors: false, strict: false }).compile(schema);
  }
  return validator;
}

/**
 * Finds and validates the config: `explicit` (from --config) must exist; otherwise
 * citecheck.config.json in `cwd`, else the "citecheck" key of cwd's package.json, else none.
 */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig | undefined> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${explicit}`);
    return { file: explicit, config: await validateConfig(await readJson(file, explicit), explicit) };
  }
  const own = path.join(cwd, CONFIG_FILE_NAME);
  if (existsSync(own)) {
    return {
      file: CONFIG_FILE_NAME,
      config: await validateConfig(await readJson(own, CONFIG_FILE_NAME), CONFIG_FILE_NAME),
    };
  }
  const pkgFile = path.join(cwd, 'package.json');
  if (existsSync(pkgFile)) {
    const pkg = (await readJson(pkgFile, 'package.json')) as Record<string, unknown> | null;
    if (pkg && typeof pkg === 'object' && 'citecheck' in pkg) {
      const label = 'package.json#citecheck';
      return { file: label, config: await validateConfig(pkg.citecheck, label) };
    }
  }
  return undefined;
}

async function readJson(file: string, label: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read config file ${label}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${label} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Validates parsed config content against the published schema; throws ConfigError naming the bad key. */
export async function validateConfig(content: unknown, label: string): Promise<ConfigFile> {
  const validate = await getValidator();
  if (validate(content)) {
    checkRegexes(content as ConfigFile, label);
    return content as ConfigFile;
  }
  throw new ConfigError(`${label}: ${describeSchemaErrors(validate.errors ?? [])}`);
}

/**
 * The first error, except that a value failing the duration definition (an integer or a
 * string with a unit) is described as a duration, in the words the flags use, rather than by
 * the first alternative that failed ("must be integer" for "5parsecs").
 */
function describeSchemaErrors(errors: ErrorObject[]): string {
  const duration = errors.find((e) => e.schemaPath.startsWith('#/definitions/duration/'));
  if (duration && duration.instancePath === errors[0]?.instancePath) {
    const key = duration.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return `"${key}" is not a duration (${DURATION_HINT})`;
  }
  return describeSchemaError(errors[0]);
}

function describeSchemaError(error: ErrorObject | undefined): string {
  if (!error) return 'invalid configuration';
  const key = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `unknown key "${key ? `${key}.${extra}` : extra}"`;
  }
  if (!key) return `the configuration ${error.message ?? 'is invalid'}`;
  if (error.keyword === 'oneOf' || error.keyword === 'pattern') {
    return `"${key}" has an invalid value (${error.keyword === 'pattern' ? 'wrong format' : 'wrong type or format'})`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.join(', ');
    return `"${key}" must be one of ${allowed}`;
  }
  return `"${key}" ${error.message ?? 'is invalid'}`;
}

function checkRegexes(config: ConfigFile, label: string): void {
  for (const key of ['include', 'exclude'] as const) {
    for (const source of config[key] ?? []) {
      try {
        new RegExp(source);
      } catch {
        throw new ConfigError(`${label}: "${key}" has an invalid regular expression: ${source}`);
      }
    }
  }
}
