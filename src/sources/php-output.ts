/**
 * PHP notices and warnings that a site with `display_errors` on prints into the body before
 * the JSON, so a WordPress export or REST answer starts with them instead of `{` or `[`:
 *   `<br />\n<b>Warning</b>:  Undefined variable $x in <b>/var/www/x.php</b> on line <b>3</b><br />\n`
 * or, without html_errors (WP-CLI, cron exports), `PHP Warning:  … in /var/www/x.php on line 3`.
 * The JSON after them is intact; reading it (with a warning) beats refusing the export.
 */
const PHP_MESSAGE =
  /\s*(?:<br\s*\/?>\s*)?(?:<b>)?(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|(?:Recoverable |Catchable )?fatal error|Parse error)(?:<\/b>)?:[^\n]*?\bon line\s*(?:<b>)?\d+(?:<\/b>)?(?:\s*<br\s*\/?>)?/iy;

/**
 * Where the JSON starts after PHP error output at `from`, and where each message starts; undefined
 * unless the text there is one or more PHP messages followed by `{` or `[` (anything else is
 * not ours to skip).
 */
export function skipPhpOutput(text: string, from = 0): { jsonStart: number; messages: number[] } | undefined {
  const messages: number[] = [];
  let i = from;
  for (;;) {
    PHP_MESSAGE.lastIndex = i;
    const m = PHP_MESSAGE.exec(text);
    if (!m) break;
    messages.push(i + (m[0].length - m[0].trimStart().length));
    i += m[0].length;
  }
  if (messages.length === 0) return undefined;
  const jsonStart = text.slice(i).search(/\S/);
  if (jsonStart === -1) return undefined;
  const c = text[i + jsonStart];
  return c === '{' || c === '[' ? { jsonStart: i + jsonStart, messages } : undefined;
}
