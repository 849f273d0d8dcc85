/**
 * The one place output escaping lives. Post text, anchor text and URLs come from strangers
 * and from the network, so every formatter passes them through one of these before output.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

// XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// With the `u` flag a lone surrogate is its own code point and falls outside the class.
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes characters that may not appear in an XML 1.0 document at all (not even escaped). */
export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

/** Escapes text for XML element content. */
export function escapeXmlText(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>]/g, (ch) => HTML_ENTITIES[ch]);
}

/** Escapes text for a double-quoted XML attribute; keeps tabs/newlines as character references. */
export function escapeXmlAttr(text: string): string {
  return stripXmlIllegal(text).replace(/[&<>"'\t\n\r]/g, (ch) =>
    ch === '\t' ? '&#9;' : ch === '\n' ? '&#10;' : ch === '\r' ? '&#13;' : HTML_ENTITIES[ch],
  );
}

// ECMA-48 sequences: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ST), and two-byte ESC x.
// C1 CSI (U+009B) and OSC (U+009D) forms too, since terminals honour them.
const ANSI_SEQUENCE =
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c|$)|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
// C0 (minus nothing: newlines are flattened by callers), DEL, C1, and bidi controls that can
// reorder what a reader sees (Trojan Source, CVE-2021-42574), plus LRM/RLM/ALM.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// CI runners read every line a job prints and execute the commands in it. GitHub Actions takes
// `::name …::` at the start of a line (after white space: the runner trims it) and the legacy
// `##[name …]` anywhere in a line, `stop-commands` among them, which would also silence our own
// annotations; Azure Pipelines takes `##vso[…]` and TeamCity `##teamcity[…]` anywhere.
// Both runners match these prefixes with .NET's culture-aware string search, which skips
// Unicode's default-ignorable characters (zero-width spaces and joiners, variation selectors,
// the soft hyphen…): to the runner `#\u200c#[add-mask]` is `##[add-mask]`. So a command's marks
// are matched with any of those between them, and broken by a visible ASCII backslash.
const IGNORABLE = '\\p{Default_Ignorable_Code_Point}';
// The second `#` of a runner command (the first stays, so `##[x]` → `#\#[x]`).
const RUNNER_HASH = new RegExp(`(?<=#${IGNORABLE}*)#(?=[${IGNORABLE}a-z]*\\[)`, 'giu');
// `##` or `::` spelled with ignorable characters between the marks, at a given index.
const SPLIT_MARKS_AT = new RegExp(`#${IGNORABLE}+#|:${IGNORABLE}+:`, 'uy');

/**
 * True when two `mark`s stand with ignorable characters between them. Rare, and asked only after
 * includes() found no plain `##`/`::`: each mark is looked at once, and only one followed by a
 * character from U+00AD up (where the ignorable ones start) is tried; a regex scan of a 40 MB
 * report would cost ~36 ms.
 */
function hasSplitMarks(text: string, mark: '#' | ':'): boolean {
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
    if (!(text.charCodeAt(i + 1) >= 0xad)) continue;
    SPLIT_MARKS_AT.lastIndex = i;
    if (SPLIT_MARKS_AT.test(text)) return true;
  }
  return false;
}
// Every match of ANSI_SEQUENCE, the tab/newline runs, CONTROL or RUNNER_HASH holds one of these.
const NEEDS_SANITIZING = new RegExp(
  `[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]|#${IGNORABLE}*#`,
  'u',
);
// The white space .NET's TrimStart removes (Char.IsWhiteSpace: JS \s plus NEL), the ignorable
// characters its search skips, and our own colour codes (SGR), which a log viewer hides.
const LINE_START_COMMAND = new RegExp(`^((?:[\\s\\u0085${IGNORABLE}]|\\u001b\\[[0-9;]*m)*):(?=${IGNORABLE}*:)`, 'u');

/**
 * The one sanitiser for stranger-supplied text that goes into a line we print (terminal
 * report, stderr, CI annotations, Markdown): removes ANSI/OSC escape sequences, C0/C1
 * control characters and bidi overrides; tabs, newlines and the Unicode line and paragraph
 * separators (a log viewer breaks the line there) become single spaces; CI runner
 * commands that work anywhere in a line are broken with a backslash (`##[x]` → `#\#[x]`). A
 * `::` command needs the start of a line, which the line, not a fragment, decides: see
 * {@link guardLines}.
 */
