/** How an option's value is written, checked and compiled (rules in option-kinds.ts). */
export type OptionKindName =
  | 'count'
  | 'bytes'
  | 'duration'
  | 'switch'
  | 'text'
  | 'headerValue'
  | 'url'
  | 'choice'
  | 'patterns'
  | 'statuses'
  | 'headers'
  | 'headerMap'
  | 'cache'
  | 'reports'
  | 'hosts'
  | 'path'
  | 'names'
  | 'date'
  | 'urls'
  | 'claims'
  | 'endpoint'
  | 'confirm'
  | 'shard';

/** The commands whose flags the table declares. */
export type CommandName = 'check' | 'extract' | 'wp' | 'fix' | 'merge';

/** The checking commands, which take every option of a run unless a declaration says otherwise. */
export const CHECKING_COMMANDS: readonly CommandName[] = ['check', 'wp', 'fix'];

/**
 * One option, declared once: the commander flag, the config-file key and its JSON Schema, the
 * compiled value handed to the run, the default, and the sentences of --help and the README
 * all derive from this entry.
 */
export interface OptionDecl {
  /** Config-file key (camelCase); the flag is its kebab-case unless `flag` says otherwise. */
  readonly key: string;
  /** How the value is written, checked and compiled. */
  readonly kind: OptionKindName;
  /** The --help sentence: lower case, no full stop. */
  readonly help: string;
  /** More for the README and the schema than fits in --help (may hold `code`). */
  readonly note?: string;
  /** Description of the config key when `help` describes a negating flag. */
  readonly keyHelp?: string;
  /** Default, written as in the config file; --help, the README and the schema show it. */
  readonly default?: unknown;
  /** Name of the compiled value in the run's options when it differs from `key`. */
  readonly field?: string;
  /** Flag name (no dashes) when it is not kebab-case(key); false: config file only. */
  readonly flag?: string | false;
  /** false: command line only. */
  readonly file?: false;
  /** false: read by the CLI itself, not part of the run's options. */
  readonly value?: false;
  /** The flag's value placeholder ("<n>", "[file]"); switches take none. */
  readonly arg?: string;
  /** The flag turns the option off: --no-<flag>. */
  readonly negate?: true;
  /** The commands that take the flag (default: check and wp). */
  readonly commands?: readonly CommandName[];
  /** The help sentence under `extract`, when it differs. */
  readonly extractHelp?: string;
  /** Smallest whole number allowed (count). */
  readonly min?: number;
  /** Largest whole number allowed (count). */
  readonly max?: number;
  /** The values allowed (choice). */
  readonly choices?: readonly string[];
  /** A duration that must be more than 0. */
  readonly positive?: true;
}

/** "hostInterval" → "host-interval", "soft404Probe" → "soft-404-probe": the one kebab-casing. */
export function kebabCase(key: string): string {
  return key.replace(/[A-Z]|\d+/g, (part) => `-${part.toLowerCase()}`);
}

/** The flag of an option without dashes or placeholder ("host-interval", "no-check-quotes"), or undefined (config file only). */
export function flagName(decl: OptionDecl): string | undefined {
  if (decl.flag === false) return undefined;
  const name = decl.flag ?? kebabCase(decl.key);
  return decl.negate ? `no-${name}` : name;
}

/** The flag as --help and errors write it: "--host-interval <duration>". */
export function flagSpec(decl: OptionDecl): string | undefined {
  const name = flagName(decl);
  if (name === undefined) return undefined;
  return decl.arg ? `--${name} ${decl.arg}` : `--${name}`;
}

/** True when `command` takes the option's flag. */
export function takesFlag(decl: OptionDecl, command: CommandName): boolean {
  return decl.flag !== false && (decl.commands ?? CHECKING_COMMANDS).includes(command);
}

/** The compiled value's name in the run's options. */
export function fieldName(decl: OptionDecl): string {
  return decl.field ?? decl.key;
}
