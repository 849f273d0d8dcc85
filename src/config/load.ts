import { openFile, realpathOf } from '../fs-calls.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ConfigError } from '../errors.js';
import { DURATION_HINT } from './duration.js';
import { BYTE_SIZE_HINT } from './byte-size.js';
import type { ConfigFile } from './option-table.js';
import { compileLayer, type OptionLayer } from './resolve.js';
import { buildConfigSchema } from './schema.js';

export type { ConfigFile, HostConfig } from './option-table.js';

/** A config file that was found, validated and compiled. */
export interface LoadedConfig {
  /** Path of the file it came from (or "package.json#citecheck"). */
  file: string;
  /** Its validated content, as written. */
  config: ConfigFile;
  /** Its values compiled for the run (durations in ms, regexes, status matchers). */
  layer: OptionLayer;
}

/** Name of the config file looked for in the working directory. */
const CONFIG_FILE_NAME = 'citecheck.config.json';

/**
 * Most bytes of a config file read: a config is a few hundred bytes, and a pull request can
 * make citecheck.config.json a link to /dev/zero (read to V8's string limit: 14 s, 0.6 GB).
 */
const MAX_CONFIG_BYTES = 1024 * 1024;

let validator: ValidateFunction | undefined;

// Ajv is loaded only when a config file is read: `--help` and a run without a config file
// never pay for it.
async function getValidator(): Promise<ValidateFunction> {
  if (!validator) {
    const { Ajv } = await import('ajv');
    validator = new Ajv({ allErrors: false, strict: false }).compile(buildConfigSchema());
  }
  return validator;
}

/**
 * Finds, validates and compiles the config: `explicit` (from --config) must exist; otherwise
 * citecheck.config.json in `cwd`, else the "citecheck" key of cwd's package.json, else none.
 * A package.json linking outside `cwd` is not read (`warn` says so) rather than stopping the
 * run: it is mostly another tool's file (Nix, Bazel and stow link it), seldom holding our key.
 */