export function sanitizeText(text: string): string {
  // Most text has nothing to remove: one scan instead of four replacements.
  if (!NEEDS_SANITIZING.test(text)) return text;
  return text
    .replace(ANSI_SEQUENCE, '')
    .replace(/[\t\n\r\u2028\u2029]+/g, ' ')
    .replace(CONTROL, '')
    .replace(RUNNER_HASH, '\\#');
}

/**
 * Breaks CI runner commands in text we compose for a terminal or log, line by line: `##[`
 * anywhere and `::` at a line start (our own colour codes stay). Whole outputs go through it
 * after their input fragments went through {@link sanitizeText}: two fragments side by side
 * can still spell a command.
 */
export function guardLines(text: string): string {
  return mapLines(text, (line) => line.replace(RUNNER_HASH, '\\#').replace(LINE_START_COMMAND, '$1\\:'));
}

// What a terminal or a log viewer acts on, beyond runner commands: C0 controls except tab and
// line feed (a CR only before a line feed: CRLF files), DEL, C1, bidi controls and the Unicode
// line and paragraph separators.
const ACTED_ON =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/**
 * True when text printed exactly as it is reaches a terminal or a CI log inert: no escape
 * sequence or control character and no runner command ({@link guardLines} would change
 * nothing). For output that must stay byte-exact (a diff to apply), which sanitising would
 * corrupt: the caller withholds it instead.
 */
export function isInertText(text: string): boolean {
  return !ACTED_ON.test(text) && guardLines(text) === text;
}

// The runner splits output at \n, \r\n and a lone \r (.NET StreamReader.ReadLine).
function mapLines(text: string, fix: (line: string) => string): string {
  if (!text.includes('##') && !text.includes('::') && !hasSplitMarks(text, '#') && !hasSplitMarks(text, ':'))
    return text;
  return text.replace(/[^\r\n]+/g, fix);
}

// Characters that are never needed raw in a machine-readable report and that a terminal or a
// log viewer would act on: DEL, C1 controls, bidi controls, line/paragraph separators.
const INVISIBLE = '\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const INVISIBLE_CONTROLS = new RegExp(`[${INVISIBLE}]`, 'g');

// Every match of INVISIBLE_CONTROLS is one of these.
const HAS_INVISIBLE_CONTROL = new RegExp(`[${INVISIBLE}]`);
// Two ranges holding all of those but the ellipsis "…" (U+2026) of cut sentences: text with
// none of them (English prose and its windows) is cleared by a test ~1.6× faster than the
// exact class (56 → 35 ms over the 40 MB report of 70,000 damaged anchors, two-byte because
// of the "…"); any other text stops it at its first such character, and the exact test decides.
const MAYBE_INVISIBLE_CONTROL = /[\u007f-\u2025\u2027-\u2069]/;

/**
 * Makes a JSON document (the JSON and SARIF reports) inert when printed, without changing its
 * data: `#` of a runner command and invisible controls become `\uXXXX` escapes. JSON text
 * holds `#` and such characters only inside strings, where the escape means the same character.
 */
export function guardJsonText(json: string): string {
  // Most reports hold neither: scans instead of two replacements. "##" by includes() (a search
  // for a string, not a regex alternation tried at every character): the one regex for both
  // took ~40% longer over the 40 MB report of 70,000 damaged anchors.
  if (
    !json.includes('##') &&
    !(MAYBE_INVISIBLE_CONTROL.test(json) && HAS_INVISIBLE_CONTROL.test(json)) &&
    // No `::` in JSON can start a line: a string's line breaks are escaped.
    !hasSplitMarks(json, '#')
  )
    return json;
  return json.replace(RUNNER_HASH, '\\u0023').replace(INVISIBLE_CONTROLS, unicodeEscape);
}

