import { readFileSync } from 'node:fs';

// Node decodes its command line as UTF-8, each byte that is not UTF-8 becoming U+FFFD, and keeps
// no other copy: an argument naming `caf\xe9.md` (a Latin-1 name) reaches process.argv as
// `caf\uFFFD.md`, which names no file. Linux keeps the bytes the process was started with in
// /proc/self/cmdline; elsewhere they are lost (and macOS and Windows refuse such names anyway).

/**
 * The arguments after the script (`args`, process.argv.slice(2)) as the bytes they were given:
 * the last `args.length` of /proc/self/cmdline, NUL-terminated. Node's own arguments (its path,
 * its flags, the script, or a `/usr/bin/env node` shebang's) all come before them, and
 * bin/citecheck.js runs the CLI in its own process (V8's flags are set in it, launch.ts, with no
 * second process). Each must decode to its argument, or none is taken: undefined where there is
 * no /proc, or the command line is not the one Node read (a process.title written over it).
 */
export function argumentBytes(args: readonly string[], cmdline: string): Buffer[] | undefined {
  let line: Buffer;
  try {
    line = readFileSync(cmdline);
  } catch {
    return undefined;
  }
  const all: Buffer[] = [];
  for (let from = 0, end = line.indexOf(0); end >= 0; from = end + 1, end = line.indexOf(0, from))
    all.push(line.subarray(from, end));
  if (all.length < args.length) return undefined;
  const given = all.slice(all.length - args.length);
  return given.every((bytes, i) => bytes.toString('utf8') === args[i]) ? given : undefined;
}

/**
 * The bytes of each of a command's `inputs` whose text holds U+FFFD (RunDeps.inputBytes), by
 * position, also when they are that text (a name that really holds U+FFFD: it is then not said to
 * be undecodable); undefined when no input needs any, or the bytes cannot be read. An input is one of
 * `args` (commander hands them on in order): the k-th input of a text is the k-th argument of
 * that text. An option's value with the same text would shift that count: unless every such
 * argument is the same bytes, those inputs are then given none (and said to be not UTF-8).
 * `cmdline`: where the command line's bytes are read (tests).
 */
export function inputBytes(
  inputs: readonly string[],
  args: readonly string[] = process.argv.slice(2),
  cmdline = '/proc/self/cmdline',
): Array<Buffer | undefined> | undefined {
  if (!inputs.some((input) => input.includes('\ufffd'))) return undefined;
  const given = argumentBytes(args, cmdline);
  if (given === undefined) return undefined;
  // The bytes of each argument holding U+FFFD, by its text, in order.
  const byText = new Map<string, Buffer[]>();
  args.forEach((arg, i) => {
    if (!arg.includes('\ufffd')) return;
    const list = byText.get(arg);
    if (list === undefined) byText.set(arg, [given[i]]);
    else list.push(given[i]);
  });
  const counts = new Map<string, number>();
  for (const input of inputs) if (byText.has(input)) counts.set(input, (counts.get(input) ?? 0) + 1);
  const seen = new Map<string, number>();
  return inputs.map((input) => {
    const candidates = byText.get(input);
    if (candidates === undefined) return undefined;
    const k = seen.get(input) ?? 0;
    seen.set(input, k + 1);
    const bytes =
      counts.get(input) === candidates.length
        ? candidates[k]
        : candidates.every((other) => other.equals(candidates[0]))
          ? candidates[0]
          : undefined;
    return bytes;
  });
}
