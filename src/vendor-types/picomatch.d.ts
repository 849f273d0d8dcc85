// picomatch ships no types; only the matcher input expansion uses is declared.
declare module 'picomatch' {
  /** Options of a matcher (picomatch's README). */
  interface PicomatchOptions {
    /** `*` and `**` match names that start with a dot. */
    dot?: boolean;
    /** POSIX bracket syntax: `[!x]` negates a class, `[[:alpha:]]` classes. */
    posix?: boolean;
  }
  /** A function telling whether a '/'-separated path matches `glob`. */
  function picomatch(glob: string, options?: PicomatchOptions): (path: string) => boolean;
  export default picomatch;
}