// A character JSON.stringify escapes in a string (a quote, a backslash, a C0 control, a
// surrogate, paired or lone) or that guardJsonText may change in one (a "#", an invisible control).
const NOT_VERBATIM = new RegExp(`["\\\\\\u0000-\\u001f#${INVISIBLE}\\ud800-\\udfff]`);
// A superset of NOT_VERBATIM in fewer ranges, but not "…" (U+2026) of cut sentences: text with
// none (English prose and its windows) is cleared ~1.8× faster than by NOT_VERBATIM's test
// (60 → 33 ms over the 70,000 windows of a paragraph of orphan `</a>` tags).
const MAYBE_NOT_VERBATIM = /[\u0000-\u001f"#\\\u007f-\u2025\u2027-\u2069\ud800-\udfff]/;

/**
 * True when `"text"` is what guardJsonText(JSON.stringify(text)) writes: no character of the
 * string is escaped or guarded. Beside the guard, so the JSON writer's fast path (json.ts) can
 * never let through what the guard would change.
 */
export function isVerbatimJsonString(text: string): boolean {
  return !(MAYBE_NOT_VERBATIM.test(text) && NOT_VERBATIM.test(text));
}

/**
 * Makes an XML or HTML document inert when printed, without changing its data: runner
 * commands become character references (`#&#35;[`, a leading `&#58;:`), and so do bidi
 * controls; C1 controls become references in XML and are dropped in HTML (an HTML parser maps
 * `&#x80;`–`&#x9f;` to Windows-1252 letters). Our inline script and style never contain these.
 */
export function guardMarkupText(markup: string, kind: 'xml' | 'html'): string {
  const guarded = mapLines(markup.replace(RUNNER_HASH, '&#35;'), (line) => line.replace(LINE_START_COMMAND, '$1&#58;'));
  return guarded.replace(INVISIBLE_CONTROLS, (ch) =>
    kind === 'html' && ch <= '\u009f' ? '' : `&#x${ch.charCodeAt(0).toString(16)};`,
  );
}

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Escapes text for one GitHub-flavoured Markdown table cell: no line breaks, `|` escaped,
 * HTML neutralised (GitHub renders inline HTML), and Markdown syntax that could turn text
 * into links, images or emphasis backslash-escaped.
 */
export function escapeMarkdownCell(text: string): string {
  return escapeMarkdownInline(text).replace(/\|/g, '\\|');
}

/** Escapes text for inline Markdown (one line): HTML neutralised, syntax characters escaped. */
export function escapeMarkdownInline(text: string): string {
  return breakReferences(
    breakMentions(
      sanitizeText(text).replace(/[\\`*_{}[\]()#+!~&<>]/g, (ch) =>
        ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : `\\${ch}`,
      ),
    ),
  );
}

// GitHub links `#12`, `owner/repo#12` and `GH-12` in a comment to that issue, and the issue's
// timeline then says the pull request mentioned it (review22): a zero-width space after the
// mark stops the reference as it stops a mention, and the text still reads the same.
const REFERENCE = /\\#(?=\d)|\bGH-(?=\d)/gi;

/** Stops issue references (`#12`, `GH-12`) in post text, escaped as inline Markdown. */
function breakReferences(markdown: string): string {
  if (!markdown.includes('#') && !/gh-/i.test(markdown)) return markdown;
  return markdown.replace(REFERENCE, '$&&#8203;');
}

// GitHub's mention pattern: an @ after the start or a non-word character, then a login or
// org/team. A zero-width space after the @, written as `&#8203;` so the raw Markdown shows it,
// stops the mention (and its notification) while the rendered text still reads "@name"; the
// same choice Renovate and Dependabot made for the release notes they quote in pull requests.
// Not `@<!-- -->name`: a comment is lost when a reader copies the raw cell into another comment.
// A web address (a dotted host, then a path) is matched first and kept whole: GitHub links it rather than reading a mention
// in it, and a zero-width space would spoil a copied address (https://mastodon.social/@jane/1).
// An @ right after a backtick of ours opens a code span, where GitHub links no mention and a
// reference would show as written; after an escaped backtick (`\``, as post text is written) it
// is plain text again, and a mention.
const MENTION = /\bhttps?:\/\/[\w-]+(?:\.[\w-]+)+\/\S*|(?<!\w)(?<!(?<!\\)`)@(?=[a-z0-9])/gi;

/** Stops `@name` in Markdown from pinging anyone when the report is posted as a PR comment. */
export function breakMentions(markdown: string): string {
  if (!markdown.includes('@')) return markdown;
  return markdown.replace(MENTION, (match) => (match === '@' ? '@&#8203;' : match));
}

/**
 * JSON for an inline `<script type="application/json">` element: every `<` becomes \u003c, so
 * no text from a post can end the element (`</script>`) or open a comment state (`<!--`) in
 * it; JSON.parse reads the same value back.
 */
export function escapeScriptJson(json: string): string {
  return json.replace(/</g, '\\u003c');
}
