/** Options every formatter accepts; the CLI decides them (TTY, NO_COLOR, working directory). */
export interface RenderOptions {
  /** Emit ANSI colours (terminal only). */
  color?: boolean;
  /** Directory that file paths are made relative to (SARIF locations). */
  cwd?: string;
  /** Terminal: list every post, also in a run of more than ARCHIVE_POSTS posts (`--verbose`). */
  verbose?: boolean;
}
