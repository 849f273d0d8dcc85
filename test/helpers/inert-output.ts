/**
 * What "inert" means for text we print: nothing a terminal or a CI runner would act on.
 * Shared by the hostile-output CLI tests and the fuzz tests.
 */

/**
 * What a runner executes in a line: GitHub's `::cmd` after leading white space (its TrimStart also
 * removes NEL), `##[cmd`, Azure's `##vso[` and TeamCity's `##teamcity[` anywhere; its culture-aware
 * search skips default-ignorable characters (zero-width ones, variation selectors) between them.
 */
const RUNNER_COMMAND = /^[\s\u0085\p{DI}]*:\p{DI}*:|#\p{DI}*#[\p{DI}a-z]*\[/iu;

/** Our own annotations, the only commands we mean to print. */
const OUR_ANNOTATION = /^::(error|warning|notice) (file=[^,:]*,(line=\d+,)?)?title=[A-Z_]+::[^\r\n]*$/;

/** What a terminal or log viewer acts on: C0 controls but the line feed, DEL, C1, bidi controls. */
export const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Lines as a runner splits them (\n, \r\n, a lone \r). */
export const outputLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** The lines of `text` a runner would take as a command. */
export const commandLines = (text: string): string[] => outputLines(text).filter((line) => RUNNER_COMMAND.test(line));

/** Why `text` is not inert (a control character, or a command line that is not one of our annotations), or undefined. */
export function notInert(text: string): string | undefined {
  const control = CONTROLS.exec(text);
  if (control) return `control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`;
  const command = commandLines(text).find((line) => !OUR_ANNOTATION.test(line));
  return command === undefined ? undefined : `runner command: ${JSON.stringify(command.slice(0, 200))}`;
}
