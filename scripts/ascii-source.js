/**
 * Rewrites a bundle esbuild wrote so that its source is ASCII alone, the same program written
 * with escapes (scripts/bundle.js runs it on each bundle before the code cache is made).
 *
 * Why: Node reads a file holding one character past ASCII into a two-byte string. esbuild's
 * default charset escapes what strings hold, but leaves regular expression literals and
 * `String.raw` templates as written, and the claim rules' patterns hold curly quotes and dashes
 * (`’`, `“`, `—`): the CLI bundle's ~930 KB of source were read as 1.9 MB of UTF-16 on every
 * run, and decoded from UTF-8 at that. ASCII, they are read into a one-byte string, which V8
 * hashes and keeps at half the size: reading and compiling the bundle with its code cache took
 * ~8 ms less CPU (47 -> 39 ms, 12 paired runs).
 *
 * Each rewrite keeps what the program means (acorn's tokens say where each literal is):
 * - in a regular expression literal, a character X becomes `\uXXXX`, which a pattern reads as
 *   X itself, with or without the u flag, in a class or out (a surrogate pair's two escapes,
 *   with the u flag, are read as the one code point); `\X`, an identity escape (only legal
 *   without the u flag), becomes `\uXXXX` alone;
 * - in a string literal likewise (an escape there is the character itself), except that `\` before
 *   U+2028 or U+2029 is a line continuation, which stands for nothing, and goes;
 * - in a template, X becomes the substitution `${"\uXXXX"}`, which adds X to its cooked and its
 *   raw text alike; `\X` becomes X's substitution in an untagged template (where only the cooked
 *   text is seen: X, or nothing for a line continuation) and `${"\\\uXXXX"}` in a `String.raw`
 *   one (whose raw text keeps the backslash); only in those two (another tag would be handed its
 *   parts in another shape), else the build fails.
 * Anything else past ASCII (an identifier, a comment) fails the build: none is expected.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tokenizer } from 'acorn';

/** `\uXXXX` of one UTF-16 code unit. */
const escape = (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Rewrites each non-ASCII code unit of a literal's text as `write(unit, escaped)`; `escaped` when
 * an odd run of backslashes before it makes the last one its escape, which then goes to `write`.
 */
const rewriteUnits = (text, write) =>
  text.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, unit) => {
    const escaped = slashes.length % 2 === 1;
    return slashes.slice(escaped ? 1 : 0) + write(unit, escaped);
  });

/** U+2028 and U+2029: a backslash before one is a line continuation, which stands for nothing. */
const isLineBreak = (unit) => unit === '\u2028' || unit === '\u2029';

/** A regular expression's or string's unit: `\X` is X itself there, a line continuation nothing. */
const escapeUnit = (unit, escaped) => (escaped && isLineBreak(unit) ? '' : escape(unit));

/** An untagged template's unit: only its cooked text is seen, where `\X` is as in a string. */
const cookedUnit = (unit, escaped) => (escaped && isLineBreak(unit) ? '' : '${"' + escape(unit) + '"}');

/** A `String.raw` template's unit: its raw text is seen, which keeps the backslash escaping X. */
const rawUnit = (unit, escaped) => '${"' + (escaped ? '\\\\' : '') + escape(unit) + '"}';

/** True when the template opening at `tokens[at]` is tagged `String.raw`. */
const isRaw = (tokens, at) =>
  at >= 3 &&
  ['String', '.', 'raw'].every((word, k) => (tokens[at - 3 + k].value ?? tokens[at - 3 + k].type.label) === word);

/** Tokens after which a template is a value of its own, not a tag's argument. */
const BEFORE_VALUE = new Set(['(', ',', '=', ':', '[', ';', '?', '{', '${', 'return', '+', '||', '&&', '??', '=>']);
const isUntagged = (before) => before === undefined || BEFORE_VALUE.has(before.type.label);

/** Rewrites `file` in place to the same program in ASCII; returns how many literals changed. */
export function asciiSource(file) {
  const source = readFileSync(file, 'utf8');
  if (!/[^\0-\x7f]/.test(source)) return 0;
  const edits = [];
  const tokens = [
    ...tokenizer(source, { ecmaVersion: 'latest', allowHashBang: true, allowReturnOutsideFunction: true }),
  ];
  // The templates open around each token: where each opened, and whether its `${…}` is open.
  const open = [];
  tokens.forEach((token, i) => {
    const label = token.type.label;
    const top = open.at(-1);
    if (label === '`') {
      if (top !== undefined && top.depth < 0) open.pop();
      else open.push({ at: i, depth: -1 });
    } else if (top !== undefined && top.depth >= 0 && (label === '{' || label === '${')) top.depth += 1;
    else if (label === '${' && top !== undefined) top.depth = 0;
    else if (label === '}' && top !== undefined && top.depth >= 0) top.depth -= 1;
    const text = source.slice(token.start, token.end);
    if (!/[^\0-\x7f]/.test(text)) return;
    if (label === 'regexp' || label === 'string') edits.push([token.start, token.end, rewriteUnits(text, escapeUnit)]);
    else if (label === 'template' && top !== undefined && isRaw(tokens, top.at))
      edits.push([token.start, token.end, rewriteUnits(text, rawUnit)]);
    else if (label === 'template' && top !== undefined && isUntagged(tokens[top.at - 1]))
      edits.push([token.start, token.end, rewriteUnits(text, cookedUnit)]);
    else
      throw new Error(`ascii-source: ${file}: non-ASCII in a ${label} token at ${token.start} (${text.slice(0, 40)})`);
  });
  const parts = [];
  let at = 0;
  for (const [start, end, text] of edits) {
    parts.push(source.slice(at, start), text);
    at = end;
  }
  parts.push(source.slice(at));
  const ascii = parts.join('');
  if (/[^\0-\x7f]/.test(ascii)) throw new Error(`ascii-source: ${file}: still holds non-ASCII`);
  writeFileSync(file, ascii);
  return edits.length;
}
