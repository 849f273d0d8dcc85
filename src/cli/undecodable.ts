import { existsSync, readlinkSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { fileNameText, notUtf8 } from '../sources/name-bytes.js';
import { argumentBytes } from './argv-bytes.js';

// Text Node could not decode, outside the inputs named by file (argv-bytes.ts reads those by
// their bytes): an option's value, an input URL and the working directory. Node hands each byte that is not UTF-8 as U+FFFD,
// so such a value would silently be another one (a report written to `out\uFFFD.json`, a pattern
// matching nothing, a config file never found): the run stops with one line instead.

/** What commander tells of an option: its flags and whether it takes a value. */
interface FlagOption {
  long?: string;
  short?: string;
  required: boolean;
  optional: boolean;
}

/**
 * The first option value given as bytes that are not UTF-8, as `--flag: …` (undefined when there
 * is none, or the command line's bytes cannot be read). A value is `--flag=value`, or the
 * argument after a flag that takes one; after `--` every argument is an input.
 * `cmdline`: where the command line's bytes are read (tests).
 */
export function optionBytesError(
  options: readonly FlagOption[],
  args: readonly string[] = process.argv.slice(2),
  cmdline = '/proc/self/cmdline',
): string | undefined {
  if (!args.some((arg) => arg.includes('\ufffd'))) return undefined;
  const given = argumentBytes(args, cmdline);
  if (given === undefined) return undefined;
  const takesValue = new Map<string, FlagOption>();
  for (const option of options) {
    if (!option.required && !option.optional) continue;
    if (option.long) takesValue.set(option.long, option);
    if (option.short) takesValue.set(option.short, option);
  }
  for (let i = 0; i < args.length && args[i] !== '--'; i += 1) {
    const arg = args[i];
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : i > 0 ? args[i - 1] : '';
    const option = takesValue.get(flag);
    if (option === undefined) continue;
    // An optional value ([file]) is not taken from an argument that looks like a flag.
    if (equals < 0 && option.optional && arg.startsWith('-')) continue;
    const bytes = equals > 0 ? given[i].subarray(Buffer.byteLength(arg.slice(0, equals + 1))) : given[i];
    if (notUtf8(bytes)) {
      return `${option.long ?? flag}: the value ${fileNameText(bytes)} is not valid UTF-8 (each \\xHH is a byte that is not); an option's value must be UTF-8 text`;
    }
  }
  return undefined;
}

// An input that is a URL (check's, wp's site) is never a file name to find by its bytes: a byte
// that is not UTF-8 in it reached the URL parser as U+FFFD, which was then refused as "Invalid
// URL" with the U+FFFD shown, or percent-encoded in a path as another URL.
const URL_ARGUMENT = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The first argument that is a URL given as bytes that are not UTF-8, as one line (undefined
 * when there is none, or the command line's bytes cannot be read). Option values come first
 * (optionBytesError), so what is left here is an input.
 */
export function urlBytesError(
  args: readonly string[] = process.argv.slice(2),
  cmdline = '/proc/self/cmdline',
): string | undefined {
  if (!args.some((arg) => arg.includes('\ufffd') && URL_ARGUMENT.test(arg))) return undefined;
  const given = argumentBytes(args, cmdline);
  if (given === undefined) return undefined;
  for (let i = 0; i < args.length; i += 1) {
    if (URL_ARGUMENT.test(args[i]) && notUtf8(given[i])) {
      return `the URL ${fileNameText(given[i])} is not valid UTF-8 (each \\xHH is a byte that is not); percent-encode such bytes (%HH)`;
    }
  }
  return undefined;
}

/**
 * Why citecheck cannot run in the working directory: it is gone, or its name is not UTF-8, so
 * that every path made absolute from it (a report's, the config file's, a glob's) names nothing.
 * A name that really holds U+FFFD exists as Node spells it, and is fine.
 */
function workingDirError(cwd: () => string = () => process.cwd()): string | undefined {
  let dir: string;
  try {
    dir = cwd();
  } catch {
    return 'the working directory no longer exists; run citecheck from another one';
  }
  if (!dir.includes('\ufffd') || existsSync(dir)) return undefined;
  let shown = dir;
  try {
    shown = fileNameText(readlinkSync('/proc/self/cwd', { encoding: 'buffer' }));
  } catch {
    // No /proc: the name as Node decoded it.
  }
  return `the working directory ${shown} has a name that is not valid UTF-8, which Node cannot hold; run citecheck from a folder whose path is UTF-8 (name the inputs by a path from there)`;
}

/** Throws a UsageError (exit 2) when the command cannot run as given (see above). */
export function refuseUndecodable(options: readonly FlagOption[]): void {
  const why = workingDirError() ?? optionBytesError(options) ?? urlBytesError();
  if (why !== undefined) throw new UsageError(why);
}
