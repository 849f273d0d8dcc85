/** True when an input (or a post's source) is an http(s) URL to fetch, not a path or "-". */
export function isUrlInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** True when an input names a file, a folder or a glob: not "-" (standard input) nor a URL. */
export function isPathInput(input: string): boolean {
  return input !== '-' && !isUrlInput(input);
}
