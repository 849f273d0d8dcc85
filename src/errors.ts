/**
 * Run-fatal errors. Per-link failures are never thrown (they are CheckResult values); only
 * problems that stop the whole run are, and the CLI maps them to exit codes in one place.
 */

/**
 * Codes of run-fatal errors, all the user's to fix (exit 2). A bug is any other exception:
 * it is never wrapped in a CitecheckError, so the CLI cannot mistake one for the other.
 */
export type CitecheckErrorCode = 'USAGE' | 'CONFIG' | 'INPUT' | 'OUTPUT';

/** A run-fatal error with a stable code and a one-line message meant for the user. */
export class CitecheckError extends Error {
  /** Stable code; tests assert on it, not on wording. */
  readonly code: CitecheckErrorCode;

  constructor(code: CitecheckErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CitecheckError';
    this.code = code;
  }
}

/** The command line or its options are wrong. */
export class UsageError extends CitecheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('USAGE', message, options);
    this.name = 'UsageError';
  }
}

/** The config file is unreadable or has a bad key/value. */
export class ConfigError extends CitecheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CONFIG', message, options);
    this.name = 'ConfigError';
  }
}

/** An input cannot be read or is not a post at all. */
export class InputError extends CitecheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('INPUT', message, options);
    this.name = 'InputError';
  }
}

/** A report file cannot be written. */
export class OutputError extends CitecheckError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('OUTPUT', message, options);
    this.name = 'OutputError';
  }
}

/** Process exit codes (PRODUCT.md): the one place they are written. */
export const EXIT = {
  ok: 0,
  findings: 1,
  userError: 2,
  internalError: 3,
  /** Stopped by Ctrl-C: 128 + SIGINT, the shell convention. */
  interrupted: 130,
  /** Stopped by SIGTERM (a CI timeout, a container stop): 128 + 15. */
  terminated: 143,
} as const;

/** Exit code for an error that ended the run: 2 for the user's errors, 3 for bugs. */
export function exitCodeFor(error: unknown): number {
  return error instanceof CitecheckError ? EXIT.userError : EXIT.internalError;
}