export async function loadConfig(
  cwd: string,
  explicit?: string,
  warn: (message: string) => void = () => {},
): Promise<LoadedConfig | undefined> {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${explicit}`);
    return load(await readJson(file, explicit, true), explicit);
  }
  const own = path.join(cwd, CONFIG_FILE_NAME);
  if (existsSync(own))
    return load(await readJson(await foundInside(cwd, own, CONFIG_FILE_NAME), CONFIG_FILE_NAME), CONFIG_FILE_NAME);
  const pkgFile = path.join(cwd, 'package.json');
  if (existsSync(pkgFile)) {
    const inside = await foundInside(cwd, pkgFile, 'package.json').catch((error: unknown) => {
      if (!(error instanceof ConfigError)) throw error;
      warn(`${error.message}; its "citecheck" key, if any, is not used`);
      return undefined;
    });
    if (inside === undefined) return undefined;
    const pkg = (await readJson(inside, 'package.json')) as Record<string, unknown> | null;
    if (pkg && typeof pkg === 'object' && 'citecheck' in pkg) return load(pkg.citecheck, 'package.json#citecheck');
  }
  return undefined;
}

async function load(content: unknown, label: string): Promise<LoadedConfig> {
  const config = await checkSchema(content, label);
  return { file: label, config, layer: compileLayer(config, { kind: 'file', label }) };
}

/**
 * A config file found in the working directory (not named with --config), symbolic links
 * resolved: it must stay inside the directory, as a folder's links must (README, Safety). A
 * checkout is a pull request's: a citecheck.config.json linking a runner's secret file would
 * have its first characters quoted by the "not valid JSON" error.
 */
async function foundInside(cwd: string, file: string, label: string): Promise<string> {
  const [dir, real] = await Promise.all([realpathOf(cwd), realpathOf(file)]).catch(() => [cwd, file]);
  // A root (`/`) ends with the separator already: `//` would start no path inside it.
  if (real === dir || real.startsWith(dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`)) return real;
  throw new ConfigError(
    `${label}: a link leading outside the working directory; a config file found here is read only inside it (name one elsewhere with --config)`,
  );
}

/**
 * A config file's text, at most MAX_CONFIG_BYTES: a regular file, or, when named with --config, a
 * pipe or device too (`--config <(jq …)`, `--config /dev/stdin` in CI), read to its end or one
 * byte past the cap (so `/dev/zero` ends in the size error at once). A found file must be a
 * regular one: a pull request's link to /dev/stdin would wait on the runner's input.
 */
/** Names of this process's standard input (/dev/stdin links to /proc/self/fd/0, as /dev/fd does to /proc/self/fd). */
const STDIN_NAMES: ReadonlySet<string> = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

async function readConfigText(file: string, label: string, named: boolean): Promise<string> {
  // Standard input that is a socket (a parent process's pipe: Node's spawn makes those) cannot be
  // opened again by name (ENXIO): it is read from the stream this process already holds.
  if (named && STDIN_NAMES.has(file)) return (await readStdin(label)).toString('utf8');
  const handle = await openFile(file, 'r');
  try {
    const stat = await handle.stat();
    const stream = named && (stat.isFIFO() || stat.isCharacterDevice());
    if (!stat.isFile() && !stream) throw new ConfigError(`${label}: not a regular file`);
    // Sized by the file (a package.json is read on most runs), one byte over to see it grow past the cap.
    const buffer = Buffer.allocUnsafe((stream ? MAX_CONFIG_BYTES : Math.min(stat.size, MAX_CONFIG_BYTES)) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) {
      n = (await handle.read(buffer, length, buffer.length - length, null)).bytesRead;
    }
    if (length > MAX_CONFIG_BYTES) throw new ConfigError(`${label}: larger than ${MAX_CONFIG_BYTES} bytes`);
    if (!stream && length > stat.size) throw new ConfigError(`${label}: changed while it was read`);
    return buffer.toString('utf8', 0, length);
  } finally {
    await handle.close();
  }
}

async function readStdin(label: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_CONFIG_BYTES) {
      process.stdin.destroy();
      throw new ConfigError(`${label}: larger than ${MAX_CONFIG_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

async function readJson(file: string, label: string, named = false): Promise<unknown> {
  let text: string;
  try {
    text = await readConfigText(file, label, named);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
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

async function checkSchema(content: unknown, label: string): Promise<ConfigFile> {
  const validate = await getValidator();
  if (validate(content)) return content as ConfigFile;
  throw new ConfigError(`${label}: ${describeSchemaErrors(validate.errors ?? [])}`);
}

/**
 * Validates parsed config content: its shape against the schema, then every value through the
 * option table's validators. Throws ConfigError naming the bad key.
 */
export async function validateConfig(content: unknown, label: string): Promise<ConfigFile> {
  return (await load(content, label)).config;
}

// Definitions whose values are an integer or a string with a unit: a bad one is described in
// the words the flags use, rather than by the first alternative that failed ("must be integer").
const UNIT_VALUES: ReadonlyArray<[definition: string, what: string]> = [
  ['duration', `a duration (${DURATION_HINT})`],
  ['bytes', `a size (${BYTE_SIZE_HINT})`],
];

/** The first error, except that a value failing a duration or size definition is described as one. */
function describeSchemaErrors(errors: ErrorObject[]): string {
  for (const [definition, what] of UNIT_VALUES) {
    const failed = errors.find((e) => e.schemaPath.startsWith(`#/definitions/${definition}/`));
    if (failed && failed.instancePath === errors[0]?.instancePath) {
      const key = failed.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return `"${key}" is not ${what}`;
    }
  }
  return describeSchemaError(errors[0]);
}

// A JSON type in a user's words ("must be integer" read as a validator's, not ours).
const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'an object ({ … })',
  array: 'a list ([ … ])',
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
};

function describeSchemaError(error: ErrorObject | undefined): string {
  if (!error) return 'invalid configuration';
  const key = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return `unknown key "${key ? `${key}.${extra}` : extra}"`;
  }
  if (error.keyword === 'type') {
    const type = String((error.params as { type: string }).type);
    const what = `must be ${TYPE_WORDS[type] ?? type}`;
    return key ? `"${key}" ${what}` : `the configuration ${what}`;
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
